"""An article body the page splits in two or more (an advertisement between its parts): the parts
after the first that the extractor missed, found again as elements of the same kind and class as the
body's container, and read after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from audio_edition.ingest.candidates import Candidate
from audio_edition.ingest.pagetree import ancestors, class_words, text_of

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# A paragraph of a continuation has at least this many words (a label or a button has fewer).
MIN_PARAGRAPH_WORDS = 8
# A continuation's text is at most this share link text (a list of links is no article).
MAX_LINK_SHARE = 0.3
# A continuation follows the part before it with at most this many words between them.
MAX_GAP_WORDS = 40
_PARAGRAPHS = frozenset({"p", "h2", "h3", "blockquote"})
_FURNITURE = frozenset({"nav", "aside", "footer", "header", "form"})
_FURNITURE_PARTS = (
    "comment",
    "related",
    "promo",
    "newsletter",
    "share",
    "social",
    "recommend",
    "sidebar",
    "playlist",
    "video",
)


def continuations(
    root: HtmlElement, body: HtmlElement | None, blocks: list[HtmlElement], taken: set[int]
) -> list[Candidate]:
    """Candidates for the paragraphs of the body's continuations: elements after the body container
    with its tag and its class, separated from it by little text (an advertisement, a label), holding
    prose that the extractor did not reach (`taken`: the blocks it read, kept or left out), in page
    order."""
    if body is None or not (body.get("class") or "").strip() or not taken:
        return []
    tag, cls = body.tag, body.get("class")
    index = {id(block): k for k, block in enumerate(blocks)}
    last = max(taken)
    out: list[Candidate] = []
    after = False
    for element in root.iter(tag):
        if element is body:
            after = True
            continue
        if not after or element.get("class") != cls or _in_furniture(element) or _is_links(element):
            continue
        inside = sorted(index[id(b)] for b in element.iter() if id(b) in index)
        if not inside or inside[0] <= last or _words(blocks[last + 1 : inside[0]]) > MAX_GAP_WORDS:
            continue
        for para in element.iter(*_PARAGRAPHS):
            text = text_of(para)
            if index.get(id(para)) in taken or len(text.split()) < MIN_PARAGRAPH_WORDS and para.tag == "p":
                continue
            if text:
                out.append(Candidate(text, "heading" if para.tag in ("h2", "h3") else None))
        last = inside[-1]
    return out


def _words(blocks: list[HtmlElement]) -> int:
    return sum(len(text_of(block).split()) for block in blocks)


def _in_furniture(element: HtmlElement) -> bool:
    """Inside the page's furniture, or holding what is furniture (comments, related stories, promos)."""
    if any(a.tag in _FURNITURE for a in (element, *ancestors(element))):
        return True
    return any(
        part in word
        for d in element.iter()
        if isinstance(d.tag, str)
        for word in class_words(d)
        for part in _FURNITURE_PARTS
    )


def _is_links(element: HtmlElement) -> bool:
    text = text_of(element)
    linked = sum(len(text_of(a)) for a in element.iter("a"))
    return not text or linked > MAX_LINK_SHARE * len(text)
