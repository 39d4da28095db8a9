"""Voices and casts are values from the cast to the manifest: what credits say of a voice comes from
the voices stage, a cast is never changed, and the fingerprint asks the voices stage which voices a
build may speak with."""

from __future__ import annotations

import dataclasses

import pytest

from audio_edition.model import Voice
from audio_edition.voices.auto import AUTO_ENGINES, engines_for
from audio_edition.voices.cast import Cast, CastSettings, cast_voices, resolve_cast
from audio_edition.voices.registry import described
from tests.tagged import lang


@pytest.mark.parametrize(
    ("voice", "credit"),
    [
        (Voice("piper", "joe"), "Piper joe"),
        (Voice("piper", "/models/fr_FR-siwis-medium.onnx+deep"), "Piper fr_FR-siwis-medium.onnx+deep"),
        (Voice("piper", "/models/fr_FR-siwis-medium.onnx"), "Piper fr_FR-siwis-medium"),
        (Voice("espeak", "fr+m4"), "eSpeak NG fr+m4"),
        (Voice("gtts", "en@co.uk"), "Google Translate (gTTS) en@co.uk"),
        (Voice("someplugin", "alto"), "someplugin alto"),
        (Voice("gtts", ""), "Google Translate (gTTS)"),
    ],
)
def test_the_voices_stage_says_how_credits_name_a_voice(voice: Voice, credit: str) -> None:
    assert described(voice).credit == credit


def test_a_described_voice_is_the_same_voice() -> None:
    voice = described(Voice("piper", "joe+bright"))
    assert voice == Voice("piper", "joe+bright") and hash(voice) == hash(Voice("piper", "joe+bright"))
    assert str(voice) == "piper:joe+bright"  # as the manifest writes it


def test_a_cast_is_a_value(fake_engine: object) -> None:
    cast = resolve_cast(CastSettings("fake", None, None, False), lang("en"))
    assert isinstance(cast, Cast)
    assert cast == {"narrator": Voice("fake", "narrator"), "quote": Voice("fake", "quote")}
    assert [v.title for v in cast.values()] == ["fake", "fake"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        cast.roles = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        cast["narrator"] = Voice("fake", "quote")  # type: ignore[index]


def test_the_voices_a_cast_may_speak_with_are_the_casts_and_its_speaker_pool() -> None:
    plain = cast_voices(CastSettings("gtts", None, None, False), lang("fr"))
    assert plain == [Voice("gtts", "fr@fr"), Voice("gtts", "fr@ca")]
    pooled = cast_voices(CastSettings("gtts", None, None, True), lang("fr"))
    assert pooled[:2] == plain and len(pooled) > 2
    assert all(v.engine == "gtts" and v.voice.startswith("fr@") for v in pooled)
    asked = cast_voices(CastSettings("gtts", "piper:joe", "espeak:en+m3", False), lang("en"))
    assert asked == [Voice("piper", "joe"), Voice("espeak", "en+m3")]


def test_auto_may_speak_with_its_engines_and_a_named_engine_with_itself() -> None:
    assert engines_for("auto") == AUTO_ENGINES == ("gtts", "piper", "espeak")
    assert engines_for(" Piper ") == ("piper",)
