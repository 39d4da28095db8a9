"""What the publish stage reads: where the set goes, which formats, the tags, with their defaults."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from audio_edition.defaults import BITRATE, DEFAULT_FORMATS, OUT_DIR, SAMPLE_RATE, SHOW_NAME

__all__ = ["PublishSettings"]


@dataclass(frozen=True)
class PublishSettings:
    """The publisher's settings: the output folder, the formats beside the MP3 and manifest, the
    show (the MP3's album, its artist without a byline) and cover, the fingerprint recorded in the
    manifest (the article's, given beside a batch's options), and the bitrate and rate of the
    encode made here when no MP3 is handed in. Its defaults are a build's (`defaults.py`)."""

    out_dir: Path = OUT_DIR
    formats: tuple[str, ...] = DEFAULT_FORMATS
    show: str = SHOW_NAME
    cover: Path | None = None
    fingerprint: str | None = None
    bitrate: str = BITRATE
    sample_rate: int = SAMPLE_RATE
