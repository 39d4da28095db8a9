"""Words heard near the join of two clips given to the clip they were meant in.

Clips are heard laid end to end, and Whisper's word times drift by a few tenths of a second, so
the last word of one clip ("said") is now and then placed at the start of the next. At each join
the split that makes the two clips' errors fewest is kept (the heard split when none is better).
"""

from __future__ import annotations

from audio_edition.verify.compare import Token, align, as_heard, heard_words, score
from audio_edition.verify.recognizer import GAP_S, Heard

MOST = 2  # words moved across one join at most


def settle(heard: list[list[Heard]], meant: list[list[Token]], durations: list[float]) -> list[list[Heard]]:
    """`heard` (one list per clip, times from each clip's start) with words moved across the joins
    where that fits what each clip meant better; times re-based on the clip a word moves to."""
    out = [list(words) for words in heard]
    edges = [_edges(words, m) for words, m in zip(out, meant, strict=True)]
    errors = [e[0] for e in edges]
    for k in range(len(out) - 1):
        if not edges[k][2] and not edges[k + 1][1]:
            continue  # the clip before ends and the one after begins as meant: nothing strayed
        shift = durations[k] + GAP_S  # from clip k's clock to clip k+1's
        best = (errors[k] + errors[k + 1], out[k], out[k + 1])
        for n in range(1, MOST + 1):
            if n <= len(out[k + 1]):
                moved = [Heard(w.text, w.start + shift, w.end + shift) for w in out[k + 1][:n]]
                best = _better(best, out[k] + moved, out[k + 1][n:], meant[k], meant[k + 1])
            if n <= len(out[k]):
                moved = [
                    Heard(w.text, max(0.0, w.start - shift), max(0.0, w.end - shift)) for w in out[k][-n:]
                ]
                best = _better(best, out[k][:-n], moved + out[k + 1], meant[k], meant[k + 1])
        if best[1] is not out[k]:
            out[k], out[k + 1] = best[1], best[2]
            errors[k], errors[k + 1] = _errors(out[k], meant[k]), _errors(out[k + 1], meant[k + 1])
    return out


def _edges(words: list[Heard], meant: list[Token]) -> tuple[int, bool, bool]:
    """A clip's errors, and whether its first and its last meant or heard word is not matched."""
    heard = heard_words([w.text for w in words], meant)
    path = align(as_heard(meant, heard), heard)
    if not path:
        return 0, False, False

    def off(step: tuple[int, int, int, int, int]) -> bool:
        return step[1] == 0 or step[3] == 0 or step[4] > 0

    return sum(step[4] for step in path), off(path[0]), off(path[-1])


def _errors(words: list[Heard], meant: list[Token]) -> int:
    return score(meant, heard_words([w.text for w in words], meant)).errors


def _better(
    best: tuple[int, list[Heard], list[Heard]],
    first: list[Heard],
    second: list[Heard],
    meant_first: list[Token],
    meant_second: list[Token],
) -> tuple[int, list[Heard], list[Heard]]:
    errors = _errors(first, meant_first) + _errors(second, meant_second)
    return (errors, first, second) if errors < best[0] else best
