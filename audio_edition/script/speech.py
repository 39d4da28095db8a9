"""Turn a segment's written text into the text an engine should speak."""

from __future__ import annotations

import re
from collections.abc import Callable

from audio_edition.script.lexicon import Entry, apply_lexicon
from audio_edition.script.normalize import normalize
from audio_edition.script.quotes import strip_quote_marks

# Small single-purpose rules applied in order (each str -> str).


def _no_quote_marks(text: str) -> str:
    return strip_quote_marks(text)


def _agency_dateline(text: str) -> str:
    """'KYIV, Ukraine (AP) — Text' is read 'KYIV, Ukraine — Text': the agency tag is not spoken."""
    return re.sub(r"^(.{2,60}?)\s*\((AP|Reuters|AFP|UPI|dpa|Bloomberg|CNN|PA)\)\s*(?=[—–-])", r"\1 ", text)


def _dashes_as_pauses(text: str) -> str:
    return re.sub(r"\s+[–—-]{1,2}\s+|\s*—\s*", ", ", text)


def _leading_dash(text: str) -> str:
    return text.lstrip("—–-~ ")


def _brackets_as_commas(text: str) -> str:
    return re.sub(r"\s*[\[\]]\s*", " ", text)


def _collapse_space(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s+([,.;:!?])", r"\1", text)


def _lonely_punctuation(text: str) -> str:
    return re.sub(r"^[,;:.\s]+", "", text)


RULES: tuple[Callable[[str], str], ...] = (
    _no_quote_marks,
    _leading_dash,
    _agency_dateline,
    _dashes_as_pauses,
    _brackets_as_commas,
    _collapse_space,
    _lonely_punctuation,
)


def speech_text(text: str, language: str = "en", lexicon: tuple[Entry, ...] = ()) -> str:
    """Written text as it should be spoken: figures normalised for `language`, lexicon aliases
    applied, quotation marks and layout punctuation removed."""
    text = apply_lexicon(normalize(text, language), lexicon)
    for rule in RULES:
        text = rule(text)
    return text
