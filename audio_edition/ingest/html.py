"""Read a news web page with trafilatura: the article's title, byline, date, language and body
(headings, paragraphs, block quotes, lists) without navigation, ads, share bars, captions or comments."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from audio_edition.ingest.byline import clean_byline
from audio_edition.ingest.candidates import Candidate, Hint
from audio_edition.ingest.captions import captions_inside, is_line_after_image, take_captions
from audio_edition.ingest.cards import take_cards
from audio_edition.ingest.continuation import continuations
from audio_edition.ingest.embeds import find_embeds, place_embeds
from audio_edition.ingest.extraction import extract_document
from audio_edition.ingest.lede import recover_lede
from audio_edition.ingest.pagetree import (
    common_ancestor,
    in_navigation,
    is_only_a_link,
    load_page,
    locate,
    other_articles,
    space_line_breaks,
    text_blocks,
    without_scripts,
)
from audio_edition.ingest.standfirst import mark_standfirst
from audio_edition.ingest.tables import table_sentences, table_shape
from audio_edition.model import Dropped, DropReason

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_LANG = re.compile(r"<html[^>]*\slang=[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
# trafilatura's own elements that hold or order paragraphs; anything else inside one is inline text
_STRUCTURE = frozenset({"p", "head", "quote", "list", "item", "code", "table"})


def html_candidates(page: str, name: str) -> tuple[dict[str, str], list[Candidate], list[Dropped]]:
    """(metadata fields, candidates in reading order, captions and code left out) of the page's article."""
    root = load_page(page, name)
    captions = take_captions(root)
    cards = take_cards(root)
    doc = extract_document(root, name)
    fields = _fields(doc, page)
    main = doc.find("main")
    cands, code = _walk(main, None, _tables_are_the_article(main)) if main is not None else ([], [])
    space_line_breaks(root)
    without_scripts(root)
    blocks = text_blocks(root)
    located = locate(blocks, [c.text for c in cands])
    reasons = [_left_out(c, at, blocks) for c, at in zip(cands, located, strict=True)]
    teasers = other_articles([blocks[at] if at is not None else None for at in located])
    reasons = [reason or (DropReason.READ_ALSO if k in teasers else None) for k, reason in enumerate(reasons)]
    kept = [k for k, reason in enumerate(reasons) if reason is None]
    body = _article_container([blocks[at] for k in kept if (at := located[k]) is not None])
    dropped = (
        captions_inside(captions, body)
        + cards
        + [Dropped(c.text, reason) for c, reason in zip(cands, reasons, strict=True) if reason]
    )
    more = continuations(root, body, blocks, {at for at in located if at is not None})
    cands, at, posts = place_embeds(
        find_embeds(root),
        blocks,
        [cands[k] for k in kept] + more,
        [located[k] for k in kept] + [None] * len(more),
        body,
    )
    cands = recover_lede(blocks, at, cands, fields.get("title"))
    dropped += posts
    if cands and cands[0].hint == "title":
        fields["title"] = cands[0].text  # the headline the page shows, not its title for search engines
    cands = mark_standfirst(cands, blocks, body, doc.get("description"))
    return fields, cands, dropped + code


def _article_container(elements: list[HtmlElement]) -> HtmlElement | None:
    """The innermost element holding every extracted paragraph (a lone paragraph's parent)."""
    container = common_ancestor(elements)
    return container.getparent() if container is not None and len(elements) == 1 else container


def _left_out(cand: Candidate, at: int | None, blocks: list[HtmlElement]) -> DropReason | None:
    """Why an extracted paragraph is not read: a caption under an image, the page's navigation, or a
    link to another page standing alone (a related story's headline, a menu entry)."""
    if at is None:
        return None
    if cand.hint is None and is_line_after_image(blocks[at]):
        return DropReason.CAPTION
    if in_navigation(blocks[at]):
        return DropReason.NAVIGATION
    if cand.hint in (None, "list-item", "heading") and is_only_a_link(blocks[at], cand.text):
        return DropReason.LINK
    return None


def _fields(doc: ET.Element, page: str) -> dict[str, str]:
    """Title, byline (names only), date and language of the page."""
    fields = {k: " ".join(v.split()) for k in ("title", "author", "date") if (v := doc.get(k))}
    if "title" in fields and doc.get("sitename"):
        fields["title"] = without_site_name(fields["title"], doc.get("sitename") or "")
    if "author" in fields:
        names, date = clean_byline(fields.pop("author"))
        if names:
            fields["byline"] = names
        if date and "date" not in fields:
            fields["date"] = date
    lang = _LANG.search(page[:5000])
    if lang:
        fields["language"] = lang.group(1).lower()
    return fields


def without_site_name(title: str, site: str) -> str:
    """The title without the site's name a page appends to it (`Fares rise – Harbour Post`)."""
    for sep in (" – ", " — ", " - ", " | ", " :: ", " · "):
        head, found, tail = title.rpartition(sep)
        if found and head and tail.strip().casefold() == site.strip().casefold():
            return head.strip()
    return title


def _walk(
    element: ET.Element, loose_hint: Hint = None, whole_tables: bool = False
) -> tuple[list[Candidate], list[Dropped]]:
    """Candidates (and code and tables left out) of one of trafilatura's elements, its loose text
    included; `whole_tables`: the page's tables are its article, read whole however big."""
    out: list[Candidate] = []
    dropped: list[Dropped] = []
    loose = [element.text or ""]
    for child in element:
        if child.tag not in _STRUCTURE and not _holds_structure(child):
            loose += [_text(child), child.tail or ""]  # inline: line breaks, highlights, references
            continue
        _flush(loose, loose_hint, out)
        sub, gone = _child(child, loose_hint, whole_tables)
        out += sub
        dropped += gone
        loose = [child.tail or ""]
    _flush(loose, loose_hint, out)
    return [c for c in out if c.text], dropped


def _child(child: ET.Element, loose_hint: Hint, whole_tables: bool) -> tuple[list[Candidate], list[Dropped]]:
    text = _text(child)
    if child.tag == "head":
        return [Candidate(text, "title" if child.get("rend") == "h1" else "heading")], []
    if child.tag == "code":
        return [], [Dropped(text, DropReason.CODE)] if text else []
    if child.tag == "table":
        return _table(child, loose_hint, whole_tables)
    if child.tag == "quote":
        return _walk(child, "blockquote", whole_tables)
    if child.tag == "list":
        return _walk(child, "list-item", whole_tables)
    if child.tag in ("p", "item") and not _holds_structure(child):
        return [Candidate(text, loose_hint)], []
    return _walk(child, loose_hint, whole_tables)


def _tables_are_the_article(main: ET.Element) -> bool:
    """Whether the page's tables of data hold more words than the rest of its article (a page of
    results or standings): then they are read whole, however big."""
    in_tables = 0
    for table in main.iter("table"):
        if not any(d.tag in ("p", "head", "list", "quote") for d in table.iter()):
            in_tables += len(" ".join(table.itertext()).split())
    return in_tables > len(" ".join(main.itertext()).split()) - in_tables


def _table(table: ET.Element, hint: Hint, whole: bool) -> tuple[list[Candidate], list[Dropped]]:
    """A table: one laid out for the page (its cells hold paragraphs or headings) is read as its
    content; a table of data as one sentence per row while a listener can follow it, else left out."""
    if any(d.tag in ("p", "head", "list", "quote") for d in table.iter()):
        return _walk(table, hint, whole)
    rows = [[_text(cell) for cell in row if cell.tag == "cell"] for row in table.iter("row")]
    rows = [row for row in rows if any(row)]
    if not rows:
        return [], []
    first = next(table.iter("row"))
    headed = any(cell.get("role") == "head" for cell in first)
    header, body = (rows[0], rows[1:]) if headed else ([], rows)
    sentences = table_sentences(header, body, whole=whole)
    if sentences is None:
        label = table_shape(header, body) + (": " + ", ".join(n for n in header if n) if any(header) else "")
        return [], [Dropped(label, DropReason.TABLE)]
    return [Candidate(text, hint) for text in sentences], []


def _flush(loose: list[str], hint: Hint, out: list[Candidate]) -> None:
    text = " ".join("".join(loose).split())
    if text:
        out.append(Candidate(text, hint))


def _holds_structure(element: ET.Element) -> bool:
    return any(d.tag in _STRUCTURE for d in element.iter() if d is not element)


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())
