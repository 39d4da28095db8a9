"""Everything a build can be told, gathered in one immutable value with sensible defaults."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Pauses:
    """Silence after a segment, in milliseconds, chosen by structure (longer = bigger break)."""

    clause: int = 150
    sentence: int = 400
    paragraph: int = 750
    title: int = 1000
    heading: int = 700
    section: int = 1300
    lead_in: int = 300
    tail: int = 1000


@dataclass(frozen=True)
class Options:
    """Settings for one build; every stage reads what it needs from here."""

    engine: str = "auto"
    narrator: str | None = None
    quote_voice: str | None = None
    language: str | None = None
    fallback: str | None = None
    jobs: int | None = None
    use_cache: bool = True
    cache_dir: Path | None = None
    out_dir: Path = Path("output")
    min_quote_words: int = 4
    bitrate: str = "96k"
    sample_rate: int = 44100
    loudness: float = -16.0
    pauses: Pauses = field(default_factory=Pauses)
    show: str = "Audio Edition"
    opening: bool = True
    intro_music: Path | None = None
    outro_music: Path | None = None
    sting: Path | None = None
    cover: Path | None = None
    speed: float = 1.0
