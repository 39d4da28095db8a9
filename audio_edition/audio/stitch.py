"""Lay clips and pauses on one timeline by filling a preallocated array once."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from audio_edition.model import Clip


def stitch(
    clips: Sequence[Clip], pauses_ms: Sequence[int], rate: int, *, lead_in_ms: int = 0, tail_ms: int = 0
) -> tuple[Clip, list[tuple[float, float]]]:
    """Join `clips` (all at `rate`) with `pauses_ms[i]` of silence after clip i.

    Returns the joined audio and each clip's (start, end) in seconds.
    """
    lead = _samples(lead_in_ms, rate)
    gaps = [_samples(p, rate) for p in pauses_ms]
    total = lead + sum(len(c.samples) for c in clips) + sum(gaps) + _samples(tail_ms, rate)
    out = np.zeros(total, dtype=np.float32)
    times: list[tuple[float, float]] = []
    at = lead
    for clip, gap in zip(clips, gaps, strict=True):
        if clip.sample_rate != rate:
            raise ValueError(f"clip at {clip.sample_rate} Hz in a {rate} Hz timeline")
        n = len(clip.samples)
        out[at : at + n] = clip.samples
        times.append((at / rate, (at + n) / rate))
        at += n + gap
    return Clip(out, rate), times


def _samples(ms: int, rate: int) -> int:
    return int(round(rate * ms / 1000))
