"""The read-along page: one accessible HTML file with the player, the text highlighted as it is
spoken, chapter links and keyboard control. No external requests; the MP3 sits beside it.

For assistive technology: one `h1` (the title) and an `h2` per chapter in `main`, the chapters also a
navigation landmark of links, and a polite live region naming each new voice (the narrator, or a
quotation and its speaker), which a toggle button turns off."""

from __future__ import annotations

import dataclasses
import json

from audio_edition.model import Episode, Segment
from audio_edition.publish.edition import Edition
from audio_edition.publish.layout import Part, Section, part_html, sections, sentence_id
from audio_edition.publish.readalong_script import SCRIPT
from audio_edition.publish.readalong_style import STYLE
from audio_edition.publish.speakers import quoted_by
from audio_edition.publish.xml_text import escape

__all__ = ["readalong_page", "voice_announcement"]

_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
_KEYS = (
    "Keys when the text or the player has focus: <kbd>k</kbd> play or pause (space too, in the text), "
    "<kbd>j</kbd>/<kbd>l</kbd> previous or next sentence, <kbd>[</kbd>/<kbd>]</kbd> previous or next "
    "chapter. Select a sentence to play from it."
)


def readalong_page(episode: Episode, edition: Edition) -> str:
    """The page's HTML; it plays the edition's `slug.mp3` from its own folder."""
    meta = episode.script.article.meta
    title = meta.title or edition.slug
    chapters = sections(episode)
    heading = _title_part(chapters, title)
    sentences = [
        {
            "id": sentence_id(t),
            "start": round(t.start, 3),
            "end": round(t.end, 3),
            "chapter": t.segment.chapter,
            "voice": voice_announcement(t.segment),
        }
        for t in episode.timeline
    ]
    chapter_times = [{"title": c.title, "start": c.start, "end": c.end} for c in episode.chapters]
    links = "\n".join(
        f'<li><a href="#chapter{s.number}" data-start="{s.start}">{escape(s.title)}</a></li>'
        for s in chapters
    )
    # one h1: the title heading, or the opening line saying the title, or (neither spoken) the title alone
    body = "" if heading else f"<h1>{escape(title)}</h1>\n"
    body += "\n".join(_section_html(s, heading) for s in chapters)
    show = f'<p class="masthead">{escape(edition.show)}</p>\n' if edition.show else ""
    credit = (meta.byline or "").strip().rstrip(".")
    if credit and not credit.lower().startswith("by "):
        credit = f"By {credit}"
    byline = f"{escape(credit)}. " if credit else ""
    # the page's own words are English: marked so in an article in another language (WCAG 3.1.2)
    ui = "" if episode.script.language.code == "en" else ' lang="en"'
    first_voice = escape(voice_announcement(episode.timeline[0].segment)) if episode.timeline else ""
    # as Django's json_script: no <, > or & in the element, so nothing in it can end or open a tag
    data = json.dumps({"sentences": sentences, "chapters": chapter_times}, ensure_ascii=False)
    data = data.translate(_JSON_IN_HTML)
    return f"""<!DOCTYPE html>
<html lang="{escape(meta.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{escape(title)} (audio edition)</title>
<style>{STYLE}</style>
</head>
<body>
<a class="skip" href="#text"{ui}>Skip to the article text</a>
<header>
{show}<audio id="player" controls preload="metadata" src="{escape(edition.slug)}.mp3" aria-label="Audio edition of {escape(title)}"></audio>
<p class="voice"{ui}><button type="button" id="announce" aria-pressed="true">Announce speakers</button>
<span id="speaking" aria-live="polite" aria-atomic="true">{first_voice}</span></p>
<nav aria-label="Chapters"><ol>
{links}
</ol></nav>
<p class="keys" id="keys"{ui}>{_KEYS}</p>
</header>
<main id="text" tabindex="-1" aria-describedby="keys">
{body}
</main>
<footer><p{ui}>{byline}{escape(edition.narrator)}. Text and audio are synchronised sentence by sentence.</p></footer>
<script type="application/json" id="timeline">{data}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""


def voice_announcement(segment: Segment) -> str:
    """What the live region says when `segment`'s voice begins: "Narrator", "Quotation from NAME" or
    "Quotation" (its speaker unknown)."""
    if segment.role != "quote":
        return "Narrator"
    speaker = quoted_by(segment)
    return f"Quotation from {speaker}" if speaker else "Quotation"


def _title_part(chapters: list[Section], title: str) -> Part | None:
    """The part shown as the page's one h1: the spoken title heading, else the opening line that says
    the title (a title derived from the file name), else None."""
    parts = [part for section in chapters for part in section.parts]
    written = next((p for p in parts if p.kind == "h1"), None)
    said = (
        p
        for p in parts
        if p.kind == "intro"
        and len(p.sentences) == 1
        and p.sentences[0].segment.text.strip() == title.strip()
    )
    return written or next(said, None)


def _section_html(section: Section, heading: Part | None) -> str:
    """A chapter as a region named by its title (kept hidden: its heading, if any, is in the text)."""
    label = f"chapter{section.number}-name"
    parts = "\n".join(
        part_html(dataclasses.replace(p, kind="h1") if p is heading else p) for p in section.parts
    )
    return (
        f'<section id="chapter{section.number}" aria-labelledby="{label}">'
        f'<span id="{label}" hidden>{escape(section.title)}</span>\n{parts}\n</section>'
    )
