"""The sentences the tool adds to an article (opening, closing, credits), in the article's language.

The catalogue is `data/messages.json`: per language key (`fr`, not `fr-CA`), one template per
message, with `{name}`-style fields. A language without a catalogue is spoken in English, and never
silently: `message` warns (`CatalogueFallback`) and `fallback_note` gives the line a build reports.
"""

from __future__ import annotations

import json
import re
import warnings
from functools import cache
from pathlib import Path

from audio_edition.text.languages import language_key

__all__ = ["CatalogueFallback", "catalogue", "fallback_note", "languages", "message"]

_VOWEL = re.compile(r"[AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜaeiouyàâäéèêëîïôöùûü]")


class CatalogueFallback(UserWarning):
    """An article's language has no message catalogue: what the tool adds is said in English."""


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every language's messages, read once from the package data."""
    path = Path(__file__).resolve().parent.parent / "data" / "messages.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def languages() -> tuple[str, ...]:
    """The language keys with a catalogue of their own."""
    return tuple(catalogue())


def fallback_note(language: str | None) -> str | None:
    """The warning a build reports when `language` has no catalogue (None when it has one)."""
    key = language_key(language)
    if key in catalogue():
        return None
    return f"warning: no messages in language '{key}': the opening and closing are spoken in English"


def message(key: str, language: str | None, **fields: str) -> str:
    """Message `key` in `language` with its fields filled in (English, with a warning, when the
    language has no catalogue; French elides `de` before a vowel: "d'Info Matin")."""
    lang = language_key(language)
    messages = catalogue().get(lang)
    if messages is None:
        warnings.warn(str(fallback_note(lang)), CatalogueFallback, stacklevel=1)  # once per language
        lang, messages = "en", catalogue()["en"]
    template = messages.get(key) or catalogue()["en"][key]
    if lang == "fr":
        for name, value in fields.items():
            if _VOWEL.match(value):
                template = template.replace(f"de {{{name}}}", f"d'{{{name}}}")
    return template.format(**fields)
