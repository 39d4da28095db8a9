"""The spoken opening (show, title, byline, date) and closing (with the synthetic-voice disclosure)."""

from __future__ import annotations

from audio_edition.model import Meta
from audio_edition.script.dates import spoken_date
from audio_edition.script.drafts import Draft, Pause

__all__ = ["closing", "credit_line", "opening", "sayable", "spoken_date"]


def opening(meta: Meta, show: str, title_is_text: bool) -> list[Draft]:
    """Show name, title, then "By …, date." if known; the title keeps role `title` if the author wrote it."""
    drafts = [Draft("intro", f"{show}.", -1, Pause.SENTENCE)] if show else []
    if sayable(meta.title):
        drafts.append(Draft("title" if title_is_text else "intro", meta.title, -1, Pause.SENTENCE))
    credit = credit_line(meta)
    if credit:
        drafts.append(Draft("intro", credit, -1, Pause.SENTENCE))
    if drafts:
        drafts[-1] = drafts[-1].ending(Pause.TITLE)
    return drafts


def closing(meta: Meta, show: str) -> list[Draft]:
    """What the listener hears last: what this was, and that a synthetic voice read it."""
    what = [meta.title] if sayable(meta.title) else []
    what += [f"from {show}" if what else show] if show else []
    listened = f"You have been listening to {', '.join(what)}. " if what else ""
    return [Draft("outro", f"{listened}This edition was read by a synthetic voice.", -1, Pause.END)]


def sayable(title: str) -> bool:
    """Whether a title has a word to say (a title of symbols alone, `-->`, is left unsaid)."""
    return any(ch.isalnum() for ch in title)


def credit_line(meta: Meta) -> str:
    """ "By Jane Doe. February 11, 2026." from what is known (empty when nothing is)."""
    parts = []
    if meta.byline:
        byline = meta.byline.strip()
        parts.append(byline if byline.lower().startswith("by ") else f"By {byline}")
    if meta.date:
        parts.append(spoken_date(meta.date))
    return ". ".join(p.rstrip(".") for p in parts) + "." if parts else ""
