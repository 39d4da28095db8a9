"""Measurements on real audio used by several tests: pitch, silence, loudness."""

from __future__ import annotations

import numpy as np


def median_pitch(samples: np.ndarray, rate: int) -> float:
    """Median fundamental frequency (Hz) over voiced 40 ms frames, by autocorrelation."""
    frame = int(0.04 * rate)
    found = []
    lo, hi = int(rate / 400), int(rate / 60)
    for i in range(0, len(samples) - frame, frame):
        window = samples[i : i + frame].astype(np.float64)
        if np.sqrt(np.mean(window**2)) < 0.02:
            continue
        window = window - window.mean()
        ac = np.correlate(window, window, "full")[frame - 1 :]
        if ac[0] <= 0:
            continue
        lag = lo + int(np.argmax(ac[lo:hi]))
        if ac[lag] / ac[0] > 0.3:
            found.append(rate / lag)
    return float(np.median(found)) if found else 0.0


def rms_db(samples: np.ndarray) -> float:
    """RMS level in dB of full scale (-inf for digital silence)."""
    rms = float(np.sqrt(np.mean(np.square(samples.astype(np.float64))))) if len(samples) else 0.0
    return 20 * np.log10(rms) if rms > 0 else float("-inf")
