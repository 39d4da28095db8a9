"""The public API: `__all__` names exactly what the package exports, and each name resolves."""

from __future__ import annotations

import importlib
import inspect
import re
import shutil
import types
from pathlib import Path

import pytest

import audio_edition
from audio_edition import errors

MODULES = [
    "audio_edition",
    "audio_edition.ingest",
    "audio_edition.script",
    "audio_edition.voices",
    "audio_edition.audio",
    "audio_edition.publish",
]


def public_error_types() -> list[type[errors.AudioEditionError]]:
    """Every error class `audio_edition.errors` defines (found, not listed: new ones count too)."""
    return [
        value
        for value in vars(errors).values()
        if inspect.isclass(value)
        and issubclass(value, errors.AudioEditionError)
        and value.__module__ == errors.__name__
    ]


@pytest.mark.parametrize("name", MODULES)
def test_all_is_honest(name: str) -> None:
    module = importlib.import_module(name)
    exported = module.__all__
    assert len(exported) == len(set(exported))
    for item in exported:
        assert hasattr(module, item), f"{name}.__all__ names missing {item}"


def test_every_public_error_type_is_exported_at_the_top() -> None:
    found = public_error_types()
    assert {e.__name__ for e in found} >= {"AudioEditionError", "InputError", "QualityError", "OutputError"}
    for error in found:
        assert error.__name__ in audio_edition.__all__, f"audio_edition.__all__ lacks {error.__name__}"
        assert getattr(audio_edition, error.__name__) is error


def test_top_level_all_is_exactly_the_public_namespace() -> None:
    """Both ways: nothing public at the top is left out of `__all__`, nothing in it is missing."""
    public = {
        name
        for name, value in ((n, getattr(audio_edition, n)) for n in dir(audio_edition))
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and type(value).__module__ != "__future__"  # `from __future__ import annotations`
    }
    assert public == set(audio_edition.__all__)


def test_top_level_exports_every_stage() -> None:
    for stage in ("read_article", "write_script", "produce", "register_engine"):
        assert stage in audio_edition.__all__
    assert audio_edition.__version__


def test_the_readme_python_example_runs_and_prints_short_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's Python example, run as written but with the fake engine for speed (the API path
    is the same for every engine): str paths are taken, and results print in a line each."""
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("**From Python.**") :]
    start = section.index("```python\n") + 10
    code = section[start : section.index("\n```", start)]
    assert 'engine="piper"' in code
    (tmp_path / "articles").mkdir()
    shutil.copy(ROOT / "articles" / "harbour-ferry-strike.txt", tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AUDIO_EDITION_CACHE", str(tmp_path / "cache"))  # a first build, whatever ran before
    exec(code.replace('engine="piper"', 'engine="fake"'), {})  # noqa: S102 - the README's own code
    printed = capsys.readouterr().out.splitlines()
    assert re.fullmatch(
        r"Built\('episodes/harbour-ferry-strike\.mp3', 6 files, [\d.]+ s, reused=False\)", printed[0]
    )
    assert printed[1].startswith("Episode('Harbour Ferry Crews Vote to Strike Over Night Shifts', ")
    assert len(printed[1]) < 200 and len(printed) == 5
    assert (tmp_path / "episodes" / "harbour-ferry-strike.json").is_file()


def test_options_take_str_paths() -> None:
    from audio_edition import Options

    options = Options(out_dir="episodes", cache_dir="c", lexicon="l.toml", cover="c.png")
    assert options.out_dir == Path("episodes") and options.cache_dir == Path("c")
    assert options.lexicon == Path("l.toml") and options.cover == Path("c.png")
