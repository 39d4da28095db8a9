"""The people an article names: each mention, their full name as first written, roles and gender."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from audio_edition.script.names import Name, Token, bare, name_at, sentences
from audio_edition.script.words import ENGLISH, Words

Pos = tuple[int, int]  # (block, token index)


@dataclass
class Cast:
    """The people an article names in its running text: where, in which roles, of which gender."""

    names: list[tuple[Pos, Name]] = field(default_factory=list)
    people: list[tuple[Pos, str]] = field(default_factory=list)  # mentions that are known people
    subjects: set[Pos] = field(default_factory=set)  # mentions that open their sentence
    roles: list[tuple[Pos, str, str]] = field(default_factory=list)  # (where, role, person)
    genders: dict[str, str | None] = field(default_factory=dict)
    # The first name of `names` by its key, and the first full name by its last word: looked up in
    # constant time (a scan per lookup was quadratic in the names); `_indexed` names are in them.
    _by_key: dict[tuple[str, ...], Name] = field(default_factory=dict, repr=False, compare=False)
    _by_last: dict[str, Name] = field(default_factory=dict, repr=False, compare=False)
    _indexed: int = field(default=0, repr=False, compare=False)

    def full_name(self, name: Name) -> str | None:
        """The name as first written in full: a bare surname resolves to the earliest full name ending
        in it (even one written later); a single word never written in full is nobody known."""
        key = _key(name.words)
        self._index()
        if len(key) > 1:
            same = self._by_key.get(key)
            return same.text if same is not None else name.text
        longer = self._by_last.get(key[0])
        if longer is not None:
            return longer.text
        return name.text if name.honorific else None  # "Mr Abebe" is somebody even unintroduced

    def _index(self) -> None:
        """Add the names recorded since the last lookup to the indexes (the first of each kept)."""
        for _, known in self.names[self._indexed :]:
            words = _key(known.words)
            self._by_key.setdefault(words, known)
            if len(words) > 1:
                self._by_last.setdefault(words[-1], known)
        self._indexed = len(self.names)

    def holder(self, role: str, at: Pos) -> str | None:
        """The last person before `at` named as holding `role` (`the minister, Ana Ruiz`)."""
        held = [who for where, r, who in self.roles if r == role and where < at]
        return held[-1] if held else None


def _key(words: Sequence[str]) -> tuple[str, ...]:
    """A name's words compared without case, possessives or apostrophe style."""
    return tuple(bare(w).lower().replace("’", "'") for w in words)


def cast_of(streams: Sequence[Sequence[Token]], skip: Sequence[bool], lang: Words = ENGLISH) -> Cast:
    """Every name in the running text of the blocks not skipped (headings), with roles and genders."""
    cast = Cast()
    found: list[tuple[Pos, Name, int, int, int]] = []  # where, name, run lo, run hi, sentence lo
    for b, tokens in enumerate(streams):
        if skip[b]:
            continue
        for lo, hi in sentences(tokens, lang):
            i = lo
            while i < hi:
                got = name_at(tokens, i, lang) if tokens[i].word else None
                if got is None:
                    i += 1
                    continue
                name, run_lo, run_hi = got
                if name is not None:
                    found.append(((b, run_lo), name, run_lo, run_hi, lo))
                    cast.names.append(((b, run_lo), name))
                i = max(run_hi, i + 1)
    for where, name, run_lo, run_hi, sentence_lo in found:
        who = cast.full_name(name)
        if who is None:
            continue
        cast.people.append((where, who))
        tokens = streams[where[0]]
        if _opens_sentence(tokens, sentence_lo, run_lo, lang):
            cast.subjects.add(where)
        for role in (name.role, _role_before(tokens, run_lo, lang), _role_after(tokens, run_hi, lang)):
            if role is not None:
                cast.roles.append((where, role, who))
    cast.genders = _genders(cast, found, streams, lang)
    return cast


def _opens_sentence(tokens: Sequence[Token], sentence_lo: int, run_lo: int, lang: Words) -> bool:
    """Only a few determiners, titles, capitalised words or punctuation stand before the name in its
    sentence (`Opposition councillor Hamish Doyle`), and its run does not open with a word such as
    `In` (`In New York, talks began`)."""
    first = tokens[run_lo].word.lower()
    if first in lang.stopwords and first not in lang.determiners:
        return False
    before = tokens[sentence_lo:run_lo]
    return len(before) <= 4 and all(
        not t.word
        or t.word.lower() in lang.determiners
        or t.word.lower() in lang.titles
        or t.word[0].isupper()
        for t in before
    )


def _role_before(tokens: Sequence[Token], lo: int, lang: Words) -> str | None:
    """`the festival director, Ruth Abebe`: the role word just before the comma before a name."""
    if lo < 2 or tokens[lo - 1].text != ",":
        return None
    word = tokens[lo - 2].word.lower()
    if word in lang.titles:
        return word  # "Kremlin Spokesperson, Dmitry Peskov"
    for k in range(lo - 2, max(-1, lo - 6), -1):
        if tokens[k].word.lower() in lang.definite:
            return word or None
        if not tokens[k].word:
            break
    return None


def _role_after(tokens: Sequence[Token], hi: int, lang: Words) -> str | None:
    """`Ruth Abebe, the festival director,`: the last word of a definite phrase after the name."""
    if hi + 1 >= len(tokens) or tokens[hi].text != "," or tokens[hi + 1].word.lower() not in lang.definite:
        return None
    k = hi + 2
    while k < len(tokens) and tokens[k].word and tokens[k].word.lower() not in lang.role_stops:
        k += 1
    return tokens[k - 1].word.lower() if k > hi + 2 else None


def _genders(
    cast: Cast, found: list[tuple[Pos, Name, int, int, int]], streams: Sequence[Sequence[Token]], lang: Words
) -> dict[str, str | None]:
    """Each person's gender: an honorific, else a vote of the first gendered pronoun after each
    mention, in its sentence or the next, before anyone else is named."""
    votes: dict[str, Counter[str]] = {}
    honorific: dict[str, str] = {}
    starts: dict[int, set[int]] = {}  # each block's mentions of known people, by token index
    for (block, index), _ in cast.people:
        starts.setdefault(block, set()).add(index)
    for where, name, _, run_hi, _ in found:
        who = cast.full_name(name)
        if who is None:
            continue
        if name.gender:
            honorific.setdefault(who, name.gender)
        gender = _pronoun_after(streams[where[0]], run_hi, starts.get(where[0], set()), lang)
        if gender:
            votes.setdefault(who, Counter())[gender] += 1
    people = {who for _, who in cast.people}
    return {
        who: honorific.get(who) or (votes[who].most_common(1)[0][0] if who in votes else None)
        for who in people
    }


def _pronoun_after(tokens: Sequence[Token], hi: int, mentions: set[int], lang: Words) -> str | None:
    """The first gendered pronoun after token `hi`, within two sentences, before another name."""
    ends = 0
    for k in range(hi, len(tokens)):
        if k in mentions:
            return None
        token = tokens[k]
        gender = lang.gendered.get(token.word.lower())
        if gender:
            return gender
        if token.text in ".!?" or (token.quote >= 0 and token.terminal):
            ends += 1
            if ends == 2:
                return None
    return None
