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
    # the indexes of `names` for `full_name`, filled as names are recorded (`_indexed` of them so far)
    _by_suffix: dict[tuple[str, ...], Name] = field(default_factory=dict, repr=False, compare=False)
    _by_last: dict[str, Name] = field(default_factory=dict, repr=False, compare=False)
    _titled: set[tuple[str, ...]] = field(default_factory=set, repr=False, compare=False)
    _indexed: int = field(default=0, repr=False, compare=False)

    def full_name(self, name: Name) -> str | None:
        """The name in its fullest form: a bare surname resolves to the earliest full name ending in it
        (even one written later), a partial name to the longest name ending in it; a single word never
        written in full, nor with a title or honorific, is nobody known."""
        self._index()
        key = _key(name.words)
        if len(key) > 1:
            fuller = self._by_suffix.get(key)
            return fuller.text if fuller is not None else name.text
        longer = self._by_last.get(key[0])
        if longer is not None:
            return longer.text
        if name.honorific or key in self._titled:
            return name.text  # "Mr Abebe", and "Andrew" once written "Prince Andrew", are somebody
        return None

    def _index(self) -> None:
        """Index the names recorded since the last lookup, so each lookup takes constant time (a scan
        of every name per lookup was quadratic): the longest name ending in each run of last words
        (the earliest of equals), the earliest full name by its last word, and the words written
        with a title or honorific."""
        for _, known in self.names[self._indexed :]:
            key = _key(known.words)
            for size in range(1, len(key) + 1):
                best = self._by_suffix.get(key[-size:])
                if best is None or len(known.words) > len(best.words):
                    self._by_suffix[key[-size:]] = known
            if len(key) > 1:
                self._by_last.setdefault(key[-1], known)
            if known.role or known.honorific:
                self._titled.add(key)
        self._indexed = len(self.names)

    def holder(self, role: str, at: Pos) -> str | None:
        """The last person before `at` named as holding `role` (`the minister, Ana Ruiz`)."""
        held = [who for where, r, who in self.roles if r == role and where < at]
        return held[-1] if held else None


def _key(words: Sequence[str]) -> tuple[str, ...]:
    """A name's words compared without case, possessives or apostrophe style."""
    return tuple(bare(w).lower().replace("’", "'") for w in words)


def cast_of(streams: Sequence[Sequence[Token]], skip: Sequence[bool], words: Words = ENGLISH) -> Cast:
    """Every name in the running text of the blocks not skipped (headings), with roles and genders."""
    cast = Cast()
    found: list[tuple[Pos, Name, int, int, int]] = []  # where, name, run lo, run hi, sentence lo
    for b, tokens in enumerate(streams):
        if skip[b]:
            continue
        for lo, hi in sentences(tokens, words):
            i = lo
            while i < hi:
                got = name_at(tokens, i, words) if tokens[i].word else None
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
        if _opens_sentence(tokens, sentence_lo, run_lo, words):
            cast.subjects.add(where)
        for role in (name.role, _role_before(tokens, run_lo, words), _role_after(tokens, run_hi, words)):
            if role is not None:
                cast.roles.append((where, role, who))
    cast.genders = _genders(cast, found, streams, words)
    return cast


def _opens_sentence(tokens: Sequence[Token], sentence_lo: int, run_lo: int, words: Words) -> bool:
    """Only a few determiners, titles, capitalised words or punctuation stand before the name in its
    sentence (`Opposition councillor Hamish Doyle`), and its run does not open with a word such as
    `In` (`In New York, talks began`)."""
    first = tokens[run_lo].word.lower()
    if first in words.stopwords and first not in words.determiners:
        return False
    before = tokens[sentence_lo:run_lo]
    return len(before) <= 4 and all(
        not t.word
        or t.word.lower() in words.determiners
        or t.word.lower() in words.titles
        or t.word[0].isupper()
        for t in before
    )


def _role_before(tokens: Sequence[Token], lo: int, words: Words) -> str | None:
    """`the festival director, Ruth Abebe`: the role word just before the comma before a name."""
    if lo < 2 or tokens[lo - 1].text != ",":
        return None
    word = tokens[lo - 2].word.lower()
    if word in words.titles:
        return word  # "Kremlin Spokesperson, Dmitry Peskov"
    for k in range(lo - 2, max(-1, lo - 6), -1):
        if tokens[k].word.lower() in words.definite:
            return word or None
        if not tokens[k].word:
            break
    return None


def _role_after(tokens: Sequence[Token], hi: int, words: Words) -> str | None:
    """`Ruth Abebe, the festival director,`: the last word of a definite phrase after the name."""
    if hi + 1 >= len(tokens) or tokens[hi].text != "," or tokens[hi + 1].word.lower() not in words.definite:
        return None
    k = hi + 2
    while k < len(tokens) and tokens[k].word and tokens[k].word.lower() not in words.role_stops:
        k += 1
    return tokens[k - 1].word.lower() if k > hi + 2 else None


def _genders(
    cast: Cast, found: list[tuple[Pos, Name, int, int, int]], streams: Sequence[Sequence[Token]], words: Words
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
        gender = _pronoun_after(streams[where[0]], run_hi, starts.get(where[0], set()), words)
        if gender:
            votes.setdefault(who, Counter())[gender] += 1
    people = {who for _, who in cast.people}
    return {
        who: honorific.get(who) or (votes[who].most_common(1)[0][0] if who in votes else None)
        for who in people
    }


def _pronoun_after(tokens: Sequence[Token], hi: int, mentions: set[int], words: Words) -> str | None:
    """The first gendered pronoun after token `hi`, within two sentences, before another name."""
    ends = 0
    for k in range(hi, len(tokens)):
        if k in mentions:
            return None
        token = tokens[k]
        gender = words.gendered.get(token.word.lower())
        if gender:
            return gender
        if token.text in ".!?" or (token.quote >= 0 and token.terminal):
            ends += 1
            if ends == 2:
                return None
    return None
