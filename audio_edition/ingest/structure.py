"""Decide each candidate's role: title, byline, heading, paragraph, block quote or attribution."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from audio_edition.ingest.boilerplate import boilerplate_reason
from audio_edition.ingest.candidates import Candidate
from audio_edition.model import Block, BlockKind, Dropped
from audio_edition.script.quotes import DOUBLE_OPEN, SINGLE_OPEN, find_quotes

_END_PUNCT = re.compile(r"[.,;:!?…]['\"”’»)\]]*$")
_BYLINE = re.compile(r"^(by|written by|words by|reporting by)\s+(.{2,80})$", re.IGNORECASE)
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_PART = re.compile(
    rf"\b(\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|"
    rf"\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})\b",
    re.IGNORECASE,
)
_DATE_LEAD = re.compile(
    rf"^((published|updated|posted|last updated|first published)\b|\d|{_MONTH}\s|"
    r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)",
    re.IGNORECASE,
)
_SMALL_WORDS = {
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
    "into",
    "of",
    "on",
    "or",
    "over",
    "the",
    "to",
    "up",
    "with",
    "vs",
    "via",
    "after",
    "amid",
    "than",
    "that",
    "is",
}
_NAME_PARTICLES = {"van", "von", "de", "der", "da", "di", "del", "la", "le", "bin", "al", "ibn", "du"}
_DASHES = "—–-~"


@dataclass
class Found:
    """Everything structure detection learns about an article."""

    blocks: list[Block] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    title: str | None = None
    title_from: str | None = None
    byline: str | None = None
    date: str | None = None


def find_structure(cands: list[Candidate], *, title: str | None, explicit_headings: bool) -> Found:
    """Classify candidates in order; `explicit_headings` trusts markup instead of guessing headings.

    A known `title` (from front matter) is not read twice when the text repeats it first.
    """
    found = Found()
    kept = _drop_boilerplate(cands, found)
    start = 0
    if kept and title is not None:
        if _same_words(kept[0].text, title):
            start = 1
    elif kept:
        first = kept[0]
        if first.hint == "title" or (first.hint is None and looks_like_headline(first.text)):
            found.title = first.text
            found.title_from = "heading" if first.hint == "title" else "first-line"
            start = 1
    start = _take_byline_and_date(kept, start, found)
    for k in range(start, len(kept)):
        cand = kept[k]
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        prev_kind = found.blocks[-1].kind if found.blocks else None
        found.blocks.append(Block(_kind(cand, nxt, prev_kind, explicit_headings), cand.text))
    return found


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold())


def _drop_boilerplate(cands: list[Candidate], found: Found) -> list[Candidate]:
    kept = []
    for cand in cands:
        reason = boilerplate_reason(cand.text) if cand.hint not in ("blockquote",) else None
        if not any(ch.isalnum() for ch in cand.text):
            reason = "no-words"
        if reason:
            found.dropped.append(Dropped(cand.text, reason))
        else:
            kept.append(cand)
    return kept


def _take_byline_and_date(kept: list[Candidate], start: int, found: Found) -> int:
    """Consume up to two byline/date lines right after the title; return the new start."""
    for _ in range(2):
        if start >= len(kept) or kept[start].hint not in (None, "list-item"):
            break
        text = kept[start].text
        by = _BYLINE.match(text)
        if by and found.byline is None and not _END_PUNCT.search(by.group(2).rstrip(".")):
            found.byline = by.group(2).strip()
        elif looks_like_dateline(text) and found.date is None:
            found.date = text
        else:
            break
        start += 1
    return start


def looks_like_dateline(text: str) -> bool:
    """A publication-date line: short, led by a date word or digit, holding a full date."""
    return (
        len(text) <= 90
        and len(text.split()) <= 12
        and bool(_DATE_LEAD.match(text))
        and bool(_DATE_PART.search(text))
    )


def _kind(cand: Candidate, nxt: Candidate | None, prev_kind: str | None, explicit: bool) -> BlockKind:
    if cand.hint in ("heading", "title"):
        return "heading"
    if cand.hint == "attribution":
        return "attribution"
    if cand.hint == "blockquote":
        return "blockquote"
    if is_whole_quotation(cand.text):
        return "blockquote"
    if prev_kind == "blockquote" and looks_like_attribution(cand.text):
        return "attribution"
    if not explicit and cand.hint is None and nxt is not None and looks_like_heading(cand.text):
        return "heading"
    return "paragraph"


def is_whole_quotation(text: str) -> bool:
    """True when the paragraph is one quotation from its first mark to its end."""
    stripped = text.strip()
    if not stripped or stripped[0] not in DOUBLE_OPEN + SINGLE_OPEN + "\"'":
        return False
    spans = find_quotes(stripped)
    if len(spans) != 1 or spans[0].start != 0:
        return False
    tail = stripped[spans[0].end :]
    return not any(ch.isalnum() for ch in tail)


def looks_like_headline(text: str) -> bool:
    """A first line that reads as a headline: short-ish, one line, no closing full stop."""
    words = text.split()
    return (
        1 <= len(words) <= 20
        and len(text) <= 160
        and not text.rstrip().endswith((".", ",", ";", ":"))
        and text[:1] not in DOUBLE_OPEN + SINGLE_OPEN + "\"'"
        and not _multiple_sentences(text)
    )


def looks_like_heading(text: str) -> bool:
    """A subheading: a short line starting with a capital, without closing punctuation."""
    words = text.split()
    if not (1 <= len(words) <= 14) or len(text) > 110:
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    if text.endswith("?"):
        return _title_cased(words) and not _multiple_sentences(text)
    return not _END_PUNCT.search(text) and not _multiple_sentences(text)


def looks_like_attribution(text: str) -> bool:
    """A bare name (optionally `— Name, role`) on the line after a block quote."""
    stripped = text.strip()
    dashed = stripped[:1] in _DASHES
    body = stripped.lstrip(_DASHES + " ")
    if not body or len(body) > 100 or len(body.split()) > 14 or _multiple_sentences(body):
        return False
    if body.endswith(".") and not dashed:
        return False
    name = re.split(r"[,(]", body, maxsplit=1)[0].split()
    if not name or len(name) > (6 if dashed else 5):
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in name)


def _title_cased(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _SMALL_WORDS and w[:1].isalpha()]
    return bool(content) and sum(w[0].isupper() for w in content) / len(content) >= 0.7


_ABBREVIATIONS = {
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "st",
    "gen",
    "sen",
    "rep",
    "gov",
    "lt",
    "col",
    "capt",
    "sgt",
    "jr",
    "sr",
    "no",
    "mt",
    "rev",
    "hon",
    "pres",
    "supt",
    "insp",
    "det",
    "cllr",
    "u.s",
    "u.k",
    "dept",
}


def _multiple_sentences(text: str) -> bool:
    for match in re.finditer(r"([\w.]+)[.!?]['\"”’]?\s+[A-Z“\"]", text):
        word = match.group(1).lower()
        if match.group(0)[len(match.group(1))] == "." and (word in _ABBREVIATIONS or len(word) == 1):
            continue
        return True
    return False
