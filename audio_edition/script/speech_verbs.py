"""The verbs that introduce or attribute speech (`said`, `told`, `warned`), shared by the quotation
rules and the speaker attribution."""

from __future__ import annotations

import re
from collections.abc import Iterable

from audio_edition.languages.en_words import SPEECH_VERBS

# As a regular-expression alternation, longest first.
SPEECH_VERB_PATTERN = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))


def verb_alternation(words: Iterable[str]) -> str:
    """Words as a regular-expression alternation, longest first (`a déclaré` before `a`)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
