"""A DAISY 2.02 talking book: ncc.html (navigation by heading), a SMIL file per chapter, the full
text and the MP3, for the dedicated players blind readers use.

Every time the book states is derived from the clips its SMIL files play, in whole milliseconds, so
the SMIL durations, elapsed times and the NCC's total time agree (DAISY 2.02: the SMIL metadata and
Appendix 2); the NCC and its metadata are written last, by `daisy_ncc`, once the size of the other
files is known.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from audio_edition.model import Episode, TimedSegment
from audio_edition.publish.clocks import Clock, clock
from audio_edition.publish.daisy_ncc import XHTML_HEAD, Book, Heading, generator, write_ncc
from audio_edition.publish.edition import Edition
from audio_edition.publish.layout import Section, part_html, sections, sentence_id
from audio_edition.publish.xml_text import escape

SMIL_HEAD = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE smil PUBLIC "-//W3C//DTD SMIL 1.0//EN" "http://www.w3.org/TR/REC-smil/SMIL10.dtd">
"""


@dataclass(frozen=True)
class Cue:
    """One sentence's clip of the MP3, in whole milliseconds (as the SMIL file writes it)."""

    sentence: TimedSegment
    begin: int
    end: int


def write_daisy(folder: Path, episode: Episode, edition: Edition, mp3: bytes) -> None:
    """Fill `folder` with ncc.html, content.html, chapterN.smil, master.smil and the MP3 (`mp3`)."""
    meta = episode.script.article.meta
    audio_name = f"{edition.slug}.mp3"
    chapters = sections(episode)
    limit = int(episode.duration * 1000)  # no clip may end after the audio does
    cues = [_cues(section, limit) for section in chapters]
    lengths = [sum(c.end - c.begin for c in chapter) for chapter in cues]
    head = _Head(edition.urn, meta.title, generator())
    files: dict[str, bytes] = {audio_name: mp3}
    for index, (section, chapter) in enumerate(zip(chapters, cues, strict=True)):
        elapsed = sum(lengths[:index])
        files[_smil_name(section)] = _smil(section, chapter, audio_name, elapsed, head).encode()
    files["content.html"] = _content(episode, chapters, head).encode()
    files["master.smil"] = _master(chapters, sum(lengths), head).encode()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    headings = tuple(
        Heading(1 if s.number == 1 else 2, s.title, f"{_smil_name(s)}#p{sentence_id(c[0].sentence)}")
        for s, c in zip(chapters, cues, strict=True)
    )
    book = Book(
        meta=meta,
        edition=edition,
        headings=headings,
        total_ms=sum(lengths),
        other_files=tuple(len(data) for data in files.values()),
        produced=dt.datetime.now(dt.UTC).date(),
    )
    write_ncc(folder / "ncc.html", book)


@dataclass(frozen=True)
class _Head:
    """What every SMIL and text file's head states of the book: identifier, title, generator."""

    identifier: str
    title: str
    generator: str

    def metas(self) -> str:
        """The shared <meta> lines (DAISY 2.02: the same dc:identifier and dc:title in every file)."""
        return (
            '<meta name="dc:format" content="Daisy 2.02" />\n'
            f'<meta name="dc:identifier" content="{escape(self.identifier)}" />\n'
            f'<meta name="dc:title" content="{escape(self.title)}" />\n'
            f'<meta name="ncc:generator" content="{escape(self.generator)}" />\n'
        )


def _smil_name(section: Section) -> str:
    """The SMIL file of a chapter."""
    return f"chapter{section.number}.smil"


def _cues(section: Section, limit: int) -> list[Cue]:
    """The section's sentences as clips in milliseconds, none past `limit` (the audio's end)."""
    out: list[Cue] = []
    for part in section.parts:
        for timed in part.sentences:
            end = min(round(timed.end * 1000), limit)
            out.append(Cue(timed, min(round(timed.start * 1000), end), end))
    return out


def _seconds(ms: int, form: Clock) -> str:
    """Milliseconds written as the clock `form` asks."""
    return clock(ms / 1000, form)


def _smil(section: Section, cues: list[Cue], audio: str, elapsed: int, head: _Head) -> str:
    """A chapter's SMIL file: a <par> of audio clip and text per sentence, `elapsed` ms before it."""
    pars = "\n".join(
        # daisy-player 13.0 plays a <par> only when its <audio> comes before its <text>
        f'<par endsync="last" id="p{sentence_id(c.sentence)}">'
        f'<audio src="{escape(audio)}" clip-begin="npt={_seconds(c.begin, Clock.SECONDS)}" '
        f'clip-end="npt={_seconds(c.end, Clock.SECONDS)}" id="a{sentence_id(c.sentence)}" />'
        f'<text src="content.html#{sentence_id(c.sentence)}" id="t{sentence_id(c.sentence)}" /></par>'
        for c in cues
    )
    length = sum(c.end - c.begin for c in cues)
    return f"""{SMIL_HEAD}<smil>
<head>
{head.metas()}<meta name="title" content="{escape(section.title)}" />
<meta name="ncc:totalElapsedTime" content="{_seconds(elapsed, Clock.HMS)}" />
<meta name="ncc:timeInThisSmil" content="{_seconds(length, Clock.HMS)}" />
<layout><region id="txtView" /></layout>
</head>
<body>
<seq dur="{_seconds(length, Clock.SECONDS)}">
{pars}
</seq>
</body>
</smil>
"""


def _content(episode: Episode, chapters: list[Section], head: _Head) -> str:
    """content.html: the full text, every sentence a <span> a SMIL <text> points at."""
    meta = episode.script.article.meta
    body = "\n".join(part_html(part, classes=False) for s in chapters for part in s.parts)
    return f"""{XHTML_HEAD}<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{escape(meta.language)}" lang="{escape(meta.language)}">
<head>
<meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<title>{escape(meta.title)}</title>
{head.metas()}</head>
<body>
{body}
</body>
</html>
"""


def _master(chapters: list[Section], total: int, head: _Head) -> str:
    """master.smil: a <ref> to each chapter's SMIL file, in reading order; `total` ms in all."""
    refs = "\n".join(
        f'<ref src="{_smil_name(s)}" title="{escape(s.title)}" id="ms{s.number}" />' for s in chapters
    )
    return f"""{SMIL_HEAD}<smil>
<head>
{head.metas()}<meta name="ncc:timeInThisSmil" content="{_seconds(total, Clock.HMS)}" />
<layout><region id="txtView" /></layout>
</head>
<body>
{refs}
</body>
</smil>
"""
