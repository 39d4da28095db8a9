"""The words the speaker model reads an article with: its language's (`Language.words`), unless the
page is plainly in the words its language's extend (English), as a page declaring another language
and written in English is. `Words` itself is defined with the `Language` it belongs to."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from audio_edition.languages.en_words import ENGLISH_WORDS as ENGLISH
from audio_edition.languages.language import Language, Words

__all__ = ["ENGLISH", "Words", "reading_words"]


def reading_words(language: Language, texts: Iterable[str]) -> Words:
    """The words to read an article with: those of its `language`, unless the text is plainly in
    their base's (English): its function words at least `_PLAIN` times as many as the declared
    language's own, and 20 or more."""
    declared = language.words
    base = declared.base
    if base is None:
        return declared
    own, english = declared.not_subjects - base.not_subjects, base.not_subjects - declared.not_subjects
    counts = Counter(w.lower() for text in texts for w in _WORD.findall(text))
    theirs, ours = sum(counts[w] for w in own), sum(counts[w] for w in english)
    return base if ours >= 20 and ours >= _PLAIN * theirs else declared


_WORD = re.compile(r"[^\W\d_]+")
_PLAIN = 3
