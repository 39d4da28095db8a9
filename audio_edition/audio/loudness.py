"""Integrated loudness per ITU-R BS.1770 (pyloudnorm), level matching and normalisation."""

from __future__ import annotations

import numpy as np
import pyloudnorm
from scipy.ndimage import minimum_filter1d, uniform_filter1d

from audio_edition.model import Clip

PEAK_CEILING_DB = -1.0
# Room for inter-sample peaks above the sample peak after MP3 encoding (true peak per BS.1770).
TRUE_PEAK_MARGIN_DB = 0.6


def integrated_loudness(clip: Clip) -> float:
    """Integrated loudness in LUFS (-inf for silence or audio under 0.4 s)."""
    if len(clip.samples) < int(0.4 * clip.sample_rate):
        return float("-inf")
    meter = pyloudnorm.Meter(clip.sample_rate)
    return float(meter.integrated_loudness(clip.samples.astype(np.float64)))


def match_level(clip: Clip, target_lufs: float) -> Clip:
    """The clip at `target_lufs` (clips too short to measure use their RMS as a stand-in)."""
    level = integrated_loudness(clip)
    if not np.isfinite(level):
        rms = float(np.sqrt(np.mean(np.square(clip.samples)))) if len(clip.samples) else 0.0
        if rms <= 1e-6:
            return clip
        level = 20 * np.log10(rms) - 0.7
    gain = 10 ** ((target_lufs - level) / 20)
    return Clip((clip.samples * gain).astype(np.float32), clip.sample_rate)


def normalize(clip: Clip, target_lufs: float, ceiling_db: float = PEAK_CEILING_DB) -> Clip:
    """Bring the episode to `target_lufs` with sample peaks held under `ceiling_db` by a limiter."""
    x = match_level(clip, target_lufs).samples
    for _ in range(2):  # limiting lowers loudness a little: top up once and limit again
        x = limit(x, clip.sample_rate, ceiling_db)
        x = match_level(Clip(x, clip.sample_rate), target_lufs).samples
    return Clip(limit(x, clip.sample_rate, ceiling_db), clip.sample_rate)


def limit(x: np.ndarray, rate: int, ceiling_db: float, window_ms: float = 6.0) -> np.ndarray:
    """A look-ahead peak limiter: a smoothed gain that never lets |sample| exceed the ceiling."""
    ceiling = 10 ** ((ceiling_db - TRUE_PEAK_MARGIN_DB) / 20)
    mag = np.abs(x)
    if len(x) == 0 or float(mag.max()) <= ceiling:
        return x.astype(np.float32)
    need = np.minimum(1.0, ceiling / np.maximum(mag, 1e-9))
    width = max(1, int(rate * window_ms / 1000))
    floor = minimum_filter1d(need, size=2 * width + 1, mode="nearest")
    gain = uniform_filter1d(floor, size=width | 1, mode="nearest")
    return (x * np.minimum(gain, need)).astype(np.float32)
