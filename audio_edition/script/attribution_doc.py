"""The article as attribution reads it: each block's tokens, the cast it names, the speech clauses
found, and who has spoken so far (`Doc`, `Clause`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from audio_edition.model import Block
from audio_edition.script.names import Token
from audio_edition.script.people import Cast, Pos
from audio_edition.script.quotations import Quotation
from audio_edition.script.subjects import Subject
from audio_edition.script.words import ENGLISH, Words

READ = ("paragraph", "blockquote")  # the kinds of block whose text is searched for speakers


@dataclass(frozen=True)
class Clause:
    """A speech verb and its subject, at a token of a block."""

    at: Pos
    subject: Subject


@dataclass
class Doc:
    """The article prepared for attribution: token streams, its cast, and who has spoken so far."""

    blocks: Sequence[Block]
    quotations: Sequence[Quotation]
    tokens: list[list[Token]]
    cast: Cast = field(default_factory=Cast)
    events: list[tuple[Pos, str]] = field(default_factory=list)  # people named as saying something
    quote_at: dict[tuple[int, int], int] = field(default_factory=dict)  # (quotation, start) -> token
    sentence_bounds: list[list[tuple[int, int]]] = field(default_factory=list)  # per block
    words: Words = ENGLISH
    bodies: set[str] = field(default_factory=set)  # the organisations that spoke
    groups: list[tuple[Pos, str]] = field(default_factory=list)  # groups named after `group`
