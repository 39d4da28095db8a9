"""Turn an Article into a Script: segments with roles, voices, speakers and pauses, in chapters."""

from __future__ import annotations

from audio_edition.defaults import Pauses
from audio_edition.languages.language import Language
from audio_edition.model import Article, Block, Chapter, Script, Segment
from audio_edition.script.attribution import attribute_speakers
from audio_edition.script.drafts import Draft, Pause
from audio_edition.script.lexicon import Entry, lexicon_for
from audio_edition.script.opening import closing, opening
from audio_edition.script.pieces import Voiced, cut_pieces
from audio_edition.script.quotations import find_quotations
from audio_edition.script.settings import ScriptSettings
from audio_edition.script.speech import speech_text
from audio_edition.text.sentences import forget_sentences

VOICE_OF_ROLE: dict[str, str] = {
    "title": "narrator",
    "heading": "narrator",
    "narration": "narrator",
    "attribution": "narrator",
    "standfirst": "narrator",
    "intro": "narrator",
    "outro": "narrator",
    "quote": "quote",
}


def write_script(article: Article, settings: ScriptSettings | None = None, *, language: Language) -> Script:
    """Segment every kept block in reading order, between the spoken opening and closing.

    Quotations are found over the whole article and attributed once; the quote voice reads those
    that are speech. Without the opening, the title is spoken only when the author wrote one.
    `settings` None is `ScriptSettings()`, the defaults; `language` is the article's, resolved by the
    pipeline.
    """
    settings = settings or ScriptSettings()
    try:
        return _written(article, settings, language)
    finally:
        forget_sentences()


def _written(article: Article, settings: ScriptSettings, language: Language) -> Script:
    drafts: list[Draft] = []
    blocks = article.blocks
    standfirst = blocks[0].text if blocks and blocks[0].kind == "standfirst" else None
    if settings.opening:
        drafts += opening(article.meta, language, settings.show, article.spoken_title, standfirst)
    else:
        if article.spoken_title:
            drafts.append(Draft("title", article.meta.title, -1, Pause.TITLE))
        if standfirst:
            drafts.append(Draft("standfirst", standfirst, 0, Pause.TITLE))
    voiced = voiced_stretches(article, settings.min_quote_words, language)
    for b, block in enumerate(blocks):
        if block.kind == "standfirst":
            continue  # read in the opening
        drafts += _block_drafts(block, b, voiced.get(b, []), language)
        if drafts and drafts[-1].block == b:
            drafts[-1] = drafts[-1].ending(_block_break(article.blocks, b))
    if settings.opening:
        drafts[-1] = drafts[-1].ending(Pause.SECTION)
        drafts += closing(article.meta, language, settings.show, article.spoken_title)
    return _assemble(
        article, language, drafts, settings.pauses, lexicon_for(settings.lexicon, settings.default_lexicon)
    )


def voiced_stretches(article: Article, min_words: int, language: Language) -> dict[int, list[Voiced]]:
    """Per block, the stretches the quote voice reads: every speech quotation, with its speaker."""
    quotations = find_quotations(article.blocks, min_words=min_words, language=language)
    speakers = attribute_speakers(article.blocks, quotations, language=language)
    out: dict[int, list[Voiced]] = {}
    for quotation, speaker in zip(quotations, speakers, strict=True):
        if quotation.kind == "speech":
            for span in quotation.spans:
                out.setdefault(span.block, []).append(Voiced(span.start, span.end, speaker))
    return out


def _block_drafts(block: Block, b: int, voiced: list[Voiced], language: Language) -> list[Draft]:
    if block.kind == "heading":
        return [Draft("heading", block.text, b, Pause.HEADING)]
    if block.kind == "attribution":
        return [Draft("attribution", block.text, b, Pause.SENTENCE)]
    return [
        Draft("quote" if p.quoted else "narration", p.text, b, p.ends, p.speaker)
        for p in cut_pieces(block.text, voiced, language=language)
    ]


def _block_break(blocks: tuple[Block, ...], b: int) -> Pause:
    if blocks[b].kind == "heading":
        return Pause.HEADING
    nxt = blocks[b + 1] if b + 1 < len(blocks) else None
    if nxt is None:
        return Pause.END
    if nxt.kind == "heading":
        return Pause.SECTION
    if nxt.kind == "attribution":
        return Pause.SENTENCE
    return Pause.PARAGRAPH


def _assemble(
    article: Article, language: Language, drafts: list[Draft], pauses: Pauses, lexicon: tuple[Entry, ...]
) -> Script:
    segments: list[Segment] = []
    chapters: list[Chapter] = []
    for draft in drafts:
        if draft.role == "heading" or not chapters:
            title = draft.text if draft.role == "heading" else article.meta.title
            chapters.append(Chapter(title=title, first_segment=len(segments)))
        segments.append(
            Segment(
                index=len(segments),
                role=draft.role,
                text=draft.text,
                speech=speech_text(draft.text, language, lexicon),
                voice=VOICE_OF_ROLE[draft.role],
                pause_after_ms=draft.pause.millis(pauses),
                block=draft.block,
                chapter=len(chapters) - 1,
                speaker=draft.speaker if draft.role == "quote" else None,
            )
        )
    return Script(article=article, segments=tuple(segments), chapters=tuple(chapters), language=language)
