"""Paragraphs said twice on a page (pull-quotes, repeated paragraphs) spoken once, compared as whole
normalised sentences: a paragraph whose text stands nowhere else is never dropped."""

from __future__ import annotations

import re
from collections.abc import Callable

from audio_edition.ingest.candidates import Candidate
from audio_edition.languages.language import Language
from audio_edition.model import Dropped, DropReason
from audio_edition.text.quotes import find_quotes
from audio_edition.text.sentences import sentence_spans

# A paragraph shorter than this that is said again ("He resigned.", a second "Yes." answering
# another question) is the writer's own repetition, not a pull-quote or a CMS duplicate: it is kept.
MIN_REPEAT_WORDS = 5
_DROPPABLE = (None, "blockquote")
# Cut at every full stop followed by a space: never coarser than pySBD's sentences, so a piece that
# is said nowhere else rules a paragraph out before any sentence splitting is paid for.
_ROUGH_BREAK = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+")


def drop_repeats(cands: list[Candidate], language: Language) -> tuple[list[Candidate], list[Dropped]]:
    """(kept, dropped): an exact repeat of an earlier paragraph goes (REPEAT), and so does a
    pull-quote whose every sentence stands whole in another kept paragraph (PULL_QUOTE)."""
    gone, protected = _exact_repeats(cands)
    sections = _sections(cands)
    keys = [f" {normalise(c.text)} " for c in cands]
    everything = "|".join(keys)
    memo: dict[int, set[str]] = {}

    def units(j: int) -> set[str]:
        if j not in memo:
            memo[j] = _units(cands[j].text, language)
        return memo[j]

    for k in sorted(range(len(cands)), key=lambda k: (len(cands[k].text), k)):
        if (
            k in gone
            or k in protected
            or not _may_go(cands[k])
            or not _maybe_said_twice(cands[k].text, everything)
        ):
            continue
        elsewhere = [
            j
            for j in range(len(cands))
            if j != k and j not in gone and (sections[j] == sections[k] or cands[k].hint == "blockquote")
        ]
        sources = _sources(_sentences(cands[k].text, language), keys, elsewhere, units)
        if sources is not None:
            gone[k] = DropReason.PULL_QUOTE
            protected |= sources
    kept = [c for k, c in enumerate(cands) if k not in gone]
    return kept, [Dropped(cands[k].text, gone[k]) for k in sorted(gone)]


def _exact_repeats(cands: list[Candidate]) -> tuple[dict[int, DropReason], set[int]]:
    """Paragraphs whose words repeat an earlier paragraph's exactly in the same section (no heading
    between them), and the earlier ones they repeat. The same words under another heading (a recipe
    in each of four meal plans) are the article's structure: they are read in each place."""
    sections = _sections(cands)
    first: dict[tuple[int, str], int] = {}
    gone: dict[int, DropReason] = {}
    seen: set[str] = set()
    for k, cand in enumerate(cands):
        if not _may_go(cand):
            continue
        key = normalise(cand.text)
        if (sections[k], key) in first:
            gone[k] = DropReason.REPEAT
        elif cand.hint == "blockquote" and key in seen:
            gone[k] = DropReason.REPEAT  # a pull-quote repeats its paragraph wherever it stands
        else:
            first[(sections[k], key)] = k
        seen.add(key)
    keys = {key: at for (_, key), at in first.items()}
    return gone, {keys[normalise(cands[k].text)] for k in gone}


def _sections(cands: list[Candidate]) -> list[int]:
    """The section of each candidate: how many headings stand before it."""
    out, section = [], 0
    for cand in cands:
        section += cand.hint in ("heading", "title")
        out.append(section)
    return out


def _may_go(cand: Candidate) -> bool:
    return cand.hint in _DROPPABLE and len(cand.text.split()) >= MIN_REPEAT_WORDS


def _maybe_said_twice(text: str, everything: str) -> bool:
    """A quick necessary test: every rough sentence of `text` stands twice among all paragraphs."""
    pieces = [normalise(piece) for piece in _ROUGH_BREAK.split(text)]
    return all(everything.count(f" {piece} ") >= 2 for piece in pieces if piece)


def _sources(
    sentences: list[str], keys: list[str], elsewhere: list[int], units: Callable[[int], set[str]]
) -> set[int] | None:
    """One other paragraph standing for each sentence, or None when some sentence stands nowhere else."""
    if not sentences:
        return None
    found: set[int] = set()
    for sentence in sentences:
        at = next((j for j in elsewhere if f" {sentence} " in keys[j] and sentence in units(j)), None)
        if at is None:
            return None
        found.add(at)
    return found


def _units(text: str, language: Language) -> set[str]:
    """The paragraph's normalised sentences, and the sentences of the quotations inside it."""
    units = set(_sentences(text, language))
    for span in find_quotes(text):
        units.update(_sentences(span.inner(text), language))
    return units


def _sentences(text: str, language: Language) -> list[str]:
    return [key for a, b in sentence_spans(text, language) if (key := normalise(text[a:b]))]


def normalise(text: str) -> str:
    """Words only, case-folded: punctuation and quote marks do not make two sentences differ."""
    return " ".join(re.findall(r"\w+", text.casefold()))
