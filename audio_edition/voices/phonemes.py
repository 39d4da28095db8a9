"""Inline pronunciations in speech text: `⟦IPA|alias⟧` marks a word a lexicon gave phonemes for.

Engines that take phonemes (Piper) speak the IPA; the others speak the alias.
"""

from __future__ import annotations

import re

_MARK = re.compile(r"⟦([^|⟧]*)\|([^⟧]*)⟧")


def mark(ipa: str, alias: str) -> str:
    """The inline form of a word to be said as `ipa` (or as `alias` by engines without phonemes)."""
    return f"⟦{ipa.replace('|', '').replace('⟧', '')}|{alias}⟧"


def plain(text: str) -> str:
    """Speech text with every marked word replaced by its alias."""
    return _MARK.sub(lambda m: m.group(2), text)


def parts(text: str) -> list[tuple[str, bool]]:
    """The text as (piece, is_ipa) in order."""
    out: list[tuple[str, bool]] = []
    at = 0
    for match in _MARK.finditer(text):
        if match.start() > at:
            out.append((text[at : match.start()], False))
        out.append((match.group(1), True))
        at = match.end()
    if at < len(text):
        out.append((text[at:], False))
    return out
