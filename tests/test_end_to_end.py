"""Whole builds with the real offline voice, checked by decoding the MP3 and listening to it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from audio_edition.audio.ffmpeg import decode_audio
from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.publish.formats import FORMAT_NAMES
from tests.audio_checks import median_pitch
from tests.conftest import ARTICLES


@pytest.fixture(scope="module")
def reference_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    from tests.conftest import REFERENCE

    if not REFERENCE.exists():
        pytest.skip("../shared/articles is not present beside this checkout")
    out = tmp_path_factory.mktemp("reference")
    built = produce(REFERENCE, Options(out_dir=out, engine="piper", use_cache=False, formats=FORMAT_NAMES))
    mp3 = out / "peace-talks-istanbul.mp3"
    return {
        "mp3": mp3,
        "manifest": json.loads((out / "peace-talks-istanbul.json").read_text(encoding="utf-8")),
        "audio": decode_audio(mp3),
        "files": built.files,
    }


def test_reference_mp3_matches_its_manifest(reference_build: dict) -> None:  # type: ignore[type-arg]
    manifest, audio = reference_build["manifest"], reference_build["audio"]
    info = MP3(reference_build["mp3"]).info
    assert (info.sample_rate, info.channels) == (44100, 1)
    assert audio.duration == pytest.approx(manifest["duration"], abs=0.06)
    assert 150 < manifest["duration"] < 300  # ~590 words read at a newsreader's pace
    assert manifest["segments"][-1]["end"] <= manifest["duration"]
    for seg in manifest["segments"]:
        part = audio.samples[int(seg["start"] * 44100) : int(seg["end"] * 44100)]
        assert np.sqrt(np.mean(part**2)) > 0.01, seg["text"]  # every segment is heard


def test_reference_chapters_and_tags(reference_build: dict) -> None:  # type: ignore[type-arg]
    manifest = reference_build["manifest"]
    chapters = manifest["chapters"]
    assert [c["title"] for c in chapters] == [
        "Peace Talks Istanbul",
        "Moscow Downplays Likelihood Of Reaching Concrete Outcome",
    ]
    heading = next(s for s in manifest["segments"] if s["role"] == "heading")
    assert chapters[1]["start"] == pytest.approx(heading["start"], abs=0.01)
    assert not any(c["title"] == "Volodymyr Zelenskyy" for c in chapters)
    tags = ID3(reference_build["mp3"])
    chaps = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert [c.start_time / 1000 for c in chaps] == pytest.approx([c["start"] for c in chapters], abs=0.5)
    assert str(tags["TIT2"]) == "Peace Talks Istanbul"


def test_reference_quotes_are_in_the_quote_voice(reference_build: dict) -> None:  # type: ignore[type-arg]
    manifest, audio = reference_build["manifest"], reference_build["audio"]

    def pitch(role: str) -> float:
        parts = [
            audio.samples[int(s["start"] * 44100) : int(s["end"] * 44100)]
            for s in manifest["segments"]
            if s["role"] == role and len(s["text"].split()) >= 4
        ]
        return median_pitch(np.concatenate(parts), 44100)

    assert pitch("quote") > pitch("narration") * 1.08
    roles = {s["text"]: s["role"] for s in manifest["segments"]}
    assert any(t.startswith("“Our position") and r == "quote" for t, r in roles.items())
    assert all(r == "narration" for t, r in roles.items() if "“severe”" in t or "“disappointing”" in t)


def test_reference_speakers_have_voices_of_their_own(
    reference_build: dict,  # type: ignore[type-arg]
    tmp_path: Path,
) -> None:
    """With --speaker-voices, Zelenskyy's and Peskov's quotations carry their speaker and are read
    by two different voices: each of Peskov's quotations is heard higher than in the default build
    (the same words in the ordinary quote voice), Zelenskyy's, who keeps the quote voice, are not."""
    from tests.conftest import REFERENCE

    produce(REFERENCE, Options(out_dir=tmp_path, engine="piper", use_cache=False, speaker_voices=True))
    manifest = json.loads((tmp_path / "peace-talks-istanbul.json").read_text(encoding="utf-8"))
    audio = decode_audio(tmp_path / "peace-talks-istanbul.mp3")
    quotes = [s for s in manifest["segments"] if s["role"] == "quote"]
    assert {s["speaker"] for s in quotes} == {"Volodymyr Zelenskyy", "Dmitry Peskov"}
    voice = {s["speaker"]: s["voice"] for s in quotes}
    assert len(set(voice.values())) == 2 and all(v.startswith("speaker:") for v in voice.values())
    before = {s["text"]: s for s in reference_build["manifest"]["segments"] if s["role"] == "quote"}

    def pitch(samples: np.ndarray, seg: dict) -> float:  # type: ignore[type-arg]
        return median_pitch(samples[int(seg["start"] * 44100) : int(seg["end"] * 44100)], 44100)

    ratios: dict[str, list[float]] = {"Volodymyr Zelenskyy": [], "Dmitry Peskov": []}
    for seg in (s for s in quotes if len(s["text"].split()) >= 6):  # a short clip's pitch is noisy
        ratios[seg["speaker"]].append(
            pitch(audio.samples, seg) / pitch(reference_build["audio"].samples, before[seg["text"]])
        )
    raised = {name: float(np.mean(r)) for name, r in ratios.items()}  # Piper's prosody varies a little
    assert raised["Dmitry Peskov"] > 1.06, ratios
    assert raised["Dmitry Peskov"] > raised["Volodymyr Zelenskyy"] + 0.06, ratios


def test_reference_is_heard_by_speech_recognition(reference_build: dict) -> None:  # type: ignore[type-arg]
    """Every body sentence is recognised in its time slot; the READ ALSO line is not spoken."""
    from tests.audio_checks import recognised

    manifest = reference_build["manifest"]
    results = recognised(reference_build["mp3"], manifest["segments"])
    recall = [len(written & heard) / len(written) for written, heard in results if written]
    for seg, (written, heard) in zip(manifest["segments"], results, strict=True):
        if len(written) >= 4:
            assert written & heard, f"nothing of {seg['text']!r} was heard"
    assert float(np.mean(recall)) > 0.6
    tail = reference_build["audio"].samples[int(manifest["segments"][-1]["end"] * 44100) :]
    assert np.abs(tail).max() < 0.02  # only the fade-out silence follows the last sentence
    heard_all = set().union(*(heard for _, heard in results))
    assert "societe" not in heard_all and "generale" not in heard_all


@pytest.mark.parametrize("name", ["library-late-fees-utf16.txt", "night-train-returns-cp1252.txt"])
def test_legacy_encodings_build(tmp_path: Path, name: str) -> None:
    built = produce(ARTICLES / name, Options(out_dir=tmp_path, engine="piper"))
    assert [p.name.split(".", 1)[1] for p in built.files] == [
        "mp3",
        "json",
        "qa.json",
        "vtt",
        "srt",
        "chapters.json",
    ]
    manifest = json.loads(built.files[1].read_text(encoding="utf-8"))
    assert any("Renée" in s["text"] or "Achterberg" in s["text"] for s in manifest["segments"])
    assert decode_audio(built.files[0]).duration == pytest.approx(manifest["duration"], abs=0.06)


def test_reference_meets_podcast_loudness_as_ffmpeg_measures_it(reference_build: dict) -> None:  # type: ignore[type-arg]
    """-16 ± 1 LUFS integrated and true peak at or below -1 dBTP, by ffmpeg's ebur128 filter."""
    from tests.audio_checks import ffmpeg_ebur128

    loudness, true_peak = ffmpeg_ebur128(reference_build["mp3"])
    assert loudness == pytest.approx(-16.0, abs=1.0)
    assert true_peak <= -1.0


def test_reference_id3_frames(reference_build: dict) -> None:  # type: ignore[type-arg]
    tags = ID3(reference_build["mp3"])
    manifest = reference_build["manifest"]
    assert str(tags["TPE1"]) == "Audio Edition" and str(tags["TALB"]) == "Audio Edition"
    assert str(tags["TCON"]) == "Podcast"
    toc = tags.getall("CTOC")[0]
    chaps = {c.element_id: c for c in tags.getall("CHAP")}
    assert list(toc.child_element_ids) == sorted(chaps, key=lambda k: chaps[k].start_time)
    for chapter, cid in zip(manifest["chapters"], toc.child_element_ids, strict=True):
        frame = chaps[cid]
        assert frame.start_time / 1000 == pytest.approx(chapter["start"], abs=0.5)
        assert 0 <= frame.start_time < frame.end_time <= manifest["duration"] * 1000 + 1
        assert str(frame.sub_frames["TIT2"]) == chapter["title"]
    transcript = str(tags.getall("USLT")[0])
    assert "Our position is as transparent as possible" in transcript and "READ ALSO" not in transcript


def test_reference_with_every_format(reference_build: dict) -> None:  # type: ignore[type-arg]
    """VTT and SRT end within the audio, chapters in order, EPUB and DAISY present and consistent."""
    import shutil
    import subprocess
    import zipfile

    out = reference_build["mp3"].parent
    duration = reference_build["manifest"]["duration"]
    for suffix in ("vtt", "srt"):
        stamps = re.findall(
            r"--> (\d\d):(\d\d):(\d\d)[.,](\d{3})", (out / f"peace-talks-istanbul.{suffix}").read_text()
        )
        ends = [int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000 for h, m, s, ms in stamps]
        assert ends and max(ends) <= duration
    chapters = json.loads((out / "peace-talks-istanbul.chapters.json").read_text())["chapters"]
    assert [c["startTime"] for c in chapters] == sorted(c["startTime"] for c in chapters)
    assert (out / "peace-talks-istanbul.daisy" / "ncc.html").read_text().count("<h") >= 3
    with zipfile.ZipFile(out / "peace-talks-istanbul.epub") as book:
        smil = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".smil"))
    assert smil.count("<par ") == len(reference_build["manifest"]["segments"])
    jar = "/usr/share/java/epubcheck.jar"
    if shutil.which("java") and Path(jar).exists():
        result = subprocess.run(
            ["java", "-jar", jar, str(out / "peace-talks-istanbul.epub")],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stdout
    page = (out / "peace-talks-istanbul.html").read_text()
    assert "Moscow Downplays Likelihood Of Reaching Concrete Outcome" in page


def test_a_web_page_is_read_completely_and_without_clutter(tmp_path: Path) -> None:
    """The sample news page, built offline: every sentence heard, none of the page's clutter."""
    from tests.audio_checks import recognised

    built = produce(ARTICLES / "city-marathon-route.html", Options(out_dir=tmp_path, engine="piper"))
    manifest = json.loads(built.files[1].read_text(encoding="utf-8"))
    results = recognised(built.files[0], manifest["segments"])
    recall = [len(w & h) / len(w) for w, h in results if w]
    assert float(np.mean(recall)) > 0.6
    assert all(w & h for w, h in results if len(w) >= 4)
    heard = set().union(*(h for _, h in results))
    assert not {"advertisement", "facebook", "comments", "privacy"} & heard
    spoken = " ".join(s.segment.speech.text for s in built.episode.timeline)
    assert "8.30 a.m." not in spoken and "A M" in spoken
