"""The engine registry, voice specs and cast resolution."""

from __future__ import annotations

import pytest

from audio_edition.errors import InputError
from audio_edition.options import Options
from audio_edition.voices import FakeEngine, engine_names, get_engine, parse_voice_spec, register_engine
from audio_edition.voices.base import Engine, VoiceSpec
from audio_edition.voices.cast import resolve_cast


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
        ("piper:joe", VoiceSpec("piper", "joe")),
        ("joe+bright", VoiceSpec("piper", "joe+bright")),
        ("piper:/voices/en_GB-alan.onnx", VoiceSpec("piper", "/voices/en_GB-alan.onnx")),
        ("gtts:en@co.uk", VoiceSpec("gtts", "en@co.uk")),
        ("espeak:en-gb+m3", VoiceSpec("espeak", "en-gb+m3")),
    ],
)
def test_voice_specs(spec: str, expected: VoiceSpec) -> None:
    assert parse_voice_spec(spec, "piper") == expected


def test_default_cast_comes_from_the_engine(fake_engine: FakeEngine) -> None:
    cast = resolve_cast(Options(engine="fake"), "en")
    assert cast == {"narrator": VoiceSpec("fake", "narrator"), "quote": VoiceSpec("fake", "quote")}


def test_cast_refuses_the_narrator_as_quote_voice(fake_engine: FakeEngine) -> None:
    with pytest.raises(InputError, match="quote voice is the narrator's"):
        resolve_cast(Options(engine="fake", narrator="fake:low", quote_voice="fake:low"), "en")


def test_cast_checks_voices_before_any_audio(fake_engine: FakeEngine) -> None:
    with pytest.raises(InputError, match="unknown fake voice"):
        resolve_cast(Options(engine="fake", quote_voice="fake:robot"), "en")
    assert fake_engine.calls == []
