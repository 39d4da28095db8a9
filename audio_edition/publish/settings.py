"""What the publish stage reads of a build's Options: where the set goes, which formats, the tags."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from audio_edition.options import Options

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
        return cls(
            out_dir=options.out_dir,
            formats=options.formats,
            show=options.show,
            cover=options.cover,
            fingerprint=options.fingerprint,
            bitrate=options.bitrate,
            sample_rate=options.sample_rate,
        )
