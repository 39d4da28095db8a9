"""The verbs that introduce or attribute speech (`said`, `told`, `warned`), shared by the quotation
rules and the speaker attribution."""

from __future__ import annotations

import re
from collections.abc import Iterable

SPEECH_VERBS = frozenset(
    """acknowledge acknowledged acknowledges add added adds admit admits admitted announce announced
    announces answered argue argued argues ask asked asks assert asserted asserts assured assures cautioned
    claim claimed claims commented comments complained concede conceded concedes concluded concludes confirmed
    continue continued countered cried declare declared declares emphasised emphasized exclaimed
    explain explained explains insist insisted insists joked lamented laughed maintained mused note
    noted notes observed pleaded pledged posted predicted promised quipped recall recalled recalls
    recounted reflected remark remarked remembered replied replies reply respond responded responds
    said say says shouted stated stress stressed stresses suggested tell tells testified told tweet
    tweeted urged vowed warn warned warns whispered write writes wrote""".split()
)
# As a regular-expression alternation, longest first.
SPEECH_VERB_PATTERN = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))


def verb_alternation(words: Iterable[str]) -> str:
    """Words as a regular-expression alternation, longest first (`a déclaré` before `a`)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
