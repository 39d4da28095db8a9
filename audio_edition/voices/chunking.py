"""Cut text into as few pieces as an engine's character limit allows, at the most natural breaks."""

from __future__ import annotations

import re

# Break points, best first: end of sentence, clause punctuation, dash, then any space.
_BREAKS = (
    re.compile(r"[.!?…][\"'”’»)]*\s"),
    re.compile(r"[;:][\"'”’»)]*\s"),
    re.compile(r",[\"'”’»)]*\s"),
    re.compile(r"\s[–—-]+\s"),
    re.compile(r"\s"),
)


def chunk_text(text: str, limit: int) -> list[str]:
    """Pieces of `text`, each at most `limit` characters, cut where a reader would pause.

    A break is taken only past a third of the limit, so pieces stay long and requests few;
    a single word longer than the limit is cut inside it.
    """
    rest = " ".join(text.split())
    pieces: list[str] = []
    while len(rest) > limit:
        cut = _best_cut(rest, limit)
        pieces.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    if rest:
        pieces.append(rest)
    return [p for p in pieces if p]


def _best_cut(text: str, limit: int) -> int:
    window = text[: limit + 1]
    floor = limit // 3
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window) if floor <= m.start() < limit]
        if ends:
            return ends[-1]
    return limit
