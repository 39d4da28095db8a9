"""Who a subject that is not a name refers to: a group word ("the doctors said") to the group the
article named, a pronoun to the person or organisation it stands for within reach, a description
("the 61-year-old") to the person named just before, "it" to the organisation that spoke last."""

from __future__ import annotations

from collections.abc import Sequence

from audio_edition.script.attribution_doc import READ, Doc
from audio_edition.script.names import Token, capitalised
from audio_edition.script.people import Pos
from audio_edition.script.words import ENGLISH

_GROUP_WORDS = frozenset("group coalition organisation organization network association alliance".split())
_CONNECTORS = frozenset("for of and the".split())


def group_named(doc: Doc, role: str, at: Pos) -> str | None:
    """`the doctors said`: the last group named before `at` (`a group, Doctors for Open Camps,`), when
    the plural `role` (or `group` itself) is a word of that group's paragraph or the two before it."""
    if not (role.endswith("s") or role in _GROUP_WORDS) or doc.words is not ENGLISH:
        return None
    for where, name in reversed(doc.groups):
        if where < at:
            near = {t.word.lower() for b in range(max(0, where[0] - 2), where[0] + 1) for t in doc.tokens[b]}
            return name if role in near else None
    return None


def _joins_name(tokens: Sequence[Token], k: int) -> bool:
    """Token `k` is a small word inside a group's name (`for` in `Doctors for Open Camps`)."""
    return tokens[k].word in _CONNECTORS and k + 1 < len(tokens) and capitalised(tokens[k + 1].word)


def groups(doc: Doc) -> list[tuple[Pos, str]]:
    """The groups the running text names after a word such as `group` (`the group Doctors for Open
    Camps`, `a coalition, Harbour Workers United,`): two or more capitalised words, joined by `for`,
    `of`, `and` or `the`."""
    found = []
    for b, tokens in enumerate(doc.tokens):
        if doc.blocks[b].kind not in READ:
            continue
        for i, token in enumerate(tokens[:-1]):
            if token.word.lower() not in _GROUP_WORDS or not token.word.islower():
                continue
            k = i + 2 if tokens[i + 1].text == "," else i + 1
            words: list[str] = []
            while k < len(tokens) and (capitalised(tokens[k].word) or (words and _joins_name(tokens, k))):
                words.append(tokens[k].word)
                k += 1
            if len(words) >= 2:
                found.append(((b, k - len(words)), " ".join(words)))
    return found


def antecedent(doc: Doc, pronoun: str, at: Pos) -> str | None:
    """The nearest person before `at` that the pronoun fits: a named speaker or a person who opens
    a sentence (`Hamish Doyle called the vote … He said`), whichever came last.

    A person fits when their gender, learned from the text, is the pronoun's or is unknown. Only
    people named in the pronoun's paragraph or the `_PRONOUN_REACH` before it are looked at: a
    person named further back is not who `he said` means when the paragraphs have moved on.
    """
    near = (at[0] - _PRONOUN_REACH, 0)
    if pronoun in doc.words.neuter:
        return organisation_before(doc, near, at)
    want = doc.words.pronouns[pronoun]
    mentions = [e for e in doc.events if near <= e[0] < at]
    mentions += [p for p in doc.cast.people if near <= p[0] < at and p[0] in doc.cast.subjects]
    for _, who in sorted(mentions)[::-1]:
        if doc.cast.genders.get(who) in (None, want):
            return who
    return None


_PRONOUN_REACH = 3
_PREPOSITIONS = frozenset("by of at from with for to in against on over under".split())


def described_person(doc: Doc, at: Pos) -> str | None:
    """`The 56-year-old said`: the person last named before `at`, within `_PRONOUN_REACH`
    paragraphs, leaving out names after a preposition (`sacked by Northfield United`), which are
    rarely who the next sentence describes."""
    near = (at[0] - _PRONOUN_REACH, 0)
    for (b, i), who in sorted(doc.cast.people, reverse=True):
        if near <= (b, i) < at and not (i > 0 and doc.tokens[b][i - 1].word.lower() in _PREPOSITIONS):
            return who
    return None


def organisation_before(doc: Doc, near: Pos, at: Pos) -> str | None:
    """`it said`: the organisation that last spoke between `near` and `at`, when nobody who is a
    person spoke or opened a sentence after it."""
    spoke = [e for e in doc.events if near <= e[0] < at]
    spoke += [p for p in doc.cast.people if near <= p[0] < at and p[0] in doc.cast.subjects]
    if not spoke:
        return None
    who = max(spoke)[1]
    return who if who in doc.bodies else None
