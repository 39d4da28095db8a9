"""The article's quotations: one scanner over all its paragraphs, yielding each quotation whole."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from audio_edition.languages.language import Language
from audio_edition.model import Block
from audio_edition.script.quote_kinds import (
    attribution_inside,
    attribution_only,
    kind_of,
    patterns,
    word_count,
)
from audio_edition.text.dialogue import DIALOGUE_DASHES
from audio_edition.text.quotes import (
    APOSTROPHE_LIKE,
    DOUBLE_CLOSE,
    DOUBLE_OPEN,
    QUOTE_MARKS,
    SINGLE_OPEN,
    Span,
    find_quotes,
    has_single_closer,
)
from audio_edition.text.sentences import sentence_spans

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
    `language` is the article's, which the speaker model reads the words around it in.
    """

    spans: tuple[QuoteSpan, ...]
    closed: bool = True
    kind: QuoteKind = "speech"
    speaker: str | None = None
    language: Language | None = None  # the article's, in which the quotation was found (None: not known)


def find_quotations(blocks: Sequence[Block], *, min_words: int = 4, language: Language) -> list[Quotation]:
    """Every quotation in the article's paragraphs and block quotes, in reading order.

    A quotation left open at a paragraph's end goes on into the next paragraph when that one opens
    with a mark of the same kind (or closes it before opening another); a heading, or a paragraph
    that does neither, ends it unclosed. Block quotes of `min_words` or more are quotations whole.
    """
    texts = [b.text if b.kind in _READ else None for b in blocks]
    linked = _link(blocks, texts, language)
    found: list[Quotation] = []
    siblings: dict[int, list[Span]] = {}  # the one-paragraph quotations of each block
    for spans, _ in linked:
        if len(spans) == 1:
            siblings.setdefault(spans[0].block, []).append(Span(spans[0].start, spans[0].end))
    for spans, closed in linked:
        if not closed:
            spans = _cut_at_attribution(spans, blocks, language)
        kind = _kind(spans, blocks, siblings, min_words, language)
        found.append(Quotation(tuple(spans), closed, kind, language=language))
    found = _short_beside_long(found, blocks, language)
    found = [_without_incises(q, blocks) for q in found] if patterns(language).incise else found
    return _whole_block_quotes(found, blocks, min_words, language)


_READ = ("paragraph", "blockquote")
_DOUBLE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + '"'


def _link(
    blocks: Sequence[Block], texts: list[str | None], language: Language
) -> list[tuple[list[QuoteSpan], bool]]:
    """Quotation spans per paragraph, joined across paragraphs where a quotation runs on."""
    out: list[tuple[list[QuoteSpan], bool]] = []
    open_q: list[QuoteSpan] | None = None
    for b, text in enumerate(texts):
        if text is None:
            if open_q:
                out.append((open_q, False))
            open_q = None
            continue
        ends = tuple(end for _, end in sentence_spans(text, language))
        lead = len(text) - len(text.lstrip())
        for span in find_quotes(
            text,
            continues=open_q is not None,
            chain_single=_single_chain(texts, b),
            sentence_ends=ends,
            language=language,
        ):
            here = QuoteSpan(b, span.start, span.end)
            if open_q is not None:
                first = blocks[open_q[0].block].text[open_q[0].start]
                if span.continued or (span.start == lead and _family(text[lead]) == _family(first)):
                    open_q.append(here)
                    if span.closed:
                        out.append((open_q, True))
                        open_q = None
                    continue
                out.append((open_q, False))
                open_q = None
            if span.closed:
                out.append(([here], True))
            else:
                open_q = [here]
        if open_q is not None and open_q[-1].block != b:
            out.append((open_q, False))
            open_q = None
    if open_q:
        out.append((open_q, False))
    return out


def _cut_at_attribution(
    spans: list[QuoteSpan], blocks: Sequence[Block], language: Language
) -> list[QuoteSpan]:
    """An unclosed quotation ends before `, he said` inside it: the writer forgot the closing mark."""
    last = spans[-1]
    text = blocks[last.block].text
    cut = attribution_inside(text[last.start : last.end], language)
    return spans if cut is None else [*spans[:-1], QuoteSpan(last.block, last.start, last.start + cut)]


def _family(mark: str) -> str:
    return "d" if mark in _DOUBLE_MARKS else "-" if mark in DIALOGUE_DASHES else "s"


def _single_chain(texts: list[str | None], b: int) -> bool:
    """The paragraphs after `b` carry a single-quoted quotation on (each opening with a single mark)
    until one closes it: British style for a quotation over several paragraphs."""
    for k in range(b + 1, len(texts)):  # by index: a slice per call copied the rest of the article
        stripped = (texts[k] or "").lstrip()
        if not stripped or stripped[0] not in SINGLE_OPEN + APOSTROPHE_LIKE or not stripped[1:2].isalpha():
            return False
        if has_single_closer(stripped, 0):
            return True
    return False


def _kind(
    spans: list[QuoteSpan],
    blocks: Sequence[Block],
    siblings: dict[int, list[Span]],
    min_words: int,
    language: Language,
) -> QuoteKind:
    """A quotation over several paragraphs is speech; one within a paragraph is judged there; a
    line of dialogue (opened by a dialogue dash) is speech however short."""
    if len(spans) > 1:
        words = sum(word_count(blocks[s.block].text[s.start : s.end]) for s in spans)
        return "speech" if words >= min_words else "scare"
    (only,) = spans
    text = blocks[only.block].text
    if _dialogue(text, only):
        return "speech"
    return kind_of(text, Span(only.start, only.end), siblings[only.block], min_words, language)  # type: ignore[return-value]


def _dialogue(text: str, span: QuoteSpan) -> bool:
    """A stretch of speech of a paragraph of dialogue: it opens with the dash, or resumes after an incise."""
    lead = len(text) - len(text.lstrip())
    return text[lead : lead + 1] in tuple(DIALOGUE_DASHES) and text[span.start] not in QUOTE_MARKS


def _short_beside_long(
    found: list[Quotation], blocks: Sequence[Block], language: Language
) -> list[Quotation]:
    """A short quotation beside a voiced one, with only `she said` between them, is the same
    speaker going on: `"It was frightening," she said. "The first night I worked alone…"`."""
    out = list(found)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.spans[-1].block != b.spans[0].block or {a.kind, b.kind} != {"scare", "speech"}:
            continue
        gap = blocks[b.spans[0].block].text[a.spans[-1].end : b.spans[0].start]
        if attribution_only(gap, language):
            out[k] = dataclasses.replace(a, kind="speech")
            out[k + 1] = dataclasses.replace(b, kind="speech")
    return out


def _without_incises(quote: Quotation, blocks: Sequence[Block]) -> Quotation:
    """A spoken quotation with the narrator's incise cut out: `« Il faut agir, a-t-elle ajouté. Nous
    n’avons plus le temps. »` is two spans with `a-t-elle ajouté.` between them, read by the narrator."""
    incise = patterns(quote.language).incise if quote.language is not None else None
    if quote.kind != "speech" or incise is None:
        return quote
    spans: list[QuoteSpan] = []
    for span in quote.spans:
        text, start = blocks[span.block].text, span.start
        for match in incise.finditer(text, span.start, span.end):
            if start < match.start() and any(ch.isalnum() for ch in text[match.end() : span.end]):
                spans.append(QuoteSpan(span.block, start, match.start() + 1))
                start = match.end()
        spans.append(QuoteSpan(span.block, start, span.end))
    return dataclasses.replace(quote, spans=tuple(spans))


def _whole_block_quotes(
    found: list[Quotation], blocks: Sequence[Block], min_words: int, language: Language
) -> list[Quotation]:
    """A block quote long enough to voice is one quotation from its first character to its last;
    consecutive block quotes without quotation marks of their own are one quotation."""
    whole = {
        b
        for b, block in enumerate(blocks)
        if block.kind == "blockquote" and word_count(block.text) >= min_words
    }
    out: list[Quotation] = []
    covered: set[int] = set()
    for quote in found:
        inside = [s.block in whole for s in quote.spans]
        if all(inside):
            continue  # replaced by the whole block below
        spans = tuple(
            QuoteSpan(s.block, 0, len(blocks[s.block].text)) if s.block in whole else s for s in quote.spans
        )
        covered |= {s.block for s in spans if s.block in whole}
        out.append(dataclasses.replace(quote, spans=spans, kind="speech" if any(inside) else quote.kind))
    for b in sorted(whole - covered):
        span = QuoteSpan(b, 0, len(blocks[b].text))
        prev = next((q for q in out if q.spans[-1].block == b - 1 and b - 1 in whole), None)
        if prev is not None and not _has_marks(blocks[b].text) and not _has_marks(blocks[b - 1].text):
            out[out.index(prev)] = dataclasses.replace(prev, spans=prev.spans + (span,))
        else:
            out.append(Quotation((span,), True, "speech", language=language))
    out.sort(key=lambda q: (q.spans[0].block, q.spans[0].start))
    return out


def _has_marks(text: str) -> bool:
    return any(ch in DOUBLE_OPEN + SINGLE_OPEN + '"' for ch in text[:3])
