"""espeak-ng, when the system has it; a clear message when it does not."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from audio_edition.errors import InputError
from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.voices import EspeakEngine, espeak_engine
from audio_edition.voices.cast import CastSettings
from tests.audio_checks import median_pitch
from tests.conftest import ARTICLES
from tests.tagged import lang, resolve_cast

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")


def test_missing_espeak_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    ok, why = EspeakEngine().available()
    assert not ok and why == "not installed: apt-get install espeak-ng"
    with pytest.raises(InputError, match="apt-get install espeak-ng"):
        resolve_cast(CastSettings(engine="espeak"), "en")


@needs_espeak
def test_speaks_with_variants_that_differ() -> None:
    engine = EspeakEngine()
    plain = engine.synthesize("The harbour ferries will run again on Monday morning.", "en-gb+m1")
    other = engine.synthesize("The harbour ferries will run again on Monday morning.", "en-gb+f2")
    assert 1.5 < plain.duration < 6
    assert (
        median_pitch(other.samples, other.sample_rate) > median_pitch(plain.samples, plain.sample_rate) * 1.2
    )


@needs_espeak
def test_languages_and_unknown_voices() -> None:
    engine = EspeakEngine()
    assert {"en", "en-gb", "fr", "de"} <= set(engine.voices())
    assert engine.default_voices(lang("fr")) == {"narrator": "fr+m1", "quote": "fr+m3"}
    with pytest.raises(InputError, match="no voice 'klingon'"):
        engine.check_voice("klingon", lang("en"))


@needs_espeak
def test_french_article_builds_with_espeak(tmp_path: Path) -> None:
    article = tmp_path / "marche.md"
    article.write_text(
        "---\ntitle: Le marché rouvre\nlanguage: fr\n---\n\nLe marché couvert rouvre samedi "
        "après deux ans de travaux.\n\n« Nous avons hâte de retrouver nos clients fidèles », "
        "a déclaré la gérante.\n",
        encoding="utf-8",
    )
    built = produce(article, Options(engine="espeak", out_dir=tmp_path / "out"))
    roles = [t.segment.role for t in built.episode.timeline]
    assert "quote" in roles and built.episode.engine == "espeak"


def test_piper_refuses_french_with_advice(tmp_path: Path) -> None:
    article = ARTICLES / "night-train-returns-cp1252.txt"
    with pytest.raises(InputError, match="speaks English"):
        produce(article, Options(engine="piper", language="fr", out_dir=tmp_path))


@needs_espeak
def test_a_long_segment_is_spoken_well_within_its_time_limit() -> None:
    text = "The harbour ferries will run again on Monday morning, the council said. " * 40
    started = time.monotonic()
    clip = EspeakEngine().synthesize(text, "en-gb+m1")
    took = time.monotonic() - started
    assert clip.duration > 100  # about 2,900 characters: over a hundred seconds of speech
    assert espeak_engine.time_limit(text) > 20 * took  # the bound leaves a wide margin
