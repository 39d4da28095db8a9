"""Golden table for quotation spans: curly, straight, single, nested, unclosed, apostrophes."""

from __future__ import annotations

import pytest

from audio_edition.text.quotes import strip_quote_marks
from tests.tagged import find_quotes

CASES = [
    ("Ukraine’s president threatened “severe” sanctions.", ["“severe”"]),
    (
        "the two sides were “diametrically opposed” and “a lot of work lies ahead.”",
        ["“diametrically opposed”", "“a lot of work lies ahead.”"],
    ),
    ('He said "we will not go back," and left.', ['"we will not go back,"']),
    ("‘We are ready,’ she said, citing the leaders’ meeting.", ["‘We are ready,’"]),
    ("the return of fallen soldiers’ remains.", []),
    ("Russia’s and Kyiv’s positions differ.", []),
    ("“He told me ‘never again’ and walked off,” she said.", ["“He told me ‘never again’ and walked off,”"]),
    ("\"She said 'no' twice,\" he recalled.", ["\"She said 'no' twice,\""]),
    ("“This quote never ends and keeps going.", ["“This quote never ends and keeps going."]),
    ("It's the '90s again, 'they said' so.", ["'they said'"]),
    ("He said ‘the farmers’ union is angry’ today.", ["‘the farmers’ union is angry’"]),
    ("Rock ’n’ roll is back, fans say.", []),
    ("«Nous restons», a-t-il dit.", ["«Nous restons»"]),
    ("„Wir bleiben“, sagte er.", ["„Wir bleiben“"]),
    ("A stray ” closing mark is ignored.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quote_spans(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in find_quotes(text)] == expected


def test_unclosed_quote_is_marked_open() -> None:
    (span,) = find_quotes("He said “we will see how it goes in July.")
    assert not span.closed


def test_continued_quote_closes_from_paragraph_start() -> None:
    text = "and that is the end of it,” she said."
    (span,) = find_quotes(text, continues=True)
    assert text[span.start : span.end] == "and that is the end of it,”"
    assert find_quotes(text, continues=False) == []


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("“Our position,” he said, “is clear.”", "Our position, he said, is clear."),
        ("Russia’s leaders’ meeting", "Russia's leaders' meeting"),
        ("‘Never,’ she said.", "Never, she said."),
    ],
)
def test_strip_quote_marks_keeps_apostrophes(text: str, spoken: str) -> None:
    assert strip_quote_marks(text) == spoken
