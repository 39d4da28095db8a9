"""`--speaker-voices`: recurring speakers get voices of their own, kept all along, never the narrator's."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from audio_edition import pipeline
from audio_edition.collaborators import Collaborators
from audio_edition.ingest import parse_article
from audio_edition.model import Article, Chapter, Meta, Script, Segment, Speech, Voice
from audio_edition.options import Options
from audio_edition.script import write_script
from audio_edition.voices import FakeEngine, register_engine
from audio_edition.voices.cast import CastSettings
from audio_edition.voices.speaker_voices import (
    assign_speaker_voices,
    choose_voices,
    neighbours,
    quotation_speakers,
    speaker_pool,
)
from tests.audio_checks import median_pitch
from tests.tagged import lang, resolve_cast

DANA, OMAR = "Dana Whitfield", "Omar Haddad"
ARTICLE = """Ferry Talks Resume

The operator and the union met again on Tuesday after a week of strikes.

"We have offered to meet the union at any time this week," said Dana Whitfield, the operator's spokesperson.

"Our members are tired of working long night shifts without a break," said union leader Omar Haddad.

Whitfield added: "We are ready to sign an agreement as soon as the other side is."

Haddad replied: "There is no reason to believe that the talks will fail tonight."

A mediator said: "Both sides have shown that they want this to end soon."
"""


def script_of(*parts: tuple[str, str | None]) -> Script:
    """A script of narration ("n") and quote ("q") segments, each quote with its speaker."""
    segments = tuple(
        Segment(
            i,
            "quote" if kind == "q" else "narration",
            f"words {i}",
            Speech.of(f"words {i}"),
            "quote" if kind == "q" else "narrator",
            400,
            i,
            0,
            speaker,
        )  # fmt: skip
        for i, (kind, speaker) in enumerate(parts)
    )
    return Script(Article(Meta("T", title_from="heading"), ()), segments, (Chapter("T", 0),), lang("en"))


def voices_of(script: Script, cast: dict[str, Voice], name: str | None) -> set[Voice]:
    """The voices speaking `name`'s quote segments."""
    return {cast[s.voice] for s in script.segments if s.role == "quote" and s.speaker == name}


def with_speakers(write: Callable[..., Script]) -> Callable[..., Script]:
    """write_script, then each quote's speaker from its paragraph (independent of attribution)."""

    def writer(article: Article, *args: Any, **kwargs: Any) -> Script:
        script = write(article, *args, **kwargs)
        segments = []
        for seg in script.segments:
            text = article.blocks[seg.block].text if 0 <= seg.block < len(article.blocks) else ""
            who = DANA if "Whitfield" in text else OMAR if "Haddad" in text else None
            segments.append(dataclasses.replace(seg, speaker=who if seg.role == "quote" else None))
        return Script(script.article, tuple(segments), script.chapters, script.language)

    return writer


# The pipeline's collaborators with the script writer that names the speakers.
SPEAKERS_WRITTEN = Collaborators(write_script=with_speakers(write_script))


def build(tmp_path: Path, **kw: Any) -> pipeline.Built:
    settings: dict[str, Any] = {
        "engine": "fake",
        "out_dir": tmp_path / "out",
        "cache_dir": tmp_path / "cache",
    }
    options = Options(**{**settings, **kw})
    article = parse_article(ARTICLE, name="ferry.txt")
    return pipeline.produce_article(article, "ferry", options, collaborators=SPEAKERS_WRITTEN)


def test_two_recurring_speakers_get_two_voices_kept_all_along(fake_engine: FakeEngine) -> None:
    cast = resolve_cast(CastSettings(engine="fake"), "en")
    script = script_of(
        ("n", None), ("q", DANA), ("n", None), ("q", OMAR), ("q", DANA), ("q", OMAR), ("q", DANA)
    )
    recast, extended = assign_speaker_voices(script, cast)
    dana, omar = voices_of(recast, extended, DANA), voices_of(recast, extended, OMAR)
    assert dana == {cast["quote"]}  # the first speaker keeps the ordinary quote voice
    assert len(omar) == 1 and omar != dana
    assert cast["narrator"] not in dana | omar
    assert [s.voice for s in recast.segments if s.speaker == OMAR] == ["speaker:Omar Haddad"] * 2
    assert assign_speaker_voices(recast, cast) == (recast, extended)  # applying again changes nothing


def test_speakers_quoted_once_and_unattributed_quotes_keep_the_quote_voice(fake_engine: FakeEngine) -> None:
    cast = resolve_cast(CastSettings(engine="fake"), "en")
    # Omar's two consecutive quote segments are one long quotation: he is quoted once
    script = script_of(("q", DANA), ("q", OMAR), ("q", OMAR), ("n", None), ("q", None), ("q", DANA))
    assert quotation_speakers(script.segments) == [DANA, OMAR, None, DANA]
    recast, extended = assign_speaker_voices(script, cast)
    assert [s.voice for s in recast.segments] == [
        "speaker:Dana Whitfield", "quote", "quote", "narrator", "quote", "speaker:Dana Whitfield"
    ]  # fmt: skip
    assert set(extended) == {"narrator", "quote", "speaker:Dana Whitfield"}


def test_no_recurring_speaker_leaves_script_and_cast_alone(fake_engine: FakeEngine) -> None:
    cast = resolve_cast(CastSettings(engine="fake"), "en")
    script = script_of(("q", DANA), ("n", None), ("q", OMAR))
    assert assign_speaker_voices(script, cast) == (script, cast)


def test_the_narrators_voice_is_never_in_the_pool(fake_engine: FakeEngine) -> None:
    cast = resolve_cast(CastSettings(engine="fake", narrator="fake:low"), "en")
    assert speaker_pool(cast, "en") == [Voice("fake", "quote")]
    script = script_of(("q", DANA), ("q", OMAR), ("q", DANA), ("q", OMAR))
    recast, extended = assign_speaker_voices(script, cast)
    assert voices_of(recast, extended, DANA) == voices_of(recast, extended, OMAR) == {cast["quote"]}


def test_more_speakers_than_voices_reuse_the_pool_but_not_next_to_each_other() -> None:
    pool = [Voice("x", v) for v in ("a", "b", "c")]
    order: list[str | None] = ["A", "B", "C", "A", "B", "C", "D", "A", "D", "E", "B", "E", None, "C"]
    adjacent = neighbours(order, set("ABCDE"))
    assert adjacent["E"] == {"D", "B"} and adjacent["C"] == {"A", "B", "D"}
    chosen = choose_voices(list("ABCDE"), adjacent, pool)
    assert [chosen[n].voice for n in "ABC"] == ["a", "b", "c"]
    assert chosen["D"].voice == "b"  # its turn is "a", but A speaks next to D
    assert chosen["E"].voice == "c"  # its turn is "b", but B and D (on "b") speak next to E
    assert all(chosen[n] != chosen[m] for n in adjacent for m in adjacent[n])
    alone = choose_voices(["A", "B"], {"A": {"B"}, "B": {"A"}}, pool[:1])
    assert alone == {"A": pool[0], "B": pool[0]}  # one voice: shared, since nothing else can be done


class NoPool:
    """A plugin engine from before speaker pools: the Engine protocol only."""

    name = "nopool"
    version = "1"
    max_chars: int | None = None
    max_parallel = 1

    def __init__(self) -> None:
        self.inner = FakeEngine()

    def available(self) -> tuple[bool, str]:
        return True, ""

    def default_voices(self, language: str) -> dict[str, str]:
        return {"narrator": "narrator", "quote": "quote"}

    def check_voice(self, voice: str, language: str) -> None:
        self.inner.check_voice(voice, language)

    def voices(self) -> list[str]:
        return self.inner.voices()

    def cache_settings(self, voice: str) -> dict[str, Any]:
        return {}

    def synthesize(self, text: str, voice: str) -> Any:
        return self.inner.synthesize(text, voice)


def test_an_engine_without_a_pool_gives_speakers_the_quote_voice() -> None:
    register_engine("nopool", NoPool)
    cast = resolve_cast(CastSettings(engine="nopool"), "en")
    assert speaker_pool(cast, "en") == [Voice("nopool", "quote")]


def test_build_speaks_each_recurring_speaker_in_their_own_voice(
    tmp_path: Path, fake_engine: FakeEngine
) -> None:
    built = build(tmp_path, speaker_voices=True)
    timeline = built.episode.timeline
    keys = {t.segment.speaker: t.segment.voice for t in timeline if t.segment.role == "quote"}
    assert keys == {DANA: "speaker:Dana Whitfield", OMAR: "speaker:Omar Haddad", None: "quote"}
    called = {voice for text, voice in fake_engine.calls}
    assert called == {"narrator", "quote", "low"}
    # the episode's audio itself: Dana's quotes hum at the quote tone (260 Hz), Omar's at the low one
    audio = built.episode.audio
    for name, hz in ((DANA, 260), (OMAR, 120)):
        for t in (t for t in timeline if t.segment.speaker == name):
            part = audio.samples[int(t.start * audio.sample_rate) : int(t.end * audio.sample_rate)]
            assert median_pitch(part, audio.sample_rate) == pytest.approx(hz, rel=0.05)


def test_without_the_flag_nothing_changes(tmp_path: Path, fake_engine: FakeEngine) -> None:
    built = build(tmp_path)
    assert {t.segment.voice for t in built.episode.timeline} == {"narrator", "quote"}
    assert {voice for _, voice in fake_engine.calls} == {"narrator", "quote"}


def test_segment_cache_follows_the_voices(tmp_path: Path, fake_engine: FakeEngine) -> None:
    first = build(tmp_path, speaker_voices=True)
    calls = len(fake_engine.calls)
    again = build(tmp_path, speaker_voices=True)
    assert again.reused and len(fake_engine.calls) == calls  # unchanged: nothing spoken again
    plain = build(tmp_path)  # Omar back in the quote voice: only his quotes are new audio
    omar = {t.segment.speech.text for t in first.episode.timeline if t.segment.speaker == OMAR}
    assert not plain.reused and plain.stats.synthesized == len(omar)
    assert sorted(fake_engine.calls[calls:]) == sorted((text, "quote") for text in omar)


class Broken(FakeEngine):
    """An engine that fails every segment, for --fallback."""

    def synthesize(self, text: str, voice: str) -> Any:
        from audio_edition.errors import EngineError

        raise EngineError("broken on purpose")


def test_fallback_engine_gets_its_own_speaker_voices(tmp_path: Path, fake_engine: FakeEngine) -> None:
    register_engine("broken", Broken)
    built = build(tmp_path, speaker_voices=True, engine="broken", fallback="fake")
    assert {voice for _, voice in fake_engine.calls} == {"narrator", "quote", "low"}
    assert any("uses fake instead" in note for note in built.notes)
    assert np.isfinite(built.episode.audio.samples).all()
