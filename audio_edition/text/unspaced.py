"""Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar): how
their text is told from a blob, and how its words are counted."""

from __future__ import annotations

import re

UNSPACED_LETTER = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)


def word_count(text: str) -> int:
    """Words of `text`: its space-separated words, plus one for about two letters of an unspaced script."""
    return len(text.split()) + len(UNSPACED_LETTER.findall(text)) // 2


def is_unspaced_prose(run: str) -> bool:
    """A run mostly of letters of a script written without spaces: running text, not a blob."""
    return len(UNSPACED_LETTER.findall(run)) * 2 >= len(run)
