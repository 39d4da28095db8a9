"""Loudness: BS.1770 integrated loudness (pyloudnorm), fast level matching, normalisation, limiting."""

from __future__ import annotations

import functools

import numpy as np
import pyloudnorm
from scipy.ndimage import minimum_filter1d, uniform_filter1d

from audio_edition.model import Clip

PEAK_CEILING_DB = -1.0
# Room for inter-sample peaks above the sample peak after MP3 encoding (true peak per BS.1770).
TRUE_PEAK_MARGIN_DB = 0.6
_GATE_DB = -50.0
# LAME (through ffmpeg) lowers the BS.1770 loudness of our speech by this much at each bitrate,
# measured on decoded MP3s of the reference article; mastering aims this much higher, and the
# quality gate checks the decoded MP3 itself.
_ENCODER_LOSS_DB = {
    "64k": 0.5,
    "80k": 0.45,
    "96k": 0.45,
    "112k": 0.45,
    "128k": 0.45,
    "160k": 0.35,
    "192k": 0.27,
}
_FRAME_S = 0.05


@functools.lru_cache(maxsize=4)
def _meter(rate: int) -> pyloudnorm.Meter:
    return pyloudnorm.Meter(rate)


def integrated_loudness(clip: Clip) -> float:
    """Integrated loudness in LUFS per ITU-R BS.1770 (-inf for silence or audio under 0.4 s).

    Filtering runs in float32: the same value as float64 to 1e-6 LU, at a third of the time.
    """
    if len(clip.samples) < int(0.4 * clip.sample_rate):
        return float("-inf")
    return float(_meter(clip.sample_rate).integrated_loudness(clip.samples.astype(np.float32)))


def encoder_loss_db(bitrate: str) -> float:
    """How much quieter (LU) speech measures after MP3 encoding at `bitrate`."""
    return _ENCODER_LOSS_DB.get(bitrate, 0.45)


def speech_level(clip: Clip) -> float:
    """Level in dB of the clip's active part: mean power of 50 ms frames above -50 dBFS.

    A fast stand-in for loudness when matching clips of speech to each other.
    """
    x = clip.samples
    frame = max(1, int(clip.sample_rate * _FRAME_S))
    usable = len(x) - len(x) % frame
    if usable == 0:
        power = float(np.mean(np.square(x, dtype=np.float64))) if len(x) else 0.0
        return 10 * np.log10(power) if power > 0 else float("-inf")
    powers = np.mean(np.square(x[:usable].reshape(-1, frame), dtype=np.float64), axis=1)
    active = powers[powers > 10 ** (_GATE_DB / 10)]
    if len(active) == 0:
        return float("-inf")
    return float(10 * np.log10(np.mean(active)))


def match_level(clip: Clip, target_db: float) -> Clip:
    """The clip with its active speech at `target_db` (silence stays silent)."""
    level = speech_level(clip)
    if not np.isfinite(level):
        return clip
    gain = 10 ** ((target_db - level) / 20)
    return Clip((clip.samples * gain).astype(np.float32), clip.sample_rate)


def normalize(clip: Clip, target_lufs: float, ceiling_db: float = PEAK_CEILING_DB) -> Clip:
    """Bring the episode to `target_lufs` (within 0.2 LU) with peaks held under `ceiling_db`.

    The limiter takes a little loudness away, so the level is measured again and topped up
    (at most three passes).
    """
    x = clip.samples
    for _ in range(3):
        level = integrated_loudness(Clip(x, clip.sample_rate))
        if not np.isfinite(level) or abs(level - target_lufs) <= 0.2:
            break
        x = limit(x * np.float32(10 ** ((target_lufs - level) / 20)), clip.sample_rate, ceiling_db)
    return Clip(x.astype(np.float32, copy=False), clip.sample_rate)


def limit(x: np.ndarray, rate: int, ceiling_db: float, window_ms: float = 6.0) -> np.ndarray:
    """A look-ahead peak limiter: around each run of peaks, a smoothed gain keeps |x| under the ceiling.

    Only the neighbourhoods of samples above the ceiling are touched; elsewhere the gain is 1.
    """
    ceiling = 10 ** ((ceiling_db - TRUE_PEAK_MARGIN_DB) / 20)
    mag = np.abs(x)
    over = np.flatnonzero(mag > ceiling)
    y = x.astype(np.float32, copy=True)
    if len(over) == 0:
        return y
    width = max(1, int(rate * window_ms / 1000))
    groups = np.split(over, np.flatnonzero(np.diff(over) > 4 * width) + 1)
    for group in groups:
        a, b = max(0, int(group[0]) - 2 * width), min(len(x), int(group[-1]) + 2 * width + 1)
        need = np.minimum(1.0, ceiling / np.maximum(mag[a:b], 1e-9))
        floor = minimum_filter1d(need, size=2 * width + 1, mode="nearest")
        gain = uniform_filter1d(floor, size=width | 1, mode="nearest")
        y[a:b] *= np.minimum(gain, need).astype(np.float32)
    return y
