"""Cut one block's text into speakable pieces: at sentence ends and at the edges of long quotes."""

from __future__ import annotations

from dataclasses import dataclass

from audio_edition.languages.language import Language
from audio_edition.script.drafts import Pause
from audio_edition.text.sentences import sentence_spans


@dataclass(frozen=True)
class Piece:
    """A run of text in one voice; `ends` says whether a sentence or only a clause ends with it;
    `speaker` is who said it when it is a voiced quotation with a known speaker."""

    text: str
    quoted: bool
    ends: Pause  # SENTENCE or CLAUSE
    speaker: str | None = None


@dataclass(frozen=True)
class Voiced:
    """A stretch of a block to read in the quote voice: `text[start:end]`, and who said it."""

    start: int
    end: int
    speaker: str | None = None


def cut_pieces(text: str, voiced: list[Voiced], *, language: Language) -> list[Piece]:
    """Pieces covering `text` in order, cut at sentence ends and at the edges of `voiced` stretches."""
    sentence_ends = {end for _, end in sentence_spans(text, language)}
    cuts = sorted(sentence_ends | {q.start for q in voiced} | {q.end for q in voiced} | {0, len(text)})
    raw: list[Piece] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        chunk = text[a:b].strip()
        if not chunk:
            continue
        quote = next((q for q in voiced if q.start <= a and b <= q.end), None)
        ends = Pause.SENTENCE if b in sentence_ends else Pause.CLAUSE
        raw.append(Piece(chunk, quote is not None, ends, quote.speaker if quote else None))
    pieces = _absorb_fragments(raw)
    return _punctuation_to_quote(pieces) if not language.punctuation_inside_quotes else pieces


def _absorb_fragments(pieces: list[Piece]) -> list[Piece]:
    """Pieces with no letters or digits (a stray mark, a full stop) join their neighbour. The texts
    of a run of fragments are gathered and joined once (joining them one by one was quadratic)."""
    heads: list[Piece] = []  # each output piece's quoted, ends and speaker (its text in `parts`)
    parts: list[list[str]] = []
    words: list[bool] = []
    for piece in pieces:
        has_words = any(ch.isalnum() for ch in piece.text)
        if not has_words and heads:
            last = heads[-1]
            ends = Pause.SENTENCE if Pause.SENTENCE in (last.ends, piece.ends) else Pause.CLAUSE
            heads[-1] = Piece("", last.quoted, ends, last.speaker)
            parts[-1].append(_joined(piece.text))
            continue
        texts = [piece.text]
        if heads and not words[-1]:
            heads.pop()
            words.pop()
            texts = [*parts.pop(), _joined(piece.text)]
        heads.append(piece)
        parts.append(texts)
        words.append(has_words)
    return [Piece("".join(texts), h.quoted, h.ends, h.speaker) for h, texts in zip(heads, parts, strict=True)]


def _punctuation_to_quote(pieces: list[Piece]) -> list[Piece]:
    """The comma after a closing guillemet belongs to the quotation, not to the narration that
    attributes it: `« Nous attendrons », a déclaré X.` -> `« Nous attendrons »,` / `a déclaré X.`."""
    out: list[Piece] = []
    for piece in pieces:
        lead = len(piece.text) - len(piece.text.lstrip(",;:"))
        if lead and out and out[-1].quoted and not piece.quoted and piece.text[lead:].strip():
            last = out[-1]
            out[-1] = Piece(last.text + piece.text[:lead], True, last.ends, last.speaker)
            piece = Piece(piece.text[lead:].lstrip(), False, piece.ends, piece.speaker)
        out.append(piece)
    return out


def _joined(b: str) -> str:
    """A piece as joined after the one before it; the space between is a guess, as whitespace is not
    compared."""
    return b if b[:1] in ",.;:!?”’»)\"'" else " " + b
