"""BS.1770-4 measurements of a whole episode, fast and in bounded memory: integrated loudness
(K-weighting and gating as pyloudnorm defines them) and true peak, on every core.

The samples are cut into one part per core; each part is filtered in 30 s chunks, starting one
second early so the filters have settled, and reduced to the energy of each 100 ms step (and its
oversampled peak). Gating then runs on those few numbers. The result equals pyloudnorm's to within
0.001 LU; the filters are pyloudnorm's own coefficients, run as second-order sections.
"""

from __future__ import annotations

import functools
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import soxr
from pyloudnorm.iirfilter import IIRfilter
from scipy.signal import sosfilt

from audio_edition.model import Clip

BLOCK_S = 0.4  # gating block (BS.1770-4)
STEP_S = 0.1  # blocks overlap by 75 %
CHUNK_S = 30.0
SETTLE_S = 1.0  # the K-weighting filters forget their start within a few milliseconds
_ABSOLUTE_GATE = -70.0
_OVERSAMPLE = 4
_PEAK_PAD = 256


@functools.lru_cache(maxsize=8)
def k_weighting(rate: int) -> np.ndarray:
    """The K-weighting filter (high shelf, then high pass) as second-order sections at `rate`."""
    stages = (
        IIRfilter(4.0, 1 / np.sqrt(2), 1500.0, rate, "high_shelf"),
        IIRfilter(0.0, 0.5, 38.0, rate, "high_pass"),
    )
    sections = [np.concatenate([s.b / s.a[0], s.a / s.a[0]]) for s in stages]
    return np.asarray(sections, dtype=np.float64)


def integrated_loudness(clip: Clip) -> float:
    """Integrated loudness in LUFS (-inf for silence or audio under 0.4 s)."""
    return measure(clip, peak=False)[0]


def true_peak(clip: Clip) -> float:
    """True peak in dBTP: the sample peak of the signal oversampled four times (BS.1770-4 Annex 2)."""
    return measure(clip, loudness=False)[1]


class StreamMeter:
    """Loudness and true peak of audio fed in order, chunk by chunk: memory stays that of one chunk."""

    def __init__(self, rate: int, *, loudness: bool = True, peak: bool = True) -> None:
        self.rate, self.loudness, self.peak = rate, loudness, peak
        self.step = max(1, int(round(STEP_S * rate)))
        self._zi = np.zeros((2, 2))
        self._energies: list[np.ndarray] = []
        self._carry = 0.0  # squares of a step begun in the last chunk
        self._carried = 0
        self._upsampler = soxr.ResampleStream(rate, rate * _OVERSAMPLE, 1, dtype="float32", quality="HQ")
        self._top = 0.0
        self.samples = 0

    def settle(self, samples: np.ndarray) -> None:
        """Run the filters over audio that comes just before what is measured (not counted)."""
        if self.loudness and len(samples):
            self._zi = sosfilt(k_weighting(self.rate), samples.astype(np.float64), zi=self._zi)[1]

    def feed(self, samples: np.ndarray, *, count_peak: bool = True) -> None:
        """Measure the next samples."""
        if len(samples) == 0:
            return
        if self.loudness:
            self._feed_energy(samples)
        if self.peak and count_peak:
            self._peak(self._upsampler.resample_chunk(samples.astype(np.float32)))
        self.samples += len(samples)

    def peak_context(self, samples: np.ndarray) -> None:
        """Audio around a part, seen by the oversampler only (so a part's edges ring as in the whole)."""
        if self.peak and len(samples):
            self._peak(self._upsampler.resample_chunk(samples.astype(np.float32)))

    def finish(self) -> None:
        """Flush the oversampler and the step begun last."""
        if self.peak:
            self._peak(self._upsampler.resample_chunk(np.zeros(0, dtype=np.float32), last=True))
        if self._carried:
            self._energies.append(np.array([self._carry]))
            self._carry, self._carried = 0.0, 0

    def energies(self) -> np.ndarray:
        """K-weighted energy of each 100 ms step measured so far."""
        return np.concatenate(self._energies) if self._energies else np.zeros(0)

    def top(self) -> float:
        """Largest oversampled magnitude seen."""
        return self._top

    def result(self) -> tuple[float, float]:
        """(integrated loudness in LUFS, true peak in dBTP) of everything fed, after finish()."""
        return combine([self], self.rate)

    def _feed_energy(self, samples: np.ndarray) -> None:
        weighted, self._zi = sosfilt(k_weighting(self.rate), samples.astype(np.float64), zi=self._zi)
        squares = np.square(weighted)
        first = min(len(squares), self.step - self._carried)
        self._carry += float(squares[:first].sum())
        self._carried += first
        if self._carried < self.step:
            return
        rest = squares[first:]
        usable = len(rest) - len(rest) % self.step
        whole = rest[:usable].reshape(-1, self.step).sum(axis=1)
        self._energies.append(np.concatenate([[self._carry], whole]))
        self._carry, self._carried = float(rest[usable:].sum()), len(rest) - usable

    def _peak(self, up: np.ndarray) -> None:
        if len(up):
            self._top = max(self._top, float(np.max(np.abs(up))))


def measure(clip: Clip, *, loudness: bool = True, peak: bool = True) -> tuple[float, float]:
    """(integrated loudness in LUFS, true peak in dBTP) of the clip; either is -inf when not asked.

    One part per core, each measured by its own StreamMeter; gating runs on all their steps.
    """
    x, rate = clip.samples, clip.sample_rate
    if len(x) == 0:
        return float("-inf"), float("-inf")
    step = max(1, int(round(STEP_S * rate)))
    steps = -(-len(x) // step)
    parts = max(1, min(os.cpu_count() or 1, steps // 100 or 1))
    bounds = [k * steps // parts * step for k in range(parts)] + [len(x)]
    spans = list(zip(bounds[:-1], bounds[1:], strict=True))
    work = functools.partial(_measure_part, x, rate, loudness, peak)
    if parts == 1:
        meters = [work(spans[0])]
    else:
        with ThreadPoolExecutor(max_workers=parts) as pool:
            meters = list(pool.map(work, spans))
    return combine(meters, rate)


def combine(meters: list[StreamMeter], rate: int) -> tuple[float, float]:
    """(loudness, true peak) of consecutive parts measured by separate meters (each finished)."""
    top = max(m.top() for m in meters)
    peak = 20 * np.log10(top) if meters[0].peak and top > 0 else float("-inf")
    samples = sum(m.samples for m in meters)
    if not meters[0].loudness or samples < int(BLOCK_S * rate):
        return float("-inf"), float(peak)
    energies = np.concatenate([m.energies() for m in meters])
    return _gated(energies, samples / rate, rate), float(peak)


def _measure_part(x: np.ndarray, rate: int, loudness: bool, peak: bool, span: tuple[int, int]) -> StreamMeter:
    """A StreamMeter fed x[a:b] in 30 s chunks, its filters settled on the second before a."""
    a, b = span
    part = StreamMeter(rate, loudness=loudness, peak=peak)
    part.settle(x[max(0, a - int(SETTLE_S * rate)) : a])
    part.peak_context(x[max(0, a - _PEAK_PAD) : a])
    chunk = int(CHUNK_S * rate)
    for start in range(a, b, chunk):
        part.feed(x[start : min(b, start + chunk)])
    part.peak_context(x[b : b + _PEAK_PAD])
    part.finish()
    return part


def _gated(energy: np.ndarray, seconds: float, rate: int) -> float:
    """Integrated loudness from the energies of 100 ms steps: 400 ms blocks, absolute and relative gates."""
    per_block = int(round(BLOCK_S / STEP_S))
    blocks = int(np.round((seconds - BLOCK_S) / STEP_S)) + 1
    padded = np.concatenate([energy, np.zeros(per_block)])
    running = np.concatenate([[0.0], np.cumsum(padded)])
    starts = np.arange(blocks)
    z = (running[starts + per_block] - running[starts]) / (BLOCK_S * rate)
    with np.errstate(divide="ignore"):
        level = -0.691 + 10 * np.log10(z)
    above = z[level >= _ABSOLUTE_GATE]
    if len(above) == 0:
        return float("-inf")
    relative = -0.691 + 10 * np.log10(np.mean(above)) - 10.0
    kept = z[(level > relative) & (level > _ABSOLUTE_GATE)]
    if len(kept) == 0:
        return float("-inf")
    return float(-0.691 + 10 * np.log10(np.mean(kept)))
