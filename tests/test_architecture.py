"""The design as built: docs/ARCHITECTURE.md names every module of the package (and no module that
is gone), and the stages import only downward: languages -> text -> ingest -> script -> voices -> audio
-> publish."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "audio_edition"
DOC = ROOT / "docs" / "ARCHITECTURE.md"
# The floors, lowest first: a module imports only from its own floor and those below it, even inside
# a function. Every module of the package stands on one (a stage's package holds its modules).
BASE = ["errors", "model", "store", "defaults", "version", "languages"]  # below every stage
ORDER = ["text", "ingest", "script", "voices", "audio", "publish"]  # the stages
ON_TOP = [
    "options",
    "stage_settings",
    "collaborators",
    "pipeline",
    "batch",
    "batch_jobs",
    "bulletin",
    "follow",
    "fingerprint",
    "build_cache",
    "preview",
    "report",
    "scheduler_address",
    "cli",
    "cli_options",
    "cli_errors",
    "verify",
]
FLOORS = [BASE, *([stage] for stage in ORDER), ON_TOP]
TOP = len(FLOORS) - 1  # where the package top (`audio_edition/__init__.py`) stands
# Modules on a floor that may import less than their floor: the build's options are the user's
# value, not a stage's, and depend on no stage (each stage's settings are made from them on top).
ONLY_FROM_BASE = {"audio_edition.options"}


def modules() -> set[str]:
    """Every module of the package, as a path under `audio_edition/`."""
    return {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")}


def test_the_architecture_names_every_module_and_no_other() -> None:
    text = DOC.read_text(encoding="utf-8")
    named = {n for n in re.findall(r"`([a-z0-9_]+(?:/[a-z0-9_]+)?\.py)`", text) if not n.startswith("tests/")}
    assert modules() - named == set(), "modules the architecture does not describe"
    assert named - modules() == set(), "modules the architecture names that do not exist"


def dotted(path: Path) -> str:
    """The module a file of the package is: `audio_edition.publish.daisy_ncc`, `audio_edition`."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[str]:
    """The package's modules the file at `path` imports (see `imports_in`)."""
    package = dotted(path) if path.name == "__init__.py" else dotted(path).rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(code: str, package: str) -> list[str]:
    """The package's modules `code` imports (of a module of `package`), dotted, even inside a
    function: `from audio_edition import X` is the module X when X is one, else the package top
    (`audio_edition`), as a bare `import audio_edition` is; a relative import is resolved."""
    found = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the module's package, up a level per dot after the first
                above = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*above, *([base] if base else [])])
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.append(sub if _is_module(sub) else base)
    return [name for name in found if name == "audio_edition" or name.startswith("audio_edition.")]


def _is_module(name: str) -> bool:
    relative = Path(*name.split("."))
    return (ROOT / relative.with_suffix(".py")).is_file() or (ROOT / relative / "__init__.py").is_file()


def floor_of(module: str) -> int:
    """The floor a dotted module of the package stands on (KeyError when it stands on none)."""
    parts = module.split(".")
    if len(parts) == 1:
        return TOP
    return next(k for k, floor in enumerate(FLOORS) if parts[1] in floor)


def test_every_module_stands_on_a_floor() -> None:
    unplaced = []
    for path in sorted(PACKAGE.rglob("*.py")):
        try:
            floor_of(dotted(path))
        except StopIteration:
            unplaced.append(dotted(path))
    assert unplaced == [], "place these on a floor of tests/test_architecture.py"


@pytest.mark.parametrize("floor", range(len(FLOORS)), ids=["base", *ORDER, "top"])
def test_no_module_imports_from_a_floor_above_its_own(floor: int) -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if floor_of(dotted(path)) == floor
        for name in _imports(path)
        if floor_of(name) > floor
    ]
    assert offenders == []


def test_the_options_import_nothing_but_the_base() -> None:
    offenders = [
        f"{module}: {name}"
        for module in sorted(ONLY_FROM_BASE)
        for name in _imports(ROOT / Path(*module.split(".")).with_suffix(".py"))
        if floor_of(name) != 0
    ]
    assert offenders == []


def test_the_floors_catch_an_upward_import_however_it_is_written() -> None:
    """The package top, a name taken from it, a relative import and one inside a function count."""
    written = {
        "import audio_edition\n": "audio_edition",
        "from audio_edition import __version__\n": "audio_edition",
        "from audio_edition import options\n": "audio_edition.options",
        "def f():\n    from ..options import Options\n": "audio_edition.options",
        "from . import formats\n": "audio_edition.publish.formats",
    }
    for code, target in written.items():
        assert imports_in(code, "audio_edition.publish") == [target], code
    assert floor_of("audio_edition") == floor_of("audio_edition.options") == TOP
    assert floor_of("audio_edition.publish.daisy_ncc") < TOP


def test_no_package_face_defines_more_than_lazy_lookups() -> None:
    """A package's `__init__.py` re-exports: at most the module `__getattr__`/`__dir__` pair
    that imports a name on first use."""
    for face in sorted(PACKAGE.glob("*/__init__.py")):
        tree = ast.parse(face.read_text(encoding="utf-8"))
        functions = [n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
        classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
        assert classes == [] and set(functions) <= {"__getattr__", "__dir__"}, face


# The languages sit below every stage: a language module may import the shared builders and tables
# of `languages/` and `model`, nothing of a stage; and no module outside `languages/` names a
# language module (one defining `LANGUAGE`): stages are handed the `Language` value.
LANGUAGE_MODULES = sorted(
    p.stem for p in (PACKAGE / "languages").glob("*.py") if "\nLANGUAGE = " in p.read_text(encoding="utf-8")
)


def test_the_built_in_languages_are_modules_of_their_own() -> None:
    assert LANGUAGE_MODULES == ["de", "en", "es", "fr", "it", "pt"]


def test_the_languages_import_no_stage() -> None:
    allowed = {"languages", "model"}
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in sorted((PACKAGE / "languages").glob("*.py"))
        for name in _imports(path)
        if name.split(".")[1] not in allowed
    ]
    assert offenders == []


def test_no_module_outside_the_languages_imports_a_language_module() -> None:
    named = {f"audio_edition.languages.{code}" for code in LANGUAGE_MODULES}
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.parent.name != "languages"
        for name in _imports(path)
        if name in named
    ]
    assert offenders == []


def test_no_function_below_the_pipeline_takes_a_language_tag() -> None:
    """A parameter named `language` or `lang` in a stage is a `Language` (or its code for a
    library, named `code`), never a tag string: the tag is read once, by the registry. (The
    languages' own builders, on the base floor, name a library's code `lang`: they are where codes
    are spelled out.)"""
    offenders = []
    for stage in ORDER:
        for path in sorted((PACKAGE / stage).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                for arg in [*node.args.args, *node.args.kwonlyargs]:
                    hint = ast.unparse(arg.annotation) if arg.annotation else ""
                    if arg.arg in ("language", "lang") and "str" in hint:
                        offenders.append(f"{path.relative_to(PACKAGE)}: {node.name}({arg.arg}: {hint})")
    assert offenders == []
