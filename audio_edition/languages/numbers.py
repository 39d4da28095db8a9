"""Figures as the languages that write a decimal comma write them (`1 234,5`, `1.234,5`) read and
spelled in words by num2words (imported on first use), agreeing with the noun after them. The
built-in languages' separators are tabled here; another language gives its own (`groups`, `comma`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

__all__ = ["COMMA", "NUMBER", "amount", "lazy_pattern", "number_rule", "ordinal", "spell", "whole"]

# What stands between groups of three digits (normal, no-break and narrow no-break spaces, and the
# full stop or apostrophe where the language writes them), and the word said for the decimal comma.
GROUPS = {
    "fr": " \u00a0\u202f'’",
    "de": " \u00a0\u202f.'’",
    "es": " \u00a0\u202f.",
    "it": " \u00a0\u202f.",
    "pt": " \u00a0\u202f.",
}
COMMA = {"fr": "virgule", "de": "Komma", "es": "coma", "it": "virgola", "pt": "vírgula"}


_DEFAULT_GROUPS = " \u00a0\u202f."


def NUMBER(lang: str, groups: str | None = None) -> str:  # noqa: N802 (a pattern, named as one)
    """The pattern of a written number in `lang`: groups of three (separated by one of `groups`, else
    the language's tabled separators), then a decimal comma."""
    groups = re.escape(groups or GROUPS.get(lang, _DEFAULT_GROUPS))
    return rf"\d{{1,3}}(?:[{groups}]\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?"


def amount(written: str) -> Decimal:
    """The value of a written number (`1 234,5` -> 1234.5)."""
    digits = re.sub(r"[^\d,]", "", written).replace(",", ".")
    return Decimal(digits)


def whole(number: int, lang: str, to: str = "cardinal") -> str:
    """A whole number in words (`to`: cardinal, ordinal or year), by num2words."""
    from num2words import num2words

    return str(num2words(number, lang=lang, to=to))


def spell(written: str, lang: str, comma: str | None = None) -> str:
    """A written number in words: `1,05` -> "un virgule zéro cinq", `1.234` (de) -> "eintausend…"."""
    integer, _, fraction = re.sub(r"[^\d,]", "", written).partition(",")
    said = whole(int(integer), lang)
    if fraction:
        zeros = len(fraction) - len(fraction.lstrip("0"))
        rest = fraction.lstrip("0")
        said += f" {comma or COMMA[lang]} " + " ".join(
            [whole(0, lang)] * zeros + ([whole(int(rest), lang)] if rest else [])
        )
    return said


def ordinal(number: int, lang: str, feminine: bool = False) -> str:
    """An ordinal in words ("troisième", "dritte", "tercero"), feminine where the language marks it."""
    said = whole(number, lang, to="ordinal")
    if not feminine:
        return said
    if lang == "fr":
        return re.sub(r"premier$", "première", said)
    return re.sub(r"o$", "a", said) if lang in ("es", "it", "pt") else said


Agree = Callable[[str, str], str]


class LazyPattern:
    """A regular expression compiled when first used, so a language's rules cost nothing to import
    (an article in English imports every language's module to read its page furniture)."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source, self.flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return getattr(self._compiled, name)


def lazy_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """`source` as a pattern compiled on first use (see `LazyPattern`)."""
    return LazyPattern(source, flags)  # type: ignore[return-value]


def number_rule(
    lang: str,
    agree: Agree,
    year: Callable[[str, str], bool] | None = None,
    *,
    groups: str | None = None,
    comma: str | None = None,
) -> Callable[[str], str]:
    """The rule that spells every number left standing alone (not in `A380`, `3D` or `1.5`), each
    made to agree with the word after it by `agree(words, next_word)`; `year(written, next_word)`
    picks those said as years; `groups` and `comma` for a language not tabled here."""
    pattern = lazy_pattern(rf"(?<![\w.,])(?:{NUMBER(lang, groups)})(?![\w]|[.,]\d)(?=(\s*)(\w*))")

    def say(match: re.Match[str]) -> str:
        written = match.group(0)
        as_year = year is not None and year(written, match.group(2))
        said = whole(int(written), lang, to="year") if as_year else spell(written, lang, comma)
        return agree(said, match.group(2))

    def numbers(text: str) -> str:
        return pattern.sub(say, text)

    return numbers
