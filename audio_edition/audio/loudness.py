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


def normalize(
    clip: Clip, target_lufs: float, ceiling_db: float = PEAK_CEILING_DB, *, in_place: bool = False
) -> Clip:
    """Bring the episode to `target_lufs` (within 0.2 LU) with its true peak under `ceiling_db`.

    Gain, then the true-peak limiter; the limiter takes a little loudness away, so the level is
    measured again and topped up (at most four passes). `in_place` works in the clip's own
    float32 samples: no second episode-long array.
    """
    rate = clip.sample_rate
    x = clip.samples if in_place else clip.samples.astype(np.float32, copy=True)
    level = integrated_loudness(clip)
    for _ in range(4):
        if not np.isfinite(level) or abs(level - target_lufs) <= 0.2:
            break
        gain = np.float32(10 ** ((target_lufs - level) / 20))
        x *= gain
        limit_in_place(x, rate, ceiling_db, true_peaks(x, rate, _ceiling(ceiling_db)), 1.0)
        level = integrated_loudness(Clip(x, rate))
    return Clip(x, rate)


def _ceiling(ceiling_db: float) -> float:
    return float(10 ** ((ceiling_db - TRUE_PEAK_MARGIN_DB) / 20))


def limit(x: np.ndarray, rate: int, ceiling_db: float, window_ms: float = 6.0) -> np.ndarray:
    """A look-ahead true-peak limiter: around each run of peaks, a smoothed gain keeps the signal,
    including its peaks between samples (seen four times oversampled), under the ceiling.

    Only the neighbourhoods of peaks above the ceiling are touched; elsewhere the gain is 1.
    """
    y = x.astype(np.float32, copy=True)
    limit_in_place(y, rate, ceiling_db, true_peaks(y, rate, _ceiling(ceiling_db)), 1.0, window_ms)
    return y


def limit_in_place(
    y: np.ndarray,
    rate: int,
    ceiling_db: float,
    peaks: tuple[np.ndarray, np.ndarray],
    scale: float,
    window_ms: float = 6.0,
) -> None:
    """`limit`, writing into `y`: `peaks` are (index, true magnitude) of every sample of the
    unscaled audio that `scale` could push over the ceiling (see `true_peaks`)."""
    ceiling = _ceiling(ceiling_db)
    where, magnitude = peaks
    hot = magnitude * scale > ceiling
    over = where[hot]
    if len(over) == 0:
        return
    width = max(1, int(rate * window_ms / 1000))
    groups = np.split(over, np.flatnonzero(np.diff(over) > 4 * width) + 1)
    for group in groups:
        a, b = max(0, int(group[0]) - 2 * width), min(len(y), int(group[-1]) + 2 * width + 1)
        need = np.ones(b - a)
        lo, hi = np.searchsorted(where, [a, b])
        need[where[lo:hi] - a] = np.minimum(1.0, ceiling / np.maximum(magnitude[lo:hi] * scale, 1e-9))
        floor = minimum_filter1d(need, size=2 * width + 1, mode="nearest")
        gain = uniform_filter1d(floor, size=width | 1, mode="nearest")
        y[a:b] *= np.minimum(gain, need).astype(np.float32)


def true_peaks(
    x: np.ndarray, rate: int, floor: float, chunk_s: float = 10.0
) -> tuple[np.ndarray, np.ndarray]:
    """(indices, magnitudes) of the samples whose true magnitude (the largest the signal reaches
    from the sample to the next, four times oversampled, BS.1770-4 Annex 2) exceeds `floor`.
    Computed a chunk at a time; only those samples are kept."""
    where: list[np.ndarray] = []
    values: list[np.ndarray] = []
    step, pad = max(1, int(chunk_s * rate)), 64
    for a in range(0, len(x), step):
        b = min(len(x), a + step)
        lo, hi = max(0, a - pad), min(len(x), b + pad)
        up = soxr.resample(x[lo:hi].astype(np.float32), rate, rate * 4, quality="HQ")
        up = np.abs(up[(a - lo) * 4 : (b - lo) * 4])
        usable = min(len(up) // 4, b - a)
        q = [up[k : usable * 4 : 4] for k in range(4)]  # strided: far faster than max(axis=1)
        mag = np.abs(x[a:b]).astype(np.float32)
        np.maximum(mag[:usable], np.maximum(np.maximum(q[0], q[1]), np.maximum(q[2], q[3])), out=mag[:usable])
        keep = np.flatnonzero(mag > floor)
        where.append(keep + a)
        values.append(mag[keep])
    if not where:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    return np.concatenate(where), np.concatenate(values)
