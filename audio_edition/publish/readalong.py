"""The read-along page: one accessible HTML file built on the embeddable player (`player.py`, its
script inlined and pointed at the page's own text), the text highlighted as it is spoken (by word
where the timeline times words), chapter links and keyboard control. No external requests; the MP3
sits beside it.

For assistive technology: one `h1` (the title) and an `h2` per chapter in `main`, the chapters also a
navigation landmark of links, and a polite live region naming each new voice (the narrator, or a
quotation and its speaker), which a checkbox turns off. The show, the byline and each attribution
appear once: the masthead and the footer's byline only when the text does not say them already, a
quotation's speaker label only when no attribution line follows it; list items are a list."""

from __future__ import annotations

import dataclasses
import json

from audio_edition.model import Block, Episode, Segment, TimedSegment, TimedWord
from audio_edition.publish.edition import Edition
from audio_edition.publish.layout import Part, Section, part_html, sections, sentence_id
from audio_edition.publish.player import ELEMENT, player_script
from audio_edition.publish.readalong_script import SCRIPT
from audio_edition.publish.readalong_style import STYLE
from audio_edition.publish.speakers import quoted_by
from audio_edition.publish.xml_text import escape

__all__ = ["readalong_page", "voice_announcement"]

_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
_KEYS = (
    "Keys when the text has focus: <kbd>k</kbd> play or pause (space too), "
    "<kbd>j</kbd>/<kbd>l</kbd> previous or next sentence, <kbd>[</kbd>/<kbd>]</kbd> previous or next "
    "chapter. Select a sentence to play from it."
)


def readalong_page(episode: Episode, edition: Edition) -> str:
    """The page's HTML; it plays the edition's `slug.mp3` from its own folder."""
    meta = episode.script.article.meta
    title = meta.title or edition.slug
    chapters = sections(episode)
    heading = _title_part(chapters, title)
    timed_words = episode.words or ((),) * len(episode.timeline)
    sentences = [_timed(t, words) for t, words in zip(episode.timeline, timed_words, strict=True)]
    chapter_times = [{"title": c.title, "start": c.start, "end": c.end} for c in episode.chapters]
    links = "\n".join(
        f'<li><a href="#chapter{s.number}" data-start="{s.start}">{escape(s.title)}</a></li>'
        for s in chapters
    )
    # one h1: the title heading, or the opening line saying the title, or (neither spoken) the title alone
    body = "" if heading else f"<h1>{escape(title)}</h1>\n"
    blocks = episode.script.article.blocks
    body += "\n".join(_section_html(s, heading, blocks) for s in chapters)
    spoken = " ".join(t.segment.text for t in episode.timeline)
    show = f'<p class="masthead">{escape(edition.show)}</p>\n' if edition.show not in spoken else ""
    credit = (meta.byline or "").strip().rstrip(".")
    if credit and not credit.lower().startswith("by "):
        credit = f"By {credit}"
    byline = f"{escape(credit)}. " if credit and (meta.byline or "").strip() not in spoken else ""
    # the page's own words are English: marked so in an article in another language (WCAG 3.1.2)
    ui = "" if episode.script.language.code == "en" else ' lang="en"'
    first_voice = escape(voice_announcement(episode.timeline[0].segment)) if episode.timeline else ""
    # as Django's json_script: no <, > or & in the element, so nothing in it can end or open a tag
    timeline = {"title": title, "segments": sentences, "chapters": chapter_times}
    data = json.dumps(timeline, ensure_ascii=False)
    data = data.translate(_JSON_IN_HTML)
    return f"""<!DOCTYPE html>
<html lang="{escape(meta.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{escape(title)} (audio edition)</title>
<style>{STYLE}</style>
<script>{player_script()}</script>
</head>
<body>
<header>
<a class="skip" href="#text"{ui}>Skip to the article text</a>
{show}<{ELEMENT} id="player" src="{escape(edition.slug)}.mp3" manifest="#timeline" text="text" label="{escape(title)}"{ui}></{ELEMENT}>
<p class="voice"{ui}><label><input type="checkbox" id="announce" checked> Tell screen readers who is speaking</label>
<span class="now">Now: <span id="speaking" aria-live="polite" aria-atomic="true">{first_voice}</span></span></p>
</header>
<main id="text" tabindex="-1" aria-describedby="keys">
{body}
</main>
<nav aria-label="Chapters"><p{ui}>Chapters</p><ol>
{links}
</ol></nav>
<footer><p class="keys" id="keys"{ui}>{_KEYS}</p>
<p{ui}>{byline}{escape(edition.narrator)}. Text and audio are synchronised sentence by sentence.</p></footer>
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


def _timed(timed: TimedSegment, words: tuple[TimedWord, ...]) -> dict[str, object]:
    """A sentence as the page's timeline holds it: its id, times, chapter, the voice the live region
    names, and its words with their times when recognition timed them (`--verify`: text, start,
    end, as the manifest writes them)."""
    entry: dict[str, object] = {
        "id": sentence_id(timed),
        "start": round(timed.start, 3),
        "end": round(timed.end, 3),
        "chapter": timed.segment.chapter,
        "voice": voice_announcement(timed.segment),
    }
    if words:
        entry["words"] = [{"text": w.text, "start": round(w.start, 3), "end": round(w.end, 3)} for w in words]
    return entry


def _section_html(section: Section, heading: Part | None, blocks: tuple[Block, ...] = ()) -> str:
    """A chapter as a region named by its title (kept hidden: its heading, if any, is in the text).
    Consecutive list items form a list; a quotation followed by its attribution line keeps its
    speaker label for screen readers only (the line names the speaker on screen)."""
    label = f"chapter{section.number}-name"
    html: list[str] = []
    items: list[str] = []
    for k, p in enumerate(section.parts):
        text = part_html(dataclasses.replace(p, kind="h1") if p is heading else p)
        following = section.parts[k + 1] if k + 1 < len(section.parts) else None
        if (
            p.kind == "blockquote"
            and following is not None
            and following.sentences[0].segment.role == "attribution"
        ):
            text = text.replace('<span class="speaker" ', '<span class="speaker" hidden ')
        block = p.sentences[0].segment.block
        if p.kind == "p" and 0 <= block < len(blocks) and blocks[block].listed:
            items.append("<li>" + text.removeprefix("<p>").removesuffix("</p>") + "</li>")
            continue
        if items:
            html.append("<ul>" + "".join(items) + "</ul>")
            items = []
        html.append(text)
    if items:
        html.append("<ul>" + "".join(items) + "</ul>")
    parts = "\n".join(html)
    return (
        f'<section id="chapter{section.number}" aria-labelledby="{label}">'
        f'<span id="{label}" hidden>{escape(section.title)}</span>\n{parts}\n</section>'
    )
