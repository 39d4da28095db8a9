"""What the script stage reads of a build's Options: the settings `write_script` depends on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from audio_edition.options import Options, Pauses, settings_from

__all__ = ["ScriptSettings"]


@dataclass(frozen=True)
class ScriptSettings:
    """The script writer's settings: the show named in the opening and closing (said only when
    `opening` is on), the fewest words a quotation needs for the quote voice, the pauses after
    each kind of break, and the pronunciation lexicons (the user's file, the shipped news names).
    Its defaults are `Options()`'s (`from_options(Options())`)."""

    show: str
    opening: bool
    min_quote_words: int
    pauses: Pauses
    lexicon: Path | None
    default_lexicon: bool

    @classmethod
    def from_options(cls, options: Options) -> ScriptSettings:
        """The script settings of a build."""
        return settings_from(cls, options)
