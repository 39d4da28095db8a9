"""How many syllables an engine says for a text: the measure the quality gate times speech by.

A cautious count, never above what is said, so that the gate's "too fast" limit never fires on
speech that is merely dense: vowel groups per word in Latin scripts (a final silent `e` not
counted), one per letter for words spelled out (a lone letter, capitals without a vowel: `US`,
`BBC`; `W` is three), one per digit, one per character in scripts written by syllable or word
(Chinese, Japanese, Korean, Thai...). Only characters that are letters or digits count."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["syllables", "word_syllables"]

_VOWELS = "aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœąęėįųůűőаеёиоуыэюяіїєαεηιουω"
_VOWEL_GROUP = re.compile(f"[{_VOWELS}]+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_LETTER_SYLLABLES = {"w": 3}
# Scripts where one character is (at least) one syllable.
_SYLLABIC = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR", "ETHIOPIC")


def syllables(text: str) -> int:
    """Syllables said for `text` (a cautious count: see the module's note)."""
    return sum(word_syllables(word) for word in _WORD.findall(text))


def word_syllables(word: str) -> int:
    """Syllables said for one word (letters and digits only)."""
    if word.isdigit():
        return len(word)
    if any(_syllabic(ch) for ch in word):
        return sum(1 for ch in word if ch.isalnum())
    lower = word.lower()
    groups = len(_VOWEL_GROUP.findall(lower))
    if len(word) == 1 or (word.isupper() and groups == 0):
        return sum(_LETTER_SYLLABLES.get(ch, 1) for ch in lower)
    if groups > 1 and _silent_ending(lower):
        groups -= 1  # "time", "pause", "backed", "makes"
    return max(1, groups) + sum(ch.isdigit() for ch in word)


def _silent_ending(lower: str) -> bool:
    """Whether the word's last vowel group is one English leaves silent: a final `e` after a
    consonant (not `-le`), `-ed` not after t or d, `-es` not after a sibilant. Counting one less
    where another language says it only keeps the count cautious."""
    if lower.endswith("e") and not lower.endswith("le") and lower[-2:-1] not in _VOWELS:
        return True
    if lower.endswith("ed") and lower[-3:-2] not in "td" + _VOWELS:
        return True
    return lower.endswith("es") and lower[-3:-2] not in "sxzcgh" + _VOWELS


def _syllabic(ch: str) -> bool:
    """Whether `ch` belongs to a script written a syllable (or a word) per character."""
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return False
    return name.startswith(_SYLLABIC)
