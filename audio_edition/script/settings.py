"""What the script stage reads: the settings `write_script` depends on, with their defaults."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from audio_edition.defaults import MIN_QUOTE_WORDS, SHOW_NAME, Pauses

__all__ = ["ScriptSettings"]


@dataclass(frozen=True)
class ScriptSettings:
    """The script writer's settings: the show named in the opening and closing (said only when
    `opening` is on), the fewest words a quotation needs for the quote voice, the pauses after
    each kind of break, and the pronunciation lexicons (the user's file, the shipped news names).
    Its defaults are a build's defaults (`defaults.py`)."""

    show: str = SHOW_NAME
    opening: bool = True
    min_quote_words: int = MIN_QUOTE_WORDS
    pauses: Pauses = field(default_factory=Pauses)
    lexicon: Path | None = None
    default_lexicon: bool = True
