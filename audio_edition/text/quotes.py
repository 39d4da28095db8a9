"""Find quotation spans in a paragraph: curly, straight, single and nested quotes, told from apostrophes."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from audio_edition.languages.language import Language
from audio_edition.text.dialogue import dialogue_spans, writes_dialogue_dashes

DOUBLE_OPEN = "“„«‹"
DOUBLE_CLOSE = "”»›"
SINGLE_OPEN = "‘‚"
APOSTROPHE_LIKE = "’'"
QUOTE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + "‛\"'’"
_OPEN_BEFORE = " \t\n([{—–-/" + DOUBLE_OPEN + SINGLE_OPEN + '"'
_SENTENCE_END = re.compile(r"(?<=\w[.!?…])(?=\s)")
_CLOSE_AFTER = " \t\n)]},.;:!?…—–-" + DOUBLE_CLOSE + "’'\""
_SPACES = " \u00a0\u202f\u2009"  # a space, no-break, narrow no-break and thin (French `« … »`)
_REVERSED = {"»": "«", "›": "‹"}  # German `»…«` and `›…‹`


@dataclass(frozen=True)
class Span:
    """A top-level quotation in one paragraph: `start` at its opening mark, `end` just past its
    closing mark. `closed` is False when the paragraph (or recovery) ended it before a closing mark;
    `continued` when it closes a quotation opened in an earlier paragraph (it starts at 0)."""

    start: int
    end: int
    closed: bool = True
    continued: bool = False

    def inner(self, text: str) -> str:
        """The quoted words without the marks."""
        return text[self.start : self.end].strip(QUOTE_MARKS + _SPACES)


def find_quotes(
    text: str,
    continues: bool = False,
    *,
    chain_single: bool = False,
    sentence_ends: tuple[int, ...] = (),
    language: Language | None = None,
) -> list[Span]:
    """Top-level quotation spans in one paragraph.

    An unclosed double quote runs to the paragraph's end; an unclosed single quote was an apostrophe
    unless `chain_single` (the next paragraphs carry the quotation on, British style). With
    `continues` (the previous paragraph ended inside a quote), a closing mark met before any
    opening one closes a quote that began at the paragraph's start. A second opening mark of the
    kind already open, with no closing marks left for both, means the first was never closed: it
    ends at the last of `sentence_ends` before the new one, or is not a quotation at all. In a
    `language` that writes dialogue dashes (Spanish, Portuguese), a paragraph opening with one is
    read as dialogue: its stretches of speech are the spans.
    """
    if writes_dialogue_dashes(language):
        dialogue = dialogue_spans(text)
        if dialogue is not None:
            return [Span(start, end) for start, end in dialogue]
    spans: list[Span] = []
    stack: list[tuple[str, int]] = []  # ("d" | "s" | "sd" straight double, position)
    for i, ch in enumerate(text):
        if ch not in QUOTE_MARKS:
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        kind = _classify(ch, prev, nxt, stack, text, i, chain_single)
        if kind in ("open-d", "open-sd", "open-s"):
            family = "s" if kind == "open-s" else "d"
            if stack and _family(stack[-1][0]) == family and not _room_to_nest(text, i, family):
                _recover(text, stack, spans, i, sentence_ends)
            stack.append(("sd" if kind == "open-sd" else family, i))
        elif kind in ("close-d", "close-s"):
            want = ("d", "sd") if kind == "close-d" else ("s",)
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] in want), None)
            if depth is not None:
                start = stack[depth][1]
                del stack[depth:]
                if not stack:
                    spans.append(Span(start, i + 1))
            elif continues and not spans and not stack:
                spans.append(Span(0, i + 1, continued=True))
    opened = [(k, pos) for k, pos in stack if k in ("d", "sd") or chain_single]
    if opened:
        spans.append(Span(opened[0][1], len(text.rstrip()), closed=False))
    return _outermost([s for s in spans if not _elision(text, s)])


def _family(kind: str) -> str:
    return "s" if kind == "s" else "d"


def _room_to_nest(text: str, i: int, family: str) -> bool:
    """Curly marks may nest one kind in itself when enough closing marks follow for both."""
    if text[i] in "\"'":
        return False
    closers = DOUBLE_CLOSE if family == "d" else "’"
    return _second_last(text, closers) > i  # two or more closers after `i`, found once per text


@lru_cache(maxsize=2)
def _second_last(text: str, closers: str) -> int:
    """Where the second-to-last of the `closers` characters stands in `text` (-1: fewer than two)."""
    found = [j for j in (text.rfind(ch) for ch in closers) if j >= 0]
    if not found:
        return -1
    last = max(found)
    before = [j for j in (text.rfind(ch, 0, last) for ch in closers) if j >= 0]
    return max(before, default=-1)


def _recover(
    text: str, stack: list[tuple[str, int]], spans: list[Span], i: int, sentence_ends: tuple[int, ...]
) -> None:
    """An opening mark is met while one of its kind is still open: close the older one at the last
    sentence end before `i` (a top-level quote), else forget it as a stray mark."""
    _, start = stack.pop()
    end = max((e for e in sentence_ends if start < e <= i), default=None)
    if end is None:  # the splitter read the marks as one sentence: a full stop and a space will do
        found = [m.end() for m in _SENTENCE_END.finditer(text, start, i)]
        end = found[-1] if found else None
    if end is not None and not stack:
        spans.append(Span(start, end, closed=False))


def _elision(text: str, span: Span) -> bool:
    """’n’ and the like: single marks around one or two letters are elisions, not quotations."""
    return text[span.start] not in DOUBLE_OPEN + '"' and len(span.inner(text)) <= 2


def _classify(
    ch: str, prev: str, nxt: str, stack: list[tuple[str, int]], text: str, i: int, chain_single: bool = False
) -> str:
    if ch in _REVERSED and _reversed_open(ch, prev, nxt, stack, text, i):
        return "open-d" if ch == "»" else "open-s"  # German »…« and ›…‹
    if ch in "«‹" and stack and _REVERSED.get(text[stack[-1][1]]) == ch:
        return "close-d" if ch == "«" else "close-s"
    if ch == "“" and stack and text[stack[-1][1]] == "„":
        return "close-d"  # German „…“
    if ch == "‘" and stack and text[stack[-1][1]] == "‚":
        return "close-s"  # German ‚…‘
    if ch == "“" and stack and stack[-1][0] == "d" and prev not in " \t\n" and nxt in _CLOSE_AFTER:
        return "close-d"  # an opening mark typed where a closing one belongs: “…“
    if ch == "”" and not stack and prev in _OPEN_BEFORE and nxt.isalnum() and _last(text, "”") > i:
        return "open-d"  # ”…” (Swedish and Finnish style, or a mark typed the wrong way round)
    if ch in DOUBLE_OPEN:
        return "open-d"
    if ch in DOUBLE_CLOSE:
        return "close-d"
    if ch == '"':
        if any(k == "sd" for k, _ in stack) and prev not in "([{":
            if prev not in " \t\n" or nxt in _CLOSE_AFTER:
                return "close-d"
        if prev in _OPEN_BEFORE and nxt not in " \t\n":
            return "open-sd"
        if nxt in _CLOSE_AFTER:
            return "close-d"
        return "none"
    if ch in SINGLE_OPEN or ch == "‛":
        return (
            "open-s" if has_single_closer(text, i) or (chain_single and _chain_opening(text, i)) else "none"
        )
    if ch in APOSTROPHE_LIKE:
        single_open = any(k == "s" for k, _ in stack)
        if prev.isalnum() and nxt.isalnum():
            return "none"  # Russia’s, don't
        if single_open and nxt in _CLOSE_AFTER and not _possessive(text, i):
            return "close-s"
        if not single_open and prev in _OPEN_BEFORE and nxt.isalpha():
            return (
                "open-s"
                if has_single_closer(text, i) or (chain_single and _chain_opening(text, i))
                else "none"
            )
        return "none"
    return "none"


def _reversed_open(ch: str, prev: str, nxt: str, stack: list[tuple[str, int]], text: str, i: int) -> bool:
    """`»` (or `›`) opens a German quotation: at a word's start, its `«` later, no `«` quotation open."""
    if prev not in _OPEN_BEFORE or not (nxt.isalnum() or nxt in "„‚“‘"):
        return False
    if any(text[pos] in "«‹" for _, pos in stack):
        return False
    return _last(text, _REVERSED[ch]) > i


def _closers_after(text: str, i: int, stops: bool = True) -> list[int]:
    found = []
    for j in range(i + 1, len(text)):
        ch = text[j]
        if stops and (ch in DOUBLE_CLOSE or ch == "\n"):
            break
        if ch in APOSTROPHE_LIKE:
            prev = text[j - 1]
            nxt = text[j + 1] if j + 1 < len(text) else " "
            if not (prev.isalnum() and nxt.isalnum()) and nxt in _CLOSE_AFTER and prev not in " \t":
                found.append(j)
    return found


def has_single_closer(text: str, i: int) -> bool:
    """An opening single mark counts only when a plausible closing mark follows it (before a
    double closing mark or a line break): read from the marks found once per text."""
    closers, stops = _single_closers(text)
    k = bisect.bisect_right(closers, i)
    if k == len(closers):
        return False
    s = bisect.bisect_right(stops, i)
    return s == len(stops) or closers[k] < stops[s]


@lru_cache(maxsize=2)
def _single_closers(text: str) -> tuple[list[int], list[int]]:
    """Where `text` has a plausible closing single mark, and where a search for one stops."""
    stops = [j for j, ch in enumerate(text) if ch in DOUBLE_CLOSE or ch == "\n"]
    return _closers_after(text, -1, stops=False), stops


@lru_cache(maxsize=4)
def _last(text: str, ch: str) -> int:
    """Where `ch` last stands in `text` (-1: nowhere), found once per text."""
    return text.rfind(ch)


def _chain_opening(text: str, i: int) -> bool:
    """A single mark that may open a quotation running into the next paragraph: at the paragraph's
    start, or after a colon or comma that introduces it."""
    k = i - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return k < 0 or text[k] in ":,—"


def _possessive(text: str, j: int) -> bool:
    """`s’ ` followed by a lowercase word, when a later closer exists: a plural possessive."""
    if j == 0 or text[j - 1] not in "sS":
        return False
    after = text[j + 1 : j + 3]
    if not (len(after) == 2 and after[0] == " " and after[1].islower()):
        return False
    return has_single_closer(text, j)


def _outermost(spans: list[Span]) -> list[Span]:
    spans.sort(key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for span in spans:
        if out and span.start < out[-1].end:
            continue
        out.append(span)
    return out


def strip_quote_marks(text: str) -> str:
    """Text without quotation marks, keeping apostrophes inside words."""
    out = []
    for i, ch in enumerate(text):
        if ch in "’'":
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if prev.isalnum() and (nxt.isalnum() or (prev in "sS" and nxt in " \t\n,.;:")):
                out.append("'")
            continue
        if ch in QUOTE_MARKS:
            continue
        out.append(ch)
    return "".join(out)
