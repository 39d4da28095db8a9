"""Encode samples to MP3 through pydub, with ffmpeg from the system or imageio-ffmpeg.

pydub starts ffmpeg without a time limit. Its module is handed a `subprocess` whose `Popen` waits
no longer than the limit of the export in progress here (none for anyone else's use of pydub),
kills ffmpeg when it is reached, and removes the temporary files pydub leaves when ffmpeg fails.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
import types
import warnings
from contextvars import ContextVar
from pathlib import Path
from typing import Any, BinaryIO

from audio_edition.audio.ffmpeg import ffmpeg_exe, stalled, time_limit
from audio_edition.audio.shape import pcm16
from audio_edition.errors import AudioError
from audio_edition.model import Clip

with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)  # pydub warns when ffprobe is absent; we never use it
    warnings.simplefilter("ignore", DeprecationWarning)  # pydub imports audioop (audioop-lts on 3.13+)
    import pydub.audio_segment
    from pydub import AudioSegment

_LIMIT: ContextVar[float | None] = ContextVar("audio_edition_pydub_limit", default=None)


class _BoundedPopen(subprocess.Popen[bytes]):
    """pydub's ffmpeg, waited for at most the limit of the export that started it."""

    def communicate(self, input: Any = None, timeout: float | None = None) -> tuple[Any, Any]:
        limit = _LIMIT.get()
        try:
            out = super().communicate(input, timeout if timeout is not None else limit)
        except subprocess.TimeoutExpired:
            self.kill()
            self.wait()
            self._remove_temporaries()
            raise stalled("encoding the MP3 (pydub)", limit or 0.0) from None
        if self.returncode != 0:
            self._remove_temporaries()
        return out

    def _remove_temporaries(self) -> None:
        """pydub's input WAV and output file, which it leaves behind when ffmpeg fails."""
        if _LIMIT.get() is None or not isinstance(self.args, list):
            return
        folder = Path(tempfile.gettempdir()).resolve()
        named = [self.args[-1]] + [self.args[k + 1] for k, a in enumerate(self.args[:-1]) if a == "-i"]
        for name in named:
            path = Path(str(name))
            if path.is_absolute() and path.resolve().parent == folder:
                path.unlink(missing_ok=True)


class _PydubSubprocess(types.ModuleType):
    """The `subprocess` module as pydub sees it: the same, but with a bounded Popen."""

    Popen = _BoundedPopen

    def __getattr__(self, name: str) -> Any:
        return getattr(subprocess, name)


pydub.audio_segment.subprocess = _PydubSubprocess("subprocess")  # type: ignore[assignment]


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
    """Write `clip` as a mono MP3 at `rate` (default its own) to a path or a binary file object;
    AudioError in one line if ffmpeg fails or outlives `time_limit`."""
    AudioSegment.converter = ffmpeg_exe()
    bound = _LIMIT.set(time_limit(clip.duration))
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
    except AudioError:
        raise
    except Exception as exc:  # pydub raises CouldntEncodeError with ffmpeg's whole log
        first = str(exc).strip().splitlines()
        raise AudioError(f"MP3 encoding failed: {first[0] if first else exc}") from exc
    finally:
        _LIMIT.reset(bound)
