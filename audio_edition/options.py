"""Everything a build can be told, gathered in one immutable value with sensible defaults."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from audio_edition.defaults import (
    BITRATE,
    DEFAULT_FORMATS,
    LOUDNESS,
    MIN_QUOTE_WORDS,
    OUT_DIR,
    SAMPLE_RATE,
    SHOW_NAME,
    SPEED,
    Pauses,
)

__all__ = [
    "BITRATES",
    "DEFAULT_CACHE_MAX_SIZE",
    "SHOW_NAME",
    "Options",
    "Pauses",
    "format_size",
    "parse_size",
    "settings_from",
]

# The cache's default bound: about 350 audio minutes at the measured 5.8 MB a minute (Piper).
DEFAULT_CACHE_MAX_SIZE = 2_000_000_000

# The MP3 bitrates a build offers (`audio.loudness` has the encoder's measured loss at each).
BITRATES = ("64k", "80k", "96k", "112k", "128k", "160k", "192k")


_UNITS = {"": 1, "k": 1000, "m": 1000**2, "g": 1000**3, "t": 1000**4}


def parse_size(text: str) -> int:
    """A size in bytes from `500M`, `2G`, `750k`, `1.5G` or a plain number of bytes (decimal
    units, a trailing `B` allowed); ValueError saying what is accepted."""
    cleaned = text.strip().lower().removesuffix("b").strip()
    number, unit = (cleaned[:-1], cleaned[-1]) if cleaned[-1:] in _UNITS else (cleaned, "")
    try:
        value = float(number) * _UNITS[unit]
    except ValueError:
        value = -1.0
    if not number or value < 0:
        raise ValueError(
            f"{text!r} is not a size: give bytes or a number with k, M, G or T, e.g. 500M, 2G; 0 for no bound"
        )
    return int(value)


def format_size(size: int) -> str:
    """A size as `parse_size` reads it, in the largest unit that divides it (`2G`, `500M`)."""
    for unit in ("T", "G", "M", "k"):
        if size and size % _UNITS[unit.lower()] == 0:
            return f"{size // _UNITS[unit.lower()]}{unit}"
    return str(size)


@dataclass(frozen=True)
class Options:
    """Everything one build can be told, as the command line and the library's users give it. No
    stage reads it: the pipeline derives each stage's settings from it (`stage_settings.py`)."""

    engine: str = "auto"
    narrator: str | None = None
    quote_voice: str | None = None
    language: str | None = None
    fallback: str | None = None
    jobs: int | None = None
    use_cache: bool = True
    cache_dir: Path | None = None
    cache_max_size: int = (
        DEFAULT_CACHE_MAX_SIZE  # bytes; the least recently used entries go first; 0: no bound
    )
    out_dir: Path = OUT_DIR
    min_quote_words: int = MIN_QUOTE_WORDS
    bitrate: str = BITRATE
    sample_rate: int = SAMPLE_RATE
    loudness: float = LOUDNESS
    pauses: Pauses = field(default_factory=Pauses)
    show: str = SHOW_NAME
    opening: bool = True
    intro_music: Path | None = None
    outro_music: Path | None = None
    sting: Path | None = None
    cover: Path | None = None
    speed: float = SPEED
    formats: tuple[str, ...] = DEFAULT_FORMATS
    lexicon: Path | None = None
    default_lexicon: bool = True  # the shipped lexicon of news names, under the user's own entries
    speaker_voices: bool = False  # each recurring speaker of quotations gets a voice of their own
    allow_private_hosts: bool = False  # fetch from loopback, private and link-local addresses too
    verify: str | None = None  # "on" or "strict": every segment heard by a recogniser (`verify/`)
    verify_model: Path | None = None  # a CTranslate2 Whisper model folder; None: the bundled tiny.en

    def __post_init__(self) -> None:
        """Paths may be given as strings (`Options(out_dir="episodes")`): each becomes a Path."""
        for name in _PATH_FIELDS:
            value = getattr(self, name)
            if value is not None and not isinstance(value, Path):
                object.__setattr__(self, name, Path(value))


_PATH_FIELDS = (
    "cache_dir",
    "out_dir",
    "intro_music",
    "outro_music",
    "sting",
    "cover",
    "lexicon",
    "verify_model",
)


_Settings = TypeVar("_Settings")


def settings_from(cls: type[_Settings], options: Options, **derived: Any) -> _Settings:
    """A stage's settings (`cls`) from a build's options, made on top (`stage_settings.py`; the
    stages never see Options): each field of `cls` named as an option takes that option's value;
    the others come from `derived`."""
    names = {f.name for f in dataclasses.fields(cls)} - derived.keys()  # type: ignore[arg-type]
    return cls(**{name: getattr(options, name) for name in names}, **derived)
