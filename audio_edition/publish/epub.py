"""EPUB 3 with media overlays: the article as XHTML (an id per sentence), a SMIL overlay per
chapter pointing each sentence at its stretch of the MP3, a nav document from the headings."""

from __future__ import annotations

import datetime as dt
import zipfile
from html import escape
from pathlib import Path

from audio_edition.model import Episode
from audio_edition.publish.clocks import Clock, clock
from audio_edition.publish.edition import Edition
from audio_edition.publish.layout import Section, part_html, sections, sentence_id

ACTIVE_CLASS = "-epub-media-overlay-active"
CSS = f"""body {{ font-family: serif; line-height: 1.5; margin: 1em; }}
.quote {{ font-style: italic; }}
.speaker {{ font-size: 0.7em; font-variant: small-caps; letter-spacing: 0.04em; color: #666; }}
.visually-hidden {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }}
.programme {{ color: #555; font-size: 0.9em; }}
.{ACTIVE_CLASS} {{ background-color: #ffe58a; }}
"""


def write_epub(path: Path, episode: Episode, edition: Edition, mp3: bytes) -> None:
    """Write the EPUB to `path`, with the episode's MP3 (`mp3`) inside it."""
    meta = episode.script.article.meta
    chapters = sections(episode)
    slug = edition.slug
    book_id = edition.urn
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        add = _adder(book)
        add("META-INF/container.xml", CONTAINER)
        add("OEBPS/content.opf", _package(episode, chapters, slug, book_id))
        add("OEBPS/nav.xhtml", _nav(meta.title, meta.language, chapters))
        add("OEBPS/style.css", CSS)
        for section in chapters:
            add(f"OEBPS/chapter{section.number}.xhtml", _chapter(section, meta.language))
            add(f"OEBPS/chapter{section.number}.smil", _overlay(section, slug))
        book.writestr(f"OEBPS/audio/{slug}.mp3", mp3, compress_type=zipfile.ZIP_STORED)


def _adder(book: zipfile.ZipFile):  # type: ignore[no-untyped-def]
    def add(name: str, text: str) -> None:
        book.writestr(name, text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)

    return add


CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def _package(episode: Episode, chapters: list[Section], slug: str, book_id: str) -> str:
    meta = episode.script.article.meta
    modified = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    durations = "\n".join(
        f'    <meta property="media:duration" refines="#mo{s.number}">{clock(s.spoken, Clock.SMIL)}</meta>'
        for s in chapters
    )
    total = clock(sum(s.spoken for s in chapters), Clock.SMIL)
    items = "\n".join(
        f'    <item id="c{s.number}" href="chapter{s.number}.xhtml" media-type="application/xhtml+xml" '
        f'media-overlay="mo{s.number}"/>\n'
        f'    <item id="mo{s.number}" href="chapter{s.number}.smil" media-type="application/smil+xml"/>'
        for s in chapters
    )
    spine = "\n".join(f'    <itemref idref="c{s.number}"/>' for s in chapters)
    creator = f"    <dc:creator>{escape(meta.byline)}</dc:creator>\n" if meta.byline else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="bookid" xml:lang="{escape(meta.language)}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="bookid">{book_id}</dc:identifier>
    <dc:title>{escape(meta.title)}</dc:title>
    <dc:language>{escape(meta.language)}</dc:language>
{creator}    <meta property="dcterms:modified">{modified}</meta>
    <meta property="media:duration">{total}</meta>
{durations}
    <meta property="media:active-class">{ACTIVE_CLASS}</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="css" href="style.css" media-type="text/css"/>
    <item id="audio" href="audio/{escape(slug)}.mp3" media-type="audio/mpeg"/>
{items}
  </manifest>
  <spine>
{spine}
  </spine>
</package>
"""


def _nav(title: str, language: str, chapters: list[Section]) -> str:
    entries = "\n".join(
        f'        <li><a href="chapter{s.number}.xhtml">{escape(s.title)}</a></li>' for s in chapters
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="{escape(language)}" lang="{escape(language)}">
  <head><title>{escape(title)}</title></head>
  <body>
    <nav epub:type="toc" id="toc">
      <h1>{escape(title)}</h1>
      <ol>
{entries}
      </ol>
    </nav>
  </body>
</html>
"""


def _chapter(section: Section, language: str) -> str:
    body = "\n    ".join(part_html(part) for part in section.parts)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="{escape(language)}" lang="{escape(language)}">
  <head>
    <title>{escape(section.title)}</title>
    <link rel="stylesheet" type="text/css" href="style.css"/>
  </head>
  <body>
    <section epub:type="chapter" id="chapter{section.number}" aria-label="{escape(section.title)}">
    {body}
    </section>
  </body>
</html>
"""


def _overlay(section: Section, slug: str) -> str:
    pars = "\n".join(
        f'      <par id="p{sentence_id(t)}"><text src="chapter{section.number}.xhtml#{sentence_id(t)}"/>'
        f'<audio src="audio/{escape(slug)}.mp3" clipBegin="{clock(t.start, Clock.SMIL)}" '
        f'clipEnd="{clock(t.end, Clock.SMIL)}"/></par>'
        for part in section.parts
        for t in part.sentences
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">
  <body>
    <seq id="seq{section.number}" epub:textref="chapter{section.number}.xhtml#chapter{section.number}" epub:type="chapter">
{pars}
    </seq>
  </body>
</smil>
"""
