"""The engine registry, voice specs and cast resolution."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.cli import cli
from audio_edition.errors import InputError
from audio_edition.model import Voice
from audio_edition.voices import (
    FakeEngine,
    engine_names,
    get_engine,
    parse_voice_spec,
    register_engine,
    registry,
)
from audio_edition.voices.base import Engine
from audio_edition.voices.cast import CastSettings
from tests.conftest import ARTICLES
from tests.tagged import resolve_cast


def test_builtin_engines_are_registered_and_satisfy_the_protocol() -> None:
    assert {"piper", "fake"} <= set(engine_names())
    for name in ("piper", "fake"):
        assert isinstance(get_engine(name), Engine)


def test_unknown_engine_names_the_choices() -> None:
    with pytest.raises(InputError, match="unknown engine 'nope': choose one of"):
        get_engine("nope")


def test_registering_twice_needs_replace() -> None:
    with pytest.raises(ValueError):
        register_engine("fake", FakeEngine)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("piper:joe", Voice("piper", "joe")),
        ("joe+bright", Voice("piper", "joe+bright")),
        ("piper:/voices/en_GB-alan.onnx", Voice("piper", "/voices/en_GB-alan.onnx")),
        ("gtts:en@co.uk", Voice("gtts", "en@co.uk")),
        ("espeak:en-gb+m3", Voice("espeak", "en-gb+m3")),
    ],
)
def test_voice_specs(spec: str, expected: Voice) -> None:
    assert parse_voice_spec(spec, "piper") == expected


def test_default_cast_comes_from_the_engine(fake_engine: FakeEngine) -> None:
    cast = resolve_cast(CastSettings(engine="fake"), "en")
    assert cast == {"narrator": Voice("fake", "narrator"), "quote": Voice("fake", "quote")}


def test_cast_refuses_the_narrator_as_quote_voice(fake_engine: FakeEngine) -> None:
    with pytest.raises(InputError, match="quote voice is the narrator's"):
        resolve_cast(CastSettings(engine="fake", narrator="fake:low", quote_voice="fake:low"), "en")


def test_cast_checks_voices_before_any_audio(fake_engine: FakeEngine) -> None:
    with pytest.raises(InputError, match="unknown fake voice"):
        resolve_cast(CastSettings(engine="fake", quote_voice="fake:robot"), "en")
    assert fake_engine.calls == []


def install_engine_plugin(
    root: Path, monkeypatch: pytest.MonkeyPatch, entry: str, module: str, source: str, target: str = "Engine"
) -> None:
    """Install a real distribution that registers `entry = module:target` in the entry-point group
    `audio_edition.engines`: a module and a `*.dist-info` folder in `root`, put on sys.path, with
    the registry made to look for plugins again."""
    root.mkdir(parents=True, exist_ok=True)
    (root / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = root / f"{module}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {module.replace('_', '-')}\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[audio_edition.engines]\n{entry} = {module}:{target}\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(root))
    monkeypatch.delitem(sys.modules, module, raising=False)
    monkeypatch.setattr(registry, "_PLUGINS_LOADED", False)


def test_names_are_case_insensitive_and_listed_in_lower_case() -> None:
    engine = FakeEngine()
    register_engine("MyTTS", lambda: engine)
    assert get_engine("MyTTS") is engine and get_engine("mytts") is engine and get_engine(" MYTTS ") is engine
    assert "mytts" in engine_names() and "MyTTS" not in engine_names()
    with pytest.raises(ValueError, match="already registered"):
        register_engine("mytts", FakeEngine)


def test_a_plugin_named_with_capitals_builds_with_its_name_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = """
        from audio_edition.voices.fake import FakeEngine

        class Engine(FakeEngine):
            name = "MyTTS"
    """
    install_engine_plugin(tmp_path / "site", monkeypatch, "MyTTS", "mytts_plugin", source)
    out = tmp_path / "out"
    args = ["build", str(ARTICLES / "glacier-retreat-survey.md"), "-o", str(out), "-q"]
    result = CliRunner(mix_stderr=False).invoke(
        cli, [*args, "--engine", "MyTTS", "--quote-voice", "MyTTS:low", "--cache-dir", str(tmp_path / "c")]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads((out / "glacier-retreat-survey.json").read_text(encoding="utf-8"))
    assert data["engine"] == "mytts" and data["segments"]
    plugin = get_engine("MyTTS")
    assert type(plugin).__module__ == "mytts_plugin"  # the entry point's class spoke the episode
    assert {voice for _, voice in plugin.calls} == {"narrator", "low"}  # type: ignore[attr-defined]
