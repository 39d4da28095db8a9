"""The one reading of a language tag: its primary subtag (`fr-CA`, `pt_BR`, `DE` -> `fr`, `pt`,
`de`), by which every table of the project (messages, rules, words, voices) is keyed."""

from __future__ import annotations

import re

__all__ = ["check_language_tag", "is_language_tag", "language_key", "primary_subtag"]

# A BCP 47 tag as users write one: a 2-3 letter language, then subtags (region, script, variant).
_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
EXAMPLE_TAGS = "en, fr, de-AT, pt-BR"


def primary_subtag(tag: str | None) -> str:
    """The lower-case primary subtag of a language tag; "" when none is given."""
    return re.split(r"[-_.@\s]", (tag or "").strip(), maxsplit=1)[0].lower()


def language_key(tag: str | None) -> str:
    """The primary subtag, English when no language is given."""
    return primary_subtag(tag) or "en"


def is_language_tag(text: str) -> bool:
    """Whether `text` has the form of a language tag (`en`, `fr-CA`, `pt_BR`); `english` has not."""
    return _TAG.fullmatch(text.strip()) is not None


def check_language_tag(text: str, option: str = "--lang") -> str:
    """`text` when it is a language tag, else ValueError with the usage line naming some tags."""
    if not is_language_tag(text):
        raise ValueError(
            f"{option} {text!r} is not a language tag: give a tag such as {EXAMPLE_TAGS} "
            "(`audio-edition voices --lang TAG` lists the voices speaking one)"
        )
    return text.strip()
