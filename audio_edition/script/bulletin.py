"""A bulletin: several articles as one script. An introduction (the show, the date, the headlines),
then each article scripted as usual without its own opening and closing, its title spoken as a
heading and made a chapter, its subheadings chapters nested under it, then a closing with the
synthetic-voice disclosure. With `sentences`, each article is read shortened (`shorten`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from audio_edition.languages.language import Language, LanguageFinder
from audio_edition.model import Article, Block, Chapter, Meta, Role, Script, Segment
from audio_edition.script.drafts import Pause
from audio_edition.script.lexicon import Entry, lexicon_for
from audio_edition.script.messages import message
from audio_edition.script.quotations import find_quotations
from audio_edition.script.settings import ScriptSettings
from audio_edition.script.speech import speech_text
from audio_edition.script.writer import VOICE_OF_ROLE, write_script
from audio_edition.text.sentences import sentence_spans

__all__ = ["bulletin_language", "bulletin_script", "bulletin_title", "shorten"]


def bulletin_language(articles: Sequence[Article], find: LanguageFinder) -> Language:
    """The bulletin's language: its articles' when they share one, else English."""
    languages = [find(a.meta.language) for a in articles]
    return languages[0] if len({lang.code for lang in languages}) == 1 else find("en")


def bulletin_title(day: dt.date, language: Language) -> str:
    """The bulletin's title: "Bulletin, March 4, 2026", "Bulletin du 4 mars 2026"."""
    return message("bulletin_title", language, date=language.day(day))


def bulletin_script(
    articles: Sequence[Article],
    settings: ScriptSettings,
    day: dt.date,
    *,
    find: LanguageFinder,
    sentences: int | None = None,
    when: str | None = None,
) -> Script:
    """The bulletin of `articles` (in that order) for `day`, dated `when` (ISO; else the day): a
    "Headlines" chapter, then a chapter per article with its subheadings nested under it; with
    `sentences`, each article's first that many sentences and its first quotation. The show's
    introduction and the closing are left out when `settings.opening` is off."""
    if not articles:
        raise ValueError("a bulletin needs at least one article")
    language = bulletin_language(articles, find)
    said = language.day(day)
    title = message("bulletin_title", language, date=said)
    lexicon = lexicon_for(settings.lexicon, settings.default_lexicon)
    out = _Builder(settings, lexicon)
    headlines = [_sentence(a.meta.title) for a in articles]
    blocks = [Block("paragraph", " ".join([message("bulletin_headlines", language), *headlines]))]
    out.chapter(message("bulletin_headlines_chapter", language))
    if settings.opening:
        key = "bulletin_opening_show" if settings.show else "bulletin_opening"
        out.add("intro", message(key, language, show=settings.show, date=said), language, -1, Pause.TITLE)
    out.add("narration", message("bulletin_headlines", language), language, 0, Pause.SENTENCE)
    for headline, article in zip(headlines, articles, strict=True):
        out.add("narration", headline, find(article.meta.language), 0, Pause.SENTENCE)
    out.end(Pause.SECTION)
    unspoken = dataclasses.replace(settings, opening=False)
    for article in articles:
        article_language = find(article.meta.language)
        read = (
            shorten(article, article_language, sentences, settings.min_quote_words) if sentences else article
        )
        offset = len(blocks) + 1
        blocks += [Block("heading", article.meta.title), *read.blocks]
        top = out.chapter(article.meta.title)
        out.add("heading", article.meta.title, article_language, offset - 1, Pause.HEADING)
        for seg in write_script(read, unspoken, language=article_language).segments:
            if seg.role == "title":  # the article's own title: said above, as its heading
                continue
            if seg.role == "heading":
                out.chapter(seg.text, parent=top)
            block = seg.block + offset if seg.block >= 0 else -1
            out.segment(dataclasses.replace(seg, block=block))
        out.end(Pause.SECTION)
    if settings.opening:
        key = "bulletin_closing_show" if settings.show else "bulletin_closing"
        said_closing = (
            f"{message(key, language, show=settings.show, date=said)} {message('disclosure', language)}"
        )
        out.add("outro", said_closing, language, -1, Pause.END)
    out.end(Pause.END)
    meta = Meta(title=title, date=when or day.isoformat(), language=language.tag, title_from="front-matter")
    dropped = tuple(d for a in articles for d in a.dropped)
    article = Article(meta=meta, blocks=tuple(blocks), dropped=dropped)
    return Script(
        article=article, segments=tuple(out.segments), chapters=tuple(out.chapters), language=language
    )


def shorten(article: Article, language: Language, sentences: int, min_words: int = 4) -> Article:
    """The article cut to its first `sentences` sentences of prose and the sentences its first
    spoken quotation stands in (with the attribution line after it), in reading order; a heading
    is kept when something under it is."""
    prose = {
        b: sentence_spans(block.text, language)
        for b, block in enumerate(article.blocks)
        if block.kind in ("paragraph", "blockquote")
    }
    kept: dict[int, set[tuple[int, int]]] = {}
    first = [(b, span) for b, spans in prose.items() for span in spans][:sentences]
    for b, span in first:
        kept.setdefault(b, set()).add(span)
    quotations = find_quotations(article.blocks, min_words=min_words, language=language)
    quotation = next((q for q in quotations if q.kind == "speech"), None)
    for part in quotation.spans if quotation else ():
        for start, end in prose.get(part.block, []):
            if start < part.end and part.start < end:
                kept.setdefault(part.block, set()).add((start, end))
    blocks: list[Block] = []
    for b, block in enumerate(article.blocks):
        if block.kind == "heading":
            later = [k for k in range(b + 1, len(article.blocks)) if article.blocks[k].kind == "heading"]
            if any(b < k < (later[0] if later else len(article.blocks)) for k in kept):
                blocks.append(block)
        elif block.kind == "attribution":
            if b - 1 in kept:
                blocks.append(block)
        elif b in kept:
            text = " ".join(block.text[start:end].strip() for start, end in sorted(kept[b]))
            blocks.append(dataclasses.replace(block, text=text))
    return dataclasses.replace(article, blocks=tuple(blocks))


def _sentence(headline: str) -> str:
    """A headline as a sentence of the list: a full stop added unless it ends in one."""
    text = " ".join(headline.split())
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


class _Builder:
    """The bulletin's segments and chapters as they are added, each segment numbered and placed in
    the chapter last opened."""

    def __init__(self, settings: ScriptSettings, lexicon: tuple[Entry, ...]) -> None:
        self.settings = settings
        self.lexicon = lexicon
        self.segments: list[Segment] = []
        self.chapters: list[Chapter] = []

    def chapter(self, title: str, parent: int | None = None) -> int:
        """Open a chapter at the next segment; returns its index."""
        self.chapters.append(Chapter(title=title, first_segment=len(self.segments), parent=parent))
        return len(self.chapters) - 1

    def add(self, role: Role, text: str, language: Language, block: int, pause: Pause) -> None:
        """A segment the bulletin adds, spoken in `language` and followed by `pause`."""
        speech = speech_text(text, language, self.lexicon)
        pause_ms = pause.millis(self.settings.pauses)
        self.segment(Segment(0, role, text, speech, VOICE_OF_ROLE[role], pause_ms, block, 0))

    def segment(self, segment: Segment) -> None:
        """`segment` numbered in the bulletin and placed in the chapter last opened."""
        index, chapter = len(self.segments), len(self.chapters) - 1
        self.segments.append(dataclasses.replace(segment, index=index, chapter=chapter))

    def end(self, pause: Pause) -> None:
        """Follow the last segment with `pause` (the break before what comes next)."""
        last = self.segments[-1]
        self.segments[-1] = dataclasses.replace(last, pause_after_ms=pause.millis(self.settings.pauses))
