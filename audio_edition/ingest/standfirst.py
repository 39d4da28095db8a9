"""The standfirst of a page (the summary under the headline), found among the first lines of its
article: a line outside the article's body that the page marks as one by class (`standfirst`, `dek`,
`summary`, `subtitle`...) or that is the page's own description, or a long heading standing before
any paragraph. It gets its own role and is read in the opening, right after the headline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from audio_edition.ingest.candidates import Candidate
from audio_edition.ingest.pagetree import ancestors, class_words, is_inside, letters, locate, text_of

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# A standfirst has at least this many words (a kicker or a label has fewer).
MIN_STANDFIRST_WORDS = 8
# Lines after the headline looked at: a standfirst stands before the body's first paragraph.
LOOK_AT = 3
_MARKS = frozenset(
    "standfirst dek deck subtitle subheadline subhead summary lede lead leadin intro excerpt "
    "description teaser abstract sapo chapo chapeau strapline strap vorspann entradilla occhiello "
    "sommario linha fina".split()
)
_NOT = frozenset("related promo newsletter caption credit byline author".split())


def mark_standfirst(
    cands: list[Candidate], blocks: list[HtmlElement], body: HtmlElement | None, description: str | None
) -> list[Candidate]:
    """`cands` with the standfirst, if the page has one, hinted `standfirst`."""
    lead = 1 if cands and cands[0].hint == "title" else 0
    for k in range(lead, min(len(cands), lead + LOOK_AT)):
        cand = cands[k]
        if cand.hint not in (None, "heading"):
            return cands
        at = locate(blocks, [cand.text])[0]
        block = blocks[at] if at is not None else None
        if _is_standfirst(cand, block, body, description):
            return [*cands[:k], Candidate(cand.text, "standfirst"), *cands[k + 1 :]]
        if cand.hint is None and len(cand.text.split()) >= MIN_STANDFIRST_WORDS:
            return cands  # the body's first paragraph: any standfirst would stand before it
    return cands


def _is_standfirst(
    cand: Candidate, block: HtmlElement | None, body: HtmlElement | None, description: str | None
) -> bool:
    if len(cand.text.split()) < MIN_STANDFIRST_WORDS:
        return False
    if cand.hint == "heading":
        return True  # a long heading before any paragraph summarises, it does not divide
    if block is None or body is not None and is_inside(block, body):
        return False  # the body's own first paragraph, even when classed as its summary
    return _marked(block) or bool(description) and letters(text_of(block)) == letters(description or "")


def _marked(block: HtmlElement) -> bool:
    """The block, or an element up to three levels above it, is classed as a standfirst."""
    for element in [block, *list(ancestors(block))[:3]]:
        words = class_words(element)
        if words & _NOT:
            return False
        if words & _MARKS or element.tag == "h2" and element is block and "sub" in " ".join(words):
            return True
    return False
