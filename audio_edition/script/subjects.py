"""The subject of a speech verb in a token stream: a name, a pronoun, a role, or nobody.

`Peskov later said`, `said Ruth Abebe, the director`, `said trucker Luis Martinez`, `the minister
said`, `Dmitry Peskov, the Kremlin spokesman, said`: each finder reads the words on one side of the
verb and says who is meant, without deciding who that person is (the attribution does that).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from audio_edition.script.names import DETERMINERS, Name, Token, capitalised, is_possessive, name_at

PRONOUNS = {"he": "m", "she": "f", "they": "x"}
_UNNAMED_PRONOUNS = frozenset({"it", "we", "i", "you"})
_SKIPPED = frozenset(
    """has have had was is also later then again once earlier previously further still often would will
    could did does last since just already""".split()
)
_NOT_SUBJECTS = frozenset(
    """the a an of in on for to his her their its our my your this that as and or but with by from at
    was were be been being""".split()
)
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_PHRASE_END = frozenset({"of", "who", "which", "that", "on", "in", "at", "and"})


@dataclass(frozen=True)
class Subject:
    """Who a speech verb is about: a name, a pronoun, a role (`the minister`), or nobody in particular."""

    name: Name | None = None
    pronoun: str | None = None
    role: str | None = None


def subject_before(tokens: Sequence[Token], v: int, lo: int) -> Subject | None:
    """The subject written before a speech verb (`Peskov later said`), or None if there is none."""
    j = v - 1
    while j >= lo:
        word = tokens[j].word.lower()
        if word in _DAYS and j > lo and tokens[j - 1].word.lower() == "on":
            j -= 2
        elif word in _SKIPPED or (word.endswith("ly") and tokens[j].word.islower()):
            j -= 1
        else:
            break
    if j < lo or tokens[j].quote >= 0:
        return None
    word = tokens[j].word
    if not word:
        return apposed(tokens, j, lo) if tokens[j].text == "," else None
    return _subject_word(tokens, j, lo, before=True)


def subject_after(tokens: Sequence[Token], j: int, hi: int) -> Subject | None:
    """The subject written after a speech verb, from token `j` (`said Ruth Abebe`, `said the report`,
    `said trucker Luis Martinez`)."""
    if j >= hi or not tokens[j].word:
        return None
    described = _described_name(tokens, j, hi)
    return described or _subject_word(tokens, j, hi, before=False)


def _described_name(tokens: Sequence[Token], j: int, hi: int) -> Subject | None:
    """`trucker Luis Martinez`, `longtime resident Ana Ruiz`: a name after a few lowercase words."""
    k = j
    while k < min(hi, j + 3) and tokens[k].word.islower() and tokens[k].word not in _NOT_SUBJECTS:
        k += 1
    if k == j or k >= hi or not capitalised(tokens[k].word):
        return None
    found = name_at(tokens, k)
    return Subject(name=found[0]) if found and found[0] is not None and found[1] == k else None


def _subject_word(tokens: Sequence[Token], j: int, limit: int, before: bool) -> Subject | None:
    """The subject whose word nearest the verb is token `j`."""
    word = tokens[j].word
    low = word.lower()
    if low in PRONOUNS:
        return Subject(pronoun=low)
    if low in _UNNAMED_PRONOUNS:
        return Subject()
    if low in _NOT_SUBJECTS - DETERMINERS or (before and (low in DETERMINERS or is_possessive(word))):
        return None
    if capitalised(word) and low not in DETERMINERS:
        found = name_at(tokens, j)
        name, _, hi = found if found else (None, j, j + 1)
        if not before and (name is None or is_possessive(tokens[hi - 1].text)):
            return (
                noun_phrase_after(tokens, hi - 1, limit)
                if name
                else _apposition_after(tokens, hi) or Subject()
            )
        return Subject(name=name)
    return noun_phrase_before(tokens, j, limit) if before else noun_phrase_after(tokens, j, limit)


def apposed(tokens: Sequence[Token], comma: int, lo: int) -> Subject | None:
    """`Dmitry Peskov, the Kremlin spokesman, said` or `the director, Ruth Abebe, said`."""
    start = next((k for k in range(comma - 1, lo - 1, -1) if tokens[k].text == ","), None)
    if start is None or start + 1 >= comma:
        return None
    first = tokens[start + 1].word.lower()
    if first in DETERMINERS or first in {"who", "which", "his", "her", "their"}:
        return _subject_word(tokens, start - 1, lo, before=True) if start > lo else None
    found = name_at(tokens, comma - 1)
    if found and found[0] is not None and found[1] == start + 1:
        return Subject(name=found[0])
    return None


def noun_phrase_before(tokens: Sequence[Token], j: int, lo: int) -> Subject:
    """`the minister said`: a role when definite, else nobody in particular (`officials said`)."""
    for k in range(j - 1, max(lo, j - 4) - 1, -1):
        word = tokens[k].word.lower()
        if not word or is_possessive(tokens[k].word):
            break
        if word in DETERMINERS:
            return Subject(role=tokens[j].word.lower() if word == "the" else None)
    return Subject()


def noun_phrase_after(tokens: Sequence[Token], j: int, hi: int) -> Subject:
    """`said the report`, `said the festival director, Ruth Abebe`, `said Zelenskyy’s aide, Andriy Yermak`."""
    definite = tokens[j].word.lower() == "the"
    if not (definite or tokens[j].word.lower() in DETERMINERS or is_possessive(tokens[j].word)):
        return Subject()
    k = j + 1
    while k < hi and tokens[k].word and tokens[k].word.lower() not in _PHRASE_END:
        k += 1
    role = tokens[k - 1].word.lower() if definite and k > j + 1 else None
    comma = next(
        (c for c in range(k, min(hi, k + 8)) if tokens[c].text in ",.;:" or tokens[c].quote >= 0), hi
    )
    return _apposition_after(tokens, comma) or Subject(role=role)


def _apposition_after(tokens: Sequence[Token], k: int) -> Subject | None:
    """A name after a comma at token `k`: `Kremlin Spokesperson, Dmitry Peskov`."""
    if k + 1 < len(tokens) and tokens[k].text == ",":
        found = name_at(tokens, k + 1)
        if found and found[0] is not None:
            return Subject(name=found[0])
    return None
