"""EPUB 3 with media overlays: the article as XHTML (an id per sentence), a SMIL overlay per
chapter pointing each sentence at its stretch of the MP3, a nav document from the headings, and
package metadata saying what the book is and how accessible it is (EPUB Accessibility 1.1)."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from audio_edition.model import Episode, Meta
from audio_edition.publish.clocks import Clock, clock
from audio_edition.publish.edition import Edition
from audio_edition.publish.layout import Section, part_html, sections, sentence_id
from audio_edition.publish.speakers import quoted_by
from audio_edition.publish.xml_text import escape

ACTIVE_CLASS = "-epub-media-overlay-active"
CSS = f"""body {{ font-family: serif; line-height: 1.5; margin: 1em; }}
.quote {{ font-style: italic; }}
.speaker {{ font-size: 0.7em; font-variant: small-caps; letter-spacing: 0.04em; color: #666; }}
.visually-hidden {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }}
.programme {{ color: #555; font-size: 0.9em; }}
.{ACTIVE_CLASS} {{ background-color: #ffe58a; }}
"""
# What the book offers, as the schema.org accessibility vocabulary names it. No page list or page
# break markers (so no `pageNavigation`, `printPageNumbers` or page source): the article has no
# print edition. `transcript`: the text holds every sentence the MP3 speaks; `unlocked`: no DRM.
# `structuralNavigation` is added only when every chapter is headed (see `features`).
ACCESS_MODES = ("textual", "auditory")
SUFFICIENT_MODES = ("textual", "auditory")
FEATURES = ("synchronizedAudioText", "tableOfContents", "readingOrder", "transcript", "ARIA", "unlocked")
CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"


def write_epub(path: Path, episode: Episode, edition: Edition, mp3: bytes) -> None:
    """Write the EPUB to `path`, with the episode's MP3 (`mp3`) inside it."""
    meta = episode.script.article.meta
    chapters = sections(episode)
    slug = edition.slug
    stamp = build_time()
    with zipfile.ZipFile(path, "w") as book:
        add = _adder(book, stamp)
        add("mimetype", b"application/epub+zip", zipfile.ZIP_STORED)
        add("META-INF/container.xml", CONTAINER)
        add("OEBPS/content.opf", _package(meta, chapters, edition, stamp))
        add("OEBPS/nav.xhtml", _nav(meta.title, meta.language, chapters))
        add("OEBPS/style.css", CSS)
        for section in chapters:
            add(f"OEBPS/chapter{section.number}.xhtml", _chapter(section, meta.language))
            add(f"OEBPS/chapter{section.number}.smil", _overlay(section, slug))
        add(f"OEBPS/audio/{slug}.mp3", mp3, zipfile.ZIP_STORED)


def build_time() -> dt.datetime:
    """When the book is made: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention for
    the time a build states) when set, else now; in UTC, to the second."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    return when.replace(microsecond=0)


def _adder(book: zipfile.ZipFile, stamp: dt.datetime) -> Callable[..., None]:
    """A function adding one file to `book`, dated `stamp` (ZIP dates start in 1980)."""
    date_time = max(stamp, dt.datetime(1980, 1, 1, tzinfo=dt.UTC)).timetuple()[:6]

    def add(name: str, data: str | bytes, compress: int = zipfile.ZIP_DEFLATED) -> None:
        info = zipfile.ZipInfo(name, date_time=date_time)
        info.compress_type = compress
        book.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)

    return add


CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def _package(meta: Meta, chapters: list[Section], edition: Edition, stamp: dt.datetime) -> str:
    """The package document: metadata, manifest and spine."""
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
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="bookid" xml:lang="{escape(meta.language)}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="bookid">{edition.urn}</dc:identifier>
    <dc:title>{escape(meta.title)}</dc:title>
    <dc:language>{escape(meta.language)}</dc:language>
{_described(meta, edition)}
    <meta property="dcterms:modified">{stamp.strftime("%Y-%m-%dT%H:%M:%SZ")}</meta>
{_accessibility(chapters, edition)}
    <meta property="media:narrator">{escape(edition.narrator)}</meta>
    <meta property="media:duration">{total}</meta>
{durations}
    <meta property="media:active-class">{ACTIVE_CLASS}</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="css" href="style.css" media-type="text/css"/>
    <item id="audio" href="audio/{escape(edition.slug)}.mp3" media-type="audio/mpeg"/>
{items}
  </manifest>
  <spine>
{spine}
  </spine>
</package>
"""


def _described(meta: Meta, edition: Edition) -> str:
    """Who wrote and published the article, when, and the web page it came from (each when known)."""
    lines = [f"<dc:creator>{escape(meta.byline)}</dc:creator>"] if meta.byline else []
    lines.append(f"<dc:publisher>{escape(edition.show)}</dc:publisher>")
    if edition.date is not None:
        lines.append(f"<dc:date>{edition.date.isoformat()}</dc:date>")
    if meta.source and meta.source.startswith(("http://", "https://")):
        lines.append(f"<dc:source>{escape(meta.source)}</dc:source>")
    return "\n".join(f"    {line}" for line in lines)


def _accessibility(chapters: list[Section], edition: Edition) -> str:
    """The schema.org accessibility metadata and the conformance claim (EPUB Accessibility 1.1)."""
    lines = [f'<meta property="schema:accessMode">{mode}</meta>' for mode in ACCESS_MODES]
    lines += [f'<meta property="schema:accessModeSufficient">{mode}</meta>' for mode in SUFFICIENT_MODES]
    lines += [
        f'<meta property="schema:accessibilityFeature">{feature}</meta>' for feature in features(chapters)
    ]
    lines += [
        '<meta property="schema:accessibilityHazard">none</meta>',
        f'<meta property="schema:accessibilitySummary" xml:lang="en">{escape(summary(chapters, edition))}</meta>',
        f'<meta property="dcterms:conformsTo" id="conformance">{CONFORMANCE}</meta>',
        f'<meta property="a11y:certifiedBy" refines="#conformance">{escape(edition.show)}</meta>',
    ]
    return "\n".join(f"    {line}" for line in lines)


def features(chapters: list[Section]) -> tuple[str, ...]:
    """The accessibility features of the book: `FEATURES`, and `structuralNavigation` when every
    chapter has a heading (a title made from the file name is neither shown nor spoken)."""
    return FEATURES + (("structuralNavigation",) if _headed(chapters) else ())


def _headed(chapters: list[Section]) -> bool:
    return all(any(part.kind in ("h1", "h2") for part in s.parts) for s in chapters)


def summary(chapters: list[Section], edition: Edition) -> str:
    """The accessibility summary, for a person choosing a book: what reading it is like, and what
    it lacks."""
    voice = "a synthetic voice"  # every engine is one; the credit itself is in the article's language
    labelled = any(quoted_by(t.segment) for s in chapters for part in s.parts for t in part.sentences)
    sentences = [
        f"The full text of the article, narrated by {voice}: read it, listen to it, or both, with"
        " each sentence highlighted as it is spoken.",
        "Chapters are headed in the text and listed in the table of contents."
        if _headed(chapters)
        else "Chapters are listed in the table of contents.",
        "There are no images, and no page numbers: the article has no print edition.",
        "Names shown beside quotations, saying who is quoted, are not read aloud." if labelled else "",
        "The conformance claim rests on automated checks (DAISY Ace, EPUBCheck) of the tool that"
        " made this book, not on a review by a person.",
    ]
    return " ".join(s for s in sentences if s)


def _nav(title: str, tag: str, chapters: list[Section]) -> str:
    entries = "\n".join(
        f'        <li><a href="chapter{s.number}.xhtml">{escape(s.title)}</a></li>' for s in chapters
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="{escape(tag)}" lang="{escape(tag)}">
  <head><title>{escape(title)}</title></head>
  <body>
    <nav epub:type="toc" role="doc-toc" id="toc">
      <h1>{escape(title)}</h1>
      <ol>
{entries}
      </ol>
    </nav>
  </body>
</html>
"""


def _chapter(section: Section, tag: str) -> str:
    body = "\n    ".join(part_html(part) for part in section.parts)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="{escape(tag)}" lang="{escape(tag)}">
  <head>
    <title>{escape(section.title)}</title>
    <link rel="stylesheet" type="text/css" href="style.css"/>
  </head>
  <body>
    <section epub:type="chapter" role="doc-chapter" id="chapter{section.number}" aria-label="{escape(section.title)}">
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
