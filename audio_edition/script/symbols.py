"""Symbols in speech text: said as words where a reader would say them (`3 < 5`, `~40`, `#1`), else
dropped or made a pause, so no voice spells out `<`, `|` or `*`. Emoji and emoticons are dropped;
`#StrikeDay` and `@UnionEastport` are said as their words. Golden cases in
tests/script/test_speech_symbols.py."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

from audio_edition.languages.language import Language, SymbolWords

Words = Mapping[str, str]


_EMOTICON = re.compile(
    r"(?<!\S)(?:[:;=][-'^]?[)(\]\[DPpOo/|*]|:'\(|\^_?\^|</?3(?=\s*(?:$|[.,;:!?)]|[A-Z])))(?=\s|$|[.,;:!?])"
)
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_SELECTORS = frozenset("\ufe0e\ufe0f\u20e3")  # text/emoji presentation selectors, the keycap mark
_TAGS = range(0xE0020, 0xE0080)  # the tag characters of subdivision flags
_KEPT = frozenset("°№℃℉")  # symbols (`So`) that are units, said by normalize or the engine
_OPERATORS = "<>≤≥≠=+−×÷±^"
_SEPARATOR = re.compile(r"\s+(?:[|¦•·→←⇒⇐/\\]+|[-=]+>|<-+)\s+")
_COMPARISONS = ("<=", ">=", "!=", "==", "<", ">", "≤", "≥", "≠", "=")
_STRAY = re.compile(r"[<>{}\[\]|¦\\/^~*_#@=+`´•†‡→←⇒⇐≈≤≥≠±×÷−№§¶]")


def symbols_as_words(text: str, language: Language) -> str:
    """Speech text with emoji and emoticons dropped, hashtags and handles said as words, operators
    said in `language` (English so far; others keep operators between numbers for the engine),
    separators made pauses and any other stray symbol dropped."""
    words = language.symbols
    for rule in _rules(words):
        text = rule(text)
    return text


def _rules(words: SymbolWords | None) -> list[Callable[[str], str]]:
    rules: list[Callable[[str], str]] = [no_emoticons, no_emoji, _apostrophes]
    if words is not None:
        between, before, number = words
        rules += [lambda t: between_numbers(t, between), lambda t: before_numbers(t, before), _plus_and]
    else:
        number = ""
    return [*rules, lambda t: hashtags_and_handles(t, number), separators_as_pauses, no_stray_symbols]


def no_emoticons(text: str) -> str:
    """`:-)`, `;)`, `:D`, `<3` and their kind, standing alone, dropped."""
    return _EMOTICON.sub(" ", text)


def no_emoji(text: str) -> str:
    """Pictographs and other symbols (Unicode `So`), with their skin tones, presentation selectors,
    joiners and flag tags, each run replaced by a space."""
    out: list[str] = []
    dropping = False
    for ch in text:
        if _emoji_part(ch) or (dropping and ch == "\u200d"):
            if not dropping:
                out.append(" ")
            dropping = True
        else:
            out.append(ch)
            dropping = False
    return "".join(out)


def _emoji_part(ch: str) -> bool:
    code = ord(ch)
    kind = unicodedata.category(ch)
    return (kind == "So" and ch not in _KEPT) or code in _SKIN_TONES or ch in _SELECTORS or code in _TAGS


def _apostrophes(text: str) -> str:
    """An acute accent or backtick typed for an apostrophe (`don´t`) becomes one."""
    return re.sub(r"(?<=[^\W\d_])[´`](?=[^\W\d_])", "'", text)


def between_numbers(text: str, words: Words) -> str:
    """`3 < 5` -> `3 is less than 5`, `2+2=4` -> `2 plus 2 equals 4`, `10^6` -> `10 to the power of 6`;
    a spaced comparison after a word too (`x <= 5`, `E = mc2`)."""
    ops = "|".join(re.escape(op) for op in sorted(words, key=len, reverse=True))
    text = re.sub(rf"(?<=\d)\s*({ops})\s*(?=[−]?\d)", lambda m: f" {words[m.group(1)]} ", text)
    compare = "|".join(re.escape(op) for op in _COMPARISONS if op in words)
    return re.sub(rf"(?<=\w)\s+({compare})\s+(?=[−]?\w)", lambda m: f" {words[m.group(1)]} ", text)


def before_numbers(text: str, words: Words) -> str:
    """`<5%` -> `less than 5%`, `~40` -> `about 40`, `§ 230` -> `section 230`."""
    ops = "".join(re.escape(op) for op in words)
    return re.sub(rf"(?<![\w.])([{ops}])\s?(?=\d)", lambda m: f"{words[m.group(1)]} ", text)


def _plus_and(text: str) -> str:
    """English: `Disney+` -> `Disney plus`, `C++` -> `C plus plus`, `AT&T` -> `AT and T`."""
    text = re.sub(r"(?<=[^\W_])(\+{1,2})(?![\w+])", lambda m: " plus" * len(m.group(1)), text)
    return re.sub(r"\s*&\s*", " and ", text)


def hashtags_and_handles(text: str, number: str = "") -> str:
    """`#StrikeDay` -> `Strike Day`, `@union_eastport` -> `union eastport`: the words, not the marks;
    `#1` -> `number 1` given the language's `number`."""

    def say(match: re.Match[str]) -> str:
        name = match.group(2)
        if name.isdigit():
            return f"{number} {name}".strip() if match.group(1) == "#" else name
        return _split_words(name)

    return re.sub(r"(?<![\w&#@.])([#@])([^\W_][\w]*)", say, text)


def _split_words(name: str) -> str:
    name = name.replace("_", " ")
    return re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])", " ", name).strip()


def separators_as_pauses(text: str) -> str:
    """A separator standing between words (`News | World`, `a • b`, `x -> y`) becomes a comma."""
    return _SEPARATOR.sub(", ", text)


def no_stray_symbols(text: str) -> str:
    """Any other `< > { } [ ] | \\ / ^ ~ * _ # = +` and kin dropped; `@` and `/` between letters or
    digits (`a@b.org`, `and/or`) and operators between numbers (in languages without their words)
    are kept for the engine."""

    def drop(match: re.Match[str]) -> str:
        at, ch = match.start(), match.group(0)
        before, after = text[at - 1 : at], text[at + 1 : at + 2]
        if ch in "@/" and before.isalnum() and after.isalnum():
            return ch
        if ch in _OPERATORS and _next_to_numbers(text, at):
            return ch
        return " "

    return _STRAY.sub(drop, text)


def _next_to_numbers(text: str, at: int) -> bool:
    """Whether the nearest characters either side of `at`, spaces skipped, are digits (read in
    place: slicing the text around every operator was quadratic)."""
    left = at - 1
    while left >= 0 and text[left].isspace():
        left -= 1
    right = at + 1
    while right < len(text) and text[right].isspace():
        right += 1
    return left >= 0 and right < len(text) and text[left].isdigit() and text[right].isdigit()
