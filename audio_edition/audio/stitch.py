"""Lay clips and pauses on one timeline by filling a preallocated array once."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from audio_edition.model import Clip


def stitch(
    clips: Sequence[Clip],
    pauses_ms: Sequence[int],
    rate: int,
    *,
    lead_in_ms: int = 0,
    tail_ms: int = 0,
    consume: bool = False,
) -> tuple[Clip, list[tuple[float, float]]]:
    """Join `clips` (all at `rate`) with `pauses_ms[i]` of silence after clip i.

    Returns the joined audio and each clip's (start, end) in seconds. With `consume`, `clips` (a
    list) gives up each clip once it is laid: the timeline fills as the clips are released.
    """
    lead = _samples(lead_in_ms, rate)
    gaps = [_samples(p, rate) for p in pauses_ms]
    if len(gaps) != len(clips):
        raise ValueError(f"{len(clips)} clips but {len(gaps)} pauses")
    total = lead + sum(len(c.samples) for c in clips) + sum(gaps) + _samples(tail_ms, rate)
    out = np.zeros(total, dtype=np.float32)  # calloc: pages cost memory only once written
    times: list[tuple[float, float]] = []
    at = lead
    for k, gap in enumerate(gaps):
        clip = clips[k]
        if consume:
            clips[k] = _RELEASED  # type: ignore[index]
        if clip.sample_rate != rate:
            raise ValueError(f"clip at {clip.sample_rate} Hz in a {rate} Hz timeline")
        n = len(clip.samples)
        out[at : at + n] = clip.samples
        times.append((at / rate, (at + n) / rate))
        at += n + gap
    return Clip(out, rate), times


_RELEASED = Clip(np.zeros(0, dtype=np.float32), 1)


def _samples(ms: int, rate: int) -> int:
    return int(round(rate * ms / 1000))
