"""Sentence boundaries as character offsets, from pySBD (rule-based, handles abbreviations with
its own table; each language adds its titles, `Language.dotted`)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from audio_edition.languages.language import Language

if TYPE_CHECKING:
    import pysbd

# pySBD costs grow with the square of a chunk's length; news paragraphs are far shorter than this
_MAX_SBD_CHARS = 2_500


@functools.lru_cache(maxsize=8)
def _segmenter(language: Language) -> pysbd.Segmenter:
    """pySBD's segmenter for `language` (English if it has none), imported on first use."""
    import pysbd
    from pysbd.languages import LANGUAGE_CODES

    lang = language if language in LANGUAGE_CODES else "en"
    return pysbd.Segmenter(language=lang, clean=False)


def sentence_spans(text: str, language: Language) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence in `text`, covering all its non-space characters."""
    return list(_sentence_spans(text, language))


def _joined_after_titles(
    text: str, spans: list[tuple[int, int]], language: Language
) -> list[tuple[int, int]]:
    """The spans with a cut after a title of the language (`Sr.`, `Dra.`, `Dott.`, `Mme.`) undone
    when a capitalised word follows: pySBD has no such table for every language it reads."""
    titles = language.dotted
    if not titles or len(spans) < 2:
        return spans
    out = [spans[0]]
    for start, end in spans[1:]:
        last = text[out[-1][0] : out[-1][1]]
        word = last[:-1].rsplit(maxsplit=1)[-1].lstrip("—–-(«“„\"'") if last.endswith(".") else ""
        if word.lower() in titles and text[start : start + 1].isupper():
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def forget_sentences() -> None:
    """Forget the sentences remembered for the paragraphs of the article just scripted."""
    _sentence_spans.cache_clear()


@functools.cache
def _sentence_spans(text: str, language: Language) -> tuple[tuple[int, int], ...]:
    """Sentences of one paragraph, remembered while an article is scripted: the quotation scanner and
    the piece cutter both ask, one after the other over every paragraph, so the whole article's are
    kept (the texts are its own strings; only the offsets are added) until `forget_sentences`."""
    spans: list[tuple[int, int]] = []
    for offset, chunk in _chunks(text):
        cursor = 0
        for sentence in _segmenter(language.code).segment(chunk):
            body = sentence.strip()
            if not body:
                continue
            at = chunk.find(body, cursor)
            if at < 0:
                break
            spans.append((offset + at, offset + at + len(body)))
            cursor = at + len(body)
        rest = chunk[cursor:]
        if rest.strip():
            lead = len(rest) - len(rest.lstrip())
            spans.append((offset + cursor + lead, offset + len(chunk.rstrip())))
    return tuple(_joined_after_titles(text, spans, language))


def _chunks(text: str) -> list[tuple[int, str]]:
    """Very long paragraphs are cut at whitespace before sentence splitting, to bound its cost."""
    if len(text) <= _MAX_SBD_CHARS:
        return [(0, text)]
    out = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _MAX_SBD_CHARS)
        if end < len(text):
            cut = text.rfind(". ", start, end)  # a sentence end if there is one, else a space
            cut = cut if cut > start else text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out
