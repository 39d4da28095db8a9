"""Encode samples to MP3 through pydub, with ffmpeg from the system or imageio-ffmpeg."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import BinaryIO

from audio_edition.audio.ffmpeg import ffmpeg_exe
from audio_edition.audio.shape import pcm16
from audio_edition.errors import AudioError
from audio_edition.model import Clip

with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)  # pydub warns when ffprobe is absent; we never use it
    warnings.simplefilter("ignore", DeprecationWarning)  # pydub imports audioop (audioop-lts on 3.13+)
    from pydub import AudioSegment


def to_segment(clip: Clip) -> AudioSegment:
    """A 16-bit mono pydub segment built from float samples (no decoding, no ffprobe)."""
    data = pcm16(clip.samples).tobytes()
    return AudioSegment(data=data, sample_width=2, frame_rate=clip.sample_rate, channels=1)


def mp3_bytes(clip: Clip, *, bitrate: str = "96k", rate: int | None = None) -> bytes:
    """`clip` encoded as a mono MP3 without tags, in memory (at `rate`, default the clip's)."""
    buffer = io.BytesIO()
    encode_mp3(clip, buffer, bitrate=bitrate, rate=rate)
    return buffer.getvalue()


def encode_mp3(
    clip: Clip,
    path: Path | BinaryIO,
    *,
    bitrate: str = "96k",
    tags: dict[str, str] | None = None,
    rate: int | None = None,
) -> None:
    """Write `clip` as a mono MP3 at `rate` (default its own) to a path or a binary file object."""
    AudioSegment.converter = ffmpeg_exe()
    try:
        written = to_segment(clip).export(
            str(path) if isinstance(path, Path) else path,
            format="mp3",
            bitrate=bitrate,
            tags=tags or {},
            id3v2_version="4",
            parameters=["-ac", "1", "-ar", str(rate or clip.sample_rate)],
        )
        if isinstance(path, Path):
            written.close()
    except Exception as exc:  # pydub raises CouldntEncodeError with ffmpeg's whole log
        first = str(exc).strip().splitlines()
        raise AudioError(f"MP3 encoding failed: {first[0] if first else exc}") from exc
