"""Speaker pools of the real engines: Piper's variants, gTTS's accents (fake Google), espeak-ng's variants."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from audio_edition import pipeline
from audio_edition.ingest import parse_article
from audio_edition.model import Article, Chapter, Clip, Meta, Script, Segment, Speech, Voice
from audio_edition.options import Options
from audio_edition.voices import GttsEngine, get_engine
from audio_edition.voices.cast import CastSettings
from audio_edition.voices.chunking import chunk_text
from audio_edition.voices.speaker_voices import assign_speaker_voices
from audio_edition.voices.synthesize import synthesize
from tests.audio_checks import median_pitch
from tests.tagged import lang, resolve_cast, speaker_pool
from tests.voices.fake_google import FakeGoogle
from tests.voices.test_speaker_voices import ARTICLE, DANA, OMAR, SPEAKERS_WRITTEN

SENTENCES = (
    "We have offered to meet the union at any time this week.",
    "There is no reason to believe that the talks will fail.",
    "We are ready to sign an agreement as soon as the other side is.",
    "Our members are tired of working long night shifts without a break.",
    "Families living near the river were told to leave their homes tonight.",
)


def exchange(language: str = "en") -> Script:
    """Dana and Omar taking turns, each saying every sentence once."""
    turns = [(name, text) for text in SENTENCES for name in (DANA, OMAR)]
    segments = tuple(
        Segment(i, "quote", text, Speech.of(text), "quote", 400, i, 0, name)
        for i, (name, text) in enumerate(turns)
    )
    return Script(
        Article(Meta("T", language=language, title_from="heading"), ()),
        segments,
        (Chapter("T", 0),),
        lang(language),
    )


def spoken_by(script: Script, clips: list[Clip], name: str) -> Clip:
    """`name`'s clips joined."""
    mine = [c for s, c in zip(script.segments, clips, strict=True) if s.speaker == name]
    return Clip(np.concatenate([c.samples for c in mine]), mine[0].sample_rate)


def pitch(clip: Clip) -> float:
    return median_pitch(clip.samples, clip.sample_rate)


def test_piper_speakers_sound_apart_and_never_take_the_narrators_voice() -> None:
    cast = resolve_cast(CastSettings(engine="piper"), "en")
    script, voiced = assign_speaker_voices(exchange(), cast)
    dana, omar = voiced[f"speaker:{DANA}"], voiced[f"speaker:{OMAR}"]
    assert dana == cast["quote"] == Voice("piper", "joe+bright")
    assert omar == Voice("piper", "joe+higher") and cast["narrator"] not in (dana, omar)
    # five sentences each, spoken for real (Piper's prosody varies from take to take)
    clips = synthesize(script, voiced)
    ratio = pitch(spoken_by(script, clips, OMAR)) / pitch(spoken_by(script, clips, DANA))
    assert ratio > 1.07  # the variants' ratios are 1.33 and 1.15: 16 % apart (measured 1.14-1.18)


def test_piper_pool_is_every_speaker_variant_and_a_named_model_brings_its_own(tmp_path: Path) -> None:
    cast = resolve_cast(CastSettings(engine="piper"), "en")
    assert [str(s) for s in speaker_pool(cast, "en")] == [
        "piper:joe+bright", "piper:joe+higher", "piper:joe+light", "piper:joe+high"
    ]  # fmt: skip
    model = tmp_path / "anna.onnx"
    model.write_bytes(b"onnx")
    Path(f"{model}.json").write_text("{}", encoding="utf-8")
    named = {**cast, "quote": Voice("piper", str(model))}
    # a model named as the quote voice is in the pool, then its own variants
    assert [s.voice for s in speaker_pool(named, "en")] == [
        str(model), f"{model}+bright", f"{model}+higher", f"{model}+light", f"{model}+high"
    ]  # fmt: skip


def test_gtts_speakers_are_asked_for_in_their_own_accents(
    tmp_path: Path, gtts: GttsEngine, google: FakeGoogle
) -> None:
    options = Options(
        engine="gtts", out_dir=tmp_path / "out", cache_dir=tmp_path / "cache", speaker_voices=True
    )
    article = parse_article(ARTICLE, name="ferry.txt")
    built = pipeline.produce_article(article, "ferry", options, collaborators=SPEAKERS_WRITTEN)
    tld_of = {sent.text: sent.tld for sent in google.sent}
    accents: dict[str | None, set[str]] = {}
    for timed in built.episode.timeline:
        seg = timed.segment
        who = seg.speaker if seg.role == "quote" else "narrator"
        accents.setdefault(who, set()).update(tld_of[chunk] for chunk in chunk_text(seg.speech.text, 100))
    assert accents == {"narrator": {"com"}, DANA: {"co.uk"}, OMAR: {"com.au"}, None: {"co.uk"}}


def test_gtts_pool_per_language() -> None:
    engine = get_engine("gtts")
    # the quote voice, then every accent (the step removes the repeat)
    assert engine.speaker_pool(lang("en"), "en@co.uk") == [  # type: ignore[attr-defined]
        "en@co.uk", "en@co.uk", "en@com.au", "en@co.in", "en@ie", "en@co.za", "en@ca"
    ]  # fmt: skip
    french = resolve_cast(CastSettings(engine="gtts"), "fr")
    assert [s.voice for s in speaker_pool(french, "fr")] == ["fr@ca"]  # France's accent is the narrator's


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_espeak_speakers_get_variants_that_differ() -> None:
    cast = resolve_cast(CastSettings(engine="espeak"), "en")
    pool = speaker_pool(cast, "en")
    assert pool[:3] == [Voice("espeak", v) for v in ("en-us+m3", "en-us+f2", "en-us+m8")]
    assert cast["narrator"] not in pool and len(pool) == 7
    script, voiced = assign_speaker_voices(exchange(), cast)
    clips = synthesize(script, voiced)
    assert pitch(spoken_by(script, clips, OMAR)) > 1.5 * pitch(spoken_by(script, clips, DANA))
