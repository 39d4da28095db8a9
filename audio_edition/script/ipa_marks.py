"""The neutral marker the script writes into speech text for a word a lexicon gave IPA for.

A marked word reads `⟦IPA|alias⟧`. The script only writes and skips over marks; how an engine
speaks one (Piper the IPA, the others the alias) is the engine side's (`audio_edition.voices.phonemes`).
"""

from __future__ import annotations

import re

MARK = re.compile(r"⟦([^|⟧]*)\|([^⟧]*)⟧")  # groups: the IPA, the alias


def mark(ipa: str, alias: str) -> str:
    """The inline form of a word to be said as `ipa` (or as `alias` by engines without phonemes)."""
    return f"⟦{ipa.replace('|', '').replace('⟧', '')}|{alias}⟧"


def plain(text: str) -> str:
    """Speech text with every marked word replaced by its alias."""
    return MARK.sub(lambda m: m.group(2), text)


def split_marks(text: str) -> tuple[list[str], list[str]]:
    """The text around the marks (one piece more than there are marks) and the marks themselves."""
    pieces: list[str] = []
    marks: list[str] = []
    at = 0
    for match in MARK.finditer(text):
        pieces.append(text[at : match.start()])
        marks.append(match.group(0))
        at = match.end()
    pieces.append(text[at:])
    return pieces, marks
