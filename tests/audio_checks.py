"""Measurements on real audio used by several tests: pitch, silence, loudness."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

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


def recognised(mp3: Path, segments: list[dict[str, object]]) -> list[tuple[set[str], set[str]]]:
    """(words written, words heard) per manifest segment, by offline speech recognition (pocketsphinx)."""
    import re

    import pytest

    from audio_edition.audio.ffmpeg import decode_audio

    pocketsphinx = pytest.importorskip("pocketsphinx")
    audio = decode_audio(mp3, 16000)
    pcm = (np.clip(audio.samples, -1, 1) * 32767).astype("<i2")
    decoder = pocketsphinx.Decoder(samprate=16000)
    out = []
    for seg in segments:
        start, end = int(float(seg["start"]) * 16000), int(float(seg["end"]) * 16000)  # type: ignore[arg-type]
        decoder.start_utt()
        decoder.process_raw(pcm[start:end].tobytes(), full_utt=True)
        decoder.end_utt()
        heard = set(decoder.hyp().hypstr.split()) if decoder.hyp() else set()
        out.append((set(re.findall(r"[a-z]+", str(seg["text"]).lower())), heard))
    return out


def ffmpeg_ebur128(path: Path) -> tuple[float, float]:
    """(integrated loudness LUFS, true peak dBTP) of an audio file, as ffmpeg's ebur128 filter measures."""
    import re
    import subprocess

    from audio_edition.audio.ffmpeg import ffmpeg_exe

    command = [ffmpeg_exe(), "-hide_banner", "-nostats", "-i", str(path)]
    # framelog=verbose keeps the per-frame lines below the default log level: ffmpeg 4.4-6.0 know no "quiet"
    command += ["-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-"]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    loudness = float(re.findall(r"I:\s+(-?[\d.]+) LUFS", result.stderr)[-1])
    peak = float(re.findall(r"Peak:\s+(-?[\d.]+) dBFS", result.stderr)[-1])
    return loudness, peak


def ffmpeg_chapters(mp3: Path) -> list[tuple[int, str]]:
    """(start ms, title) of every chapter as ffmpeg reads the MP3: its CHAP frames, in file order."""
    from audio_edition.audio.ffmpeg import ffmpeg_exe

    meta = subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-i", str(mp3), "-f", "ffmetadata", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [(int(a), b) for a, b in re.findall(r"\[CHAPTER\][^[]*?START=(\d+)[^[]*?title=([^\n]*)", meta)]
