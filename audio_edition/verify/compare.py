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

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from audio_edition.script.ipa_marks import MARK

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


def reference_tokens(speech: str) -> list[Token]:
    """The words a segment's speech text means, each marked when it is a name."""
    tokens: list[Token] = []
    at = 0
    for match in MARK.finditer(speech):
        tokens += _tokens(speech[at : match.start()])
        tokens += [Token(w, True) for w in plain_words(match.group(2))]
        at = match.end()
    return tokens + _tokens(speech[at:])


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
    """The recogniser's words in the reference's form: figures said as the reference says them
    (when it says them one of the ways num2words does), abbreviations spelled out."""
    ref = [t.text for t in reference]
    out: list[str] = []
    for word in plain_words(" ".join(heard)):
        if word.isdigit() or re.fullmatch(r"\d+(st|nd|rd|th)", word):
            out += _said_number(word, ref)
        else:
            out.append(_SPELLED.get(word, word))
    return out


def _said_number(word: str, reference: list[str]) -> list[str]:
    from num2words import num2words

    digits = int(re.sub(r"\D", "", word))
    kinds = ("ordinal",) if not word.isdigit() else ("cardinal", "year")
    variants = [plain_words(num2words(digits, to=kind).replace("-", " ")) for kind in kinds]
    for said in variants:
        n = len(said)
        if any(reference[i : i + n] == said for i in range(len(reference) - n + 1)):
            return said
    return variants[0]


def _alike(meant: Token, heard: str) -> bool:
    if meant.text == heard:
        return True
    ratio = SequenceMatcher(None, meant.text, heard, autojunk=False).ratio()
    return ratio >= (NAME_NEAR if meant.name else NEAR)


def align(reference: list[Token], heard: list[str]) -> list[tuple[int, int, int]]:
    """The cheapest alignment: (reference index or -1, first heard index or -1, heard words
    taken) in order. A meant word matches one heard word alike, or two heard words run together
    alike; anything else is a substitution, insertion or deletion (one error each)."""
    n, m = len(reference), len(heard)
    inf = n + m + 1
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[int, int, int]]] = [[(0, 0, 0)] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            moves: list[tuple[int, int, int]] = []
            if i < n and j < m:
                moves.append((1, 1, 0 if _alike(reference[i], heard[j]) else 1))
            if i < n and j + 1 < m and _alike(reference[i], heard[j] + heard[j + 1]):
                moves.append((1, 2, 0))
            if i < n:
                moves.append((1, 0, 1))
            if j < m:
                moves.append((0, 1, 1))
            for di, dj, c in moves:
                if here + c < cost[i + di][j + dj]:
                    cost[i + di][j + dj] = here + c
                    step[i + di][j + dj] = (di, dj, c)
    path: list[tuple[int, int, int]] = []
    i, j = n, m
    while i or j:
        di, dj, _ = step[i][j]
        i, j = i - di, j - dj
        path.append((i if di else -1, j if dj else -1, dj))
    return path[::-1]


def score(reference: list[Token], heard: list[str]) -> Score:
    """The edits between the meant words and the heard ones (see `align`)."""
    errors = 0
    for i, j, taken in align(reference, heard):
        if i < 0 or j < 0 or not _alike(reference[i], "".join(heard[j : j + taken])):
            errors += 1
    return Score(errors, len(reference))
