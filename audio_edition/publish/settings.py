"""What the publish stage reads of a build's Options: where the set goes, which formats, the tags."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from audio_edition.options import Options, settings_from

__all__ = ["PublishSettings"]


@dataclass(frozen=True)
class PublishSettings:
    """The publisher's settings: the output folder, the formats beside the MP3 and manifest, the
    show (the MP3's album, its artist without a byline) and cover, the fingerprint recorded in the
    manifest, and the bitrate and rate of the encode made here when no MP3 is handed in."""

    out_dir: Path
    formats: tuple[str, ...]
    show: str
    cover: Path | None
    fingerprint: str | None
    bitrate: str
    sample_rate: int

    @classmethod
    def from_options(cls, options: Options) -> PublishSettings:
        """The publish settings of a build."""
        return settings_from(cls, options)
