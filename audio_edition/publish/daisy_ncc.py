"""The DAISY 2.02 navigation control centre, ncc.html: the book's metadata (the specification's
Appendix 2: every mandatory item, and the recommended ones this tool can state truly) and its
headings, each a link to the SMIL <par> where its chapter starts."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

from audio_edition.model import Meta
from audio_edition.publish.clocks import Clock, clock
from audio_edition.publish.edition import Edition
from audio_edition.publish.xml_text import escape

XHTML_HEAD = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
"""
# dc:creator is mandatory; DAISY's producer guidance says to write this when the author is not known.
UNKNOWN_CREATOR = "Unknown"
MULTIMEDIA_TYPE = "audioFullText"  # type 4: the full text, every sentence synchronised with audio


@dataclass(frozen=True)
class Heading:
    """A heading of the NCC: its level (1-6), its text and the SMIL par it opens (`file#id`)."""

    level: int
    title: str
    href: str


@dataclass(frozen=True)
class Book:
    """What the NCC states: the article's metadata, the edition's, the headings, the total playing
    time (ms), the sizes of the book's other files (bytes) and the day the book was produced."""

    meta: Meta
    edition: Edition
    headings: tuple[Heading, ...]
    total_ms: int
    other_files: tuple[int, ...]
    produced: dt.date


def generator() -> str:
    """The program that made the book, with its version (ncc:generator)."""
    from audio_edition.version import version

    return f"audio-edition {version()}"


def write_ncc(path: Path, book: Book) -> None:
    """Write ncc.html; its ncc:kByteSize counts every file of the book, the NCC itself included, so
    the size is settled by rewriting until the number no longer changes the size it counts."""
    kbytes = 0
    while True:
        text = ncc_html(book, kbytes).encode()
        settled = math.ceil((sum(book.other_files) + len(text)) / 1024)
        if settled == kbytes:
            break
        kbytes = settled
    path.write_bytes(text)


def ncc_html(book: Book, kbytes: int) -> str:
    """The NCC of `book`, stating `kbytes` as the book's size."""
    meta = book.meta
    lang = escape(meta.language)
    body = "\n".join(_heading(index, h) for index, h in enumerate(book.headings, 1))
    metas = "\n".join(
        f'<meta name="{name}" content="{escape(value)}" />' for name, value in _metadata(book, kbytes)
    )
    return f"""{XHTML_HEAD}<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{lang}" lang="{lang}">
<head>
<meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<title>{escape(meta.title)}</title>
{metas}
</head>
<body>
{body}
</body>
</html>
"""


def _heading(index: int, heading: Heading) -> str:
    """The first heading is the book's title: DAISY 2.02 wants `h1 class="title"` first in the body."""
    css = ' class="title"' if index == 1 else ""
    tag = f"h{heading.level}"
    return f'<{tag}{css} id="h{index}"><a href="{escape(heading.href)}">{escape(heading.title)}</a></{tag}>'


def _metadata(book: Book, kbytes: int) -> list[tuple[str, str]]:
    """(name, content) of every <meta>, in the order of Appendix 2's table."""
    meta, edition = book.meta, book.edition
    produced = book.produced.isoformat()
    items = [
        ("dc:title", meta.title),
        ("dc:creator", meta.byline or UNKNOWN_CREATOR),
        ("dc:date", produced),  # the date the talking book was published: this build's
        ("dc:format", "Daisy 2.02"),
        ("dc:identifier", edition.urn),
        ("dc:language", meta.language),
        ("dc:publisher", edition.show),
    ]
    if meta.source and meta.source.startswith(("http://", "https://")):
        items.append(("dc:source", meta.source))  # a local file's path is no reference for a reader
    items += [
        ("ncc:charset", "utf-8"),
        ("ncc:depth", str(max(h.level for h in book.headings))),
        ("ncc:files", str(len(book.other_files) + 1)),
        ("ncc:footnotes", "0"),
        ("ncc:generator", generator()),
        ("ncc:kByteSize", str(kbytes)),
        ("ncc:maxPageNormal", "0"),
        ("ncc:multimediaType", MULTIMEDIA_TYPE),
        ("ncc:narrator", edition.narrator),
        ("ncc:pageFront", "0"),
        ("ncc:pageNormal", "0"),
        ("ncc:pageSpecial", "0"),
        ("ncc:prodNotes", "0"),
        ("ncc:producer", edition.show),
        ("ncc:producedDate", produced),
        ("ncc:setInfo", "1 of 1"),
        ("ncc:sidebars", "0"),
    ]
    if edition.date is not None:
        items.append(("ncc:sourceDate", edition.date.isoformat()))  # the article's own date
    items += [
        ("ncc:tocItems", str(len(book.headings))),
        ("ncc:totalTime", clock(book.total_ms / 1000, Clock.HMS)),
    ]
    return items
