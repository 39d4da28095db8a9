"""The script writer's working values: a Draft (a segment before it is numbered and spoken) and
the kind of pause that follows it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from audio_edition.defaults import Pauses
from audio_edition.model import Role


class Pause(StrEnum):
    """What ends a piece of the script, and so how long the silence after it is."""

    CLAUSE = "clause"
    SENTENCE = "sentence"
    PARAGRAPH = "paragraph"
    TITLE = "title"
    HEADING = "heading"
    SECTION = "section"
    END = "end"

    def millis(self, pauses: Pauses) -> int:
        """The silence after this kind of break, from `pauses` (none after the end)."""
        return {
            Pause.CLAUSE: pauses.clause,
            Pause.SENTENCE: pauses.sentence,
            Pause.PARAGRAPH: pauses.paragraph,
            Pause.TITLE: pauses.title,
            Pause.HEADING: pauses.heading,
            Pause.SECTION: pauses.section,
            Pause.END: 0,
        }[self]


@dataclass(frozen=True)
class Draft:
    """One segment to be: its role and written text, the block it comes from (-1 for the opening
    and closing), the pause after it, and who speaks it when it is a voiced quotation."""

    role: Role
    text: str
    block: int
    pause: Pause
    speaker: str | None = None

    def ending(self, pause: Pause) -> Draft:
        """The same draft followed by `pause`."""
        return replace(self, pause=pause)
