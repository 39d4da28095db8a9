"""English figures and abbreviations said as a newsreader says them: money, magnitudes, percentages,
ranges, dates, times, ordinals, units, abbreviations, web addresses and symbols (golden cases in
tests/script/test_normalize.py); num2words spells the words. Web addresses, ISO dates, ranges and
`&` are the shared rule builders'; the rest is English's own."""

from __future__ import annotations

import re
from collections.abc import Callable

from audio_edition.languages.abbreviations import SPOKEN
from audio_edition.languages.builders import Tables, ampersand_rule, iso_date_rule, range_rule, web_rule
from audio_edition.languages.dates import english_day

Rule = Callable[[str], str]

_CURRENCY = {
    "$": ("dollar", "dollars", "cent", "cents"),
    "£": ("pound", "pounds", "penny", "pence"),
    "€": ("euro", "euros", "cent", "cents"),
}
_MAGNITUDE = {
    "k": "thousand",
    "thousand": "thousand",
    "m": "million",
    "mn": "million",
    "million": "million",
    "bn": "billion",
    "b": "billion",
    "billion": "billion",
    "tn": "trillion",
    "trillion": "trillion",
}
_COUNTED = (
    r"people|customers|users|homes|viewers|residents|tonnes|barrels|voters|households|subscribers|"
    r"passengers|visitors|jobs|doses|members|readers|listeners|downloads|views|pupils|children"
)
_UNITS = {
    "mph": "miles per hour",
    "kph": "kilometres per hour",
    "km/h": "kilometres per hour",
    "km": "kilometres",
    "kg": "kilograms",
    "cm": "centimetres",
    "mm": "millimetres",
    "mi": "miles",
    "lbs": "pounds",
    "lb": "pounds",
    "ft": "feet",
    "°C": "degrees Celsius",
    "°F": "degrees Fahrenheit",
    "m": "metres",
}
_PARTIES = {"D": "Democrat", "R": "Republican", "I": "Independent"}
_STATES = {
    "Calif": "California",
    "Texas": "Texas",
    "N.Y": "New York",
    "Fla": "Florida",
    "Ill": "Illinois",
    "Mass": "Massachusetts",
    "Pa": "Pennsylvania",
    "Ohio": "Ohio",
    "Ga": "Georgia",
    "Mich": "Michigan",
    "Wash": "Washington",
    "Ariz": "Arizona",
    "Colo": "Colorado",
    "Va": "Virginia",
    "Minn": "Minnesota",
    "Wis": "Wisconsin",
    "N.J": "New Jersey",
    "N.C": "North Carolina",
    "Ore": "Oregon",
    "Ky": "Kentucky",
}
_NUMBER = r"\d[\d,]*(?:\.\d+)?"


def _words(number: int, to: str = "cardinal") -> str:
    """A number in English words, by num2words (imported on first use: it costs 30 ms)."""
    from num2words import num2words

    return str(num2words(number, to=to))


def _money(text: str) -> str:
    pattern = rf"([$£€])\s?({_NUMBER})(?:\s?(bn|tn|mn|m|k|b|billion|million|thousand|trillion)\b)?"

    def say(match: re.Match[str]) -> str:
        one, many, small_one, small_many = _CURRENCY[match.group(1)]
        amount, magnitude = match.group(2).replace(",", ""), match.group(3)
        whole, _, fraction = amount.partition(".")
        if _attributive(match) and (magnitude or not fraction):
            words = [amount, _MAGNITUDE[magnitude.lower()]] if magnitude else [amount]
            return "-".join([*words, one])  # "a 1.2-billion-dollar pipeline", "a 5-pound fee"
        if magnitude:
            return f"{amount} {_MAGNITUDE[magnitude.lower()]} {many}"
        unit = one if whole == "1" else many
        if fraction and int(fraction) > 0 and len(fraction) == 2:
            small = small_one if fraction == "01" else small_many
            return f"{whole} {unit} and {int(fraction)} {small}"
        return f"{whole} {unit}"

    return re.sub(pattern, say, text)


_DETERMINER = re.compile(r"\b(a|an|the|this|that|its|their|his|her|our|your)\s+$", re.IGNORECASE)
_NOT_A_NOUN = frozenset(
    "of in on at to for from by with and or but as than was were is are be been has have had will would "
    "could should may might a an the this that it its each per more less over under about after before "
    "into onto up down out off so yet".split()
)


def _attributive(match: re.Match[str]) -> bool:
    """Whether an amount qualifies the noun after it (`a $1.2bn pipeline`, `the £50m deal`): a
    determiner before it and a word that can be a noun after it."""
    before, after = match.string[: match.start()], match.string[match.end() :]
    following = re.match(r"\s+([a-z][\w-]*)", after)
    return bool(_DETERMINER.search(before)) and bool(following) and following.group(1) not in _NOT_A_NOUN


def _magnitudes(text: str) -> str:
    text = re.sub(r"\b(\d+(?:\.\d+)?)(bn|tn)\b", lambda m: f"{m.group(1)} {_MAGNITUDE[m.group(2)]}", text)
    return re.sub(rf"\b(\d+(?:\.\d+)?)m\b(?=\s+(?:{_COUNTED})\b)", lambda m: f"{m.group(1)} million", text)


def _percentages(text: str) -> str:
    return re.sub(rf"({_NUMBER})\s?%", r"\1 percent", text)


def _units(text: str) -> str:
    names = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
    return re.sub(
        rf"(\d)\s?({names})(?=[\s.,;:!?)]|$)",
        lambda m: f"{m.group(1)} {_UNITS[m.group(2)]}",
        text,
    )


def _ordinals(text: str) -> str:
    return re.sub(r"\b(\d{1,4})(st|nd|rd|th)\b", lambda m: _words(int(m.group(1)), to="ordinal"), text)


def _clock_times(text: str) -> str:
    def say(match: re.Match[str]) -> str:
        hours, minutes = int(match.group(1)), int(match.group(2))
        spoken = _words(hours)
        if minutes:
            spoken += " " + (f"oh {_words(minutes)}" if minutes < 10 else _words(minutes))
        return f"{spoken} {match.group(3)}"

    return re.sub(r"\b(\d{1,2})[:.](\d{2})\s?(a\.m\.|p\.m\.|am\b|pm\b)", say, text, flags=re.IGNORECASE)


def _numbered(text: str) -> str:
    return re.sub(r"\bNo\.\s?(\d)", r"Number \1", text)


def _party_and_state(text: str) -> str:
    def say(match: re.Match[str]) -> str:
        state = _STATES.get(match.group(2).rstrip("."), match.group(2).rstrip("."))
        return f"({_PARTIES[match.group(1)]} of {state})"

    return re.sub(r"\(([DRI])-([A-Z][A-Za-z.]*?)\.?\)", say, text)


def _abbreviations(text: str) -> str:
    for short, full in SPOKEN.items():
        text = re.sub(rf"(?<![\w.]){re.escape(short)}(?=\s|$|[,;:)])", full, text)
    return text


def _degrees(text: str) -> str:
    return re.sub(r"(\d)\s?°(?![CF])", r"\1 degrees", text)


TABLES = Tables(
    lang="en",
    percent="percent",
    currencies={},
    magnitudes={},
    cents=" and ",
    of="",
    singular_below_two=False,
    day=english_day,
)
"""What English reads through the shared rule builders (web addresses, ISO dates, ranges, `&`)."""

ENGLISH_RULES: tuple[Rule, ...] = (
    web_rule(TABLES),
    iso_date_rule(TABLES),
    _money,
    _magnitudes,
    _percentages,
    _clock_times,
    _units,
    _ordinals,
    range_rule(TABLES),
    _numbered,
    _party_and_state,
    _abbreviations,
    ampersand_rule(TABLES),
    _degrees,
)
