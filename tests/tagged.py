"""The stages' language-reading functions called as the tests write them, with a language tag
(`"fr"`, `"pt-BR"`) or nothing for English: each tag is found in the registry, as the pipeline finds
the article's, and the real function is called with that `Language`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from audio_edition.languages import Language, language_for
from audio_edition.model import Block

Tag = str | Language | None


def lang(tag: Tag = "en") -> Language:
    """The language of `tag` (a `Language` as it is)."""
    return tag if isinstance(tag, Language) else language_for(tag)


def known(tag: Tag) -> Language | None:
    """The language of `tag`, None staying None (a page that states no language)."""
    return None if tag is None else lang(tag)


def normalize(text: str, tag: Tag = "en") -> str:
    from audio_edition.script.normalize import normalize as real

    return real(text, lang(tag))


def speech_text(text: str, tag: Tag = "en", lexicon: tuple[Any, ...] = ()) -> str:
    from audio_edition.script.speech import speech_text as real

    return real(text, lang(tag), lexicon)


def sentence_spans(text: str, tag: Tag = "en") -> list[tuple[int, int]]:
    from audio_edition.text.sentences import sentence_spans as real

    return real(text, lang(tag))


def find_quotations(blocks: Sequence[Block], *, min_words: int = 4, language: Tag = "en") -> list[Any]:
    from audio_edition.script.quotations import find_quotations as real

    return real(blocks, min_words=min_words, language=lang(language))


def attribute_speakers(blocks: Sequence[Block], quotations: Sequence[Any], language: Tag = None) -> list[Any]:
    from audio_edition.script.attribution import attribute_speakers as real

    return real(blocks, quotations, known(language))


def cut_pieces(text: str, voiced: list[Any], *, language: Tag = "en") -> list[Any]:
    from audio_edition.script.pieces import cut_pieces as real

    return real(text, voiced, language=lang(language))


def find_quotes(text: str, continues: bool = False, *, language: Tag = None, **kwargs: Any) -> list[Any]:
    from audio_edition.text.quotes import find_quotes as real

    return real(text, continues, language=known(language), **kwargs)


def boilerplate_reason(line: str, language: Tag = None) -> Any:
    from audio_edition.ingest.boilerplate import boilerplate_reason as real

    return real(line, known(language))


def clean_byline(text: str, language: Tag = None) -> tuple[str | None, str | None]:
    from audio_edition.ingest.byline import clean_byline as real

    return real(text, known(language))


def looks_like_dateline(text: str, language: Tag = None) -> bool:
    from audio_edition.ingest.byline import looks_like_dateline as real

    return real(text, known(language))


def find_structure(
    cands: list[Any], *, title: str | None, explicit_headings: bool, language: Tag = None
) -> Any:
    from audio_edition.ingest.structure import find_structure as real

    return real(cands, title=title, explicit_headings=explicit_headings, language=known(language))


def drop_repeats(cands: list[Any], language: Tag = "en") -> Any:
    from audio_edition.ingest.repeats import drop_repeats as real

    return real(cands, lang(language))


def resolve_cast(settings: Any, language: Tag = "en") -> Any:
    from audio_edition.voices.cast import resolve_cast as real

    return real(settings, lang(language))


def speaks(engine: Any, voice: str, language: Tag) -> bool:
    from audio_edition.voices.base import speaks as real

    return real(engine, voice, lang(language))


def engine_choice(requested: str, language: Tag = "en", narrator: str | None = None) -> Any:
    from audio_edition.voices.auto import engine_choice as real

    return real(requested, lang(language), narrator)


def speaker_pool(cast: Any, language: Tag = "en") -> Any:
    from audio_edition.voices.speaker_voices import speaker_pool as real

    return real(cast, lang(language))
