"""Image captions and credits on a web page: marked ones are taken out of the tree before extraction;
a short non-sentence standing right after an image is recognised among what was extracted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from audio_edition.ingest.pagetree import ancestors, class_words, is_inside, text_of
from audio_edition.model import Dropped, DropReason
from audio_edition.text.unspaced import word_count

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# A caption-marked element holding more words than this is a container (an article with captions),
# not a caption.
MAX_CAPTION_WORDS = 60
MAX_LINE_AFTER_IMAGE_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?…。！？]['\"”’»)\]」』]*$")
_NEVER = frozenset({"html", "body", "article", "main"})
_IMAGES = frozenset({"img", "picture", "svg", "video"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CAPTIONED = "data-audio-edition-captioned"


@dataclass(frozen=True)
class Removed:
    """A caption taken out of the page: where it stood (its parent) and what it said."""

    parent: HtmlElement
    dropped: Dropped


def take_captions(root: HtmlElement) -> list[Removed]:
    """Remove figcaptions and elements whose class or id marks a caption or credit, in page order."""
    taken: list[Removed] = []
    for element in list(root.iter()):
        reason = _caption_reason(element)
        parent = element.getparent()
        if reason is None or parent is None or not is_inside(parent, root):
            continue
        text = text_of(element)
        if text:
            taken.append(Removed(parent, Dropped(text, reason)))
        parent.set(_CAPTIONED, "1")
        element.drop_tree()  # keeps the text that follows it
    return taken


def captions_inside(taken: list[Removed], container: HtmlElement | None) -> list[Dropped]:
    """The removed captions that stood inside the article's container."""
    if container is None:
        return []
    return [r.dropped for r in taken if is_inside(r.parent, container)]


def _caption_reason(element: HtmlElement) -> DropReason | None:
    if not isinstance(element.tag, str) or element.tag in _NEVER:
        return None
    if element.tag == "figcaption":
        return DropReason.CAPTION
    words = class_words(element)
    if not words or words & {"author", "byline"}:
        return None
    kind = (
        DropReason.CAPTION
        if any("caption" in w for w in words)
        else DropReason.PHOTO_CREDIT
        if any("credit" in w for w in words)
        else None
    )
    if kind and len(text_of(element).split()) > MAX_CAPTION_WORDS:
        return None
    return kind


def is_line_after_image(element: HtmlElement) -> bool:
    """A short line without a closing full stop right after an uncaptioned image: its caption."""
    text = text_of(element)
    words = word_count(text)
    if not 1 <= words <= MAX_LINE_AFTER_IMAGE_WORDS or _SENTENCE_END.search(text):
        return False
    if element.tag in _HEADINGS or _all_bold(element) or any(a.tag in _HEADINGS for a in ancestors(element)):
        return False
    return _image_leads(element) or _image_before(element)


def _all_bold(element: HtmlElement) -> bool:
    """A paragraph that is wholly bold reads as a subheading, not a caption."""
    children = list(element)
    return (
        len(children) == 1
        and children[0].tag in ("strong", "b")
        and not (element.text or "").strip()
        and not (children[0].tail or "").strip()
    )


def _image_leads(element: HtmlElement) -> bool:
    """The element opens with an image and its text follows it (`<p><img> Crews at the gate</p>`)."""
    first = next((d for d in element.iterdescendants() if isinstance(d.tag, str)), None)
    return first is not None and first.tag in _IMAGES and not (element.text or "").strip()


def _image_before(element: HtmlElement) -> bool:
    """The nearest thing before the element in the page is an image with nothing else beside it."""
    node = element
    while True:
        before = node.getprevious()
        if before is not None:
            return not (before.tail or "").strip() and _image_only(before)
        parent = node.getparent()
        if parent is None or (parent.text or "").strip():
            return False
        node = parent


def _image_only(element: HtmlElement) -> bool:
    if not isinstance(element.tag, str) or element.get(_CAPTIONED):
        return False
    if element.tag in _IMAGES:
        return True
    has_image = any(isinstance(d.tag, str) and d.tag in _IMAGES for d in element.iterdescendants())
    return has_image and not text_of(element)
