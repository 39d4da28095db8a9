"""A DAISY 2.02 talking book: ncc.html (navigation by heading), a SMIL file per chapter, the full
text and the MP3, for the dedicated players blind readers use."""

from __future__ import annotations

from html import escape
from pathlib import Path

from audio_edition.model import Episode
from audio_edition.publish.clocks import Clock, clock
from audio_edition.publish.edition import Edition
from audio_edition.publish.layout import Section, part_html, sections, sentence_id

XHTML_HEAD = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
"""


def write_daisy(folder: Path, episode: Episode, edition: Edition, mp3: bytes) -> None:
    """Fill `folder` with ncc.html, content.html, chapterN.smil, master.smil and the MP3 (`mp3`)."""
    audio_name = f"{edition.slug}.mp3"
    (folder / audio_name).write_bytes(mp3)
    chapters = sections(episode)
    elapsed = 0.0
    for section in chapters:
        (folder / f"chapter{section.number}.smil").write_text(
            _smil(section, audio_name, elapsed), encoding="utf-8"
        )
        elapsed += section.spoken
    (folder / "content.html").write_text(_content(episode, chapters), encoding="utf-8")
    (folder / "master.smil").write_text(_master(episode, chapters), encoding="utf-8")
    files = len(chapters) + 4  # the SMIL files, ncc.html, content.html, master.smil, the MP3
    (folder / "ncc.html").write_text(_ncc(episode, chapters, files), encoding="utf-8")


def _ncc(episode: Episode, chapters: list[Section], files: int) -> str:
    meta = episode.script.article.meta
    headings = []
    for section in chapters:
        first = section.parts[0].sentences[0]
        level, css = ("h1", ' class="title"') if section.number == 1 else ("h2", "")
        headings.append(
            f'<{level}{css} id="h{section.number}"><a href="chapter{section.number}.smil#p{sentence_id(first)}">'
            f"{escape(section.title)}</a></{level}>"
        )
    creator = f'<meta name="dc:creator" content="{escape(meta.byline)}" />\n' if meta.byline else ""
    return f"""{XHTML_HEAD}<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{escape(meta.language)}" lang="{escape(meta.language)}">
<head>
<meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<title>{escape(meta.title)}</title>
<meta name="dc:title" content="{escape(meta.title)}" />
{creator}<meta name="dc:format" content="Daisy 2.02" />
<meta name="dc:identifier" content="audio-edition-{escape(meta.title)}" />
<meta name="dc:language" content="{escape(meta.language)}" />
<meta name="ncc:charset" content="utf-8" />
<meta name="ncc:generator" content="audio-edition" />
<meta name="ncc:multimediaType" content="audioFullText" />
<meta name="ncc:totalTime" content="{clock(sum(s.spoken for s in chapters), Clock.HMS)}" />
<meta name="ncc:tocItems" content="{len(chapters)}" />
<meta name="ncc:depth" content="{2 if len(chapters) > 1 else 1}" />
<meta name="ncc:files" content="{files}" />
<meta name="ncc:pageNormal" content="0" />
<meta name="ncc:pageFront" content="0" />
<meta name="ncc:pageSpecial" content="0" />
</head>
<body>
{chr(10).join(headings)}
</body>
</html>
"""


def _content(episode: Episode, chapters: list[Section]) -> str:
    meta = episode.script.article.meta
    body = "\n".join(part_html(part, classes=False) for s in chapters for part in s.parts)
    return f"""{XHTML_HEAD}<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{escape(meta.language)}" lang="{escape(meta.language)}">
<head>
<meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<title>{escape(meta.title)}</title>
</head>
<body>
{body}
</body>
</html>
"""


def _smil(section: Section, audio: str, elapsed: float) -> str:
    pars = "\n".join(
        # daisy-player 13.0 plays a <par> only when its <audio> comes before its <text>
        f'<par endsync="last" id="p{sentence_id(t)}">'
        f'<audio src="{escape(audio)}" clip-begin="npt={clock(t.start, Clock.SECONDS)}" '
        f'clip-end="npt={clock(t.end, Clock.SECONDS)}" '
        f'id="a{sentence_id(t)}" />'
        f'<text src="content.html#{sentence_id(t)}" id="t{sentence_id(t)}" /></par>'
        for part in section.parts
        for t in part.sentences
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE smil PUBLIC "-//W3C//DTD SMIL 1.0//EN" "http://www.w3.org/TR/REC-smil/SMIL10.dtd">
<smil>
<head>
<meta name="dc:format" content="Daisy 2.02" />
<meta name="dc:title" content="{escape(section.title)}" />
<meta name="ncc:totalElapsedTime" content="{clock(elapsed, Clock.HMS)}" />
<meta name="ncc:timeInThisSmil" content="{clock(section.spoken, Clock.HMS)}" />
<layout><region id="txtView" /></layout>
</head>
<body>
<seq dur="{clock(section.spoken, Clock.SECONDS)}">
{pars}
</seq>
</body>
</smil>
"""


def _master(episode: Episode, chapters: list[Section]) -> str:
    refs = "\n".join(
        f'<ref src="chapter{s.number}.smil" title="{escape(s.title)}" id="ms{s.number}" />' for s in chapters
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE smil PUBLIC "-//W3C//DTD SMIL 1.0//EN" "http://www.w3.org/TR/REC-smil/SMIL10.dtd">
<smil>
<head>
<meta name="dc:format" content="Daisy 2.02" />
<meta name="dc:title" content="{escape(episode.script.article.meta.title)}" />
<layout><region id="txtView" /></layout>
</head>
<body>
{refs}
</body>
</smil>
"""
