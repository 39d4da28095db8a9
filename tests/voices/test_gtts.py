"""The gTTS engine end to end against a fake Google (real requests, real MP3 bytes, no network)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from audio_edition.audio.ffmpeg import decode_audio
from audio_edition.cli import cli
from audio_edition.errors import EngineError
from audio_edition.ingest import parse_article, read_article
from audio_edition.options import Options
from audio_edition.pipeline import produce, produce_article
from audio_edition.preview import write_script
from audio_edition.voices import GttsEngine, get_engine
from audio_edition.voices.auto import engine_choice
from audio_edition.voices.chunking import chunk_text
from tests.conftest import ARTICLES
from tests.tagged import lang
from tests.voices.conftest import FAST
from tests.voices.fake_google import FakeGoogle, seconds_for


def options(tmp_path: Path, **kw: object) -> Options:
    return Options(engine="gtts", out_dir=tmp_path / "out", cache_dir=tmp_path / "cache", **kw)  # type: ignore[arg-type]


def test_reference_build_uses_accents_per_role_and_few_long_requests(
    reference_path: Path, tmp_path: Path, gtts: GttsEngine, google: FakeGoogle
) -> None:
    built = produce(reference_path, options(tmp_path))
    manifest = json.loads(built.files[1].read_text(encoding="utf-8"))
    assert manifest["engine"] == "gtts"
    assert all(len(s.text) <= 100 for s in google.sent)
    assert sum(len(s.text) for s in google.sent) / len(google.sent) >= 50
    assert gtts.requests_sent == len(google.sent) and gtts.retries == 0
    sent = {s.text: s for s in google.sent}
    script = write_script(read_article(reference_path))
    matched = 0
    for seg in script.segments:
        for chunk in chunk_text(seg.speech.text, 100):  # gTTS says a lexicon entry's alias
            if chunk in sent:
                matched += 1
                assert sent[chunk].tld == ("co.uk" if seg.role == "quote" else "com"), chunk
                assert sent[chunk].lang == "en"
    assert matched >= 0.9 * len(google.sent)
    assert {s.tld for s in google.sent} == {"com", "co.uk"}
    # the episode holds every chunk's audio: each segment lasts as long as its chunks
    audio = decode_audio(built.files[0])
    assert audio.duration == pytest.approx(manifest["duration"], abs=0.06)
    for seg, timed in zip(script.segments, manifest["segments"], strict=True):
        chunks = chunk_text(seg.speech.text, 100)
        expected = sum(seconds_for(c) for c in chunks)
        assert timed["end"] - timed["start"] == pytest.approx(expected, abs=0.1 * len(chunks) + 0.1)


def test_several_requests_are_in_flight_at_once(tmp_path: Path, gtts: GttsEngine, google: FakeGoogle) -> None:
    google.delay = 0.05
    produce(ARTICLES / "harbour-ferry-strike.txt", options(tmp_path))
    assert google.most_in_flight >= 3


def test_jobs_bounds_requests_in_flight(tmp_path: Path, gtts: GttsEngine, google: FakeGoogle) -> None:
    google.delay = 0.02
    produce(ARTICLES / "harbour-ferry-strike.txt", options(tmp_path, jobs=2))
    assert google.most_in_flight == 2


def test_rebuild_sends_no_request_and_an_edit_only_its_segment(
    tmp_path: Path, gtts: GttsEngine, google: FakeGoogle
) -> None:
    source = (ARTICLES / "harbour-ferry-strike.txt").read_text(encoding="utf-8")
    article = parse_article(source, name="ferry.txt")
    produce_article(article, "ferry", options(tmp_path))
    first = len(google.sent)
    again = produce_article(article, "ferry", options(tmp_path))
    assert len(google.sent) == first
    assert again.stats.cached == again.stats.unique and again.stats.synthesized == 0
    edited = parse_article(source.replace("87 per cent", "88 per cent"), name="ferry.txt")
    produce_article(edited, "ferry", options(tmp_path))
    new = [s.text for s in google.sent[first:]]
    edited_speech = next(s.speech.text for s in write_script(edited).segments if "88 per cent" in s.text)
    assert sorted(new) == sorted(chunk_text(edited_speech, 100))  # that segment's chunks, nothing else


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        ((429, {"Retry-After": "0"}, "Too Many Requests"), "rate limited"),
        ((503, {}, "Service Unavailable"), "server failed"),
        ((200, {}, "<html>Sorry, something went wrong</html>"), "without audio"),
        ((200, {}, ')]}\'\n\n[["wrb.fr","jQ1olc","[\\"\\"]",null]]\n'), "without audio"),
        (requests.exceptions.ConnectTimeout("timed out"), "timeout"),
        (requests.exceptions.ConnectionError("connection reset by peer"), "cannot reach"),
    ],
    ids=["429", "503", "garbage", "no-audio", "timeout", "reset"],
)
def test_transient_failures_are_retried(
    tmp_path: Path, gtts: GttsEngine, google: FakeGoogle, failure: object, reason: str
) -> None:
    google.behaviour = lambda n, sent: failure if n < 2 else None  # type: ignore[assignment,return-value]
    built = produce(ARTICLES / "night-train-returns-cp1252.txt", options(tmp_path))
    assert gtts.retries == 2
    assert built.files[0].exists()


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        ((429, {}, "Too Many Requests"), "rate limited by Google (HTTP 429). Probable cause: too many"),
        (requests.exceptions.ConnectionError("dns"), "cannot reach Google"),
        ((500, {}, "boom"), "Google's server failed (HTTP 500)"),
    ],
    ids=["endless-429", "unreachable", "endless-500"],
)
def test_endless_failure_fails_in_one_line_and_writes_nothing(
    tmp_path: Path, gtts: GttsEngine, google: FakeGoogle, failure: object, message: str
) -> None:
    google.behaviour = lambda n, sent: failure  # type: ignore[assignment,return-value]
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            "build",
            str(ARTICLES / "night-train-returns-cp1252.txt"),
            "-o",
            str(out),
            "--engine",
            "gtts",
            "--cache-dir",
            str(tmp_path / "cache"),
        ],
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    if message == "cannot reach Google":  # told up front by the one probe, no segment retried
        assert lines == [
            "Error: Google is not reachable (cannot reach Google (connection failed)), and --engine gtts "
            "speaks only through it: use --engine piper to build offline, "
            "or --fallback piper to fall back to it"
        ]
        assert gtts.requests_sent <= 1 and not out.exists()
        return
    assert len(lines) == 1 and lines[0].startswith("Error: segment ") and message in lines[0]
    assert "use --engine piper" in lines[0]
    assert not out.exists() or not list(out.glob("*.mp3"))
    assert gtts.requests_sent <= FAST.attempts * gtts.max_parallel * 2


def test_a_refusal_is_not_retried(tmp_path: Path, gtts: GttsEngine, google: FakeGoogle) -> None:
    google.behaviour = lambda n, sent: (400, {}, "Bad Request")
    with pytest.raises(EngineError, match="refused the request"):
        produce(ARTICLES / "night-train-returns-cp1252.txt", options(tmp_path, jobs=1))
    assert gtts.retries == 0 and len(google.sent) == 1


def test_fallback_builds_the_whole_episode_offline(
    tmp_path: Path, gtts: GttsEngine, google: FakeGoogle
) -> None:
    google.behaviour = lambda n, sent: (429, {}, "Too Many Requests")
    built = produce(ARTICLES / "night-train-returns-cp1252.txt", options(tmp_path, fallback="fake"))
    manifest = json.loads(built.files[1].read_text(encoding="utf-8"))
    assert manifest["engine"] == "fake"
    assert any("the whole episode uses fake instead" in n for n in built.notes)
    assert not any("use --engine" in n for n in built.notes)  # no advice to do what --fallback did


def test_auto_chooses_gtts_when_google_answers(google: FakeGoogle, gtts: GttsEngine) -> None:
    choice = engine_choice("auto")
    assert choice.engine == "gtts" and "Google answered" in choice.sentence
    assert len(google.sent) == 1  # one probe


def test_auto_chooses_gtts_even_when_the_probe_is_rate_limited(google: FakeGoogle, gtts: GttsEngine) -> None:
    google.behaviour = lambda n, sent: (429, {}, "slow down")
    assert engine_choice("auto").engine == "gtts"


def test_auto_falls_back_to_piper_offline(gtts: GttsEngine) -> None:
    choice = engine_choice("auto")  # the test guard makes every Google lookup fail
    assert choice.engine == "piper" and "not reachable" in choice.sentence


def test_default_voices_and_checks() -> None:
    engine = get_engine("gtts")
    assert engine.default_voices(lang("en")) == {"narrator": "en@com", "quote": "en@co.uk"}
    assert engine.default_voices(lang("fr")) == {"narrator": "fr@fr", "quote": "fr@ca"}
    engine.check_voice("de@de", lang("de"))
    with pytest.raises(Exception, match="does not speak 'xx'"):
        engine.check_voice("xx@com", lang("xx"))
    with pytest.raises(Exception, match="not a Google domain"):
        engine.check_voice("en@evil.example/x", lang("en"))
