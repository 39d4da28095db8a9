"""The one reading of a language tag: its primary subtag (`fr-CA`, `pt_BR`, `DE` -> `fr`, `pt`,
`de`), by which every table of the project (messages, rules, words, voices) is keyed."""

from __future__ import annotations

import re

__all__ = ["language_key", "primary_subtag"]


def primary_subtag(tag: str | None) -> str:
    """The lower-case primary subtag of a language tag; "" when none is given."""
    return re.split(r"[-_.@\s]", (tag or "").strip(), maxsplit=1)[0].lower()


def language_key(tag: str | None) -> str:
    """The primary subtag, English when no language is given."""
    return primary_subtag(tag) or "en"
