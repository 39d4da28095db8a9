"""The spoken opening (show, title, byline, date) and closing (with the synthetic-voice disclosure),
in the article's language (`messages.py`)."""

from __future__ import annotations

from audio_edition.languages.dates import spoken_date
from audio_edition.languages.language import Language
from audio_edition.model import Meta
from audio_edition.script.drafts import Draft, Pause
from audio_edition.script.messages import message

__all__ = ["closing", "credit_line", "opening", "sayable", "spoken_date"]


def opening(
    meta: Meta, language: Language, show: str, title_is_text: bool, standfirst: str | None = None
) -> list[Draft]:
    """Show name, the title when the author wrote one (a title made from a file name or URL is for
    tags and chapters, never spoken), the standfirst (block 0) when the page has one, then "By …,
    date." if known."""
    drafts = [Draft("intro", message("show", language, show=show), -1, Pause.SENTENCE)] if show else []
    if title_is_text and sayable(meta.title):
        drafts.append(Draft("title", meta.title, -1, Pause.SENTENCE))
    if standfirst:
        drafts.append(Draft("standfirst", standfirst, 0, Pause.SENTENCE))
    credit = credit_line(meta, language)
    if credit:
        drafts.append(Draft("intro", credit, -1, Pause.SENTENCE))
    if drafts:
        drafts[-1] = drafts[-1].ending(Pause.TITLE)
    return drafts


def closing(meta: Meta, language: Language, show: str, title_is_text: bool = True) -> list[Draft]:
    """What the listener hears last: what this was (its title only when the author wrote one), and
    that a synthetic voice read it."""
    lang, title = language, meta.title
    if title_is_text and sayable(title):
        key = "listened_title_show" if show else "listened_title"
        listened = message(key, lang, title=title, show=show)
    else:
        listened = message("listened_show", lang, show=show) if show else ""
    said = f"{listened} {message('disclosure', lang)}".lstrip()
    return [Draft("outro", said, -1, Pause.END)]


def sayable(title: str) -> bool:
    """Whether a title has a word to say (a title of symbols alone, `-->`, is left unsaid)."""
    return any(ch.isalnum() for ch in title)


def credit_line(meta: Meta, language: Language) -> str:
    """ "By Jane Doe. February 11, 2026." from what is known (empty when nothing is), in the
    article's language ("Par Claire Dubois. 3 mars 2026.")."""
    parts = []
    if meta.byline:
        byline = meta.byline.strip()
        lead = message("byline", language, name="").lower()
        said_by = byline.lower().startswith(lead) if lead.strip() else False
        parts.append(byline if said_by else message("byline", language, name=byline))
    if meta.date:
        parts.append(message("date", language, date=spoken_date(meta.date, language)))
    return ". ".join(p.rstrip(".") for p in parts) + "." if parts else ""
