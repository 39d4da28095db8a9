"""How a date is said: the one rule the spoken opening and the normalisers share. English says
"February 11, 2026" by its own rule; other languages as Babel writes a long date ("3 mars 2026",
"3. März 2026"), Babel imported only then. Which rule a language uses is its `Language.day`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from audio_edition.languages.language import Language

ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
WRITTEN_ENGLISH_DATE = re.compile(
    rf"\b{_WEEKDAY}(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})",
    re.IGNORECASE,
)
"""A date written in English words in a dateline (`Monday, November 18, 2019`, `3 March 2026`)."""

SayDay = Callable[[dt.date], str]


def english_day(day: dt.date) -> str:
    """A calendar day as an English newsreader says it: "February 11, 2026"."""
    return f"{day:%B} {day.day}, {day.year}"


def babel_day(locale: str, first: str = "") -> SayDay:
    """The rule saying a day as Babel's long date in `locale` ("11 février 2026"); `first` is how
    the first of the month is written where the language makes it an ordinal ("1er", "1º")."""

    def said(day: dt.date) -> str:
        from babel.dates import format_date

        text = format_date(day, format="long", locale=locale)
        return first + text[1:] if first and day.day == 1 and text.startswith("1 ") else text

    return said


def said_iso(match: re.Match[str], say: SayDay = english_day) -> str | None:
    """The day an `ISO_DATE` match names, said; None when it is no calendar day (2026-02-30)."""
    try:
        day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return say(day)


def iso_dates(text: str, say: SayDay = english_day) -> str:
    """Every ISO date in running text said as a day ("on 2026-04-14" -> "on April 14, 2026")."""
    return ISO_DATE.sub(lambda m: said_iso(m, say) or m.group(0), text)


def spoken_date(date: str, language: Language) -> str:
    """The date a newsreader says for an article's date field: an ISO date (of a time stamp too)
    said as `language` says a day, a date written in its words (`Language.written_date`) without
    the clock time and stamps around it ("Updated Monday, November 18, 2019, 04:05 pm" -> "Monday,
    November 18, 2019"); anything else as written."""
    text = date.strip()
    iso = ISO_DATE.search(text)
    if iso:
        return said_iso(iso, language.day) or text
    written = language.written_date
    found = written.search(text) if written is not None else None
    return found.group().rstrip(",") if found else text
