"""Hostile shapes of text that took seconds or minutes (a pattern or a scan quadratic in the
input) now take a fraction of a second: each at a size that was slow before, timed with a generous
bound as a regression guard (scripts/bench_linear.py times the whole `script` per MB)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

from audio_edition.ingest.unreadable import without_unreadable_runs
from audio_edition.model import Block
from audio_edition.script.attribution import prepare
from tests.tagged import find_quotes, speech_text

BOUND_S = 2.0  # each took 17 s or more before


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def test_comment_openers_without_an_end() -> None:
    text = "The ferry runs again. " + "<!-- " * 20_000  # 100 KB: 27 s before
    seconds, said = timed(lambda: speech_text(text).text)
    assert seconds < BOUND_S
    assert said.startswith("The ferry runs again.")
    assert speech_text("A <!-- hidden --> word, <!-- and --> more.").text == "A word, more."


def test_distinct_long_runs() -> None:
    runs = [hashlib.sha256(str(k).encode()).hexdigest() + "x" for k in range(46_000)]  # 3 MB: 17 s before
    seconds, (kept, dropped) = timed(
        lambda: without_unreadable_runs([Block("paragraph", "Ferry " + " ".join(runs))])
    )
    assert seconds < BOUND_S
    assert [b.text for b in kept] == ["Ferry"] and len(dropped) == len(runs)


def test_mixed_curly_marks() -> None:
    text = "“a ”b „c «d " * 4_000  # 48 KB: 17.5 s before
    seconds, spans = timed(lambda: find_quotes(text))
    assert seconds < BOUND_S and spans
    assert find_quotes("He said “it is “really” done” today.")[0].end == len("He said “it is “really” done”")


def test_many_one_line_paragraphs_naming_people() -> None:
    def name(k: int) -> str:
        letters = "".join(chr(ord("a") + int(d)) for d in str(k))
        return "Berg" + letters

    blocks = [Block("paragraph", f"Anna {name(k)} said the ferry runs again.") for k in range(20_000)]
    seconds, doc = timed(lambda: prepare(blocks, []))
    assert seconds < 4 * BOUND_S  # tokenising 20,000 paragraphs is most of it; it was 50 s
    assert doc.cast.full_name(doc.cast.names[-1][1]) == f"Anna {name(19_999)}"


def test_operators_far_from_any_number() -> None:
    from audio_edition.script.symbols import no_stray_symbols

    text = "a < b " * 70_000  # 420 KB: each `<` copied the text either side of it
    seconds, said = timed(lambda: no_stray_symbols(text))
    assert seconds < BOUND_S and "<" not in said
    assert no_stray_symbols("3 < 4, x < y") == "3 < 4, x   y"


def test_single_and_reversed_marks_without_their_closers() -> None:
    for unit in ("‘a ", "»a ", "”a ", ": ‘a "):
        text = unit * 30_000
        seconds, _ = timed(lambda text=text: find_quotes(text, chain_single=True))  # type: ignore[misc]
        assert seconds < BOUND_S, unit
    said = "He said ‘not now’ twice."
    assert [s.inner(said) for s in find_quotes(said)] == ["not now"]
