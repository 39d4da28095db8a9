"""Pull-quotes and repeated paragraphs are spoken once; text said only once is never dropped."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from audio_edition.ingest import read_article
from audio_edition.ingest.candidates import Candidate
from tests.tagged import drop_repeats, sentence_spans

PAGES = Path(__file__).parent / "pages"


def _page() -> tuple[list[str], list[tuple[str, str]]]:
    article = read_article(PAGES / "repeats-and-pull-quotes.html")
    return [b.text for b in article.blocks], [(d.reason, d.text[:30]) for d in article.dropped]


def test_regression_short_paragraph_inside_a_longer_sentence_is_not_a_pull_quote() -> None:
    blocks, _ = _page()
    assert "He resigned." in blocks  # a later paragraph says "… that he resigned because …"


def test_regression_yes_is_not_dropped_because_yesterday_contains_it() -> None:
    blocks, _ = _page()
    assert blocks.count("Yes.") == 2  # two answers, each its own paragraph


def test_pull_quote_and_exact_duplicate_are_spoken_once() -> None:
    blocks, dropped = _page()
    assert dropped == [
        ("pull-quote", '"We made a promise to the crew'),
        ("repeat", "The ferry company said its tim"),
    ]
    assert sum("We made a promise to the crews" in b for b in blocks) == 1
    assert sum(b.startswith("The ferry company said its timetable") for b in blocks) == 1


def test_a_paraphrasing_pull_quote_is_read() -> None:
    blocks, _ = _page()
    assert "The crews have been patient for long enough, and now the board has to act" in blocks


def test_pull_quote_made_of_sentences_from_two_paragraphs_goes_and_both_sources_stay() -> None:
    cands = [
        Candidate("The board met at noon. It voted to cut the late sailing from the summer timetable."),
        Candidate("Crews walked out at six. They said the cut broke a promise made in February."),
        Candidate(
            "It voted to cut the late sailing from the summer timetable. They said the cut broke a "
            "promise made in February.",
            "blockquote",
        ),
    ]
    kept, dropped = drop_repeats(cands)
    assert kept == cands[:2] and [d.reason for d in dropped] == ["pull-quote"]


def test_two_copies_of_one_pull_quote_leave_one_copy_when_nothing_else_says_it() -> None:
    quote = Candidate("We will not run a ferry without a full crew on board.", "blockquote")
    kept, dropped = drop_repeats([Candidate("The union met on Monday night."), quote, quote])
    assert kept == [Candidate("The union met on Monday night."), quote]
    assert [d.reason for d in dropped] == ["repeat"]


POOL = st.sampled_from(
    [
        "He resigned.",
        "Yes.",
        "The board met at noon.",
        "It voted to cut the late sailing from the summer timetable.",
        "Crews said the cut broke a promise made in February.",
        "Board members said yesterday that he resigned because the pay rise was refused.",
    ]
)
PARAGRAPH = st.builds(
    lambda sentences, quoted, hint: Candidate(
        f"“{' '.join(sentences)}”" if quoted else " ".join(sentences), hint
    ),
    st.lists(POOL, min_size=1, max_size=3),
    st.booleans(),
    st.sampled_from([None, None, "blockquote", "heading"]),
)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


@settings(max_examples=300, deadline=None)
@given(cands=st.lists(PARAGRAPH, max_size=8))
def test_every_dropped_sentence_is_still_said_by_a_kept_paragraph(cands: list[Candidate]) -> None:
    kept, dropped = drop_repeats(cands)
    assert len(kept) + len(dropped) == len(cands)
    said = [_words(c.text) for c in kept]
    for gone in dropped:
        for a, b in sentence_spans(gone.text):
            assert any(_words(gone.text[a:b]) in mine for mine in said), gone
