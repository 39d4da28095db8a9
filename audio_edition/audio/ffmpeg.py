"""Find an ffmpeg binary (system first, else the one imageio-ffmpeg ships) and decode audio with it."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import numpy as np

from audio_edition.errors import AudioError
from audio_edition.model import Clip


@functools.lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    """Path of the ffmpeg to use: the system's if on PATH, else imageio-ffmpeg's bundled binary."""
    found = shutil.which("ffmpeg")
    if found:
        return found
    try:
        import imageio_ffmpeg

        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except (ImportError, RuntimeError) as exc:
        raise AudioError("no ffmpeg found: install ffmpeg or `pip install imageio-ffmpeg`") from exc


def decode_audio(path: str | Path, sample_rate: int = 44100) -> Clip:
    """Decode any audio file to mono float32 samples at `sample_rate` (no ffprobe needed)."""
    return _decode(["-i", str(path)], None, str(path), sample_rate)


def decode_audio_bytes(data: bytes, sample_rate: int = 44100, what: str = "audio") -> Clip:
    """Decode in-memory audio (an MP3 from a web service, say) to mono float32 samples."""
    return _decode(["-i", "pipe:0"], data, what, sample_rate)


def filter_audio(clip: Clip, audio_filter: str, what: str = "audio") -> Clip:
    """The clip run through an ffmpeg audio filter (e.g. `atempo=1.1`), same rate, mono."""
    raw = ["-f", "f32le", "-ar", str(clip.sample_rate), "-ac", "1", "-i", "pipe:0", "-af", audio_filter]
    return _decode(raw, clip.samples.astype("<f4").tobytes(), what, clip.sample_rate)


def _decode(source: list[str], data: bytes | None, what: str, sample_rate: int) -> Clip:
    cmd = [ffmpeg_exe(), "-hide_banner", "-v", "error", *source]
    cmd += ["-f", "f32le", "-ac", "1", "-ar", str(sample_rate), "pipe:1"]
    result = subprocess.run(cmd, input=data if data is not None else b"", capture_output=True, check=False)
    if result.returncode != 0:
        msg = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise AudioError(f"cannot decode {what}: {msg[-1] if msg else 'ffmpeg failed'}")
    return Clip(np.frombuffer(result.stdout, dtype=np.float32).copy(), sample_rate)
