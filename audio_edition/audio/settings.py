"""What the audio stage reads of a build's Options: the mastering settings, which with the clips
decide a delivered episode (and so make its cache key)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from audio_edition.options import Options, settings_from

__all__ = ["MASTERING_REVISION", "MasteringSettings", "mastering_settings"]

# Bump when mastering (audio/mastering.py, or what it calls) changes what it makes from the same
# clips: cached episodes are then made again.
# 6: the key is the MasteringSettings fields, with the longest structural pause (quality gate).
# 7: music beds shorter than their part are looped to cover it (audio/beds.py).
MASTERING_REVISION = 7


@dataclass(frozen=True)
class MasteringSettings:
    """Everything besides the clips and their pauses that `master`, `deliver` and `check_episode`
    read: the delivery rate and bitrate, the loudness target, the speed, the silence before the
    first and after the last segment, the longest structural pause (the quality gate allows no
    longer silence), and the music files."""

    sample_rate: int
    bitrate: str
    loudness: float
    speed: float
    lead_in_ms: int
    tail_ms: int
    longest_pause_ms: int
    intro_music: Path | None
    outro_music: Path | None
    sting: Path | None

    @classmethod
    def from_options(cls, options: Options) -> MasteringSettings:
        """The mastering settings of a build: the options of the same names, and from the pauses
        the lead-in, the tail and the longest structural pause (the quality gate allows it)."""
        p = options.pauses
        longest = max(p.section, p.title, p.heading, p.paragraph)
        return settings_from(cls, options, lead_in_ms=p.lead_in, tail_ms=p.tail, longest_pause_ms=longest)

    @classmethod
    def of(cls, settings: MasteringSettings | Options) -> MasteringSettings:
        """`settings` itself, or the mastering settings of a build's whole `Options`."""
        return cls.from_options(settings) if isinstance(settings, Options) else settings


def mastering_settings(settings: MasteringSettings | Options, pauses: Sequence[int]) -> dict[str, object]:
    """The episode cache key's settings: every field of the mastering settings (a music file by
    its path, size and modification time), the segments' pauses and MASTERING_REVISION."""
    fields = dataclasses.asdict(MasteringSettings.of(settings))
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
