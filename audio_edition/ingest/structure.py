"""Decide each candidate's role: title, byline, heading, paragraph, block quote or attribution."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from audio_edition.ingest.boilerplate import boilerplate_reason, is_list_label, is_word_list
from audio_edition.ingest.byline import byline_in, clean_byline, looks_like_dateline, looks_like_names
from audio_edition.ingest.candidates import Candidate
from audio_edition.ingest.signature import DASHES, read_signature
from audio_edition.ingest.stamps import is_timestamp
from audio_edition.languages.abbreviations import ABBREVIATED
from audio_edition.languages.language import Language
from audio_edition.model import Block, BlockKind, Dropped, DropReason
from audio_edition.text.quotes import DOUBLE_OPEN, SINGLE_OPEN, find_quotes

_END_PUNCT = re.compile(r"[.,;:!?…]['\"”’»)\]]*$")
_BYLINE = re.compile(r"^(by|written by|words by|reporting by)\s+(.{2,80})$", re.IGNORECASE)
_SMALL_WORDS = frozenset(
    (
        "a an and as at but by for from in into of on or over the to up with vs via after amid than that is"
    ).split()
)
_NAME_PARTICLES = {"van", "von", "de", "der", "da", "di", "del", "la", "le", "bin", "al", "ibn", "du"}


@dataclass
class Found:
    """Everything structure detection learns about an article."""

    blocks: list[Block] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    title: str | None = None
    title_from: str | None = None
    byline: str | None = None
    date: str | None = None
    byline_line: str | None = None  # the lines the byline and date were read from
    date_line: str | None = None
    date_from_byline: bool = False


def find_structure(
    cands: list[Candidate], *, title: str | None, explicit_headings: bool, language: Language | None = None
) -> Found:
    """Classify candidates in order; `explicit_headings` trusts markup instead of guessing headings.

    A known `title` (from front matter) is not read twice when the text repeats it first. `language`
    is the article's when the reader knows it (front matter, the page's `lang`), else None: it picks
    the boilerplate rules (`boilerplate_reason`) and the words a byline may open with (`Par`, `Von`,
    `Por`, `Di`, `De` only in their own language: each starts English headlines too, `Von Trapp…`).
    """
    found = Found()
    kept = _drop_boilerplate(cands, found, language)
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
    standfirst = start < len(kept) and kept[start].hint == "standfirst"
    if standfirst:
        found.blocks.append(Block("standfirst", kept[start].text))  # read in the opening, after the title
        start += 1
    start = _take_byline_and_date(kept, start, found, language)
    for k in range(start, len(kept)):
        cand = kept[k]
        if cand.hint is None and is_timestamp(cand.text):
            found.dropped.append(Dropped(cand.text, DropReason.TIMESTAMP))  # the opening says the date
            continue
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        prev_kind = found.blocks[-1].kind if found.blocks else None
        kind = _kind(cand, nxt, prev_kind, explicit_headings)
        found.blocks.append(Block(kind, cand.text, listed=kind == "paragraph" and cand.hint == "list-item"))
    return found


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold())


def _drop_boilerplate(cands: list[Candidate], found: Found, language: Language | None) -> list[Candidate]:
    kept = []
    listed = False  # the line before labels a list ("Tags"): this line is that list
    for cand in cands:
        reason = boilerplate_reason(cand.text, language) if cand.hint not in ("blockquote",) else None
        if not any(ch.isalnum() for ch in cand.text):
            reason = DropReason.NO_WORDS
        if reason is None and listed and is_word_list(cand.text):
            reason = DropReason.TAGS
        listed = reason is DropReason.TAGS and is_list_label(cand.text)
        if reason:
            found.dropped.append(Dropped(cand.text, reason))
        else:
            kept.append(cand)
    return kept


def _take_byline_and_date(kept: list[Candidate], start: int, found: Found, language: Language | None) -> int:
    """Consume up to two byline/date lines right after the title; return the new start."""
    for _ in range(2):
        if start >= len(kept) or kept[start].hint not in (None, "list-item", "heading"):
            break
        text = kept[start].text
        if kept[start].hint == "heading" and not _BYLINE.match(text):
            break  # a heading right after the title is a byline only when it says "By …"
        if not (_take_byline(text, found, language) or _take_date(text, found, language)):
            break
        start += 1
    return start


def _take_byline(text: str, found: Found, language: Language | None = None) -> bool:
    """Take a "By …" line holding a name as the byline (names only; a date in it becomes the date)."""
    by = _BYLINE.match(text) or byline_in(text, language)
    if not by or found.byline is not None or _END_PUNCT.search(by.group(2).rstrip(".")):
        return False
    names, date = clean_byline(by.group(2), language)
    if names is None or not looks_like_names(names, language):
        return False
    found.byline, found.byline_line = names, text
    if date and found.date is None:
        found.date, found.date_from_byline = date, True
    return True


def _take_date(text: str, found: Found, language: Language | None = None) -> bool:
    """Take a dateline as the date, unless one was given already (a byline's date gives way)."""
    if not looks_like_dateline(text, language) or (found.date is not None and not found.date_from_byline):
        return False
    found.date, found.date_line, found.date_from_byline = text, text, False
    return True


def _kind(cand: Candidate, nxt: Candidate | None, prev_kind: str | None, explicit: bool) -> BlockKind:
    if cand.hint == "standfirst":
        return "paragraph"  # a summary found anywhere but after the title is read where it stands
    if cand.hint in ("heading", "title"):
        return "heading"
    if cand.hint == "attribution":
        return "attribution"
    if cand.hint == "blockquote":
        signed = (
            prev_kind == "blockquote"
            and cand.text.lstrip()[:1] in DASHES
            and looks_like_attribution(cand.text)
        )
        return "attribution" if signed else "blockquote"  # an embed's "— Name (@handle) date" line
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
    if not stripped or stripped[0] not in DOUBLE_OPEN + SINGLE_OPEN + "\"'»›":  # German `»…«` too
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
    signature = read_signature(text)
    body, dashed = signature.body, signature.dashed
    if not body or len(body) > 100 or len(body.split()) > 14 or _multiple_sentences(body):
        return False
    if body.endswith(".") and not dashed:
        return False
    name = signature.name.split()
    if not name or len(name) > (6 if dashed else 5):
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in name)


def _title_cased(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _SMALL_WORDS and w[:1].isalpha()]
    return bool(content) and sum(w[0].isupper() for w in content) / len(content) >= 0.7


def _multiple_sentences(text: str) -> bool:
    for match in re.finditer(r"([\w.]+)[.!?]['\"”’]?\s+[A-Z“\"]", text):
        word = match.group(1).lower()
        if match.group(0)[len(match.group(1))] == "." and (word in ABBREVIATED or len(word) == 1):
            continue
        return True
    return False
