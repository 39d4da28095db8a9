"""Find an ffmpeg binary (AUDIO_EDITION_FFMPEG, else the system's, else imageio-ffmpeg's) and decode
audio with it.

Every ffmpeg run has a time limit proportional to its work (`time_limit`); one that outlives it is
killed and reported in one line.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np

from audio_edition.errors import AudioError, InputError
from audio_edition.model import Clip

# ffmpeg decodes, filters and encodes speech 100-500x faster than real time; these limits are generous.
FLOOR_S = 60.0  # every run may take this long...
PER_AUDIO_S = 0.5  # ...plus this much per second of audio it handles
ENCODED_BYTES_PER_S = 1000  # an encoded input of unknown length is taken as 8 kbit/s (an over-estimate)
FFMPEG_VARIABLE = "AUDIO_EDITION_FFMPEG"  # a path to the ffmpeg to use, before any other


class UndecodableError(AudioError):
    """ffmpeg ran and said the input cannot be decoded (the input's fault, unlike a stall)."""


@functools.lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    """Path of the ffmpeg to use: AUDIO_EDITION_FFMPEG when set (InputError if it is not a program),
    else the system's if on PATH, else imageio-ffmpeg's bundled binary."""
    chosen = os.environ.get(FFMPEG_VARIABLE, "").strip()
    if chosen:
        return _chosen(chosen)
    found = shutil.which("ffmpeg")
    if found:
        return found
    return bundled_ffmpeg()


def bundled_ffmpeg() -> str:
    """Path of the ffmpeg imageio-ffmpeg ships (AudioError when it is not installed)."""
    try:
        import imageio_ffmpeg

        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except (ImportError, RuntimeError) as exc:
        raise AudioError("no ffmpeg found: install ffmpeg or `pip install imageio-ffmpeg`") from exc


def _chosen(value: str) -> str:
    """The program AUDIO_EDITION_FFMPEG names (a path, or a name on PATH), or an InputError."""
    found = shutil.which(value)
    if found is None:
        raise InputError(
            f"{FFMPEG_VARIABLE}={value} is not an ffmpeg program that can be run: "
            f"give the path of an ffmpeg binary, or unset {FFMPEG_VARIABLE} to use the one found"
        )
    return found


def time_limit(audio_seconds: float) -> float:
    """Seconds an ffmpeg run handling `audio_seconds` of audio may take before it is killed."""
    return FLOOR_S + PER_AUDIO_S * audio_seconds


def encoded_seconds(size: int) -> float:
    """An upper estimate of the length of `size` bytes of encoded audio."""
    return size / ENCODED_BYTES_PER_S


def stalled(what: str, limit: float) -> AudioError:
    """The one-line error for an ffmpeg run killed at its time limit."""
    return AudioError(
        f"ffmpeg stalled {what}: no end after {limit:.0f} s, so it was stopped; "
        "run again, and check the machine's load or the ffmpeg install if it repeats"
    )


def not_started(exe: str, exc: OSError) -> AudioError:
    """The one-line error for an ffmpeg that cannot be started."""
    return AudioError(
        f"cannot start ffmpeg ({exe}): {exc.strerror or exc}: install ffmpeg or `pip install imageio-ffmpeg`"
    )


def decode_audio(path: str | Path, sample_rate: int = 44100) -> Clip:
    """Decode any audio file to mono float32 samples at `sample_rate` (no ffprobe needed)."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0  # ffmpeg says what is wrong with the path
    return _decode(["-i", str(path)], None, str(path), sample_rate, encoded_seconds(size))


def decode_audio_bytes(data: bytes, sample_rate: int = 44100, what: str = "audio") -> Clip:
    """Decode in-memory audio (an MP3 from a web service, say) to mono float32 samples."""
    return _decode(["-i", "pipe:0"], data, what, sample_rate, encoded_seconds(len(data)))


def filter_audio(clip: Clip, audio_filter: str, what: str = "audio") -> Clip:
    """The clip run through an ffmpeg audio filter (e.g. `atempo=1.1`), same rate, mono."""
    raw = ["-f", "f32le", "-ar", str(clip.sample_rate), "-ac", "1", "-i", "pipe:0", "-af", audio_filter]
    return _decode(raw, clip.samples.astype("<f4").tobytes(), what, clip.sample_rate, clip.duration)


def _decode(source: list[str], data: bytes | None, what: str, sample_rate: int, seconds: float) -> Clip:
    """Run ffmpeg to raw mono floats; UndecodableError if it refuses the input, AudioError if it stalls."""
    exe = ffmpeg_exe()
    cmd = [exe, "-hide_banner", "-v", "error", *source]
    cmd += ["-f", "f32le", "-ac", "1", "-ar", str(sample_rate), "pipe:1"]
    limit = time_limit(seconds)
    try:
        result = subprocess.run(
            cmd, input=data if data is not None else b"", capture_output=True, check=False, timeout=limit
        )
    except subprocess.TimeoutExpired:  # subprocess.run has killed it
        raise stalled(f"decoding {what}", limit) from None
    except OSError as exc:
        raise not_started(exe, exc) from None
    if result.returncode < 0:
        raise AudioError(f"ffmpeg was killed by signal {-result.returncode} while decoding {what}: run again")
    if result.returncode != 0:
        msg = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UndecodableError(f"cannot decode {what}: {msg[-1] if msg else 'ffmpeg failed'}")
    samples = result.stdout[: len(result.stdout) - len(result.stdout) % 4]
    return Clip(np.frombuffer(samples, dtype=np.float32).copy(), sample_rate)
