"""Cards that pop up inside a sentence (a name's biography on hover, a tooltip): taken out of the page
before extraction, so the sentence reads whole, and listed as dropped (`card`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from audio_edition.ingest.pagetree import class_words, text_of
from audio_edition.model import Dropped, DropReason

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_SENTENCES = ("p", "h1", "h2", "h3", "h4", "h5", "h6")
# Blocks that a sentence cannot hold: inside one, they are a card laid over it (lists and tables a
# page puts in a paragraph are its content, and stay).
_BLOCKS = frozenset("div section aside figure form".split())
_CARD_WORDS = frozenset("tooltip popover popup hovercard card bio flyout".split())


def take_cards(root: HtmlElement) -> list[Dropped]:
    """Remove the cards inside sentences, deepest first: a block inside a paragraph, or an element
    classed as a tooltip, popover or card that holds no link (a link is the name the card is
    about, part of the sentence); what each said is listed."""
    taken: list[Dropped] = []
    for sentence in list(root.iter(*_SENTENCES)):
        for element in reversed(list(sentence.iterdescendants())):
            if not isinstance(element.tag, str) or element.getparent() is None:
                continue
            carded = bool(class_words(element) & _CARD_WORDS) and next(element.iter("a"), None) is None
            if element.tag in _BLOCKS or carded:
                text = text_of(element)
                if text:
                    taken.append(Dropped(text, DropReason.CARD))
                element.drop_tree()
    return taken
