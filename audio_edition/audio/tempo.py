"""Change speaking speed without changing pitch (ffmpeg's atempo, WSOLA-based)."""

from __future__ import annotations

import subprocess

import numpy as np

from audio_edition.audio.ffmpeg import ffmpeg_exe
from audio_edition.errors import AudioError
from audio_edition.model import Clip


def change_tempo(clip: Clip, factor: float) -> Clip:
    """The clip played `factor` times faster (0.5-2.0), pitch unchanged."""
    if factor == 1.0 or len(clip.samples) == 0:
        return clip
    if not 0.5 <= factor <= 2.0:
        raise AudioError(f"speed {factor:g} is outside 0.5-2.0")
    rate = str(clip.sample_rate)
    cmd = [
        ffmpeg_exe(),
        "-hide_banner",
        "-v",
        "error",
        "-f",
        "f32le",
        "-ar",
        rate,
        "-ac",
        "1",
        "-i",
        "pipe:0",
        "-af",
        f"atempo={factor:.4f}",
        "-f",
        "f32le",
        "-ar",
        rate,
        "-ac",
        "1",
        "pipe:1",
    ]
    result = subprocess.run(cmd, input=clip.samples.astype("<f4").tobytes(), capture_output=True, check=False)
    if result.returncode != 0:
        raise AudioError(f"tempo change failed: {result.stderr.decode('utf-8', 'replace').strip()[-200:]}")
    return Clip(np.frombuffer(result.stdout, dtype="<f4").astype(np.float32), clip.sample_rate)
