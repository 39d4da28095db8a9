"""Music beds of any length of at least a second: looped to cover the intro, the closing and its
play-out (no silence the gate refuses, no click at a loop point); shorter files refused before any
synthesis."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from audio_edition.audio.beds import extend
from audio_edition.audio.ffmpeg import decode_audio
from audio_edition.audio.mp3 import encode_mp3
from audio_edition.audio.quality import longest_silence
from audio_edition.cli import cli
from audio_edition.model import Clip
from audio_edition.voices import FakeEngine
from audio_edition.voices.pcm import pcm16
from tests.conftest import ARTICLES

RATE = 44100
TONE_HZ = 663.7  # no whole number of cycles in any test length: the file's end never meets its start
ARTICLE = ARTICLES / "harbour-ferry-strike.txt"
MEDIA = ARTICLES / "media"
LENGTHS = (1.0, 3.0, 8.0, 12.0, 20.0)
FLOOR_DB = -40.0  # music alone never drops below this (the gate's silence is -50 dB)
MAX_JUMP = 1.5  # a tone's largest sample-to-sample step, against a clean sine's (a click is several)
# Noise alone: no 50 ms frame this far under the median (an equal-gain fade dips 3 dB at its middle);
# in the episode, compression and two MP3 encodes move frames by up to ~1.6 dB anyway.
MAX_DIP_DB, MAX_DIP_EPISODE_DB = 1.0, 2.5


def bed(kind: str, seconds: float) -> np.ndarray:
    """A tone or a noise bed of `seconds`, at a moderate level."""
    t = np.arange(int(seconds * RATE)) / RATE
    if kind == "tone":
        return (0.3 * np.sin(2 * np.pi * TONE_HZ * t)).astype(np.float32)
    return (0.1 * np.random.default_rng(int(seconds)).standard_normal(len(t))).astype(np.float32)


def write_bed(folder: Path, kind: str, seconds: float) -> Path:
    """Tones as 16-bit WAV, noise as MP3 (through the project's encoder)."""
    samples = bed(kind, seconds)
    if kind == "noise":
        path = folder / f"noise-{seconds:g}.mp3"
        encode_mp3(Clip(samples, RATE), path)
        return path
    return write_wav(folder / f"tone-{seconds:g}.wav", samples)


def write_wav(path: Path, samples: np.ndarray) -> Path:
    """`samples` as a 16-bit mono WAV at RATE."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm16(samples).tobytes())
    return path


def build(tmp_path: Path, *extra: str) -> tuple[dict, Clip, dict]:  # type: ignore[type-arg]
    """Build the issue's article with the fake engine; (manifest, decoded MP3, QA report)."""
    out = tmp_path / "out"
    args = ["build", str(ARTICLE), "-o", str(out), "--engine", "fake", "--no-cache", *extra]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    stem = ARTICLE.stem
    manifest = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    qa = json.loads((out / f"{stem}.qa.json").read_text(encoding="utf-8"))
    return manifest, decode_audio(out / f"{stem}.mp3"), qa


def part(audio: Clip, start: float, end: float) -> np.ndarray:
    return audio.samples[int(start * RATE) : int(end * RATE)]


def frame_db(samples: np.ndarray, ms: int = 10) -> np.ndarray:
    """Level (dBFS) of each frame of `ms` milliseconds."""
    frame = RATE * ms // 1000
    usable = len(samples) - len(samples) % frame
    power = np.mean(np.square(samples[:usable].reshape(-1, frame), dtype=np.float64), axis=1)
    return 10 * np.log10(power + 1e-20)


def jump(samples: np.ndarray) -> float:
    """The largest sample-to-sample step against a clean tone's of the same peak (1 for a sine)."""
    return float(np.abs(np.diff(samples)).max() / (2 * np.pi * TONE_HZ / RATE * np.abs(samples).max()))


def band_db(samples: np.ndarray, lo: float, hi: float) -> float:
    """Mean power (dB) of the spectrum between `lo` and `hi` Hz."""
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples)))) ** 2
    freqs = np.fft.rfftfreq(len(samples), 1 / RATE)
    return float(10 * np.log10(spectrum[(freqs >= lo) & (freqs <= hi)].mean() + 1e-20))


def assert_plays_cleanly(stretch: np.ndarray, kind: str) -> None:
    """Music alone: audible in every frame, and no click (tone) or hole (noise) at a loop point."""
    levels = frame_db(stretch)
    assert levels.min() >= FLOOR_DB, f"music drops to {levels.min():.1f} dBFS"
    if kind == "tone":
        assert jump(stretch) <= MAX_JUMP
    else:
        coarse = frame_db(stretch, 50)
        assert np.median(coarse) - coarse.min() <= MAX_DIP_EPISODE_DB


@pytest.mark.parametrize("seconds", LENGTHS)
@pytest.mark.parametrize("kind", ["tone", "noise"])
def test_a_bed_of_any_length_covers_intro_closing_and_play_out(
    tmp_path: Path, fake_engine: FakeEngine, kind: str, seconds: float
) -> None:
    music = str(write_bed(tmp_path, kind, seconds))
    manifest, audio, qa = build(tmp_path, "--intro-music", music, "--outro-music", music, "--sting", music)
    assert qa["passed"]  # silence, loudness and true peak within the gate
    segments = manifest["segments"]
    assert longest_silence(audio)[0] <= 1.8
    first = segments[0]["start"]
    assert_plays_cleanly(part(audio, 0.1, first - 0.6), kind)  # the intro alone, looped if short
    closing = segments[-1]
    assert closing["role"] == "outro"
    end = audio.duration
    assert end - closing["end"] >= 5.5
    assert_plays_cleanly(part(audio, closing["end"] + 0.7, end - 2.2), kind)  # the play-out
    band = (640.0, 690.0) if kind == "tone" else (3000.0, 8000.0)
    under = band_db(part(audio, closing["start"] + 0.2, closing["end"] - 0.2), *band)
    voice_only = band_db(part(audio, segments[8]["start"], segments[8]["end"]), *band)
    assert under - voice_only >= 15  # the bed sounds all through the closing
    assert frame_db(part(audio, end - 0.1, end)).max() < -30  # and fades out at the very end
    headings = [k for k, s in enumerate(segments) if s["role"] == "heading"]
    for k in headings:
        gap = part(audio, segments[k - 1]["end"], segments[k]["start"])
        mid = len(gap) // 2
        assert frame_db(gap[mid - 2205 : mid + 2205]).min() > FLOOR_DB  # the sting in the gap


def test_the_shipped_jingle_as_outro_music(tmp_path: Path, fake_engine: FakeEngine) -> None:
    """The issue's command: the 8 s jingle under the closing and its play-out."""
    manifest, audio, qa = build(tmp_path, "--outro-music", str(MEDIA / "jingle.mp3"))
    assert qa["passed"] and qa["measurements"]["longest_silence_s"] <= 1.8
    closing = manifest["segments"][-1]
    assert frame_db(part(audio, closing["end"] + 0.7, audio.duration - 2.2)).min() >= FLOOR_DB


@pytest.mark.parametrize("option", ["--intro-music", "--sting"])
def test_the_shipped_jingle_as_intro_and_sting(tmp_path: Path, fake_engine: FakeEngine, option: str) -> None:
    manifest, audio, qa = build(tmp_path, option, str(MEDIA / "jingle.mp3"))
    assert qa["passed"]
    if option == "--intro-music":
        opening_end = next(s["end"] for s in manifest["segments"] if s["role"] == "intro" and s["start"] > 4)
        assert frame_db(part(audio, 0.1, 2.4)).min() >= FLOOR_DB  # alone before the first word
        under = band_db(part(audio, opening_end - 1.0, opening_end), 129, 133)
        after = band_db(part(audio, opening_end + 4.0, opening_end + 5.0), 129, 133)
        assert under - after >= 15  # the drone sounds under the whole opening (the file is shorter)


def test_the_shipped_sting_sounds_as_a_sting(tmp_path: Path, fake_engine: FakeEngine) -> None:
    _, _, qa = build(tmp_path, "--sting", str(MEDIA / "sting.mp3"))
    assert qa["passed"]


@pytest.mark.parametrize("option", ["--intro-music", "--outro-music"])
@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda d: MEDIA / "sting.mp3",
            "holds only 0.90 s of sound: intro and outro music need at least 1 s",
        ),
        (lambda d: write_bed(d, "tone", 0.6), "holds only 0.6"),
        (
            lambda d: write_wav(d / "quiet.wav", np.zeros(5 * RATE, np.float32)),
            "holds no sound: intro and outro music need at least 1 s",
        ),
        (lambda d: gapped(d), "falls silent for 2.0 s"),
    ],
)
def test_a_bed_that_cannot_serve_is_refused_before_synthesis(
    tmp_path: Path,
    fake_engine: FakeEngine,
    option: str,
    make,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    path = make(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", str(ARTICLE), "-o", str(out), "--engine", "fake", option, str(path)]
    )
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("Error: ")
    assert path.name in result.output and message in result.output
    assert fake_engine.calls == []  # said before any synthesis
    assert not out.exists() or list(out.iterdir()) == []


def gapped(folder: Path) -> Path:
    """Two seconds of tone, two of silence, two of tone: a bed that falls silent too long."""
    samples = np.concatenate([bed("tone", 2.0), np.zeros(2 * RATE, np.float32), bed("tone", 2.0)])
    return write_wav(folder / "gapped.wav", samples)


def test_a_short_file_is_refused_as_intro_but_serves_as_a_sting(
    tmp_path: Path, fake_engine: FakeEngine
) -> None:
    _, _, qa = build(tmp_path, "--sting", str(write_bed(tmp_path, "tone", 0.6)))
    assert qa["passed"]


@pytest.mark.parametrize("seconds", LENGTHS[:3])
def test_loop_points_neither_click_nor_dip(seconds: float) -> None:
    """Looped to 30 s, a tone keeps its level and smoothness, and noise its power, at every loop point."""
    tone = extend(Clip(bed("tone", seconds), RATE), 30.0).samples
    assert len(tone) == 30 * RATE
    assert jump(tone) <= 1.05
    levels = frame_db(tone)
    assert levels.max() - levels.min() <= 1.0
    noise = extend(Clip(bed("noise", seconds), RATE), 30.0).samples
    levels = frame_db(noise, 50)
    assert np.median(levels) - levels.min() <= MAX_DIP_DB and levels.max() - np.median(levels) <= MAX_DIP_DB


def test_a_bed_long_enough_is_only_cut() -> None:
    x = bed("noise", 12.0)
    assert np.array_equal(extend(Clip(x, RATE), 5.0).samples, x[: 5 * RATE])
