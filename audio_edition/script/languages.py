"""The language key of an article: the primary subtag of its language tag (`fr-CA` -> `fr`)."""

from __future__ import annotations

import re

__all__ = ["language_key"]


def language_key(language: str | None) -> str:
    """The lower-case primary subtag of a language tag (`fr-CA`, `pt_BR`, `DE` -> `fr`, `pt`, `de`);
    English when no language is given."""
    key = re.split(r"[-_.@\s]", (language or "").strip(), maxsplit=1)[0].lower()
    return key or "en"
