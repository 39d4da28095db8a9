"""The spoken opening (show, title, byline, date) and closing (with the synthetic-voice disclosure)."""

from __future__ import annotations

import datetime as dt
import re

from audio_edition.model import Meta, Role

Draft = tuple[Role, str, int, str]  # role, text, block index, break after


def opening(meta: Meta, show: str, title_is_text: bool) -> list[Draft]:
    """Show name, title, then "By …, date." if known; the title keeps role `title` if the author wrote it."""
    drafts: list[Draft] = [("intro", f"{show}.", -1, "sentence")] if show else []
    drafts.append(("title" if title_is_text else "intro", meta.title, -1, "sentence"))
    credit = credit_line(meta)
    if credit:
        drafts.append(("intro", credit, -1, "sentence"))
    role, text, block, _ = drafts[-1]
    drafts[-1] = (role, text, block, "title")
    return drafts


def closing(meta: Meta, show: str) -> list[Draft]:
    """What the listener hears last: what this was, and that a synthetic voice read it."""
    source = f", from {show}" if show else ""
    text = f"You have been listening to {meta.title}{source}. This edition was read by a synthetic voice."
    return [("outro", text, -1, "end")]


def credit_line(meta: Meta) -> str:
    """ "By Jane Doe. February 11, 2026." from what is known (empty when nothing is)."""
    parts = []
    if meta.byline:
        byline = meta.byline.strip()
        parts.append(byline if byline.lower().startswith("by ") else f"By {byline}")
    if meta.date:
        parts.append(spoken_date(meta.date))
    return ". ".join(p.rstrip(".") for p in parts) + "." if parts else ""


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_WRITTEN_DATE = re.compile(
    rf"\b{_WEEKDAY}(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})",
    re.IGNORECASE,
)
_ISO = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")


def spoken_date(date: str) -> str:
    """The date a newsreader says: ISO dates as "February 11, 2026", a written date without the
    clock time and stamps around it ("Updated Monday, November 18, 2019, 04:05 pm" ->
    "Monday, November 18, 2019"); anything else as written."""
    text = date.strip()
    iso = _ISO.search(text)
    if iso:
        try:
            day = dt.date.fromisoformat(iso.group())
        except ValueError:
            return text
        return f"{day:%B} {day.day}, {day.year}"
    written = _WRITTEN_DATE.search(text)
    return written.group().rstrip(",") if written else text
