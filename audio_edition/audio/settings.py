"""What the audio stage reads: the mastering settings (with their defaults), which with the clips
decide a delivered episode (and so make its cache key)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from audio_edition.defaults import BITRATE, LOUDNESS, SAMPLE_RATE, SPEED, Pauses

__all__ = ["MASTERING_REVISION", "MasteringSettings", "mastering_settings", "pause_times"]

# Bump when mastering (audio/mastering.py, or what it calls) changes what it makes from the same
# clips: cached episodes are then made again.
# 6: the key is the MasteringSettings fields, with the longest structural pause (quality gate).
# 7: music beds shorter than their part are looped to cover it (audio/beds.py).
MASTERING_REVISION = 7


def pause_times(pauses: Pauses) -> dict[str, int]:
    """The mastering settings that `pauses` decide: the lead-in, the tail and the longest
    structural pause (the quality gate allows no longer silence)."""
    longest = max(pauses.section, pauses.title, pauses.heading, pauses.paragraph)
    return {"lead_in_ms": pauses.lead_in, "tail_ms": pauses.tail, "longest_pause_ms": longest}


_DEFAULT_TIMES = pause_times(Pauses())


@dataclass(frozen=True)
class MasteringSettings:
    """Everything besides the clips and their pauses that `master`, `deliver` and `check_episode`
    read: the delivery rate and bitrate, the loudness target, the speed, the silence before the
    first and after the last segment, the longest structural pause (the quality gate allows no
    longer silence), and the music files. Its defaults are a build's (`defaults.py`; the three
    silences from `Pauses()`: `pause_times`)."""

    sample_rate: int = SAMPLE_RATE
    bitrate: str = BITRATE
    loudness: float = LOUDNESS
    speed: float = SPEED
    lead_in_ms: int = _DEFAULT_TIMES["lead_in_ms"]
    tail_ms: int = _DEFAULT_TIMES["tail_ms"]
    longest_pause_ms: int = _DEFAULT_TIMES["longest_pause_ms"]
    intro_music: Path | None = None
    outro_music: Path | None = None
    sting: Path | None = None


def mastering_settings(settings: MasteringSettings, pauses: Sequence[int]) -> dict[str, object]:
    """The episode cache key's settings: every field of the mastering settings (a music file by
    its path, size and modification time), the segments' pauses and MASTERING_REVISION."""
    fields = dataclasses.asdict(settings)
    music = ("intro_music", "outro_music", "sting")
    return {
        "revision": MASTERING_REVISION,
        "pauses": list(pauses),
        **{name: _file_identity(value) if name in music else value for name, value in fields.items()},
    }


def _file_identity(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        stat = path.stat()
    except OSError:
        return str(path)
    return f"{path.resolve()} {stat.st_size} {stat.st_mtime_ns}"
