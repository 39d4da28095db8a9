"""Boilerplate rules of the article's language (`Language.boilerplate`), as the English rules of
`boilerplate.py` are read: each pattern must match the whole stripped line, case-insensitively, so a
sentence that merely holds such a word is kept ("La publicité a changé la ville."). An article whose
language is not known is read with every installed language's rules marked `anywhere` (labels no
English line is); the others (`Pub`, a short word an English heading might be) only in their own
language. Patterns are compiled on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from audio_edition.languages.language import Language
from audio_edition.languages.registry import INSTALLED
from audio_edition.model import DropReason

# Lines longer than this are prose: in an article whose language is not known, no other language's
# rules are tried on them (an English paragraph met 4-letter hints such as `publ` and `part`, and
# compiled French and Spanish rules for nothing: 8 ms of every script run).
UNKNOWN_LANGUAGE_MAX_WORDS = 15


def candidates(line: str, language: Language | None) -> Iterator[tuple[DropReason, re.Pattern[str]]]:
    """The rules for an article in `language` (its own, or every language's safe ones when it is not
    known) that may match `line`: those with a word of theirs in it, compiled the first time one is
    needed, so a line of another language costs one search and no compiling."""
    if language is None and len(line.split()) > UNKNOWN_LANGUAGE_MAX_WORDS:
        return  # another language's label in an article of unknown language is a short line
    rules = _picked(language)
    present = {word[:4] for word in _WORD.findall(line.lower()) if len(word) >= 4}
    for reason, pattern, hints in rules:
        if not hints or not present.isdisjoint(hints):
            yield reason, _compile(pattern)


def _every() -> tuple[Language, ...]:
    """The installed languages, for an article whose language is not known."""
    return INSTALLED.every()


@functools.cache
def _picked(language: Language | None) -> tuple[tuple[DropReason, str, frozenset[str]], ...]:
    """The rules picked for `language`, each with its hints (the starts of its words)."""
    if language is None:
        picked = [(r.reason, r.pattern) for lang in _every() for r in lang.boilerplate if r.anywhere]
    else:
        picked = [(r.reason, r.pattern) for r in language.boilerplate]
    return tuple((reason, pattern, _hints(pattern)) for reason, pattern in picked)


_WORD = re.compile(r"\w+")


def _hints(pattern: str) -> frozenset[str]:
    """Four-letter starts of the longer words a pattern spells (`publicité` -> `publ`): a line it
    matches holds one of them (empty: the pattern is always tried)."""
    words = re.findall(r"[^\W\d_]{4,}", re.sub(r"\\.", " ", pattern))
    return frozenset(w.lower()[:4] for w in words)


@functools.cache
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@functools.cache
def reader_words(language: Language | None) -> re.Pattern[str]:
    """The words that show a line addresses the reader, in `language` (every language when unknown)."""
    langs = _every() if language is None else (language,)
    words = [lang.reader_words for lang in langs if lang.reader_words] or [r"(?!)"]
    return re.compile(rf"(?<!\w)({'|'.join(words)})(?!\w)", re.IGNORECASE)
