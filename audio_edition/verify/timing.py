"""Every written word of a segment given its time in the final MP3, from the words heard.

The segment's text is split on whitespace; each word is aligned to the heard words (as `compare`
aligns, names leniently, two heard words for one written); a word matched or substituted takes
the heard word's times, a run of words heard as nothing shares the time between its neighbours
by length. Times go from the clip's clock to the episode's: less the silence mastering trimmed
from the clip's start, stretched by the tempo change, from the segment's start; kept inside the
segment and in order.
"""

from __future__ import annotations

import numpy as np

from audio_edition.audio.shape import KEEP_MS, SILENCE_DB
from audio_edition.model import Clip, TimedWord
from audio_edition.verify.compare import Token, align, heard_words, plain_words
from audio_edition.verify.recognizer import Heard


def lead_of(clip: Clip) -> float:
    """Seconds of silence mastering trims from the clip's start (`audio.shape.trim`)."""
    loud = np.flatnonzero(np.abs(clip.samples) > 10 ** (SILENCE_DB / 20))
    if len(loud) == 0:
        return 0.0
    return max(0, int(loud[0]) - int(clip.sample_rate * KEEP_MS / 1000)) / clip.sample_rate


def timed_words(
    text: str, heard: list[Heard], *, lead: float, start: float, end: float, scale: float = 1.0
) -> tuple[TimedWord, ...]:
    """Each whitespace-separated word of `text`, in order, with its start and end in seconds on
    the episode's clock (rounded to milliseconds), inside [start, end] and never going back."""
    written = text.split()
    tokens: list[Token] = []
    owner: list[int] = []
    for k, word in enumerate(written):
        for part in plain_words(word):
            tokens.append(Token(part, word[:1].isupper()))
            owner.append(k)
    pieces, times = _heard_pieces(heard, tokens)
    spans: list[list[float]] = [[] for _ in written]
    for i, a, j, b, _ in align(tokens, pieces):
        if a and b:  # the heard words' time shared among the meant ones by length
            first, last = times[j][0], times[j + b - 1][1]
            lengths = [len(t.text) for t in tokens[i : i + a]]
            at = first
            for k, n in zip(range(i, i + a), lengths, strict=True):
                step = (last - first) * n / max(1, sum(lengths))
                spans[owner[k]] += [at, at + step]
                at += step
    clock = [(start + (min(s) - lead) * scale, start + (max(s) - lead) * scale) if s else None for s in spans]
    return _in_order(written, _filled(written, clock, start, end), start, end)


def _heard_pieces(heard: list[Heard], written: list[Token]) -> tuple[list[str], list[tuple[float, float]]]:
    """Heard words as plain pieces in the written words' form (`top-level` is two, `7` is
    `seven` where the text says so), each with its share of the word's time."""
    pieces: list[str] = []
    times: list[tuple[float, float]] = []
    for word in heard:
        parts = heard_words([word.text], written)
        step = (word.end - word.start) / max(1, len(parts))
        for n, part in enumerate(parts):
            pieces.append(part)
            times.append((word.start + n * step, word.start + (n + 1) * step))
    return pieces, times


def _filled(
    written: list[str], clock: list[tuple[float, float] | None], start: float, end: float
) -> list[tuple[float, float]]:
    """Words without a time share the gap between their timed neighbours by their length."""
    out: list[tuple[float, float]] = []
    k = 0
    while k < len(written):
        if clock[k] is not None:
            out.append(clock[k])  # type: ignore[arg-type]
            k += 1
            continue
        run_end = k
        while run_end < len(written) and clock[run_end] is None:
            run_end += 1
        left = out[-1][1] if out else start
        right = clock[run_end][0] if run_end < len(written) else end  # type: ignore[index]
        right = max(left, right)
        lengths = [len(w) + 1 for w in written[k:run_end]]
        at = left
        for n in lengths:
            step = (right - left) * n / sum(lengths)
            out.append((at, at + step))
            at += step
        k = run_end
    return out


def _in_order(
    written: list[str], times: list[tuple[float, float]], start: float, end: float
) -> tuple[TimedWord, ...]:
    words: list[TimedWord] = []
    floor = start
    for word, (a, b) in zip(written, times, strict=True):
        a = min(max(a, floor, start), end)
        b = min(max(b, a), end)
        a, b = round(a, 3), round(b, 3)
        words.append(TimedWord(word, a, b))
        floor = b
    return tuple(words)
