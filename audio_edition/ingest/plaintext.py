"""Split plain text (pasted from a CMS or hard-wrapped) into paragraph candidates."""

from __future__ import annotations

import re

from audio_edition.ingest.candidates import Candidate

_TERMINAL = re.compile(r"[.!?…:;\"”’»)\]]\s*$")


def plain_candidates(text: str) -> list[Candidate]:
    """One candidate per paragraph: per line in CMS pastes, per blank-line block in wrapped text."""
    blocks = _blocks(text)
    wrapped = _is_hard_wrapped(blocks)
    out: list[Candidate] = []
    for lines in blocks:
        out += [Candidate(piece) for piece in ([_join_wrapped(lines)] if wrapped else lines)]
    return out


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _is_hard_wrapped(blocks: list[list[str]]) -> bool:
    """True when lines inside blocks are mostly broken mid-sentence near one fixed width."""
    inner = [line for b in blocks if len(b) > 1 for line in b[:-1]]
    if len(inner) < 2:
        return False
    widest = max(len(line) for b in blocks for line in b)
    if widest > 120:
        return False  # a CMS paste: paragraphs are long single lines
    open_ended = sum(1 for line in inner if not _TERMINAL.search(line))
    width = _median([len(line) for line in inner])
    return open_ended / len(inner) > 0.5 and width >= 0.6 * widest and width >= 30


def _join_wrapped(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out += line
        else:
            out += " " + line
    return out


def _median(values: list[int]) -> float:
    """The median of `values` (not empty), as `statistics.median` gives it, without its import."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
