"""People's names in running text: tokens, sentences, name runs, and names cleaned of titles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from audio_edition.script.words import ENGLISH, Words

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+|\S")
_PREFIXED = re.compile(r"(?:al|el|ad|as|bin|ibn|d|l)[-'’][^\W\d_]", re.IGNORECASE)

PARTICLES = frozenset("de da di du del della der den van von la le bin ibn al el ter ten zu dos das".split())


@dataclass(frozen=True)
class Token:
    """A word, a punctuation mark, or (when `quote` >= 0) a whole span of quotation `quote`."""

    text: str
    start: int
    quote: int = -1
    terminal: bool = False  # a quotation span whose words end with . ! ? or …

    @property
    def word(self) -> str:
        """The token's text if it is a word of running text, else the empty string."""
        return self.text if self.quote < 0 and self.text[0].isalpha() else ""


@dataclass(frozen=True)
class Name:
    """A person's name as written, with what the words before it said about them."""

    words: tuple[str, ...]
    gender: str | None = None  # "m" or "f", from an honorific
    role: str | None = None  # the title before the name, lowercased ("president")
    honorific: bool = False

    @property
    def text(self) -> str:
        """The name as one string."""
        return " ".join(self.words)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words (letters, inner hyphens and apostrophes), numbers and single punctuation marks."""
    return [Token(m.group(), offset + m.start()) for m in _TOKEN.finditer(text)]


def is_possessive(word: str) -> bool:
    """`Ukraine’s`, `Peskov's`."""
    return len(word) > 2 and word[-2:] in ("’s", "'s")


def bare(word: str) -> str:
    """A word without a possessive ending or trailing dot."""
    return (word[:-2] if is_possessive(word) else word).rstrip(".")


def capitalised(word: str) -> bool:
    """A word that can be part of a name: capitalised, an acronym, or `al-Assad`, `d’Estaing`."""
    return bool(word) and (word[0].isupper() or bool(_PREFIXED.match(word)))


def _acronym(word: str) -> bool:
    return len(bare(word)) > 1 and bare(word).isupper()


def _joins(tokens: Sequence[Token], j: int, words: Words = ENGLISH) -> bool:
    """Token `j` can sit inside a name run (a name word, a particle, or the dot of `Dr.` or `J.`)."""
    word = tokens[j].word
    if word:
        return capitalised(word) or word in PARTICLES
    if tokens[j].text != "." or j == 0:
        return False
    before = tokens[j - 1].word
    return before[:1].isupper() and (len(before) == 1 or before.lower() in words.dotted)


def name_run(tokens: Sequence[Token], i: int, words: Words = ENGLISH) -> tuple[int, int] | None:
    """The token range [lo, hi) of the run of name words around token `i`, if `i` is a name word."""
    if not capitalised(tokens[i].word):
        return None
    lo, hi = i, i + 1
    while lo > 0 and _joins(tokens, lo - 1, words) and not is_possessive(tokens[lo - 1].text):
        lo -= 1
    while hi < len(tokens) and _joins(tokens, hi, words) and not is_possessive(tokens[hi - 1].text):
        hi += 1
    while tokens[lo].word in PARTICLES or tokens[lo].text == ".":
        lo += 1
    while tokens[hi - 1].word in PARTICLES or tokens[hi - 1].text == ".":
        hi -= 1
    return lo, hi


def run_words(tokens: Sequence[Token], lo: int, hi: int) -> list[str]:
    """The words of a run, dots joined to the word before them (`Dr.`, `J.`)."""
    words: list[str] = []
    for token in tokens[lo:hi]:
        if token.text == "." and words:
            words[-1] += "."
        else:
            words.append(token.text)
    return words


def clean_name(written: Sequence[str], words: Words = ENGLISH) -> Name | None:
    """The person's name in a run of capitalised written, leaving out titles, honorifics and function written.

    Honorifics (`Dr.`, `Mrs`) are left out of the name but remembered as gender; a title (`US President`)
    is remembered as the role. Returns None for organisations, bare titles and runs after `The`.
    """
    cut, gender, role, honorific, determiner = -1, None, None, False, False
    for k, word in enumerate(written[:-1]):
        key = bare(word).lower()
        if key in words.honorifics or key in words.titles or key in words.stopwords or _acronym(word):
            cut, gender, honorific = k, words.honorifics.get(key), key in words.honorifics
            role = key if key in words.titles else None
            determiner = key in words.determiners
    name = list(written[cut + 1 :])
    name[-1] = name[-1][:-2] if is_possessive(name[-1]) else name[-1]
    keys = [w.lower() for w in name]
    if determiner or not name or any(k in words.org_words for k in keys):
        return None
    if len(name) == 1 and (keys[0] in words.titles or keys[0] in words.stopwords or _acronym(name[0])):
        return None
    if sum(k not in PARTICLES for k in keys) > 4:
        return None
    return Name(tuple(name), gender, role, honorific)


def name_at(tokens: Sequence[Token], i: int, words: Words = ENGLISH) -> tuple[Name | None, int, int] | None:
    """The cleaned name of the run around token `i` with the run's bounds, if `i` is a name word."""
    run = name_run(tokens, i, words)
    if run is None:
        return None
    lo, hi = run
    name = clean_name(run_words(tokens, lo, hi), words)
    after_the = lo > 0 and tokens[lo - 1].word.lower() in words.determiners
    if name is not None and after_the and name.role is None and not name.honorific:
        name = None  # "the Kremlin", "the Guardian"
    return name, lo, hi


def sentences(tokens: Sequence[Token], words: Words = ENGLISH) -> list[tuple[int, int]]:
    """Token ranges [lo, hi) of the sentences of a block's running text."""
    out: list[tuple[int, int]] = []
    lo = 0
    for i in range(len(tokens)):
        if _ends_sentence(tokens, i, words):
            out.append((lo, i + 1))
            lo = i + 1
    if lo < len(tokens):
        out.append((lo, len(tokens)))
    return out


def _ends_sentence(tokens: Sequence[Token], i: int, words: Words = ENGLISH) -> bool:
    """A full stop (not of `Dr.` or an initial) or a quotation ending in one, before a new sentence."""
    token = tokens[i]
    if token.quote >= 0:
        if not token.terminal:
            return False
    elif token.text not in ".!?…" or (token.text == "." and _joins(tokens, i, words)):
        return False
    if i + 1 == len(tokens):
        return True
    nxt = tokens[i + 1]
    return nxt.quote >= 0 or nxt.text[0].isupper() or nxt.text in "(“‘\"'"
