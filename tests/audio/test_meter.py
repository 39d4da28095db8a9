"""The fast BS.1770 meter against pyloudnorm, and its true peak against known signals."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest

from audio_edition.audio import meter
from audio_edition.errors import AudioError
from audio_edition.model import Clip


def _speechlike(rate: int, seconds: float, seed: int) -> np.ndarray:
    """Noise whose level jumps every 100 ms, with pauses: gating has work to do."""
    rng = np.random.default_rng(seed)
    n = int(rate * seconds)
    levels = rng.uniform(0.0, 0.3, int(seconds * 10) + 1)
    levels[rng.random(len(levels)) < 0.2] = 0.0
    return (rng.standard_normal(n) * np.repeat(levels, rate // 10 + 1)[:n]).astype(np.float32)


@pytest.mark.parametrize(
    ("rate", "seconds"), [(44100, 95.0), (22050, 7.3), (48000, 0.55), (16000, 61.0), (44100, 0.41)]
)
def test_loudness_equals_pyloudnorm(rate: int, seconds: float) -> None:
    x = _speechlike(rate, seconds, seed=rate + int(seconds))
    expected = pyloudnorm.Meter(rate).integrated_loudness(x.astype(np.float64))
    assert meter.integrated_loudness(Clip(x, rate)) == pytest.approx(expected, abs=0.001)


def test_loudness_of_a_full_scale_1k_sine_is_its_reference_level() -> None:
    rate = 48000
    t = np.arange(rate * 5) / rate
    x = np.sin(2 * np.pi * 997 * t).astype(np.float32)
    # BS.1770: a 0 dBFS 1 kHz sine in one channel reads -3.01 LKFS
    assert meter.integrated_loudness(Clip(x, rate)) == pytest.approx(-3.01, abs=0.05)


def test_silence_and_short_audio_have_no_loudness() -> None:
    assert meter.integrated_loudness(Clip(np.zeros(44100 * 3, dtype=np.float32), 44100)) == float("-inf")
    assert meter.integrated_loudness(Clip(np.full(1000, 0.5, dtype=np.float32), 44100)) == float("-inf")
    assert meter.measure(Clip(np.zeros(0, dtype=np.float32), 44100)) == (float("-inf"), float("-inf"))


def test_true_peak_finds_the_peak_between_samples() -> None:
    rate = 44100
    n = np.arange(rate * 40)  # longer than a chunk, split over parts
    # A sine at a quarter of the rate, sampled 45 degrees off its crests: samples reach 0.707 only
    x = np.sin(np.pi / 2 * n + np.pi / 4).astype(np.float32)
    assert np.max(np.abs(x)) == pytest.approx(0.7071, abs=1e-3)
    assert meter.true_peak(Clip(x, rate)) == pytest.approx(0.0, abs=0.3)


def test_parts_agree_with_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    x = _speechlike(44100, 70.0, seed=3)
    many = meter.measure(Clip(x, 44100))
    monkeypatch.setattr(meter.os, "cpu_count", lambda: 1)
    one = meter.measure(Clip(x, 44100))
    assert many[0] == pytest.approx(one[0], abs=1e-6)
    assert many[1] == pytest.approx(one[1], abs=1e-6)


def test_stream_meter_fed_in_odd_chunks_equals_the_whole() -> None:
    rate = 22050
    x = _speechlike(rate, 12.3, seed=5)
    stream = meter.StreamMeter(rate)
    at, sizes = 0, [1, 777, 2205, 10, 30000, 4409]
    k = 0
    while at < len(x):
        n = sizes[k % len(sizes)]
        stream.feed(x[at : at + n])
        at, k = at + n, k + 1
    stream.finish()
    loud, peak = stream.result()
    assert stream.samples == len(x)
    assert loud == pytest.approx(meter.integrated_loudness(Clip(x, rate)), abs=1e-6)
    assert peak == pytest.approx(meter.true_peak(Clip(x, rate)), abs=0.01)


@pytest.mark.parametrize("rate", [44100, 22050])
def test_the_episode_is_measured_while_it_encodes(rate: int) -> None:
    from audio_edition.audio.encode import encode_measured
    from audio_edition.audio.ffmpeg import decode_audio_bytes
    from audio_edition.audio.mp3 import mp3_bytes

    x = _speechlike(rate, 20.0, seed=9) * np.float32(0.5)
    mp3, loud, peak = encode_measured(Clip(x, rate), "96k")
    assert mp3 == mp3_bytes(Clip(x, rate), bitrate="96k")  # what pydub's export writes, byte for byte
    decoded = decode_audio_bytes(mp3, rate)  # as a player decodes the file
    assert loud == pytest.approx(meter.integrated_loudness(decoded), abs=0.002)
    assert peak == pytest.approx(meter.true_peak(decoded), abs=0.01)
    with pytest.raises(AudioError, match="MP3 encoding failed"):
        encode_measured(Clip(x, rate), "not-a-bitrate")
