"""Per-clip shaping before stitching: resample, trim edge silence, fade the edges."""

from __future__ import annotations

import numpy as np
import soxr

from audio_edition.model import Clip
from audio_edition.voices.pcm import pcm16, quantize

__all__ = ["fade_edges", "pcm16", "prepare", "quantize", "quantize_in_place", "resample", "trim"]

SILENCE_DB = -45.0
KEEP_MS = 25
FADE_MS = 8


def resample(clip: Clip, rate: int) -> Clip:
    """The clip at `rate` Hz (high-quality soxr resampling)."""
    if clip.sample_rate == rate or len(clip.samples) == 0:
        return Clip(clip.samples.astype(np.float32), rate)
    out = soxr.resample(clip.samples.astype(np.float32), clip.sample_rate, rate, quality="HQ")
    return Clip(np.asarray(out, dtype=np.float32), rate)


def trim(clip: Clip, threshold_db: float = SILENCE_DB, keep_ms: int = KEEP_MS) -> Clip:
    """Drop leading and trailing silence (below `threshold_db` of full scale), keeping a short margin."""
    x = clip.samples
    if len(x) == 0:
        return clip
    threshold = 10 ** (threshold_db / 20)
    loud = np.flatnonzero(np.abs(x) > threshold)
    if len(loud) == 0:
        return Clip(x[:0], clip.sample_rate)
    keep = int(clip.sample_rate * keep_ms / 1000)
    return Clip(x[max(0, loud[0] - keep) : loud[-1] + 1 + keep], clip.sample_rate)


def fade_edges(clip: Clip, ms: int = FADE_MS) -> Clip:
    """Short linear fades at both ends, so joins never click."""
    x = clip.samples.astype(np.float32, copy=True)
    n = min(len(x) // 2, int(clip.sample_rate * ms / 1000))
    if n > 0:
        ramp = np.linspace(0.0, 1.0, n, dtype=np.float32)
        x[:n] *= ramp
        x[-n:] *= ramp[::-1]
    return Clip(x, clip.sample_rate)


def prepare(clip: Clip, rate: int) -> Clip:
    """Resample, trim and fade one clip for stitching."""
    return fade_edges(trim(resample(clip, rate)))


def quantize_in_place(samples: np.ndarray) -> np.ndarray:
    """`quantize` for float32 samples the caller owns: rounded to 16-bit steps where they lie."""
    np.clip(samples, -1.0, 1.0, out=samples)
    samples *= np.float32(32767)
    np.rint(samples, out=samples)
    samples /= np.float32(32767)
    return samples
