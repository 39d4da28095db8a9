"""Cut one block's text into speakable pieces: at sentence ends and at the edges of long quotes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from audio_edition.script.quotes import Span, find_quotes
from audio_edition.script.sentences import sentence_spans

Ends = Literal["sentence", "clause"]


@dataclass(frozen=True)
class Piece:
    """A run of text in one voice; `ends` says whether a sentence ends with it."""

    text: str
    quoted: bool
    ends: Ends


def voiced_quotes(text: str, min_words: int, continues: bool = False) -> list[Span]:
    """Quotations long enough for the quote voice (shorter ones stay with the narrator)."""
    return [s for s in find_quotes(text, continues) if len(s.inner(text).split()) >= min_words]


def cut_pieces(
    text: str, *, min_words: int, language: str = "en", continues: bool = False, whole_quote: bool = False
) -> list[Piece]:
    """Pieces covering `text` in order; `whole_quote` voices everything as a quotation."""
    quotes = [Span(0, len(text))] if whole_quote else voiced_quotes(text, min_words, continues)
    sentence_ends = {end for _, end in sentence_spans(text, language)}
    cuts = sorted(sentence_ends | {q.start for q in quotes} | {q.end for q in quotes} | {0, len(text)})
    raw: list[Piece] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        chunk = text[a:b].strip()
        if not chunk:
            continue
        quoted = any(q.start <= a and b <= q.end for q in quotes)
        raw.append(Piece(chunk, quoted, "sentence" if b in sentence_ends else "clause"))
    return _absorb_fragments(raw)


def _absorb_fragments(pieces: list[Piece]) -> list[Piece]:
    """Pieces with no letters or digits (a stray mark, a full stop) join their neighbour."""
    out: list[Piece] = []
    for piece in pieces:
        if not any(ch.isalnum() for ch in piece.text):
            if out:
                last = out[-1]
                ends: Ends = "sentence" if "sentence" in (last.ends, piece.ends) else "clause"
                out[-1] = Piece(_join(last.text, piece.text), last.quoted, ends)
                continue
        if out and not any(ch.isalnum() for ch in out[-1].text):
            first = out.pop()
            piece = Piece(_join(first.text, piece.text), piece.quoted, piece.ends)
        out.append(piece)
    return out


def _join(a: str, b: str) -> str:
    """Join two adjacent pieces; the space between is a guess, as whitespace is not compared."""
    return a + b if b[:1] in ",.;:!?”’»)\"'" else a + " " + b
