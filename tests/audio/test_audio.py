"""Shaping, stitching, loudness and MP3 encoding, measured on real samples."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from mutagen.mp3 import MP3

from audio_edition.audio.ffmpeg import decode_audio
from audio_edition.audio.loudness import normalize
from audio_edition.audio.meter import integrated_loudness, measure
from audio_edition.audio.mp3 import encode_mp3
from audio_edition.audio.shape import resample, trim
from audio_edition.audio.stitch import stitch
from audio_edition.model import Clip

RATE = 44100


def tone(seconds: float, freq: float = 220.0, amp: float = 0.3, rate: int = RATE) -> Clip:
    t = np.arange(int(seconds * rate), dtype=np.float32) / rate
    return Clip((amp * np.sin(2 * np.pi * freq * t)).astype(np.float32), rate)


def silence(seconds: float, rate: int = RATE) -> Clip:
    return Clip(np.zeros(int(seconds * rate), dtype=np.float32), rate)


def test_stitch_places_clips_with_exact_pauses() -> None:
    clips = [tone(1.0), tone(0.5), tone(0.25)]
    audio, times = stitch(clips, [400, 750, 0], RATE, lead_in_ms=300, tail_ms=1000)
    assert times[0] == pytest.approx((0.3, 1.3))
    assert times[1] == pytest.approx((1.7, 2.2))
    assert times[2] == pytest.approx((2.95, 3.2))
    assert audio.duration == pytest.approx(4.2)
    gap = audio.samples[int(1.31 * RATE) : int(1.69 * RATE)]
    assert np.all(gap == 0)


def test_trim_removes_engine_silence_but_keeps_a_margin() -> None:
    padded = Clip(np.concatenate([silence(0.6).samples, tone(1.0).samples, silence(0.9).samples]), RATE)
    trimmed = trim(padded)
    assert trimmed.duration == pytest.approx(1.05, abs=0.01)


def test_resample_keeps_duration() -> None:
    clip = tone(2.0, rate=22050)
    out = resample(clip, RATE)
    assert out.sample_rate == RATE
    assert out.duration == pytest.approx(2.0, abs=0.001)


def test_normalize_reaches_target_loudness_with_peaks_under_the_ceiling() -> None:
    rng = np.random.default_rng(1)
    # speech-like: bursts with a high crest factor
    bursts = np.concatenate([rng.normal(0, 0.05 if k % 2 else 0.2, RATE // 4) for k in range(40)])
    clip = Clip(bursts.astype(np.float32), RATE)
    out = normalize(clip, -16.0)
    assert integrated_loudness(out) == pytest.approx(-16.0, abs=0.5)
    assert 20 * np.log10(np.abs(out.samples).max()) <= -1.0


def test_mp3_round_trip_is_mono_44k_and_keeps_duration(tmp_path: Path) -> None:
    clip = tone(3.0)
    path = tmp_path / "t.mp3"
    encode_mp3(clip, path, bitrate="96k")
    info = MP3(path).info
    assert (info.sample_rate, info.channels) == (RATE, 1)
    assert info.bitrate == pytest.approx(96000, abs=100)
    decoded = decode_audio(path)
    assert decoded.duration == pytest.approx(3.0, abs=0.03)
    assert np.corrcoef(decoded.samples[2000:50000], clip.samples[2000:50000])[0, 1] > 0.95


def test_loudness_agrees_with_ffmpeg_ebur128(tmp_path: Path) -> None:
    """Our BS.1770 measurement and ffmpeg's ebur128 filter agree on a real encoded episode."""
    from tests.audio_checks import ffmpeg_ebur128

    rng = np.random.default_rng(3)
    t = np.arange(RATE * 8, dtype=np.float32) / RATE
    voiced = 0.2 * np.sin(2 * np.pi * 140 * t) * (0.5 + 0.5 * np.sin(2 * np.pi * 2.5 * t))
    noise = 0.03 * rng.normal(size=len(t)).astype(np.float32)
    clip = normalize(Clip((voiced + noise).astype(np.float32), RATE), -16.0)
    path = tmp_path / "level.mp3"
    encode_mp3(clip, path)
    measured, _ = ffmpeg_ebur128(path)
    assert measured == pytest.approx(-16.0, abs=0.5)
    assert integrated_loudness(decode_audio(path)) == pytest.approx(measured, abs=0.2)


def test_normalize_holds_the_true_peak_when_peaks_fall_between_samples() -> None:
    rate = 22050
    n = np.arange(rate * 20)
    # A tone at a quarter of the rate sampled off its crests (true peak 3 dB over the samples),
    # in bursts like syllables: a sample-peak limiter alone would let the true peak through.
    tone = np.sin(np.pi / 2 * n + np.pi / 4) * (0.3 + 0.7 * (np.sin(2 * np.pi * 3 * n / rate) > 0.6))
    out = normalize(Clip(tone.astype(np.float32), rate), -14.0)
    loud, peak = measure(out)
    assert loud == pytest.approx(-14.0, abs=0.2)
    assert peak <= -1.0


def _program(folder: Path, name: str) -> Path:
    """An executable file `name` in `folder` (never run: only found)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(0o755)
    return path


def test_audio_edition_ffmpeg_chooses_the_binary_over_the_one_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """AUDIO_EDITION_FFMPEG wins over an ffmpeg on PATH; unset, the one on PATH wins over the bundled."""
    from audio_edition.audio import ffmpeg

    on_path = _program(tmp_path / "bin", "ffmpeg")
    chosen = _program(tmp_path / "mine", "my-ffmpeg")
    monkeypatch.setenv("PATH", f"{on_path.parent}")
    monkeypatch.setenv("AUDIO_EDITION_FFMPEG", str(chosen))
    ffmpeg.ffmpeg_exe.cache_clear()
    try:
        assert ffmpeg.ffmpeg_exe() == str(chosen)
        monkeypatch.delenv("AUDIO_EDITION_FFMPEG")
        ffmpeg.ffmpeg_exe.cache_clear()
        assert ffmpeg.ffmpeg_exe() == str(on_path)
    finally:
        ffmpeg.ffmpeg_exe.cache_clear()


def test_audio_edition_ffmpeg_that_is_no_program_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A path that is not a program is refused by name, never silently replaced by another ffmpeg."""
    from audio_edition.audio import ffmpeg
    from audio_edition.errors import InputError

    monkeypatch.setenv("AUDIO_EDITION_FFMPEG", str(tmp_path / "no-such-ffmpeg"))
    ffmpeg.ffmpeg_exe.cache_clear()
    try:
        with pytest.raises(InputError, match=r"=.*no-such-ffmpeg is not an ffmpeg program"):
            ffmpeg.ffmpeg_exe()
    finally:
        ffmpeg.ffmpeg_exe.cache_clear()


def test_bundled_ffmpeg_and_ffmpeg_on_path_agree_on_ebur128(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loudness helper reads the ebur128 summary of the bundled ffmpeg and of the one chosen
    (a system ffmpeg 4.4+ where installed): both within 0.1 LU."""
    import imageio_ffmpeg

    from audio_edition.audio import ffmpeg
    from tests.audio_checks import ffmpeg_ebur128

    path = tmp_path / "tone.mp3"
    encode_mp3(normalize(tone(4.0), -16.0), path)
    readings = []
    for exe in (ffmpeg.ffmpeg_exe(), imageio_ffmpeg.get_ffmpeg_exe()):
        monkeypatch.setenv("AUDIO_EDITION_FFMPEG", exe)
        ffmpeg.ffmpeg_exe.cache_clear()
        try:
            readings.append(ffmpeg_ebur128(path))
        finally:
            ffmpeg.ffmpeg_exe.cache_clear()
    (first_i, first_peak), (second_i, second_peak) = readings
    assert first_i == pytest.approx(-16.0, abs=0.5)
    assert second_i == pytest.approx(first_i, abs=0.1)
    assert second_peak == pytest.approx(first_peak, abs=0.1)
