"""What was heard compared with what was meant: words as spoken, names as a listener accepts them.

The reference is a segment's speech text (numbers and dates already words, a lexicon word its
alias). The recogniser writes figures as digits and spells freely, so its words are brought to the
same form first: digits said the way the reference says them (a year, a count, an ordinal), common
written abbreviations spelled out. Words are then aligned by edit distance where a word spelled
nearly alike (defence/defense) costs nothing, a name (a capitalised word inside a sentence, or a
lexicon word) costs nothing when it sounds roughly alike, and two heard words may stand for one
meant word (`key of` for `Keev's`, `U S` for `US`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from audio_edition.model import Pronunciation, Speech

_SPELLED = {"mr": "mister", "mrs": "missus", "dr": "doctor", "st": "saint", "vs": "versus", "ok": "okay"}
NEAR = 0.8  # spelling variants of one word
NAME_NEAR = 0.5  # a name heard roughly as said
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Token:
    """One word of a reference: its plain form, and whether it is a name (compared leniently)."""

    text: str
    name: bool = False


@dataclass(frozen=True)
class Score:
    """How far the heard words are from the reference: edits and the reference's length."""

    errors: int
    words: int

    @property
    def rate(self) -> float:
        """The word error rate (1.0 when nothing was meant but something was heard)."""
        if self.words == 0:
            return 0.0 if self.errors == 0 else 1.0
        return self.errors / self.words


def plain_words(text: str) -> list[str]:
    """`text` as lower-case words without punctuation (apostrophes inside words dropped)."""
    return [w.replace("'", "").replace("’", "") for w in _WORD.findall(text.lower())]


def reference_tokens(speech: Speech | str) -> list[Token]:
    """The words a segment's speech means, each marked when it is a name (a lexicon word, said by
    its alias, is one)."""
    pieces = speech.pieces if isinstance(speech, Speech) else (speech,)
    tokens: list[Token] = []
    for piece in pieces:
        if isinstance(piece, Pronunciation):
            tokens += [Token(w, True) for w in plain_words(piece.alias)]
        else:
            tokens += _tokens(piece)
    return tokens


def _tokens(text: str) -> list[Token]:
    out: list[Token] = []
    sentence_start = True
    for raw in re.findall(r"\S+", text):
        words = plain_words(raw)
        capital = any(c.isupper() for c in raw[:1]) and not sentence_start
        out += [Token(w, capital) for w in words]
        if words:
            sentence_start = raw.rstrip("\"'”’)»").endswith((".", "!", "?", ":"))
    return out


def heard_words(heard: list[str], reference: list[Token]) -> list[str]:
    """The recogniser's words in the reference's form: figures kept where the reference has the
    same figure, else said as the reference says them (when it says them one of the ways
    num2words does), abbreviations spelled out."""
    ref = [t.text for t in reference]
    out: list[str] = []
    for word in plain_words(" ".join(heard)):
        if word in ref:
            out.append(word)
        elif word.isdigit() or re.fullmatch(r"\d+(st|nd|rd|th)", word):
            out += said_number(word, ref)
        else:
            out.append(_SPELLED.get(word, word))
    return out


def said_number(word: str, other: list[str]) -> list[str]:
    """A figure (`3`, `2026`, `17th`) in words: the way of saying it (a count, a year, an
    ordinal) found as it is in `other`, else as a count."""
    from num2words import num2words

    digits = int(re.sub(r"\D", "", word))
    kinds = ("ordinal",) if not word.isdigit() else ("cardinal", "year", "ordinal")
    variants = [plain_words(num2words(digits, to=kind).replace("-", " ")) for kind in kinds]
    for said in variants:
        n = len(said)
        if any(other[i : i + n] == said for i in range(len(other) - n + 1)):
            return said
    return variants[0]


def as_heard(reference: list[Token], heard: list[str]) -> list[Token]:
    """The reference with each figure the recogniser wrote out in words said that way."""
    out: list[Token] = []
    for token in reference:
        if token.text.isdigit() and token.text not in heard:
            out += [Token(w, token.name) for w in said_number(token.text, heard)]
        else:
            out.append(token)
    return out


@functools.lru_cache(maxsize=65536)
def alike(meant: str, heard: str, name: bool) -> bool:
    """Whether `heard` stands for `meant`: the same word spelled nearly alike, or for a name,
    roughly alike in letters or in sound (`sound`)."""
    if meant == heard:
        return True
    if not meant or not heard or not 0.5 <= len(heard) / len(meant) <= 2.0:
        return False
    if _ratio(meant, heard) >= (NAME_NEAR if name else NEAR):
        return True
    return name and _ratio(sound(meant), sound(heard)) >= NEAR


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() if a and b else 0.0


_SOUNDS = str.maketrans({"c": "k", "q": "k", "v": "f", "w": "f", "z": "s", "j": "y"})


@functools.lru_cache(maxsize=65536)
def sound(word: str) -> str:
    """A crude key of how a name sounds: its first letter, then its consonants with the ones
    that sound alike merged and doubles collapsed (`Peskov` and `Piscoff` are both `pskf`)."""
    w = word.lower().replace("ph", "f").replace("ck", "k").replace("x", "ks").translate(_SOUNDS)
    if not w:
        return ""
    key = w[0] + "".join(c for c in w[1:] if c not in "aeiouyh")
    return "".join(c for k, c in enumerate(key) if k == 0 or c != key[k - 1])


Step = tuple[int, int, int, int, int]  # reference start, words taken; heard start, words taken; cost
RUNS = [(a, b) for a in range(1, 4) for b in range(1, 5) if a + b >= 3]  # words run together or split


def align(reference: list[Token], heard: list[str]) -> list[Step]:
    """The cheapest alignment of meant and heard words, in order. A meant word matches a heard
    word alike (cost 0) or not (a substitution, 1); a meant or heard word alone is a deletion or
    insertion (1); up to three meant words match up to four heard ones run together or split
    apart (`Keev's` heard as `key of`) when alike (0). Runs are tried only where their first
    letters sound alike."""
    n, m = len(reference), len(heard)
    inf = n + m + 1
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[Step]] = [[(0, 0, 0, 0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0
    meant_first = [_first(t.text) for t in reference]
    heard_first = [_first(h) for h in heard]
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            moves = [(1, 0, 1), (0, 1, 1)]
            if i < n and j < m:
                moves.append((1, 1, 0 if alike(reference[i].text, heard[j], reference[i].name) else 1))
                if meant_first[i] == heard_first[j]:
                    moves += [
                        (a, b, 0)
                        for a, b in RUNS
                        if i + a <= n and j + b <= m and _run_alike(reference[i : i + a], heard[j : j + b])
                    ]
            for a, b, c in moves:
                if i + a <= n and j + b <= m and here + c < cost[i + a][j + b]:
                    cost[i + a][j + b] = here + c
                    back[i + a][j + b] = (i, a, j, b, c)
    path: list[Step] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        path.append(step)
        i, j = step[0], step[2]
    return path[::-1]


def _first(word: str) -> str:
    """The first sound of a word, every vowel one class (`Oomerov` may be heard as `in a mirror`)."""
    key = sound(word)[:1]
    return "a" if key in ("a", "e", "i", "o", "u", "y") else key


def _run_alike(meant: list[Token], heard: list[str]) -> bool:
    """Words run together or split apart alike: names as `alike` has it, other words spelled
    nearly alike and of nearly the same length (`approved the` is not `approved`)."""
    return _joined_alike(tuple(t.text for t in meant), tuple(heard), all(t.name for t in meant))


@functools.lru_cache(maxsize=65536)
def _joined_alike(meant: tuple[str, ...], heard: tuple[str, ...], names: bool) -> bool:
    said, got = "".join(meant), "".join(heard)
    if names:
        return alike(said, got, True)
    return said == got or (0.9 <= len(got) / len(said) <= 1.1 and _ratio(said, got) >= 0.9)


def score(reference: list[Token], heard: list[str]) -> Score:
    """The edits between the meant words and the heard ones (see `align`); the rate is over the
    words meant as written (a figure counts as one word however it is said)."""
    said = as_heard(reference, heard)
    return Score(sum(step[4] for step in align(said, heard)), len(reference))
