"""Golden cases for the quotation model: one scanner over the article's paragraphs.

Each case is a list of paragraphs and the quotations expected in them: their kind and the text of
each of their spans. Regression cases are named after the defect they pin.
"""

from __future__ import annotations

import pytest

from audio_edition.model import Block
from tests.tagged import find_quotations


def quotations(*paragraphs: str, kinds: dict[int, str] | None = None) -> list[tuple[str, list[str]]]:
    """(kind, span texts) of every quotation in the paragraphs (block kinds by index if given)."""
    blocks = [Block((kinds or {}).get(k, "paragraph"), p) for k, p in enumerate(paragraphs)]  # type: ignore[arg-type]
    return [
        (q.kind, [blocks[s.block].text[s.start : s.end] for s in q.spans]) for q in find_quotations(blocks)
    ]


CASES: list[tuple[str, list[str], list[tuple[str, list[str]]]]] = [
    (
        "curly-speech",
        ["“We will not go back to the old timetable,” she said."],
        [("speech", ["“We will not go back to the old timetable,”"])],
    ),
    ("scare-quote", ["Trump called it a “disappointing” call."], [("scare", ["“disappointing”"])]),
    (
        "unbalanced-nested-mark-does-not-flip-the-paragraph",
        [
            'A demo came in called "Harbour ("No Place Like Home"). "It hit me the moment I heard it," he said.'  # noqa: E501
        ],
        [
            ("title", ['("No Place Like Home"'.lstrip("(")]),
            ("speech", ['"It hit me the moment I heard it,"']),
        ],
    ),
    (
        "unbalanced-curly-mark-recovers-at-sentence-end",
        ["He said “we are fine for now. “We will carry on with the strike until Friday,” she added."],
        [
            ("speech", ["“we are fine for now."]),
            ("speech", ["“We will carry on with the strike until Friday,”"]),
        ],
    ),
    (
        "british-single-quotes-over-three-paragraphs",
        [
            "The minister warns: 'If we don't act now, the ferries will stop by the spring.",
            "'Let's not pretend that goodwill alone can rescue the timetable.",
            "'We are asking the crews to work twelve hours.'",
        ],
        [
            (
                "speech",
                [
                    "'If we don't act now, the ferries will stop by the spring.",
                    "'Let's not pretend that goodwill alone can rescue the timetable.",
                    "'We are asking the crews to work twelve hours.'",
                ],
            )
        ],
    ),
    (
        "curly-single-quotes-over-two-paragraphs",
        [
            "She told the inquiry: ‘Nobody checked the rota that winter, not once.",
            "‘Nobody asked us either.’",
        ],
        [("speech", ["‘Nobody checked the rota that winter, not once.", "‘Nobody asked us either.’"])],
    ),
    (
        "double-quotes-over-three-paragraphs",
        [
            "The mayor spoke first. “We built this harbour together over many years.",
            "“We will rebuild it together, whatever the storms bring.",
            "“And we will not wait for permission,” she said.",
        ],
        [
            (
                "speech",
                [
                    "“We built this harbour together over many years.",
                    "“We will rebuild it together, whatever the storms bring.",
                    "“And we will not wait for permission,”",
                ],
            )
        ],
    ),
    (
        "guillemets-over-two-paragraphs",
        [
            "Le maire a déclaré : « Nous reconstruirons le port ensemble, pierre par pierre.",
            "« Personne ne partira. »",
        ],
        [
            (
                "speech",
                ["« Nous reconstruirons le port ensemble, pierre par pierre.", "« Personne ne partira. »"],
            )
        ],
    ),
    (
        "quote-closed-in-the-next-paragraph-without-reopening",
        [
            "He began: “The crews have waited long enough for an answer",
            "and that is the end of it,” he said.",
        ],
        [("speech", ["“The crews have waited long enough for an answer", "and that is the end of it,”"])],
    ),
    (
        "unclosed-quote-ends-with-its-paragraph",
        ["He said “we will see how it goes in July.", "The festival runs in July."],
        [("speech", ["“we will see how it goes in July."])],
    ),
    (
        "unclosed-quote-ends-before-he-said",
        ['"It hit me the moment I heard it, he said. Then he left the depot.'],
        [("speech", ['"It hit me the moment I heard it,'])],
    ),
    (
        "short-quote-before-long-one-from-same-speaker",
        ['"It was frightening," she said. "The first night I worked alone I locked every door."'],
        [
            ("speech", ['"It was frightening,"']),
            ("speech", ['"The first night I worked alone I locked every door."']),
        ],
    ),
    (
        "short-quote-far-from-long-one-stays-scare",
        ['The change was "a start" but he would "believe it when I hear it, not before."'],
        [("scare", ['"a start"']), ("speech", ['"believe it when I hear it, not before."'])],
    ),
    (
        "titles-in-parenthesis-are-not-speech",
        ['The singer, known for ("The Long Crossing," "The Quiet Year"), also remembers it.'],
        [("title", ['"The Long Crossing,"']), ("title", ['"The Quiet Year"'])],
    ),
    (
        "film-titles-with-years-in-parenthesis",
        [
            "She starred in two dramas (“A House by the Water Again,” 2019, and “Every Light in the Harbour,” 2022)."  # noqa: E501
        ],
        [("title", ["“A House by the Water Again,”"]), ("title", ["“Every Light in the Harbour,”"])],
    ),
    (
        "show-title-with-its-full-stop-inside-the-marks",
        ["She reached the final of “Dancing on the Harbour Ice.” The judges were kind."],
        [("title", ["“Dancing on the Harbour Ice.”"])],
    ),
    (
        "title-cased-sentences-are-still-speech",
        ["The sign read “Stay Home. Stay Safe.” all winter, and the mayor said it worked."],
        [("speech", ["“Stay Home. Stay Safe.”"])],
    ),
    (
        "a-quoted-sentence-in-lowercase-with-a-full-stop-is-speech",
        ["She competed on the show and said “it was the best week of my life.” Then she left."],
        [("speech", ["“it was the best week of my life.”"])],
    ),
    (
        "song-called",
        ['He wrote a song called "Harbour Lights on the Old Pier" that summer.'],
        [("title", ['"Harbour Lights on the Old Pier"'])],
    ),
    (
        "book-titled",
        ["Her memoir, titled “What the Tide Leaves Behind Us,” is out."],
        [("title", ["“What the Tide Leaves Behind Us,”"])],
    ),
    (
        "the-film",
        ["The crew finished the film “The Night Ferry to Eastport” in May."],
        [("title", ["“The Night Ferry to Eastport”"])],
    ),
    (
        "title-cased-name-nobody-said",
        ["The council's “Quiet Streets for Every Neighbourhood” plan begins in May."],
        [("title", ["“Quiet Streets for Every Neighbourhood”"])],
    ),
    (
        "title-cased-words-someone-said-are-speech",
        ["“Never Again, Not In Our Town,” the mayor said."],
        [("speech", ["“Never Again, Not In Our Town,”"])],
    ),
    (
        "said-before-title-case-is-speech",
        ["She said: “Every Crew Deserves a Fair Deal.”"],
        [("speech", ["“Every Crew Deserves a Fair Deal.”"])],
    ),
    (
        "apostrophes-are-not-quotes",
        ["Russia’s and Kyiv’s positions differ on the soldiers’ remains, officials said."],
        [],
    ),
    (
        "nested-single-inside-double",
        ["“He told me ‘never again’ and walked off into the rain,” she said."],
        [("speech", ["“He told me ‘never again’ and walked off into the rain,”"])],
    ),
    (
        "interrupted-quotation",
        ["“Our position,” he said, “is as transparent as it has ever been.”"],
        [("speech", ["“Our position,”"]), ("speech", ["“is as transparent as it has ever been.”"])],
    ),
    (
        "closing-marks-used-for-both-ends",
        ["”We are not going back to the old rota,” she said."],
        [("speech", ["”We are not going back to the old rota,”"])],
    ),
    (
        "opening-mark-typed-as-the-closing-one",
        ["“We are not going back to the old rota,“ she said. “Never.”"],
        [("speech", ["“We are not going back to the old rota,“"]), ("speech", ["“Never.”"])],
    ),
    (
        "heading-ends-an-open-quotation",
        ["She said “we will see how it goes.", "What Comes Next", "“Nobody knows yet,” he said."],
        [("speech", ["“we will see how it goes."]), ("scare", ["“Nobody knows yet,”"])],
    ),
]


@pytest.mark.parametrize(("name", "paragraphs", "expected"), CASES, ids=[c[0] for c in CASES])
def test_quotation_golden(name: str, paragraphs: list[str], expected: list[tuple[str, list[str]]]) -> None:
    kinds = {1: "heading"} if name == "heading-ends-an-open-quotation" else None
    assert quotations(*paragraphs, kinds=kinds) == expected


def test_block_quote_is_one_quotation_whole() -> None:
    found = quotations(
        "The president wrote on Sunday.",
        "Our position is as transparent as possible, and it will not change this week.",
        "Ukraine never wanted this war.",
        kinds={1: "blockquote", 2: "blockquote"},
    )
    assert found == [
        (
            "speech",
            [
                "Our position is as transparent as possible, and it will not change this week.",
                "Ukraine never wanted this war.",
            ],
        )
    ]


def test_marked_block_quote_covers_its_whole_block() -> None:
    text = "“Our position is as transparent as possible. Ukraine never wanted this war.”"
    assert quotations(text, kinds={0: "blockquote"}) == [("speech", [text])]


def test_regression_a_capitalised_quote_ending_on_small_words_is_no_title() -> None:
    """Found by the fuzz test: `“Council 5 the the the,”` was taken for a title (two content
    words, both capitalised or figures) and read by the narrator."""
    text = "The, “The the the the the,” The, “Council 5 the the the,” the."
    kinds = [q.kind for q in find_quotations([Block("paragraph", text)], min_words=4)]
    assert kinds == ["speech", "speech"]
    titled = "The council's “Route 66 Corridor” plan begins in May."
    assert [q.kind for q in find_quotations([Block("paragraph", titled)], min_words=4)] == ["title"]
