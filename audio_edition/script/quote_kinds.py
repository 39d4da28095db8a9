"""Tell a quotation's kind from the words around it: speech, the title of a work, or scare quotes.

Each rule is a small named function over the paragraph's text; `kind_of` applies them in order.
"""

from __future__ import annotations

import bisect
import re

from audio_edition.script.speech_verbs import SPEECH_VERB_PATTERN as SPEECH_VERBS
from audio_edition.text.quotes import QUOTE_MARKS, Span

_VERB = re.compile(rf"\b({SPEECH_VERBS})\b", re.IGNORECASE)
_TITLE_CUE = re.compile(
    r"\b(called|titled|entitled|named|dubbed|film|movie|song|single|track|book|novel|memoir|album|"
    r"series|show|play|musical|opera|documentary|podcast|episode|poem|painting|exhibition|sitcom|"
    r"drama|anthem|ballad|programme|program|hit|headline|slogan|campaign)\s*[,:]?\s*$",
    re.IGNORECASE,
)
_INTRODUCED = re.compile(rf"(\b({SPEECH_VERBS})\b[^.!?]{{0,40}}|:)\s*$", re.IGNORECASE)
_ATTRIBUTED_AFTER = re.compile(rf"^[\s,.!?—–-]*(\w+[’']?\w*\s+){{0,4}}?\b({SPEECH_VERBS})\b", re.IGNORECASE)
_LIST_FILLER = re.compile(r"(\s|[,;/&–—-]|\band\b|\bor\b|\d{4})*", re.IGNORECASE)
_SMALL = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "from",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
}
MAX_TITLE_WORDS = 8


def after_title_cue(text: str, span: Span) -> bool:
    """`a song called "Harbour Lights"`, `the film "The Long Crossing"`: a work's title."""
    return bool(_TITLE_CUE.search(text[max(0, span.start - 40) : span.start]))


def in_title_parenthesis(text: str, span: Span, spans: list[Span]) -> bool:
    """`known for ("The Long Crossing," "The Quiet Year")`: a parenthesis holding only quoted names.

    `spans` are the paragraph's quotations in order; a parenthesis is looked for within
    `_NEAR` characters, so a huge paragraph costs no more per quotation than a short one."""
    opening = text.rfind("(", max(0, span.start - _NEAR), span.start)
    closing = text.find(")", span.end, span.end + _NEAR)
    if opening < 0 or closing < 0 or ")" in text[opening : span.start] or "(" in text[span.end : closing]:
        return False
    rest, at = [], opening + 1
    for other in spans[bisect.bisect_left(spans, opening, key=lambda s: s.start) :]:
        if other.start > closing:
            break
        if other.end <= closing:
            rest.append(text[at : other.start])
            at = other.end
    rest.append(text[at:closing])
    return bool(_LIST_FILLER.fullmatch("".join(rest)))


_NEAR = 400


def title_cased(text: str, span: Span) -> bool:
    """A short title-cased name that nobody is said to have said (`the "Quiet Streets" plan`)."""
    inner = span.inner(text).rstrip(",")
    words = inner.split()
    if not 2 <= len(words) <= MAX_TITLE_WORDS or inner[-1:] in ".!?…":
        return False
    if introduced_as_speech(text, span) or attributed_after(text, span):
        return False
    content = [w.strip("(),;:") for w in words if w.lower().strip("(),;:") not in _SMALL]
    content = [w for w in content if w]
    return len(content) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def introduced_as_speech(text: str, span: Span) -> bool:
    """The words before the quotation introduce it as speech (`he said`, `she told reporters:`)."""
    return bool(_INTRODUCED.search(text[max(0, span.start - 60) : span.start]))


def attributed_after(text: str, span: Span) -> bool:
    """The words after the quotation attribute it (`," she said`, `, said Ruth Abebe`)."""
    return bool(_ATTRIBUTED_AFTER.match(text[span.end : span.end + 60]))


def attribution_only(gap: str) -> bool:
    """Text between two quotations that only says who spoke (`, she said. `) or nothing at all."""
    words = re.findall(r"\w+", gap)
    return not words or (
        len(words) <= 8 and bool(_VERB.search(gap)) and not re.search(r"[.!?].*\w.*[.!?]", gap)
    )


_CLAUSE_INSIDE = re.compile(
    rf"[,!?]\s+(he|she|they|[A-Z][\w’'-]+(\s+[A-Z][\w’'-]+){{0,2}})\s+(later\s+|then\s+)?({SPEECH_VERBS})\b"
)


def attribution_inside(quoted: str) -> int | None:
    """Where `, he said` stands inside a quotation that never closed (the offset of its comma)."""
    match = _CLAUSE_INSIDE.search(quoted)
    return match.start() + 1 if match else None


def word_count(text: str) -> int:
    """Words in a stretch of text, quotation marks aside."""
    return len("".join(" " if ch in QUOTE_MARKS else ch for ch in text).split())


def kind_of(text: str, span: Span, spans: list[Span], min_words: int) -> str:
    """`title`, `scare` (too short to voice) or `speech` for a quotation within one paragraph."""
    if after_title_cue(text, span) or in_title_parenthesis(text, span, spans) or title_cased(text, span):
        return "title"
    if word_count(span.inner(text)) < min_words:
        return "scare"
    return "speech"
