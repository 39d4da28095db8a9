"""16-bit PCM, the form audio is encoded and cached in: float samples rounded to its steps."""

from __future__ import annotations

import numpy as np

from audio_edition.model import Clip


def pcm16(samples: np.ndarray) -> np.ndarray:
    """Float samples as little-endian 16-bit integers (clipped to full scale): how audio is
    encoded and cached."""
    return np.round(np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")


def quantize(clip: Clip) -> Clip:
    """The clip rounded to 16-bit steps, exactly as it is encoded and cached."""
    return Clip(pcm16(clip.samples).astype(np.float32) / np.float32(32767), clip.sample_rate)
