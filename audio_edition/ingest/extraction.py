"""The article of a page, by trafilatura, read again more widely when the first reading is not an article.

trafilatura is asked first for precision (the least page furniture). When what it returns holds
little prose (a reprint notice and a URL, a cookie line, nothing at all), the page is read again in
trafilatura's balanced and recall modes, and last by its baseline (every paragraph of the page's
main text); the reading with the most prose is kept. A page is refused only when no reading yields
prose.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

from audio_edition.errors import InputError
from audio_edition.ingest.boilerplate import boilerplate_reason
from audio_edition.text.unspaced import word_count

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# A paragraph counts as prose from this many words, when it has no web address in it and is not
# boilerplate (a reprint notice, a cookie line, a call to subscribe).
MIN_PROSE_PARAGRAPH_WORDS = 8
# A first reading with a paragraph of prose is an article: no second reading is tried (a wider one
# adds page furniture to a short article more often than it finds more of the article).
ENOUGH_PROSE_WORDS = MIN_PROSE_PARAGRAPH_WORDS
# A wider reading replaces a narrower one only when it holds this many times its prose.
WIDER_GAIN = 2.0
_ADDRESS = re.compile(r"https?://|www\.", re.IGNORECASE)
_MODES: tuple[dict[str, Any], ...] = ({"favor_precision": True}, {}, {"favor_recall": True})


def extract_document(root: HtmlElement, name: str) -> ET.Element:
    """trafilatura's XML document of the page's article (`<doc>` with metadata, `<main>` with the
    body), from the narrowest reading that holds an article's prose; InputError when none does."""
    best: ET.Element | None = None
    best_prose = 0
    for mode in _MODES:
        doc = _read(root, mode)
        prose = prose_words(doc) if doc is not None else 0
        if doc is not None and (best is None or prose > best_prose * WIDER_GAIN):
            best, best_prose = doc, prose
        if best_prose >= ENOUGH_PROSE_WORDS:
            break
    if best_prose < ENOUGH_PROSE_WORDS:
        baseline = _baseline(root)
        if baseline is not None and prose_words(baseline) > best_prose * WIDER_GAIN:
            best, best_prose = _with_metadata(baseline, best), prose_words(baseline)
    if best is None or best_prose == 0 and not _any_text(best):
        raise InputError(f"{name}: no article text found on the page: is it a news article?")
    return best


def prose_words(doc: ET.Element) -> int:
    """Words in the document's paragraphs of running text (long enough, no web address in them, not
    boilerplate) and in its tables of data."""
    main = doc.find("main")
    total = 0
    for p in (main if main is not None else doc).iter("p"):
        text = "".join(p.itertext())
        words = word_count(text)
        if (
            words >= MIN_PROSE_PARAGRAPH_WORDS
            and not _ADDRESS.search(text)
            and boilerplate_reason(text) is None
        ):
            total += words
    for table in (main if main is not None else doc).iter("table"):
        rows = list(table.iter("row"))
        if len(rows) >= 2 and not any(d.tag == "p" for d in table.iter()):
            total += len(" ".join(table.itertext()).split())  # a table of figures is the article's too
    return total


def _read(root: HtmlElement, mode: dict[str, Any]) -> ET.Element | None:
    import trafilatura

    extracted = trafilatura.extract(
        root,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        **mode,
    )
    if not extracted:
        return None
    doc = ET.fromstring(extracted)
    for br in doc.iter("lb"):
        br.tail = " " + (br.tail or "")  # a line break separates words
    return doc


def _baseline(root: HtmlElement) -> ET.Element | None:
    """trafilatura's baseline reading (the page's paragraphs, article body or JSON-LD first) as a
    document of paragraphs."""
    from trafilatura import baseline

    body, _, _ = baseline(root)
    if body is None or len(body) == 0:
        return None
    main = ET.Element("main")
    for element in body:
        text = " ".join("".join(element.itertext()).split())
        if text:
            ET.SubElement(main, "p").text = text
    doc = ET.Element("doc")
    doc.append(main)
    return doc


def _with_metadata(doc: ET.Element, source: ET.Element | None) -> ET.Element:
    """`doc` carrying the metadata attributes (title, author, date) of another reading of the page."""
    if source is not None:
        for key, value in source.attrib.items():
            doc.set(key, value)
    return doc


def _any_text(doc: ET.Element) -> bool:
    main = doc.find("main")
    return main is not None and any(t.strip() for t in main.itertext())
