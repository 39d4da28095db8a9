"""Tell a quotation's kind from the words around it: speech, the title of a work, or scare quotes.

Each rule is a small named function over the paragraph's text; `kind_of` applies them in order.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from audio_edition.languages.language import Language
from audio_edition.script.speech_verbs import SPEECH_VERB_PATTERN, verb_alternation
from audio_edition.script.words import Words
from audio_edition.text.quotes import QUOTE_MARKS, Span

_TITLE_CUES = (
    r"called|titled|entitled|named|dubbed|film|movie|song|single|track|book|novel|memoir|album|"
    r"series|show|play|musical|opera|documentary|podcast|episode|poem|painting|exhibition|sitcom|"
    r"drama|anthem|ballad|programme|program|hit|headline|slogan|campaign"
)
_UPPER = "A-ZÀ-ÖØ-Þ"  # a capital letter, accented ones included


@dataclass(frozen=True)
class Patterns:
    """The regular expressions of one language's rules, compiled on first use."""

    verb: re.Pattern[str]
    title_cue: re.Pattern[str]
    introduced: re.Pattern[str]
    attributed_after: re.Pattern[str]
    clause_inside: re.Pattern[str]
    incise: re.Pattern[str] | None  # `, a-t-elle ajouté.` inside a quotation (not in English)


@functools.cache
def patterns(language: Language) -> Patterns:
    """The rules' patterns for `language` (English for a language without its own words)."""
    words = language.words
    if words.code == "en":
        verbs = SPEECH_VERB_PATTERN
        cues = _TITLE_CUES
        inside = (
            rf"[,!?]\s+(he|she|they|[A-Z][\w’'-]+(\s+[A-Z][\w’'-]+){{0,2}})\s+(later\s+|then\s+)?({verbs})\b"
        )
    else:
        verbs = verb_alternation(words.verbs)
        cues = _TITLE_CUES + "|" + verb_alternation(words.title_cues)
        name = rf"[{_UPPER}][\w’'-]+"
        subject = rf"(?:(?i:{verb_alternation(words.pronouns)})|{name}(?:\s+{name}){{0,2}})"
        aux = verb_alternation(words.auxiliaries) or "(?!)"
        inverted = verb_alternation(words.inverted) or "(?!)"
        inside = (
            rf"[,!?]\s+(?:{subject}\s+)?(?i:(?:(?:{aux})(?:-t-(?:{inverted}))?\s+)?(?:{verbs})"
            rf"(?:(?:-t)?-(?:{inverted}))?)\b"
        )
    introducers = (
        verbs if words.code == "en" else verbs + "|" + verb_alternation(p[0] for p in words.according)
    )
    return Patterns(
        verb=re.compile(rf"\b({verbs})\b", re.IGNORECASE),
        title_cue=re.compile(rf"\b({cues})\s*[,:]?\s*$", re.IGNORECASE),
        introduced=re.compile(rf"(\b({introducers})\b[^.!?]{{0,40}}|:)\s*$", re.IGNORECASE),
        attributed_after=re.compile(rf"^[\s,.!?—–-]*(\w+[’']?\w*\s+){{0,4}}?\b({verbs})\b", re.IGNORECASE),
        clause_inside=re.compile(inside),
        incise=None if words.code == "en" else _incise(words, verbs),
    )


def _incise(words: Words, verbs: str) -> re.Pattern[str]:
    """The narrator's words inside a quotation: `, a-t-elle ajouté.`, `, dit-il,`, `, explique Marie
    Dupont.`, `– ha detto il sindaco –`; the match runs from the comma or dash to the next words."""
    name = rf"[{_UPPER}][\w’'-]+"
    aux = verb_alternation(words.auxiliaries) or "(?!)"
    inverted = verb_alternation(words.inverted) or "(?!)"
    det = verb_alternation(words.determiners)
    said = (
        rf"(?i:(?:{aux})-t-(?:{inverted})\s+(?:{verbs})|(?:{verbs})(?:-t)?-(?:{inverted}))"
        rf"|(?i:(?:(?:{aux})\s+)?(?:{verbs}))\s+(?:(?i:{det})\s+[\w’'-]+(?:\s+{name}){{0,3}}|{name}(?:\s+{name}){{0,2}})"
    )
    return re.compile(rf"(?:,\s+(?:{said})\s*[,.;]|\s[—–]\s?(?:{said})\s?[—–],?)\s+(?=\w)")


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


def after_title_cue(text: str, span: Span, language: Language) -> bool:
    """`a song called "Harbour Lights"`, `the film "The Long Crossing"`: a work's title."""
    return bool(patterns(language).title_cue.search(text[max(0, span.start - 40) : span.start]))


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


def title_cased(text: str, span: Span, language: Language) -> bool:
    """A short title-cased name that nobody is said to have said (`the "Quiet Streets" plan`)."""
    inner = span.inner(text).rstrip(",")
    if inner.endswith(".") and not inner.endswith(".."):
        inner = inner[:-1]  # the full stop put inside the marks, as Americans write (`on “Dancing Nights.”`)
    words = inner.split()
    if not 2 <= len(words) <= MAX_TITLE_WORDS or inner[-1:] in ".!?…" or ". " in inner:
        return False
    if introduced_as_speech(text, span, language) or attributed_after(text, span, language):
        return False
    if words[-1].lower().strip("(),;:") in _SMALL:  # a title ends on a word of its own, not "the"
        return False
    content = [w.strip("(),;:") for w in words if w.lower().strip("(),;:") not in _SMALL]
    content = [w for w in content if w]
    return len(content) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def introduced_as_speech(text: str, span: Span, language: Language) -> bool:
    """The words before the quotation introduce it as speech (`he said`, `she told reporters:`)."""
    return bool(patterns(language).introduced.search(text[max(0, span.start - 60) : span.start]))


def attributed_after(text: str, span: Span, language: Language) -> bool:
    """The words after the quotation attribute it (`," she said`, `, said Ruth Abebe`)."""
    return bool(patterns(language).attributed_after.match(text[span.end : span.end + 60]))


def attribution_only(gap: str, language: Language) -> bool:
    """Text between two quotations that only says who spoke (`, she said. `) or nothing at all."""
    words = re.findall(r"\w+", gap)
    return not words or (
        len(words) <= 8
        and bool(patterns(language).verb.search(gap))
        and not re.search(r"[.!?].*\w.*[.!?]", gap)
    )


def attribution_inside(quoted: str, language: Language) -> int | None:
    """Where `, he said` stands inside a quotation that never closed (the offset of its comma)."""
    match = patterns(language).clause_inside.search(quoted)
    return match.start() + 1 if match else None


def word_count(text: str) -> int:
    """Words in a stretch of text, quotation marks aside."""
    return len("".join(" " if ch in QUOTE_MARKS else ch for ch in text).split())


def kind_of(text: str, span: Span, spans: list[Span], min_words: int, language: Language) -> str:
    """`title`, `scare` (too short to voice) or `speech` for a quotation within one paragraph; in a
    language other than English, a short one with its speaker's verb after it is speech."""
    if (
        after_title_cue(text, span, language)
        or in_title_parenthesis(text, span, spans)
        or title_cased(text, span, language)
    ):
        return "title"
    if word_count(span.inner(text)) < min_words:
        # outside English, a short quotation said by someone is speech: `« Nous attendrons », a déclaré X.`
        foreign = language.words.code != "en"
        return "speech" if foreign and attributed_after(text, span, language) else "scare"
    return "speech"
