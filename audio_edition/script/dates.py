"""How a date is said: the one rule the spoken opening and the normaliser share, per language
(English by its own rule, the others as Babel writes a long date: "3 mars 2026", "3. März 2026")."""

from __future__ import annotations

import datetime as dt
import re

from audio_edition.text.languages import language_key

ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_WRITTEN_DATE = re.compile(
    rf"\b{_WEEKDAY}(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})",
    re.IGNORECASE,
)
# The first of the month is an ordinal where the language says so ("1er mars", "1º de março").
_FIRST = {"fr": "1er", "it": "1º", "pt": "1º"}


def said_day(day: dt.date, language: str = "en") -> str:
    """A calendar day as a newsreader says it: "February 11, 2026"; in another language as Babel's
    long date ("11 février 2026"), Babel imported only then."""
    key = language_key(language)
    if key == "en":
        return f"{day:%B} {day.day}, {day.year}"
    from babel.dates import format_date

    said = format_date(day, format="long", locale=key)
    return _FIRST[key] + said[1:] if day.day == 1 and key in _FIRST and said.startswith("1 ") else said


def said_iso(match: re.Match[str], language: str = "en") -> str | None:
    """The day an `ISO_DATE` match names, said; None when it is no calendar day (2026-02-30)."""
    try:
        day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return _said(day, language)


def iso_dates(text: str, language: str = "en") -> str:
    """Every ISO date in running text said as a day ("on 2026-04-14" -> "on April 14, 2026")."""
    return ISO_DATE.sub(lambda m: said_iso(m, language) or m.group(0), text)


def spoken_date(date: str, language: str = "en") -> str:
    """The date a newsreader says for an article's date field: an ISO date (of a time stamp too)
    as "February 11, 2026" (in `language`), a written English date without the clock time and
    stamps around it ("Updated Monday, November 18, 2019, 04:05 pm" -> "Monday, November 18,
    2019"); anything else as written."""
    text = date.strip()
    iso = ISO_DATE.search(text)
    if iso:
        return said_iso(iso, language) or text
    written = _WRITTEN_DATE.search(text) if language_key(language) == "en" else None
    return written.group().rstrip(",") if written else text


def _said(day: dt.date, language: str) -> str:
    """`said_day` for `language`, called with the day alone for English (the one rule, patchable)."""
    return said_day(day) if language_key(language) == "en" else said_day(day, language)
