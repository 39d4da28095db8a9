"""Music beds made to length: a file shorter than its part is looped at a matched loop point with a
power-preserving crossfade, so any bed of at least a second covers what it must."""

from __future__ import annotations

import numpy as np
from scipy.signal import correlate

from audio_edition.model import Clip

__all__ = ["crossfade", "extend", "loop_point"]

CROSSFADE_S = 0.75  # the crossfade at a loop point (a quarter of the file when that is shorter)
SEARCH_S = 0.5  # how far before the latest possible loop point a better-matching one is looked for


def extend(music: Clip, seconds: float) -> Clip:
    """`music` made `seconds` long: cut when it is long enough, else looped with crossfades."""
    x, rate = music.samples, music.sample_rate
    n = max(0, int(round(seconds * rate)))
    if len(x) >= n or len(x) < 4:
        return Clip(x[:n], rate)
    overlap = max(1, int(min(CROSSFADE_S * rate, len(x) / 4)))
    period, rho = loop_point(x, overlap, int(min(SEARCH_S * rate, len(x) / 4)))
    fade_out, fade_in = crossfade(overlap, rho)
    out = np.zeros(n + period + overlap, dtype=np.float32)
    unit = x[: period + overlap].astype(np.float32, copy=True)
    unit[period:] *= fade_out
    out[: period + overlap] += unit  # the first pass keeps the file's own start
    unit[:overlap] *= fade_in
    for at in range(period, n, period):
        out[at : at + period + overlap] += unit
    return Clip(out[:n], rate)


def loop_point(x: np.ndarray, overlap: int, search: int) -> tuple[int, float]:
    """(period, correlation): the sample to go back to the start from, chosen within `search` of
    the latest possible as the one whose next `overlap` samples best resemble the file's first."""
    latest = len(x) - overlap
    earliest = max(overlap, latest - search)
    head = x[:overlap].astype(np.float64)
    region = x[earliest : latest + overlap].astype(np.float64)
    dots = correlate(region, head, mode="valid", method="fft")
    energy = np.concatenate([[0.0], np.cumsum(region * region)])
    windows = np.maximum(energy[overlap:] - energy[:-overlap], 0.0)
    norm = np.sqrt(windows * float(head @ head))
    rho = np.divide(dots, norm, out=np.zeros_like(dots), where=norm > 1e-12)
    k = int(np.argmax(rho))
    return earliest + k, float(rho[k])


def crossfade(length: int, rho: float) -> tuple[np.ndarray, np.ndarray]:
    """Fade-out and fade-in gains keeping the power of two sounds of correlation `rho` constant:
    equal-power (cosine, sine) for unrelated sound, tending to equal-gain as the two match."""
    theta = (np.arange(length) + 0.5) / length * (np.pi / 2)
    out, into = np.cos(theta), np.sin(theta)
    norm = np.sqrt(1.0 + 2.0 * min(max(rho, 0.0), 1.0) * out * into)
    return (out / norm).astype(np.float32), (into / norm).astype(np.float32)
