"""The lede, standfirst or summary the extractor skipped between the headline and the body, put back.

trafilatura (favor_precision) drops a page's `<header>`, elements named "teaser", and text outside
the container it picks as the article body ("article-body"), which is where a lede or summary often
stands; the prose blocks between the headline and the first extracted paragraph are read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audio_edition.ingest.candidates import Candidate
from audio_edition.ingest.pagetree import (
    ancestors,
    class_words,
    common_ancestor,
    is_only_a_link,
    letters,
    text_of,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MIN_LEDE_WORDS = 5
_PROSE_TAGS = frozenset({"p", "div", "section", "header", "blockquote"})
_SKIP_TAGS = frozenset(
    "nav footer aside form figure figcaption button time address script style noscript template "
    "select label menu ul ol li table h1 h2 h3 h4 h5 h6".split()
)
_SKIP_WORDS = frozenset(
    "ad ads date time meta tag tags nav menu toolbar button icon label kicker eyebrow dateline "
    "hidden sr only visually".split()
)
_SKIP_PARTS = (
    "byline",
    "author",
    "share",
    "social",
    "caption",
    "credit",
    "breadcrumb",
    "newsletter",
    "subscribe",
    "comment",
    "promo",
    "timestamp",
    "related",
    "advert",
    "sponsor",
    "signup",
    "cookie",
    "consent",
    "paywall",
)


def recover_lede(
    blocks: list[HtmlElement], located: list[int | None], cands: list[Candidate], title: str | None
) -> list[Candidate]:
    """`cands` with the prose blocks that stand between the title and the first body paragraph (and
    that nothing was extracted from) put back after the title."""
    lead = 1 if cands and cands[0].hint == "title" else 0
    start = located[0] if lead and located[0] is not None else _title_block(blocks, title)
    first = located[lead] if len(located) > lead else None
    if start is None or first is None or first <= start:
        return cands
    top = common_ancestor([blocks[start], blocks[first]])
    taken = {at for at in located if at is not None}
    found = [
        Candidate(text_of(blocks[i]))
        for i in range(start + 1, first)
        if i not in taken and _is_prose(blocks[i], top)
    ]
    return cands[:lead] + found + cands[lead:]


def _title_block(blocks: list[HtmlElement], title: str | None) -> int | None:
    """The headline's block: the first `<h1>` whose letters are the title's (or begin it)."""
    if not title:
        return None
    want = letters(title)
    for i, block in enumerate(blocks):
        mine = letters(text_of(block)) if block.tag == "h1" else ""
        if mine and (mine == want or want.startswith(mine) or mine.startswith(want)):
            return i
    return None


def _is_prose(block: HtmlElement, top: HtmlElement | None) -> bool:
    """A block of running text, not page furniture (bylines, dates, share bars, captions, links)."""
    text = text_of(block)
    if block.tag not in _PROSE_TAGS or len(text.split()) < MIN_LEDE_WORDS or text == text.upper():
        return False
    if _link_share(block, text) >= 0.5 or is_only_a_link(block, text):
        return False
    chain = [block]
    for parent in ancestors(block):
        if parent is top:
            break
        chain.append(parent)
    return not any(_furniture(el) for el in chain)


def _furniture(element: HtmlElement) -> bool:
    words = class_words(element)
    return (
        element.tag in _SKIP_TAGS
        or bool(words & _SKIP_WORDS)
        or any(part in w for w in words for part in _SKIP_PARTS)
    )


def _link_share(block: HtmlElement, text: str) -> float:
    linked = sum(len(text_of(a)) for a in block.iter("a"))
    return linked / max(1, len(text))
