"""Turn an Article into a Script: segments with roles, voices and pauses, grouped in chapters."""

from __future__ import annotations

from audio_edition.model import Article, Block, Chapter, Role, Script, Segment
from audio_edition.options import Options, Pauses
from audio_edition.script.lexicon import Entry, lexicon_for
from audio_edition.script.opening import closing, opening
from audio_edition.script.pieces import Piece, cut_pieces
from audio_edition.script.quotes import find_quotes
from audio_edition.script.speech import speech_text

__all__ = ["write_script", "VOICE_OF_ROLE"]

VOICE_OF_ROLE: dict[str, str] = {
    "title": "narrator",
    "heading": "narrator",
    "narration": "narrator",
    "attribution": "narrator",
    "intro": "narrator",
    "outro": "narrator",
    "quote": "quote",
}


def write_script(article: Article, options: Options | None = None) -> Script:
    """Segment every kept block in reading order, between the spoken opening and closing.

    Without the opening, the title is spoken only when the author wrote one.
    """
    opts = options or Options()
    drafts: list[tuple[Role, str, int, str]] = []  # role, text, block index, break after
    if opts.opening:
        drafts += opening(article.meta, opts.show, article.spoken_title)
    elif article.spoken_title:
        drafts.append(("title", article.meta.title, -1, "title"))
    continues = False
    for b, block in enumerate(article.blocks):
        for role, text, ends in _block_drafts(block, opts, article.meta.language, continues):
            drafts.append((role, text, b, ends))
        continues = _ends_inside_quote(block)
        if drafts and drafts[-1][2] == b:
            role, text, _, _ = drafts[-1]
            drafts[-1] = (role, text, b, _block_break(article.blocks, b))
    if opts.opening:
        role, text, b, _ = drafts[-1]
        drafts[-1] = (role, text, b, "section")
        drafts += closing(article.meta, opts.show)
    return _assemble(article, drafts, opts.pauses, lexicon_for(opts.lexicon, opts.default_lexicon))


def _block_drafts(block: Block, opts: Options, language: str, continues: bool) -> list[tuple[Role, str, str]]:
    if block.kind == "heading":
        return [("heading", block.text, "heading")]
    if block.kind == "attribution":
        return [("attribution", block.text, "sentence")]
    whole = block.kind == "blockquote" and len(block.text.split()) >= opts.min_quote_words
    pieces = cut_pieces(
        block.text, min_words=opts.min_quote_words, language=language, continues=continues, whole_quote=whole
    )
    return [(_role(p), p.text, p.ends) for p in pieces]


def _role(piece: Piece) -> Role:
    return "quote" if piece.quoted else "narration"


def _ends_inside_quote(block: Block) -> bool:
    spans = find_quotes(block.text)
    return bool(spans) and not spans[-1].closed


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


def _assemble(
    article: Article, drafts: list[tuple[Role, str, int, str]], pauses: Pauses, lexicon: tuple[Entry, ...]
) -> Script:
    segments: list[Segment] = []
    chapters: list[Chapter] = []
    for role, text, block, brk in drafts:
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
