"""German figures and abbreviations said as a German newsreader says them: the rule table for `de`
(golden cases in tests/script/test_normalize_languages.py)."""

from __future__ import annotations

import re

from audio_edition.script.language_rules import Noun, Rule, Tables, shared_rules, word
from audio_edition.script.spoken_numbers import number_rule, ordinal, whole

_NAME = r"(?=\s+[A-ZÄÖÜ])"
TABLES = Tables(
    lang="de",
    percent="Prozent",
    currencies={
        "€": Noun("Euro", "Euro"),
        "EUR": Noun("Euro", "Euro"),
        "$": Noun("Dollar", "Dollar"),
        "USD": Noun("Dollar", "Dollar"),
        "£": Noun("Pfund", "Pfund"),
        "CHF": Noun("Franken", "Franken"),
    },
    magnitudes={
        "Mrd.": Noun("Milliarde", "Milliarden"),
        "Mrd": Noun("Milliarde", "Milliarden"),
        "Mio.": Noun("Million", "Millionen"),
        "Mio": Noun("Million", "Millionen"),
        "Bio.": Noun("Billion", "Billionen"),
        "Tsd.": Noun("Tausend", "Tausend", link=False),
    },
    cents=" ",
    of="",
    singular_below_two=False,
    units={
        "km/h": Noun("Kilometer pro Stunde", "Kilometer pro Stunde"),
        "km": Noun("Kilometer", "Kilometer"),
        "kg": Noun("Kilogramm", "Kilogramm"),
        "cm": Noun("Zentimeter", "Zentimeter"),
        "mm": Noun("Millimeter", "Millimeter"),
        "m": Noun("Meter", "Meter"),
        "°C": Noun("Grad Celsius", "Grad Celsius"),
    },
    abbreviations=(
        (r"(?<![\w.])z\.\s?B\.", "zum Beispiel"),
        (r"(?<![\w.])d\.\s?h\.", "das heißt"),
        (r"(?<![\w.])u\.\s?a\.", "unter anderem"),
        (r"(?<![\w.])v\.\s?a\.", "vor allem"),
        (r"(?<![\w.])o\.\s?ä\.", "oder ähnlich"),
        (r"(?<![\w.])v\.\s?Chr\.", "vor Christus"),
        (r"(?<![\w.])n\.\s?Chr\.", "nach Christus"),
        (word("usw."), "und so weiter"),
        (word("bzw."), "beziehungsweise"),
        (word("ca."), "circa"),
        (word("evtl."), "eventuell"),
        (word("ggf."), "gegebenenfalls"),
        (word("inkl."), "inklusive"),
        (word("Nr.") + r"(?=\s?\d)", "Nummer"),
        (word("Dr.") + _NAME, "Doktor"),
        (word("Prof.") + _NAME, "Professor"),
        (word("Hr.") + _NAME, "Herr"),
        (word("Fr.") + _NAME, "Frau"),
        (word("St.") + _NAME, "Sankt"),
        (r"(?<=[a-zäöüß])str\.(?=\s+\d)", "straße"),
        (word("Str.") + r"(?=\s+\d)", "Straße"),
    ),
    operators={
        "<=": "kleiner oder gleich",
        ">=": "größer oder gleich",
        "≤": "kleiner oder gleich",
        "≥": "größer oder gleich",
        "<": "kleiner als",
        ">": "größer als",
        "=": "gleich",
        "+": "plus",
        "×": "mal",
        "±": "plus minus",
    },
    dot="Punkt",
    at="at",
    and_="und",
    minus="minus",
    to="bis",
)
_FEMININE = frozenset(
    "Million Milliarde Billion Stunde Minute Sekunde Person Woche Tonne Frau Stimme Seite".split()
)
_MONTHS = (
    "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    "Jan\\.|Feb\\.|Mär\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\."
)
# The ending of an ordinal after these words: "am dritten", "der dritte", and bare "dritter März".
_DATIVE = r"am|vom|zum|beim|im|ab|seit|bis|dem|den"
_NOMINATIVE = r"der|die|das"


def _agree(said: str, following: str) -> str:
    """`eins` becomes `eine` before a feminine noun, `ein` before any other ("ein Uhr", "eine Million")."""
    if not said.endswith("eins") or not following[:1].isupper() or following == "Komma":
        return said
    return said[:-1] + ("e" if following in _FEMININE else "")


def _year(written: str, following: str) -> bool:
    """Four figures from 1100 to 1999 not counting a noun are a year ("neunzehnhundertneunundneunzig")."""
    return written.isdigit() and 1100 <= int(written) <= 1999 and not following[:1].isupper()


def ordinals(text: str) -> str:
    """`am 3. März` -> am dritten März, `der 2. Weltkrieg` -> der zweite, `3. März 2026` -> dritter März."""

    def say(match: re.Match[str]) -> str:
        before, number = match.group(1) or "", int(match.group(2))
        said = ordinal(number, "de")
        if before and re.fullmatch(_DATIVE, before.strip(), re.IGNORECASE):
            return f"{before}{said}n"
        if before and re.fullmatch(_NOMINATIVE, before.strip(), re.IGNORECASE):
            return f"{before}{said}"
        return f"{before}{said}r"

    month = rf"(?=\s*(?:(?:bis|und|[-–])\s*\d{{1,2}}\.\s*)?(?:{_MONTHS}))"
    text = re.sub(rf"(\b\w+\s+)?(?<![\d.,])(\d{{1,2}})\.{month}", say, text)
    return re.sub(
        rf"(\b(?:{_DATIVE}|{_NOMINATIVE})\s+)(\d{{1,3}})\.(?=\s+[A-ZÄÖÜ][a-zäöüß])",
        say,
        text,
        flags=re.IGNORECASE,
    )


def times(text: str) -> str:
    """`8.30 Uhr`, `20:30` -> acht Uhr dreißig, zwanzig Uhr dreißig; `20.00 Uhr` -> zwanzig Uhr."""

    def say(match: re.Match[str]) -> str:
        hours, minutes = int(match.group(1)), int(match.group(2))
        said = f"{_agree(whole(hours, 'de'), 'Uhr')} Uhr"
        return said + (f" {whole(minutes, 'de')}" if minutes else "")

    text = re.sub(r"(?<![\w.,:])([01]?\d|2[0-3])[.:]([0-5]\d)\s?Uhr(?!\w)", say, text)
    return re.sub(r"(?<![\w.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\w:])", say, text)


RULES: tuple[Rule, ...] = (*shared_rules(TABLES), times, ordinals, number_rule("de", _agree, _year))
