"""The web page as an lxml tree: its text blocks in document order, found again by their letters."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from audio_edition.errors import InputError

if TYPE_CHECKING:  # lxml (with trafilatura) is loaded on the HTML path only, by `load_page`
    from lxml.html import HtmlElement

BLOCK_TAGS = frozenset(
    "p div section article header footer main aside nav blockquote figure figcaption ul ol li "
    "h1 h2 h3 h4 h5 h6 table tr td th dl dt dd pre form address".split()
)


def load_page(page: str, name: str) -> HtmlElement:
    """The page parsed the way trafilatura parses it; InputError when it is not HTML at all."""
    from trafilatura import load_html

    try:
        root = load_html(page)
    except (ValueError, TypeError):
        root = None
    if root is None:
        raise InputError(f"{name}: no article text found on the page: is it a news article?")
    return root


def space_line_breaks(root: HtmlElement) -> None:
    """Make every `<br>` a space, so the lines it separates do not run together in `text_of`."""
    for br in root.iter("br"):
        br.tail = " " + (br.tail or "")


# Elements whose text is never the page's prose: scripts, styles, templates, fallbacks for scripts.
NOT_PROSE = ("script", "style", "template", "noscript")


def without_scripts(root: HtmlElement) -> None:
    """Take scripts, styles, templates and noscript fallbacks out of the page (their tails stay), so
    no text of theirs is found as a block, put back as a lede or read as a continuation."""
    for element in list(root.iter(*NOT_PROSE)):
        if element.getparent() is not None:
            element.drop_tree()


def text_of(element: HtmlElement) -> str:
    """The element's text with its whitespace collapsed."""
    return " ".join(element.text_content().split())


def letters(text: str) -> str:
    """Letters and digits only, case-folded: how extracted text is matched to the page's."""
    return "".join(re.findall(r"\w", text.casefold()))


def text_blocks(root: HtmlElement) -> list[HtmlElement]:
    """Innermost block elements holding text, in document order."""
    return [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and el.tag in BLOCK_TAGS
        and not any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in el.iterdescendants())
        and text_of(el)
    ]


def locate(blocks: list[HtmlElement], texts: Iterable[str]) -> list[int | None]:
    """For each text in reading order, the index of the block holding exactly its letters, or None."""
    keys = [letters(text_of(b)) for b in blocks]
    found: list[int | None] = []
    cursor = 0
    for text in texts:
        key = letters(text)
        at = _find(keys, key, cursor) if key else None
        at = _find(keys, key, 0) if at is None and key else at
        found.append(at)
        cursor = at + 1 if at is not None else cursor
    return found


def _find(keys: list[str], key: str, start: int) -> int | None:
    return next((i for i in range(start, len(keys)) if keys[i] == key), None)


def ancestors(element: HtmlElement) -> Iterator[HtmlElement]:
    """The element's parents, nearest first."""
    parent = element.getparent()
    while parent is not None:
        yield parent
        parent = parent.getparent()


def common_ancestor(elements: list[HtmlElement]) -> HtmlElement | None:
    """The innermost element containing all of `elements` (itself when there is one)."""
    if not elements:
        return None
    chain = [elements[0], *ancestors(elements[0])]
    for element in elements[1:]:
        mine = {id(e) for e in (element, *ancestors(element))}
        chain = [e for e in chain if id(e) in mine]
    return chain[0] if chain else None


def is_inside(element: HtmlElement, container: HtmlElement) -> bool:
    """True when `element` is `container` or one of its descendants."""
    return element is container or any(a is container for a in ancestors(element))


def class_words(element: HtmlElement) -> set[str]:
    """The words of the element's class and id, split at spaces, dashes, underscores and camel case."""
    raw = f"{element.get('class') or ''} {element.get('id') or ''}"
    raw = re.sub(r"([a-z])([A-Z])", r"\1 \2", raw)
    return {w for w in re.split(r"[\s_\-]+", raw.lower()) if w}


def in_navigation(element: HtmlElement) -> bool:
    """True inside the page's navigation (`<nav>`, or an element with role="navigation")."""
    return any(e.tag == "nav" or e.get("role") == "navigation" for e in (element, *ancestors(element)))


# A block whose text is at least this share link text, wholly, is a link to another page.
LINK_ONLY_SHARE = 0.9


def is_only_a_link(block: HtmlElement, text: str) -> bool:
    """Whether the block holding `text` is a link standing alone: it stands inside a link (a card of
    another story), or its text (and `text`'s letters) is link text, bar a few characters
    (`Related: `, a bullet)."""
    if not letters(text):
        return False
    if any(a.tag == "a" and a.get("href") for a in ancestors(block)):
        return True
    linked = "".join(text_of(a) for a in block.iter("a"))
    return (
        bool(linked)
        and len(letters(linked)) >= LINK_ONLY_SHARE * len(letters(text_of(block)))
        and letters(text) in letters(linked)
    )


def other_articles(blocks: list[HtmlElement | None]) -> set[int]:
    """The indexes of blocks standing in teasers of other stories: `<article>` elements other than the
    one holding most of the extracted words (and not holding it, nor held by it) that read as a
    teaser: their text cut short with an ellipsis, or a picture or headline inside a link to the
    story. Other articles (the updates of a live page) are left alone."""
    owner: list[HtmlElement | None] = [
        next((a for a in (b, *ancestors(b)) if a.tag == "article"), None) if b is not None else None
        for b in blocks
    ]
    words: dict[int, int] = {}
    for block, article in zip(blocks, owner, strict=True):
        if block is not None and article is not None:
            words[id(article)] = words.get(id(article), 0) + len(text_of(block).split())
    if len(words) < 2:
        return set()
    main = max(words, key=lambda key: words[key])
    main_article = next(a for a in owner if a is not None and id(a) == main)
    return {
        k
        for k, article in enumerate(owner)
        if article is not None
        and id(article) != main
        and not is_inside(main_article, article)
        and not is_inside(article, main_article)
        and _is_teaser(article)
    }


_CUT_SHORT = re.compile(r"(…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")


def _is_teaser(article: HtmlElement) -> bool:
    """An article element that presents another story: its text cut short, or its picture or
    headline a link."""
    if _CUT_SHORT.search(text_of(article)):
        return True
    return any(
        d.tag in ("img", "picture", "h2", "h3", "h4")
        for a in article.iter("a")
        if a.get("href")
        for d in a.iter()
    )
