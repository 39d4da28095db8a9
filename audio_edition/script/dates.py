"""How a date is said: the one rule the spoken opening and the normaliser share."""

from __future__ import annotations

import datetime as dt
import re

ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_WRITTEN_DATE = re.compile(
    rf"\b{_WEEKDAY}(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})",
    re.IGNORECASE,
)


def said_day(day: dt.date) -> str:
    """A calendar day as a newsreader says it: "February 11, 2026"."""
    return f"{day:%B} {day.day}, {day.year}"


def said_iso(match: re.Match[str]) -> str | None:
    """The day an `ISO_DATE` match names, said; None when it is no calendar day (2026-02-30)."""
    try:
        day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return said_day(day)


def iso_dates(text: str) -> str:
    """Every ISO date in running text said as a day ("on 2026-04-14" -> "on April 14, 2026")."""
    return ISO_DATE.sub(lambda m: said_iso(m) or m.group(0), text)


def spoken_date(date: str) -> str:
    """The date a newsreader says for an article's date field: an ISO date (of a time stamp too)
    as "February 11, 2026", a written date without the clock time and stamps around it ("Updated
    Monday, November 18, 2019, 04:05 pm" -> "Monday, November 18, 2019"); anything else as written."""
    text = date.strip()
    iso = ISO_DATE.search(text)
    if iso:
        return said_iso(iso) or text
    written = _WRITTEN_DATE.search(text)
    return written.group().rstrip(",") if written else text
