"""What besides the clips decides a mastered episode: the settings its cache key is made from."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from audio_edition.options import Options

__all__ = ["MASTERING_REVISION", "mastering_settings"]

# Bump when mastering (audio/mastering.py, or what it calls) changes what it makes from the same
# clips: cached episodes are then made again.
MASTERING_REVISION = 5


def mastering_settings(options: Options, pauses: Sequence[int]) -> dict[str, object]:
    """Everything besides the clips that decides the mastered audio (for the episode cache key)."""
    return {
        "revision": MASTERING_REVISION,
        "pauses": list(pauses),
        "lead_in": options.pauses.lead_in,
        "tail": options.pauses.tail,
        "rate": options.sample_rate,
        "loudness": options.loudness,
        "bitrate": options.bitrate,
        "speed": options.speed,
        "music": [_file_identity(p) for p in (options.intro_music, options.outro_music, options.sting)],
    }


def _file_identity(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        stat = path.stat()
    except OSError:
        return str(path)
    return f"{path.resolve()} {stat.st_size} {stat.st_mtime_ns}"
