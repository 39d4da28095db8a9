"""The design as built: docs/ARCHITECTURE.md names every module of the package (and no module that
is gone), and the stages import only downward: text -> ingest -> script -> voices -> audio -> publish."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "audio_edition"
DOC = ROOT / "docs" / "ARCHITECTURE.md"
# Each stage, and what it may never import (even inside a function).
ORDER = ["text", "ingest", "script", "voices", "audio", "publish"]
ON_TOP = [
    "pipeline",
    "batch",
    "follow",
    "fingerprint",
    "build_cache",
    "cli",
    "cli_options",
    "cli_errors",
    "report",
    "verify",
]


def modules() -> set[str]:
    """Every module of the package, as a path under `audio_edition/`."""
    return {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")}


def test_the_architecture_names_every_module_and_no_other() -> None:
    text = DOC.read_text(encoding="utf-8")
    named = {n for n in re.findall(r"`([a-z0-9_]+(?:/[a-z0-9_]+)?\.py)`", text) if not n.startswith("tests/")}
    assert modules() - named == set(), "modules the architecture does not describe"
    assert named - modules() == set(), "modules the architecture names that do not exist"


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return [name for name in found if name.startswith("audio_edition.")]


@pytest.mark.parametrize("stage", ORDER)
def test_a_stage_imports_no_later_stage(stage: str) -> None:
    later = ORDER[ORDER.index(stage) + 1 :] + ON_TOP
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in sorted((PACKAGE / stage).glob("*.py"))
        for name in _imports(path)
        if name.split(".")[1] in later
    ]
    assert offenders == []


def test_no_package_face_defines_more_than_lazy_lookups() -> None:
    """A package's `__init__.py` re-exports: at most the module `__getattr__`/`__dir__` pair
    that imports a name on first use."""
    for face in sorted(PACKAGE.glob("*/__init__.py")):
        tree = ast.parse(face.read_text(encoding="utf-8"))
        functions = [n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
        classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
        assert classes == [] and set(functions) <= {"__getattr__", "__dir__"}, face
