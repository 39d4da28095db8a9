"""The sentences the tool adds to an article (opening, closing, credits), in the article's language.

Each language's module holds its messages (`Language.messages`): one template per message, with
`{name}`-style fields. A language without messages of its own is given English's by the registry,
and never silently: `message` warns (`CatalogueFallback`) and `fallback_note` gives the line a build
reports.
"""

from __future__ import annotations

import re
import warnings

from audio_edition.languages.language import Language

__all__ = ["CatalogueFallback", "fallback_note", "message"]

_VOWEL = re.compile(r"[AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜaeiouyàâäéèêëîïôöùûü]")


class CatalogueFallback(UserWarning):
    """An article's language has no messages: what the tool adds is said in English."""


def fallback_note(language: Language) -> str | None:
    """The warning a build reports when `language` has no messages (None when it has)."""
    if language.has_messages:
        return None
    return (
        f"warning: no messages in language '{language.code}': the opening and closing are spoken in English"
    )


def message(key: str, language: Language, **fields: str) -> str:
    """Message `key` in `language` with its fields filled in (English, with a warning, when the
    language has no messages; a word the language elides before a vowel is elided: "d'Info Matin")."""
    if not language.has_messages:
        warnings.warn(str(fallback_note(language)), CatalogueFallback, stacklevel=1)  # once per language
    template = language.messages[key]
    if language.has_messages:
        for word in language.elided_before_vowel:
            for name, value in fields.items():
                if _VOWEL.match(value):
                    template = template.replace(f"{word} {{{name}}}", f"{word[0]}'{{{name}}}")
    return template.format(**fields)
