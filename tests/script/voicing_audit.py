"""What a listener would catch in a script: attributions in the quote voice, quotations in the narrator's."""

from __future__ import annotations

import re

from audio_edition.model import Script
from audio_edition.script.speech_verbs import SPEECH_VERB_PATTERN as SPEECH_VERBS
from tests.tagged import find_quotes

_ATTRIBUTION = re.compile(rf"\b(he|she|they|[A-Z][a-z]+)\s+({SPEECH_VERBS})\b")
_TITLE_CUE = re.compile(r"\b(called|titled|entitled|named|film|song|book|album|ballad|series|show)\W*$", re.I)


def attributions_in_quote_voice(script: Script) -> list[str]:
    """Quote-voice segments that say who spoke outside the quotation marks (`…,” he said.`)."""
    bad = []
    for seg in script.segments:
        if seg.role != "quote":
            continue
        spans = find_quotes(seg.text)
        outside = seg.text
        for span in reversed(spans):
            outside = outside[: span.start] + " " + outside[span.end :]
        if spans and _ATTRIBUTION.search(outside):
            bad.append(seg.text)
    return bad


_OPENING = re.compile(r"(?:^|(?<=[\s(:—]))[\"“‘'«](?=\w)")
_CLOSING = re.compile(r"[\"”’»]|'(?!\w)")


def quotations_in_narrator_voice(script: Script, min_words: int = 4) -> list[str]:
    """Narrator segments holding a quotation of `min_words` or more that is not a work's title:
    an opening mark and the words after it up to a closing mark or the segment's end."""
    bad = []
    for seg in script.segments:
        if seg.role not in ("narration", "attribution"):
            continue
        for opening in _OPENING.finditer(seg.text):
            closing = _CLOSING.search(seg.text, opening.end())
            inner = seg.text[opening.end() : closing.start() if closing else len(seg.text)]
            before = seg.text[: opening.start()]
            if len(inner.split()) < min_words or _TITLE_CUE.search(before) or before.endswith("("):
                continue
            if not _title_cased(inner):
                bad.append(seg.text)
    return bad


def _title_cased(inner: str) -> bool:
    words = [w for w in inner.split() if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words) and inner.rstrip(",")[-1:] not in ".!?"
