"""The subject of a speech verb in a token stream: a name, a pronoun, a role, or nobody.

`Peskov later said`, `said Ruth Abebe, the director`, `said trucker Luis Martinez`, `the minister
said`, `Dmitry Peskov, the Kremlin spokesman, said`: each finder reads the words on one side of the
verb and says who is meant, without deciding who that person is (the attribution does that).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from audio_edition.script.names import (
    Name,
    Token,
    bare,
    capitalised,
    is_possessive,
    name_at,
    name_run,
    run_words,
)
from audio_edition.script.words import ENGLISH, Words


@dataclass(frozen=True)
class Subject:
    """Who a speech verb is about: a name, a pronoun, a role (`the minister`), an organisation that
    speaks (`the Harbour Authority`, `the transport ministry`), or nobody in particular."""

    name: Name | None = None
    pronoun: str | None = None
    role: str | None = None
    organisation: str | None = None
    described: bool = False  # a description standing for someone named before (`the 56-year-old`)


def subject_before(tokens: Sequence[Token], v: int, lo: int, words: Words = ENGLISH) -> Subject | None:
    """The subject written before a speech verb (`Peskov later said`), or None if there is none."""
    j = v - 1
    while j >= lo:
        word = tokens[j].word.lower()
        if word in words.days and j > lo and tokens[j - 1].word.lower() == words.day_preposition:
            j -= 2
        elif word in words.skipped or _adverb(tokens[j].word, words):
            j -= 1
        else:
            break
    if j < lo or tokens[j].quote >= 0:
        return None
    word = tokens[j].word
    if not word:
        return apposed(tokens, j, lo, words) if tokens[j].text == "," else None
    if _aged(tokens, j, lo, words):
        return Subject(described=True)
    return _subject_word(tokens, j, lo, before=True, words=words)


def _aged(tokens: Sequence[Token], j: int, lo: int, words: Words) -> bool:
    """Token `j` ends `the 56-year-old`, or `the 56-year-old striker`: an age for a person."""
    k = j - 1 if tokens[j].word.islower() and j > lo and _age(tokens, j - 1) and not _age(tokens, j) else j
    if not (k - 2 >= lo and tokens[k].text.lower() in ("year-old", "years-old") and _age(tokens, k - 2)):
        return False
    return k - 3 >= lo and tokens[k - 3].word.lower() in words.definite


def _adverb(word: str, words: Words) -> bool:
    """`later`-like words the language marks by their ending (`ly`), written in lowercase."""
    return bool(words.adverb_ending) and word.lower().endswith(words.adverb_ending) and word.islower()


def subject_after(tokens: Sequence[Token], j: int, hi: int, words: Words = ENGLISH) -> Subject | None:
    """The subject written after a speech verb, from token `j` (`said Ruth Abebe`, `said the report`,
    `said trucker Luis Martinez`)."""
    if j >= hi or not (tokens[j].word or _age(tokens, j)):
        return None
    described = _described_name(tokens, j, hi, words)
    return described or _subject_word(tokens, j, hi, before=False, words=words)


def _described_name(tokens: Sequence[Token], j: int, hi: int, words: Words) -> Subject | None:
    """`trucker Luis Martinez`, `longtime resident Ana Ruiz`: a name after a few lowercase words."""
    k = j
    while k < min(hi, j + 5) and (
        (tokens[k].word.islower() and tokens[k].word not in words.not_subjects and k < j + 3)
        or _age(tokens, k)
    ):
        k += 1
    if k == j or k >= hi or not capitalised(tokens[k].word):
        return None
    found = name_at(tokens, k, words)
    return Subject(name=found[0]) if found and found[0] is not None and found[1] == k else None


def _age(tokens: Sequence[Token], k: int) -> bool:
    """Token `k` is part of an age written before a name: `43-year-old`, `the 56 - year - old`."""
    text = tokens[k].text
    return (
        text.isdigit()
        or (text == "-" and k > 0 and tokens[k - 1].text.isdigit())
        or (text.lower() in ("year-old", "years-old") and k > 0 and tokens[k - 1].text == "-")
    )


def _subject_word(tokens: Sequence[Token], j: int, limit: int, before: bool, words: Words) -> Subject | None:
    """The subject whose word nearest the verb is token `j`."""
    word = tokens[j].word
    low = word.lower()
    if low in words.pronouns or low in words.neuter:
        return Subject(pronoun=low)
    if low in words.unnamed:
        return Subject()
    determiners = words.determiners
    if low in words.not_subjects - determiners or (before and (low in determiners or is_possessive(word))):
        return None
    if capitalised(word) and low not in determiners:
        body = organisation_at(tokens, j, words)
        if body is not None:
            return Subject(organisation=body)
        found = name_at(tokens, j, words)
        name, _, hi = found if found else (None, j, j + 1)
        if not before and (name is None or is_possessive(tokens[hi - 1].text)):
            return (
                noun_phrase_after(tokens, hi - 1, limit, words)
                if name
                else _apposition_after(tokens, hi, words) or Subject()
            )
        return Subject(name=name)
    if before:
        return noun_phrase_before(tokens, j, limit, words)
    return noun_phrase_after(tokens, j, limit, words)


def apposed(tokens: Sequence[Token], comma: int, lo: int, words: Words = ENGLISH) -> Subject | None:
    """`Dmitry Peskov, the Kremlin spokesman, said` or `the director, Ruth Abebe, said`."""
    start = next((k for k in range(comma - 1, lo - 1, -1) if tokens[k].text == ","), None)
    if start is None or start + 1 >= comma:
        return None
    first = tokens[start + 1].word.lower()
    if first in words.determiners or first in words.relatives:
        return _subject_word(tokens, start - 1, lo, before=True, words=words) if start > lo else None
    found = name_at(tokens, comma - 1, words)
    if found and found[0] is not None and found[1] == start + 1:
        return Subject(name=found[0])
    return _long_apposition(tokens, start, comma, lo, words)


_APPOSITION = 24  # tokens an apposition between a name and its verb may take


def _long_apposition(
    tokens: Sequence[Token], start: int, comma: int, lo: int, words: Words
) -> Subject | None:
    """`Jessica Doe, the firm's executive director of research, said` and `Howard Roe, a senior fellow
    at the Tax Policy Center, has written`: a name that stands alone before the comma opening a
    description (at the start of its clause: after a quotation, a comma or nothing), and no quotation
    or speech verb inside the description."""
    if start <= lo or comma - start > _APPOSITION:
        return None
    if any(t.quote >= 0 or t.word.lower() in words.verbs for t in tokens[start + 1 : comma]):
        return None
    found = name_at(tokens, start - 1, words)
    if not found or found[0] is None or found[2] != start:
        return None
    first = found[1]
    while first > lo and tokens[first - 1].word.lower() in words.titles:
        first -= 1  # `Research director Ana Ruiz, ...`
    if first > lo and not (tokens[first - 1].quote >= 0 or tokens[first - 1].text in ",—–"):
        return None
    return Subject(name=found[0])


def noun_phrase_before(tokens: Sequence[Token], j: int, lo: int, words: Words = ENGLISH) -> Subject:
    """`the minister said`: a role when definite, else nobody in particular (`officials said`)."""
    for k in range(j - 1, max(lo, j - 4) - 1, -1):
        word = tokens[k].word.lower()
        if not word or is_possessive(tokens[k].word):
            break
        if word in words.determiners:
            if word in words.definite and tokens[j].word.lower() in words.speaking_bodies:
                body = [word, *(t.text for t in tokens[k + 1 : j + 1] if t.word)]
                return Subject(organisation=" ".join(body))
            return Subject(role=tokens[j].word.lower() if word in words.definite else None)
    return Subject()


def organisation_at(tokens: Sequence[Token], j: int, words: Words = ENGLISH) -> str | None:
    """`the Harbour Authority`, `Northfield Police Department`: a capitalised run around token `j`
    that ends in a word of a body that speaks (authority, ministry, council, police...), said as
    written with its `the`; None for a person's name or a place (`New York`)."""
    run = name_run(tokens, j, words)
    if run is None:
        return None
    lo, hi = run
    parts = run_words(tokens, lo, hi)
    if parts and parts[0].lower() in words.determiners:
        parts, lo = parts[1:], lo + 1
    if len(parts) == 1 and _initials(parts[0]) and lo > 0 and tokens[lo - 1].word.lower() in words.definite:
        return f"{tokens[lo - 1].word.lower()} {parts[0]}"  # the DEA, the FBI
    if len(parts) < 2 or bare(parts[-1]).lower() not in words.speaking_bodies:
        return None
    the = lo > 0 and tokens[lo - 1].word.lower() in words.definite
    return (tokens[lo - 1].word.lower() + " " if the else "") + " ".join(parts)


def _initials(word: str) -> bool:
    """An organisation's initials: three to five capitals (`DEA`, `NATO`), not a country's two (`US`)."""
    return 3 <= len(word) <= 5 and word.isalpha() and word.isupper()


def noun_phrase_after(tokens: Sequence[Token], j: int, hi: int, words: Words = ENGLISH) -> Subject:
    """`said the report`, `said the festival director, Ruth Abebe`, `said Zelenskyy’s aide, Andriy Yermak`;
    in other languages also a title and a name (`sagte der Bürgermeister Hans Schmidt`)."""
    definite = tokens[j].word.lower() in words.definite
    if definite and j + 1 < hi and capitalised(tokens[j + 1].word):
        body = organisation_at(tokens, j + 1, words)
        if body is not None:
            return Subject(organisation=body)  # writes the Associated Press, according to the Port Authority
    if not (definite or tokens[j].word.lower() in words.determiners or is_possessive(tokens[j].word)):
        return Subject()
    titled = _titled_name(tokens, j + 1, hi, words) if words is not ENGLISH else None
    if titled is not None:
        return titled
    k = j + 1
    while k < hi and tokens[k].word and tokens[k].word.lower() not in words.phrase_end:
        k += 1
    role = tokens[k - 1].word.lower() if definite and k > j + 1 else None
    comma = next(
        (c for c in range(k, min(hi, k + 8)) if tokens[c].text in ",.;:" or tokens[c].quote >= 0), hi
    )
    named = _apposition_after(tokens, comma, words)
    if named is None and role is not None and role in words.speaking_bodies and k == j + 2:
        return Subject(organisation=f"{tokens[j].word.lower()} {tokens[j + 1].word}")  # said the ministry
    return named or Subject(role=role)


def _titled_name(tokens: Sequence[Token], k: int, hi: int, words: Words) -> Subject | None:
    """`el alcalde Juan Pérez`, `der Bürgermeister Hans Schmidt`: a title, then the name it heads."""
    stop = min(hi, k + 3)
    while (
        k < stop and tokens[k].word.islower() and tokens[k].word not in words.phrase_end | words.not_subjects
    ):
        k += 1  # lowercase words of the role (`le maire adjoint`)
    if k >= stop or not capitalised(tokens[k].word):
        return None
    found = name_at(tokens, k, words)
    name, lo = (found[0], found[1]) if found else (None, k)
    if name is None or (lo < k and name.role is None):
        return None
    return Subject(name=name)


def _apposition_after(tokens: Sequence[Token], k: int, words: Words = ENGLISH) -> Subject | None:
    """A name after a comma at token `k`: `Kremlin Spokesperson, Dmitry Peskov`."""
    if k + 1 < len(tokens) and tokens[k].text == ",":
        found = name_at(tokens, k + 1, words)
        if found and found[0] is not None:
            return Subject(name=found[0])
    return None


def opens_clause(tokens: Sequence[Token], v: int, lo: int, words: Words) -> bool:
    """The verb (after any auxiliary: `», a déclaré`) opens its clause: it may take its subject after it."""
    while v > lo and tokens[v - 1].word.lower() in words.auxiliaries:
        v -= 1
    return v == lo or tokens[v - 1].quote >= 0 or tokens[v - 1].text in ",:;—–"


def according(tokens: Sequence[Token], v: int, hi: int, words: Words) -> int | None:
    """Where the subject starts when token `v` opens `according to` (`selon`, `laut`, `según`), else None."""
    word = tokens[v].word.lower()
    for phrase in words.according:
        if word != phrase[0] or v + len(phrase) > hi:
            continue
        if any(tokens[v + k].word.lower() != part for k, part in enumerate(phrase)):
            continue
        if v > 0 and tokens[v - 1].word.lower() in words.determiners:
            continue  # `il secondo giorno`: a word, not an attribution
        if word in words.after_comma and not (
            v > 0 and (tokens[v - 1].quote >= 0 or tokens[v - 1].text == ",")
        ):
            continue  # German `so` attributes only after a comma: `„…“, so Müller.`
        return v + len(phrase)
    return None


def inverted_subject(tokens: Sequence[Token], v: int, hi: int, words: Words) -> Subject | None:
    """French inversion: `dit-il`, `estime-t-elle`, or `a-t-il` before its participle (`a-t-il déclaré`)."""
    parts = tokens[v].word.lower().split("-")
    if parts[-1] not in words.inverted or not (parts[-1] in words.pronouns or parts[-1] in words.unnamed):
        return None
    head = parts[0]
    if head in words.verbs or (
        head in words.auxiliaries and v + 1 < hi and tokens[v + 1].word.lower() in words.verbs
    ):
        return Subject(pronoun=parts[-1]) if parts[-1] in words.pronouns else Subject()
    return None
