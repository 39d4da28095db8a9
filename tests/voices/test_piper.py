"""The Piper engine with the bundled voice: real synthesis, a distinct quote voice, clear refusals."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from audio_edition.errors import InputError
from audio_edition.model import Clip
from audio_edition.voices import get_engine
from tests.audio_checks import median_pitch, rms_db
from tests.tagged import lang

SENTENCE = "The harbour ferries will run again on Monday morning, the operator said."


@pytest.fixture(scope="module")
def piper():  # type: ignore[no-untyped-def]
    engine = get_engine("piper")
    ok, why = engine.available()
    assert ok, why
    return engine


def test_bundled_voice_speaks_a_sentence(piper) -> None:  # type: ignore[no-untyped-def]
    clip = piper.synthesize(SENTENCE, "joe")
    assert clip.sample_rate == 22050
    assert 2.0 < clip.duration < 8.0  # about 12 words at a newsreader's pace
    assert rms_db(clip.samples) > -30


def test_default_quote_voice_is_audibly_another_voice_at_the_same_pace(piper) -> None:  # type: ignore[no-untyped-def]
    """The default cast, as spoken: the quote voice is higher than the narrator, a deep variant
    lower, at the same pace. (This replaces a check that the two default voice names differ.)"""

    def spoken(voice: str) -> Clip:
        """Three takes joined: Piper's prosody varies from take to take (one take's pitch ratio
        ranged 1.07-1.15 over runs; three takes' 1.12-1.16)."""
        takes = [piper.synthesize(SENTENCE, voice) for _ in range(3)]
        return Clip(np.concatenate([t.samples for t in takes]), takes[0].sample_rate)

    cast = piper.default_voices(lang("en"))
    plain, quote, deep = spoken(cast["narrator"]), spoken(cast["quote"]), spoken("joe+deep")
    p_plain = median_pitch(plain.samples, plain.sample_rate)
    p_quote = median_pitch(quote.samples, quote.sample_rate)
    p_deep = median_pitch(deep.samples, deep.sample_rate)
    assert p_quote > p_plain * 1.08
    assert p_deep < p_plain * 0.95
    assert abs(quote.duration - plain.duration) / plain.duration < 0.2


def test_every_listed_voice_is_accepted(piper) -> None:  # type: ignore[no-untyped-def]
    listed = piper.voices()
    assert "joe" in listed and "joe+bright" in listed
    for voice in listed:
        piper.check_voice(voice, lang("en"))


@pytest.mark.parametrize(
    ("voice", "language", "message"),
    [
        ("anna", "en", "unknown Piper voice 'anna': .* a voice is named engine:voice, e.g. piper:joe"),
        ("joe+robot", "en", "unknown Piper variant"),
        ("joe", "de", "speaks en, and this article is 'de'"),
        ("/nowhere/voice.onnx", "en", "Piper voice file /nowhere/voice.onnx does not exist: check the path"),
        ("/nowhere/voice.bin", "en", "is not a .onnx model"),
    ],
)
def test_unusable_voices_are_refused(piper, voice: str, language: str, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match=message):
        piper.check_voice(voice, lang(language))


def test_a_model_without_its_config_is_refused(piper, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    model = tmp_path / "voice.onnx"
    model.write_bytes(b"onnx")
    with pytest.raises(InputError, match="no voice.onnx.json config"):
        piper.check_voice(str(model), lang("en"))


def test_other_languages_need_a_named_voice(piper) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="bundled Piper voice speaks English"):
        piper.default_voices(lang("fr"))
