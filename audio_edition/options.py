"""Everything a build can be told, gathered in one immutable value with sensible defaults."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from audio_edition.publish.formats import DEFAULT_NAMES, FORMAT_NAMES


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


DEFAULT_FORMATS = DEFAULT_NAMES
ALL_FORMATS = FORMAT_NAMES
# The show's name: spoken in the opening and closing, the MP3's artist and album, the feed's title
# and author unless told otherwise.
SHOW_NAME = "Audio Edition"
# The cache's default bound: about 350 audio minutes at the measured 5.8 MB a minute (Piper).
DEFAULT_CACHE_MAX_SIZE = 2_000_000_000

# The MP3 bitrates a build offers (`audio.loudness` has the encoder's measured loss at each).
BITRATES = ("64k", "80k", "96k", "112k", "128k", "160k", "192k")


def parse_formats(text: str) -> tuple[str, ...]:
    """`--formats` as a tuple in table order: `all`, or a comma list of the formats in
    `publish.formats` (mp3 and json are always made, and allowed). Raises ValueError naming an
    unknown format."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if "all" in names:
        return ALL_FORMATS
    unknown = [n for n in names if n not in ALL_FORMATS and n not in ("mp3", "json")]
    if unknown:
        raise ValueError(f"unknown format '{unknown[0]}': choose from mp3, {', '.join(ALL_FORMATS)} or all")
    return tuple(n for n in ALL_FORMATS if n in names)


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
    """Settings for one build; every stage reads what it needs from here."""

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
    out_dir: Path = Path("output")
    min_quote_words: int = 4
    bitrate: str = "96k"
    sample_rate: int = 44100
    loudness: float = -16.0
    pauses: Pauses = field(default_factory=Pauses)
    show: str = SHOW_NAME
    opening: bool = True
    intro_music: Path | None = None
    outro_music: Path | None = None
    sting: Path | None = None
    cover: Path | None = None
    speed: float = 1.0
    formats: tuple[str, ...] = DEFAULT_FORMATS
    lexicon: Path | None = None
    default_lexicon: bool = True  # the shipped lexicon of news names, under the user's own entries
    speaker_voices: bool = False  # each recurring speaker of quotations gets a voice of their own
    fingerprint: str | None = None  # of the article and options, recorded for incremental batches
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
    """A stage's settings from a build's options: each field of `cls` named as an option takes that
    option's value; the others come from `derived`."""
    names = {f.name for f in dataclasses.fields(cls)} - derived.keys()  # type: ignore[arg-type]
    return cls(**{name: getattr(options, name) for name in names}, **derived)
