"""Gentle look-ahead compression, so speech reaches podcast loudness without a limiter squashing it."""

from __future__ import annotations

import numpy as np
from scipy.ndimage import maximum_filter1d, uniform_filter1d

from audio_edition.model import Clip

THRESHOLD_DB = -12.0
RATIO = 2.5
KNEE_DB = 6.0
_BLOCK_S = 0.0025
_CHUNK_BLOCKS = 4000  # 10 s


def compress(
    clip: Clip, threshold_db: float = THRESHOLD_DB, ratio: float = RATIO, *, in_place: bool = False
) -> Clip:
    """Reduce peaks above `threshold_db` (peak envelope, soft knee) by `ratio`; quieter audio is untouched.

    The envelope is the peak of 2.5 ms blocks, held over 10 ms and smoothed over 30 ms, centred
    (looking ahead as much as back); the gain is smoothed over 20 ms, so from one block to the next
    it moves by hundredths of a decibel: no clicks, no pumping on syllables. `in_place` writes
    into the clip's own samples (float32) instead of a new array.
    """
    x = clip.samples
    rate = clip.sample_rate
    block = max(1, int(rate * _BLOCK_S))
    if len(x) < 4 * block:
        return clip
    peaks = _block_peaks(x, block)
    held = maximum_filter1d(peaks, size=5, mode="nearest")  # ~10 ms
    envelope = uniform_filter1d(held, size=13, mode="nearest")  # ~30 ms
    over = 20 * np.log10(np.maximum(envelope, 1e-9)) - threshold_db
    slope = 1 - 1 / ratio
    reduction = np.where(
        over <= -KNEE_DB / 2,
        0.0,
        np.where(over >= KNEE_DB / 2, over * slope, slope * (over + KNEE_DB / 2) ** 2 / (2 * KNEE_DB)),
    )
    gain_db = uniform_filter1d(-reduction, size=9, mode="nearest")  # ~20 ms
    if not np.any(gain_db < -0.01):
        return clip
    gain = (10 ** (gain_db / 20)).astype(np.float32)
    out = x if in_place else np.empty_like(x)
    span = _CHUNK_BLOCKS * block
    for a in range(0, len(x), span):  # chunk by chunk: no whole-length gain array
        b = min(len(x), a + span)
        out[a:b] = x[a:b] * np.repeat(gain[a // block : -(-b // block)], block)[: b - a]
    return Clip(out, rate)


def _block_peaks(x: np.ndarray, block: int) -> np.ndarray:
    """Peak magnitude of each `block` samples (the last block may be short), a chunk at a time."""
    peaks = np.empty(-(-len(x) // block), dtype=np.float32)
    span = _CHUNK_BLOCKS * block
    for a in range(0, len(x), span):
        part = np.abs(x[a : a + span])
        usable = len(part) - len(part) % block
        k = a // block
        peaks[k : k + usable // block] = part[:usable].reshape(-1, block).max(axis=1)
        if usable < len(part):
            peaks[k + usable // block] = part[usable:].max()
    return peaks
