"""The article's quotations: one scanner over all its paragraphs, yielding each quotation whole."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

QuoteKind = Literal["speech", "title", "scare"]


@dataclass(frozen=True)
class QuoteSpan:
    """The part of a quotation inside one block: `block.text[start:end]`, marks included."""

    block: int
    start: int
    end: int


@dataclass(frozen=True)
class Quotation:
    """One quotation, over one or more paragraphs.

    `kind` is `speech` for words someone said or wrote, `title` for the title of a work (a film, a
    song) and `scare` for a short phrase in quotes; only `speech` goes to the quote voice.
    `closed` is False when the text ended (or recovery cut it) before a closing mark.
    """

    spans: tuple[QuoteSpan, ...]
    closed: bool = True
    kind: QuoteKind = "speech"
    speaker: str | None = None
