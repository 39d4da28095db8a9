"""Turn an Article into a Script: segments with roles, voices, speakers and pauses, in chapters."""

from __future__ import annotations

from audio_edition.model import Article, Block, Chapter, Role, Script, Segment
from audio_edition.options import Options, Pauses
from audio_edition.script.attribution import attribute_speakers
from audio_edition.script.lexicon import Entry, lexicon_for
from audio_edition.script.opening import closing, opening
from audio_edition.script.pieces import Voiced, cut_pieces
from audio_edition.script.quotations import find_quotations
from audio_edition.script.speech import speech_text

VOICE_OF_ROLE: dict[str, str] = {
    "title": "narrator",
    "heading": "narrator",
    "narration": "narrator",
    "attribution": "narrator",
    "intro": "narrator",
    "outro": "narrator",
    "quote": "quote",
}

Draft = tuple[Role, str, int, str, str | None]  # role, text, block index, break after, speaker


def write_script(article: Article, options: Options | None = None) -> Script:
    """Segment every kept block in reading order, between the spoken opening and closing.

    Quotations are found over the whole article and attributed once; the quote voice reads those
    that are speech. Without the opening, the title is spoken only when the author wrote one.
    """
    opts = options or Options()
    drafts: list[Draft] = []
    if opts.opening:
        drafts += [
            (r, t, b, brk, None) for r, t, b, brk in opening(article.meta, opts.show, article.spoken_title)
        ]
    elif article.spoken_title:
        drafts.append(("title", article.meta.title, -1, "title", None))
    voiced = voiced_stretches(article, opts.min_quote_words)
    for b, block in enumerate(article.blocks):
        drafts += _block_drafts(block, b, voiced.get(b, []), article.meta.language)
        if drafts and drafts[-1][2] == b:
            role, text, _, _, speaker = drafts[-1]
            drafts[-1] = (role, text, b, _block_break(article.blocks, b), speaker)
    if opts.opening:
        role, text, b, _, speaker = drafts[-1]
        drafts[-1] = (role, text, b, "section", speaker)
        drafts += [(r, t, b, brk, None) for r, t, b, brk in closing(article.meta, opts.show)]
    return _assemble(article, drafts, opts.pauses, lexicon_for(opts.lexicon, opts.default_lexicon))


def voiced_stretches(article: Article, min_words: int) -> dict[int, list[Voiced]]:
    """Per block, the stretches the quote voice reads: every speech quotation, with its speaker."""
    quotations = find_quotations(article.blocks, min_words=min_words, language=article.meta.language)
    speakers = attribute_speakers(article.blocks, quotations)
    out: dict[int, list[Voiced]] = {}
    for quotation, speaker in zip(quotations, speakers, strict=True):
        if quotation.kind == "speech":
            for span in quotation.spans:
                out.setdefault(span.block, []).append(Voiced(span.start, span.end, speaker))
    return out


def _block_drafts(block: Block, b: int, voiced: list[Voiced], language: str) -> list[Draft]:
    if block.kind == "heading":
        return [("heading", block.text, b, "heading", None)]
    if block.kind == "attribution":
        return [("attribution", block.text, b, "sentence", None)]
    return [
        ("quote" if p.quoted else "narration", p.text, b, p.ends, p.speaker)
        for p in cut_pieces(block.text, voiced, language=language)
    ]


def _block_break(blocks: tuple[Block, ...], b: int) -> str:
    if blocks[b].kind == "heading":
        return "heading"
    nxt = blocks[b + 1] if b + 1 < len(blocks) else None
    if nxt is None:
        return "end"
    if nxt.kind == "heading":
        return "section"
    if nxt.kind == "attribution":
        return "sentence"
    return "paragraph"


def _assemble(article: Article, drafts: list[Draft], pauses: Pauses, lexicon: tuple[Entry, ...]) -> Script:
    segments: list[Segment] = []
    chapters: list[Chapter] = []
    for role, text, block, brk, speaker in drafts:
        if role == "heading" or not chapters:
            title = text if role == "heading" else article.meta.title
            chapters.append(Chapter(title=title, first_segment=len(segments)))
        segments.append(
            Segment(
                index=len(segments),
                role=role,
                text=text,
                speech=speech_text(text, article.meta.language, lexicon),
                voice=VOICE_OF_ROLE[role],
                pause_after_ms=_pause(brk, pauses),
                block=block,
                chapter=len(chapters) - 1,
                speaker=speaker if role == "quote" else None,
            )
        )
    return Script(article=article, segments=tuple(segments), chapters=tuple(chapters))


def _pause(brk: str, pauses: Pauses) -> int:
    return {
        "clause": pauses.clause,
        "sentence": pauses.sentence,
        "paragraph": pauses.paragraph,
        "title": pauses.title,
        "heading": pauses.heading,
        "section": pauses.section,
        "end": 0,
    }[brk]
