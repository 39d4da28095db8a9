"""The normalisation rules the languages share (the rule builders), each made from one
language's tables (`Tables`): money, magnitudes, percentages, units, abbreviations, ranges, web
addresses, `&` and ISO dates. Figures are left as digits for `numbers.number_rule`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from audio_edition.languages.dates import SayDay, babel_day, iso_dates
from audio_edition.languages.numbers import NUMBER, amount, lazy_pattern

Rule = Callable[[str], str]


@dataclass(frozen=True)
class Noun:
    """A word said after a figure: its singular and plural; `link` is False for `mille`, `Tausend`
    (a numeral, not a noun: no `de`/`di` before a currency after it)."""

    one: str
    many: str
    link: bool = True


@dataclass(frozen=True)
class Tables:
    """What one language's shared rules read: its words for figures, symbols and abbreviations."""

    lang: str
    percent: str
    currencies: dict[str, Noun]
    magnitudes: dict[str, Noun]
    cents: str  # between the whole amount and its cents: "douze euros cinquante", "doce euros con 50"
    of: str  # between a magnitude and the currency: "millions d'euros", "milioni di euro"
    singular_below_two: bool  # "1,5 million" (fr, pt) or "1,5 Millionen" (de, es, it)
    units: dict[str, Noun] = field(default_factory=dict)
    abbreviations: tuple[tuple[str, str], ...] = ()
    operators: dict[str, str] = field(default_factory=dict)  # said between two figures: `3 < 5`
    dot: str = "dot"
    at: str = "at"
    and_: str = "and"
    minus: str = "minus"
    to: str = "to"
    elides_of: bool = False  # `of` elided before a vowel: "d'euros"
    groups: str = ""  # what separates groups of three digits, when the language is not tabled in numbers.py
    day: SayDay | None = None  # how a day is said (default: Babel's long date in the language)

    def noun(self, noun: Noun, value: Decimal) -> str:
        """The singular or plural of `noun` after `value`, as the language chooses."""
        single = abs(value) < 2 if self.singular_below_two else value == 1
        return noun.one if single else noun.many

    def linked(self, currency: str) -> str:
        """The currency after a magnitude noun: "d'euros", "de dollars", "di euro", "Euro"."""
        if self.elides_of and currency[:1].lower() in "aeiouyéh":
            return f"{self.of[0]}'{currency}"
        return f"{self.of} {currency}".strip()


def word(short: str) -> str:
    """The pattern of an abbreviation written as a word of its own (`Mme`, `etc.`, `Sig.ra`)."""
    return rf"(?<![\w.]){re.escape(short)}(?!\w)"


def _alternatives(names: object) -> str:
    """`names` as a regular-expression alternation, longest first; one matching nothing when empty."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or "(?!)"  # type: ignore[call-overload]


def money_rule(t: Tables) -> Rule:
    """`1,2 Md€` -> `1,2 milliard d'euros`, `€ 12,50` -> `12 euro e 50`, `R$ 3 bi` -> `3 bilhões de reais`."""
    num, cur = NUMBER(t.lang, t.groups), _alternatives(t.currencies)
    mag = _alternatives(t.magnitudes)
    after = lazy_pattern(rf"(?<![\w.,])({num})(?:\s?({mag}))?\s?({cur})(?![\w$])")
    before = lazy_pattern(rf"(?<![\w$])({cur})\s?({num})(?:\s?({mag})(?!\w))?")

    def said(number: str, magnitude: str | None, symbol: str) -> str:
        currency, value = t.currencies[symbol], amount(number)
        if magnitude:
            noun = t.magnitudes[magnitude]
            size = t.noun(noun, value)
            money = currency.many if noun.link else t.noun(currency, value * 1000)
            return f"{number} {size} {t.linked(money) if noun.link else money}"
        integer, _, fraction = number.partition(",")
        if len(fraction) == 2:
            cents = f"{t.cents}{int(fraction)}" if int(fraction) else ""
            return f"{integer} {t.noun(currency, amount(integer))}{cents}"
        return f"{number} {t.noun(currency, value)}"

    def money(text: str) -> str:
        text = after.sub(lambda m: said(m.group(1), m.group(2), m.group(3)), text)
        return before.sub(lambda m: said(m.group(2), m.group(3), m.group(1)), text)

    return money


def magnitude_rule(t: Tables) -> Rule:
    """A magnitude written short without a currency: `3,5 Mrd.` -> `3,5 Milliarden`, `50 mln` ->
    `50 milioni`."""
    number, magnitude = NUMBER(t.lang, t.groups), _alternatives(t.magnitudes)
    pattern = lazy_pattern(rf"(?<![\w.,])({number})\s?({magnitude})(?!\w)")

    def magnitudes(text: str) -> str:
        return pattern.sub(
            lambda m: f"{m.group(1)} {t.noun(t.magnitudes[m.group(2)], amount(m.group(1)))}", text
        )

    return magnitudes


def percent_rule(t: Tables) -> Rule:
    """`12 %` -> `12 pour cent` (normal, no-break or no space)."""
    pattern = lazy_pattern(rf"(?<![\w.,])({NUMBER(t.lang, t.groups)})\s?%")

    def percentages(text: str) -> str:
        return pattern.sub(lambda m: f"{m.group(1)} {t.percent}", text)

    return percentages


def unit_rule(t: Tables) -> Rule:
    """`12 km` -> `12 kilomètres`, `1 kg` -> `1 kilo`, `31 °C` -> `31 degrés Celsius`."""
    pattern = lazy_pattern(
        rf"(?<![\w.,])({NUMBER(t.lang, t.groups)})\s?({_alternatives(t.units)})(?=[\s.,;:!?)]|$)"
    )

    def units(text: str) -> str:
        return pattern.sub(lambda m: f"{m.group(1)} {t.noun(t.units[m.group(2)], amount(m.group(1)))}", text)

    return units


def abbreviation_rule(t: Tables) -> Rule:
    """Honorifics and common abbreviations said in full (`Mme` -> `Madame`, `z. B.` -> `zum Beispiel`)."""
    table = [(lazy_pattern(pattern), said) for pattern, said in t.abbreviations]

    def abbreviations(text: str) -> str:
        for pattern, said in table:
            text = pattern.sub(said, text)
        return text

    return abbreviations


def sign_rule(t: Tables) -> Rule:
    """A minus sign before a figure standing alone said (`-3 °C` -> `moins 3 °C`); `3-1` is a range."""

    def signs(text: str) -> str:
        return re.sub(r"(?<![^\s(])[-−–](?=\d)", f"{t.minus} ", text)

    return signs


def operator_rule(t: Tables) -> Rule:
    """An operator between two figures said (`3 < 5` -> `3 inférieur à 5`), before the figures are
    spelled and the symbol rules would drop it."""
    pattern = lazy_pattern(rf"(?<=\d)\s*({_alternatives(t.operators)})\s*(?=[−-]?\d)")

    def operators(text: str) -> str:
        return pattern.sub(lambda m: f" {t.operators[m.group(1)]} ", text)

    return operators


def range_rule(t: Tables) -> Rule:
    """`2020-2024` -> `2020 à 2024`, `3-1` -> `3 à 1` (a score or a range of small numbers)."""

    def ranges(text: str) -> str:
        text = re.sub(r"\b((?:19|20)\d\d)\s?[-–]\s?((?:19|20)?\d\d)\b", rf"\1 {t.to} \2", text)
        return re.sub(r"(?<![\d.,/-])\b(\d{1,3})\s?[-–]\s?(\d{1,3})\b(?![\d.,/-])", rf"\1 {t.to} \2", text)

    return ranges


def web_rule(t: Tables) -> Rule:
    """Web and e-mail addresses said by their host, with the language's words for `.` and `@`."""

    def host(match: re.Match[str]) -> str:
        address = match.group(0)
        trailing = re.search(r"[.,;:!?]*$", address).group(0)  # type: ignore[union-attr]
        name = re.sub(r"^(https?://)?(www\.)?", "", address).split("/")[0].rstrip(".,;:!?")
        return name.replace(".", f" {t.dot} ") + trailing

    def web_addresses(text: str) -> str:
        text = re.sub(r"\b(?:https?://|www\.)[^\s)>\]]+", host, text)
        return re.sub(
            r"\b([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)\b",
            lambda m: (
                f"{m.group(1).replace('.', f' {t.dot} ')} {t.at} {m.group(2).replace('.', f' {t.dot} ')}"
            ),
            text,
        )

    return web_addresses


def ampersand_rule(t: Tables) -> Rule:
    """` & ` between words said as the language's `and`."""

    def ampersand(text: str) -> str:
        return re.sub(r"\s&\s", f" {t.and_} ", text)

    return ampersand


def iso_date_rule(t: Tables) -> Rule:
    """`2026-03-03` said as the language writes the day (`3 mars 2026`), its figures spelled later."""

    say = t.day or babel_day(t.lang)

    def dates(text: str) -> str:
        return iso_dates(text, say)

    return dates


def shared_rules(t: Tables) -> tuple[Rule, ...]:
    """The shared rules in order, up to (not including) each language's times and ordinals."""
    return (
        web_rule(t),
        iso_date_rule(t),
        money_rule(t),
        magnitude_rule(t),
        percent_rule(t),
        sign_rule(t),
        unit_rule(t),
        operator_rule(t),
        range_rule(t),
        abbreviation_rule(t),
        ampersand_rule(t),
    )
