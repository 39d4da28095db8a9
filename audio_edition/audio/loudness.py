"""Loudness: fast level matching of clips, normalisation of the episode (BS.1770), peak limiting."""

from __future__ import annotations

import numpy as np
import soxr
from scipy.ndimage import minimum_filter1d, uniform_filter1d

from audio_edition.audio.meter import integrated_loudness
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
    """Bring the episode to `target_lufs` (within 0.2 LU) with its true peak under `ceiling_db`.

    Each pass limits the unlimited audio at a new gain: the limiter takes a little loudness away,
    so the level is measured and the gain topped up (at most four passes). The signal's true
    magnitude is found once; at any gain it is that magnitude scaled.
    """
    x, rate = clip.samples, clip.sample_rate
    level = integrated_loudness(clip)
    if not np.isfinite(level):
        return clip
    magnitude = true_magnitude(x, rate)
    gain_db = target_lufs - level
    for _ in range(4):
        gain = np.float32(10 ** (gain_db / 20))
        y = limit(x * gain, rate, ceiling_db, magnitude=magnitude * gain)
        level = integrated_loudness(Clip(y, rate))
        if abs(level - target_lufs) <= 0.2:
            break
        gain_db += target_lufs - level
    return Clip(y, rate)


def limit(
    x: np.ndarray, rate: int, ceiling_db: float, window_ms: float = 6.0, magnitude: np.ndarray | None = None
) -> np.ndarray:
    """A look-ahead true-peak limiter: around each run of peaks, a smoothed gain keeps the signal,
    including its peaks between samples (seen four times oversampled), under the ceiling.

    Only the neighbourhoods of peaks above the ceiling are touched; elsewhere the gain is 1.
    `magnitude` is `true_magnitude(x, rate)` when the caller already knows it.
    """
    ceiling = 10 ** ((ceiling_db - TRUE_PEAK_MARGIN_DB) / 20)
    mag = magnitude if magnitude is not None else true_magnitude(x, rate)
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


def true_magnitude(x: np.ndarray, rate: int, chunk_s: float = 10.0) -> np.ndarray:
    """For each sample, the largest magnitude the signal reaches from it to the next sample
    (four times oversampled, BS.1770-4 Annex 2), computed a chunk at a time."""
    out = np.empty(len(x), dtype=np.float32)
    step, pad = max(1, int(chunk_s * rate)), 64
    for a in range(0, len(x), step):
        b = min(len(x), a + step)
        lo, hi = max(0, a - pad), min(len(x), b + pad)
        up = soxr.resample(x[lo:hi].astype(np.float32), rate, rate * 4, quality="HQ")
        up = np.abs(up[(a - lo) * 4 : (b - lo) * 4])
        usable = min(len(up) // 4, b - a)
        q = [up[k : usable * 4 : 4] for k in range(4)]  # strided: far faster than max(axis=1)
        out[a : a + usable] = np.maximum(np.maximum(q[0], q[1]), np.maximum(q[2], q[3]))
        out[a + usable : b] = 0.0
        np.maximum(out[a:b], np.abs(x[a:b]), out=out[a:b])
    return out
