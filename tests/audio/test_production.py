"""Produced sound: music ducked under the voice, a sting between sections, tempo, cover art, show name."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from mutagen.id3 import ID3

from audio_edition.audio.ffmpeg import decode_audio
from audio_edition.audio.mp3 import encode_mp3
from audio_edition.cli import cli
from audio_edition.model import Clip
from audio_edition.voices import FakeEngine
from tests.conftest import ARTICLES

RATE = 44100
MUSIC_HZ = 660.0  # the fake voices hum at 180 and 260 Hz


def tone_file(path: Path, seconds: float, freq: float = MUSIC_HZ) -> Path:
    t = np.arange(int(seconds * RATE)) / RATE
    encode_mp3(Clip((0.3 * np.sin(2 * np.pi * freq * t)).astype(np.float32), RATE), path)
    return path


def band_level(samples: np.ndarray, freq: float) -> float:
    """Magnitude (dB) of `freq` in a stretch of audio."""
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    k = int(round(freq * len(samples) / RATE))
    return float(20 * np.log10(spectrum[k - 2 : k + 3].max() + 1e-12))


def build(tmp_path: Path, *extra: str, article: Path = ARTICLES / "harbour-ferry-strike.txt") -> dict:  # type: ignore[type-arg]
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", str(article), "-o", str(out), "--engine", "fake", "--no-cache", *extra]
    )
    assert result.exit_code == 0, result.output
    stem = article.stem
    manifest = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    return {"manifest": manifest, "audio": decode_audio(out / f"{stem}.mp3"), "mp3": out / f"{stem}.mp3"}


def window(audio: Clip, start: float, end: float) -> np.ndarray:
    return audio.samples[int(start * RATE) : int(end * RATE)]


def test_intro_music_plays_alone_then_ducks_under_the_voice_then_fades(
    tmp_path: Path, fake_engine: FakeEngine
) -> None:
    built = build(tmp_path, "--intro-music", str(tone_file(tmp_path / "intro.mp3", 20)))
    segments, audio = built["manifest"]["segments"], built["audio"]
    first = segments[0]["start"]
    assert first == pytest.approx(3.3, abs=0.05)  # three seconds of music, then the lead-in
    alone = band_level(window(audio, 0.5, 2.5), MUSIC_HZ)
    opening_end = next(s["start"] for s in segments if s["role"] not in ("intro", "title"))
    under = band_level(window(audio, first + 0.6, first + 1.6), MUSIC_HZ)
    assert alone - under >= 12  # ducked while the voice speaks
    after = band_level(window(audio, opening_end + 3.0, opening_end + 4.0), MUSIC_HZ)
    assert alone - after >= 40  # faded out once the opening is over
    assert built["manifest"]["chapters"][0]["start"] == 0.0


def test_outro_music_rises_after_the_closing(tmp_path: Path, fake_engine: FakeEngine) -> None:
    built = build(tmp_path, "--outro-music", str(tone_file(tmp_path / "outro.mp3", 30)))
    segments, audio = built["manifest"]["segments"], built["audio"]
    closing = segments[-1]
    assert closing["role"] == "outro"
    under = band_level(window(audio, closing["start"] + 0.2, closing["start"] + 1.2), MUSIC_HZ)
    after = band_level(window(audio, closing["end"] + 1.0, closing["end"] + 2.0), MUSIC_HZ)
    assert after - under >= 12
    assert audio.duration - closing["end"] >= 5.5  # music plays out after the last word


def test_a_sting_sounds_in_the_gap_before_each_section(tmp_path: Path, fake_engine: FakeEngine) -> None:
    built = build(tmp_path, "--sting", str(tone_file(tmp_path / "sting.mp3", 0.8, 880.0)))
    segments, audio = built["manifest"]["segments"], built["audio"]
    headings = [k for k, s in enumerate(segments) if s["role"] == "heading"]
    assert len(headings) == 2
    for k in headings:
        gap = window(audio, segments[k - 1]["end"], segments[k]["start"])
        assert band_level(gap, 880.0) > band_level(window(audio, 0.0, 0.25), 880.0) + 30


def test_speed_shortens_the_episode_and_keeps_the_pitch(tmp_path: Path, fake_engine: FakeEngine) -> None:
    plain = build(tmp_path / "a")
    faster = build(tmp_path / "b", "--speed", "1.25")
    assert faster["audio"].duration == pytest.approx(plain["audio"].duration / 1.25, rel=0.03)
    seg = faster["manifest"]["segments"][3]
    part = window(faster["audio"], seg["start"], seg["end"])
    spectrum = np.abs(np.fft.rfft(part))
    assert np.argmax(spectrum) * RATE / len(part) == pytest.approx(180, abs=4)  # the narrator's hum


def test_cover_art_and_show_name_in_the_tags(tmp_path: Path, fake_engine: FakeEngine) -> None:
    png = tmp_path / "cover.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    built = build(tmp_path, "--cover", str(png), "--show", "Harbour Radio")
    tags = ID3(built["mp3"])
    assert tags.getall("APIC")[0].mime == "image/png" and tags.getall("APIC")[0].data == png.read_bytes()
    assert str(tags["TALB"]) == "Harbour Radio"
    assert built["manifest"]["segments"][0]["text"] == "Harbour Radio."


def test_no_opening_reads_only_the_article(tmp_path: Path, fake_engine: FakeEngine) -> None:
    built = build(tmp_path, "--no-opening")
    roles = [s["role"] for s in built["manifest"]["segments"]]
    assert "intro" not in roles and "outro" not in roles and roles[0] == "title"


@pytest.mark.parametrize(
    ("option", "content", "message"),
    [
        ("--cover", b"GIF89a....", "is not a JPEG or PNG image"),
        ("--intro-music", None, "music file not found"),
        ("--sting", b"not audio at all", "cannot read music file"),
    ],
)
def test_bad_media_fails_before_any_audio(
    tmp_path: Path, fake_engine: FakeEngine, option: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / "media.bin"
    if content is not None:
        path.write_bytes(content)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            "build",
            str(ARTICLES / "awkward-quotes.txt"),
            "-o",
            str(out),
            "--engine",
            "fake",
            option,
            str(path),
        ],
    )
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and message in result.output and result.output.count("\n") == 1
    assert not out.exists() or list(out.iterdir()) == []


def test_sample_jingles_are_our_own_and_decode() -> None:
    jingle = decode_audio(ARTICLES / "media" / "jingle.mp3")
    sting = decode_audio(ARTICLES / "media" / "sting.mp3")
    assert 7.5 < jingle.duration < 8.5 and 0.7 < sting.duration < 1.1
