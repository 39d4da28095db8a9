"""Markdown read as CommonMark (with tables): golden cases per construct, Markdown in, blocks out."""

from __future__ import annotations

import json

import pytest

from audio_edition.ingest import parse_article
from audio_edition.model import Article

HEAD = "# Harbour report\n\n"  # every case opens with a title, so the blocks below it are the body


def read(body: str) -> Article:
    article = parse_article(HEAD + body, name="t.md", fmt="markdown")
    assert article.meta.title == "Harbour report"
    return article


def blocks(body: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in read(body).blocks]


# What the Markdown reader itself leaves out (the boilerplate rules drop lines for other reasons).
LEFT_OUT = {"code", "html", "image", "caption", "link", "footnote", "table"}


def dropped(body: str) -> list[str]:
    return [d.text for d in read(body).dropped if d.reason in LEFT_OUT]


P = "paragraph"
GOLDEN = {
    "indented code is not read": (
        "The council met.\n\n    fares = compute(2026)\n    print(fares)\n\nIt voted.\n",
        [(P, "The council met."), (P, "It voted.")],
    ),
    "fenced code is not read": (
        "The council met.\n\n```python\nprint('fares')\n```\n\nIt voted.\n",
        [(P, "The council met."), (P, "It voted.")],
    ),
    "a small table is read row by row, headers naming the cells": (
        "Prices:\n\n| Item | Cost |\n|------|-----:|\n| Bread | 2 euros |\n| Milk | 1 euro |\n",
        [(P, "Prices:"), (P, "Item: Bread, Cost: 2 euros."), (P, "Item: Milk, Cost: 1 euro.")],
    ),
    "an empty cell is passed over, a header-less column read bare": (
        "| | Cost |\n|---|---|\n| Bread | |\n| Milk | 1 euro! |\n",
        [(P, "Bread."), (P, "Milk, Cost: 1 euro!")],
    ),
    "a raw HTML block is not read": (
        'The ferry sailed.\n\n<div class="embed">\n<p>Watch the video</p>\n</div>\n\nIt arrived.\n',
        [(P, "The ferry sailed."), (P, "It arrived.")],
    ),
    "a script block is not read": (
        "The ferry sailed.\n\n<script>\nalert('hello')\n</script>\n",
        [(P, "The ferry sailed.")],
    ),
    "an HTML comment is not read": (
        "The ferry sailed.\n\n<!-- editor: check the figures -->\n",
        [(P, "The ferry sailed.")],
    ),
    "inline tags are stripped, a <br> is a space": (
        "The <b>council</b> met<br>today.\n",
        [(P, "The council met today.")],
    ),
    "a lazy continuation line stays in its list item": (
        "Demands:\n\n- a cap on rent rises\nfor ground-floor shops,\n- longer notice periods.\n",
        [(P, "Demands:"), (P, "a cap on rent rises for ground-floor shops,"), (P, "longer notice periods.")],
    ),
    "an indented continuation line stays in its list item": (
        "1. a cap on rent rises\n   for ground-floor shops,\n2. longer notice periods.\n",
        [(P, "a cap on rent rises for ground-floor shops,"), (P, "longer notice periods.")],
    ),
    "a loose item's paragraphs are one paragraph": (
        "- a cap on rent rises.\n\n  It would start in May.\n\n- longer notice periods.\n",
        [(P, "a cap on rent rises. It would start in May."), (P, "longer notice periods.")],
    ),
    "nested list items each stand alone, in order": (
        "- Fares change:\n  - adults pay more,\n  - children ride free.\n- Timetables change too.\n",
        [
            (P, "Fares change:"),
            (P, "adults pay more,"),
            (P, "children ride free."),
            (P, "Timetables change too."),
        ],
    ),
    "a thematic break says nothing": (
        "The ferry sailed.\n\n***\n\nIt arrived.\n\n- - -\n\nIt left.\n",
        [(P, "The ferry sailed."), (P, "It arrived."), (P, "It left.")],
    ),
    "a setext heading over two lines is one heading": (
        "The ferry sailed.\n\nFares and\ntimetables\n---\n\nThey change.\n",
        [(P, "The ferry sailed."), ("heading", "Fares and timetables"), (P, "They change.")],
    ),
    "ATX headings of every level below the title are headings": (
        "Intro text.\n\n## Fares ##\n\nText.\n\n#### Timetables\n\nMore text.\n\n#hashtag is text.\n",
        [
            (P, "Intro text."),
            ("heading", "Fares"),
            (P, "Text."),
            ("heading", "Timetables"),
            (P, "More text."),
            (P, "#hashtag is text."),
        ],
    ),
    "a link reference definition is never read, even with its title on the next line": (
        'Read the [report][r].\n\n[r]: https://example.org/report\n  "The annual report"\n',
        [(P, "Read the report.")],
    ),
    "emphasis, links, autolinks, code, entities and escapes": (
        "The **council** voted _yes_ on [the plan](https://example.org) (see <https://example.org>); "
        "`fare_v2` costs &euro;5 &amp; \\*more\\* ~~today~~.\n",
        [
            (
                P,
                "The council voted yes on the plan (see https://example.org); "
                "fare_v2 costs €5 & *more* today.",
            )
        ],
    ),
    "underscores inside a word are not emphasis": (
        "The file_name_here was lost.\n",
        [(P, "The file_name_here was lost.")],
    ),
    "a hard break joins the lines with a space": (
        "The ferry sailed  \nat noon.\n",
        [(P, "The ferry sailed at noon.")],
    ),
    "a block quote keeps its closing signature as the attribution": (
        "> The ice is thinning from the top down.\n>\n> — Dr. Ingrid Solberg, lead author\n",
        [
            ("blockquote", "The ice is thinning from the top down."),
            ("attribution", "— Dr. Ingrid Solberg, lead author"),
        ],
    ),
    "a signature on the quote's last line is the attribution": (
        "> The ice is thinning from the top down.\n> -- Ingrid Solberg\n",
        [("blockquote", "The ice is thinning from the top down."), ("attribution", "-- Ingrid Solberg")],
    ),
    "a `> - Name` signature is the attribution, not a list": (
        "> The ice is thinning from the top down.\n> - Ingrid Solberg\n",
        [("blockquote", "The ice is thinning from the top down."), ("attribution", "- Ingrid Solberg")],
    ),
    "a lazy continuation line stays in its quote": (
        "> The ice is thinning\nfrom the top down.\n\nShe said so.\n",
        [("blockquote", "The ice is thinning from the top down."), (P, "She said so.")],
    ),
    "each paragraph of a quote, and of a nested quote, is quoted": (
        "> First point.\n>\n> > Second point.\n",
        [("blockquote", "First point."), ("blockquote", "Second point.")],
    ),
    "a wholly bold line is a subheading, right after the title a standfirst": (
        "**Tenants say promises came to nothing**\n\nRents rose.\n\n**What comes next**\n\nA vote.\n",
        [
            (P, "Tenants say promises came to nothing"),
            (P, "Rents rose."),
            ("heading", "What comes next"),
            (P, "A vote."),
        ],
    ),
    "an image is not read; a sentence beside it is": (
        "![Crews at the gate](gate.jpg) The gate closed at noon.\n",
        [(P, "The gate closed at noon.")],
    ),
    "a short line under an image is its caption, not read": (
        "The gate closed.\n\n![A ferry](ferry.jpg)\n*The ferry Aurora at the quay*\n\nIt left.\n",
        [(P, "The gate closed."), (P, "It left.")],
    ),
    "an italic caption under an image is left out, with its full stop or without": (
        "![Reading room](room.jpg)\n\n*The reading room during the autumn trial.*\n\n"
        "![Hall](hall.jpg)\n\n*The hall during the autumn trial*\n\nIt reopened.\n",
        [(P, "It reopened.")],
    ),
    "a plain sentence after an image is read: only an italic line is a caption whatever it ends with": (
        "![Reading room](room.jpg)\n\nThe reading room reopened on Monday.\n",
        [(P, "The reading room reopened on Monday.")],
    ),
    "a short paragraph after an image-only paragraph is its caption": (
        "![A ferry](ferry.jpg)\n\nThe ferry Aurora at the quay\n\nIt left.\n",
        [(P, "It left.")],
    ),
    "a list of bare links (related stories) is not read": (
        "Rents rose.\n\n* [Rents rise fastest in the north](https://example.com)\n* *[Ferries return](x)*\n",
        [(P, "Rents rose.")],
    ),
}


@pytest.mark.parametrize(("markdown", "expected"), GOLDEN.values(), ids=GOLDEN.keys())
def test_markdown_golden(markdown: str, expected: list[tuple[str, str]]) -> None:
    assert blocks(markdown) == expected


@pytest.mark.parametrize(
    ("markdown", "listed"),
    [
        (
            "Text.\n\n    fares = compute(2026)\n    print(fares)\n",
            "code block: fares = compute(2026) print(fares)",
        ),
        ("Text.\n\n```\n```\n", "code block"),
        ('Text.\n\n<div class="embed">\n<p>Watch the video</p>\n</div>\n', 'html block: <div class="embed">'),
        ("Text.\n\n![Crews at the gate](gate.jpg)\n", "image: Crews at the gate"),
        ("Text.\n\n![](gate.jpg)\n", "image"),
        (
            "Text.\n\n![A ferry](f.jpg)\n*The ferry Aurora at the quay*\n",
            "caption: The ferry Aurora at the quay",
        ),
        (
            "Text.\n\n- [Rents rise fastest in the north](https://example.com)\n",
            "link: Rents rise fastest in the north",
        ),
    ],
)
def test_what_is_left_out_is_listed(markdown: str, listed: str) -> None:
    assert any(d.startswith(listed) for d in dropped(markdown)), dropped(markdown)


@pytest.mark.parametrize(
    ("markdown", "reason"),
    [
        ("Text.\n\n```\nprint(1)\n```\n", "code"),
        ("Text.\n\n    fares = compute(2026)\n", "code"),
        ('Text.\n\n<div class="embed">\n<p>Watch</p>\n</div>\n', "html"),
        ("Text.\n\n![Crews at the gate](gate.jpg)\n", "image"),
        ("Text.\n\n- [Rents rise fastest in the north](https://example.com)\n", "link"),
        ("Text.\n\n| A | B |\n|---|---|\n" + "| 1 | 2 |\n" * 13, "table"),
    ],
)
def test_each_left_out_construct_has_its_own_reason_in_the_manifest(markdown: str, reason: str) -> None:
    """The manifest's `dropped[].reason` says what was left out: one reason per construct, not "markup"."""
    article = read(markdown)
    assert [d.reason for d in article.dropped] == [reason]
    assert json.loads(json.dumps([d.reason for d in article.dropped])) == [reason]


def test_an_image_with_its_caption_lists_both_with_their_reasons() -> None:
    article = read("Text.\n\n![A ferry](f.jpg)\n*The ferry Aurora at the quay*\n")
    assert sorted((d.reason, d.text) for d in article.dropped) == [
        ("caption", "caption: The ferry Aurora at the quay"),
        ("image", "image: A ferry"),
    ]


def test_a_table_too_long_to_follow_by_ear_is_left_out_and_listed() -> None:
    rows = "".join(f"| Item {n} | {n} euros |\n" for n in range(13))
    body = f"Prices rose.\n\n| Item | Cost |\n|---|---|\n{rows}\nThat was all.\n"
    assert blocks(body) == [(P, "Prices rose."), (P, "That was all.")]
    assert "table (13 rows of 2 columns): Item, Cost" in dropped(body)


def test_a_table_is_never_read_as_pipes() -> None:
    body = "| Item | Cost |\n|------|------|\n| Bread | 2 euros |\n"
    assert all("|" not in text and "---" not in text for _, text in blocks(body))


def test_front_matter_is_read_before_the_markdown() -> None:
    article = parse_article(
        "---\ntitle: Ferries return\n---\n\n| Item | Cost |\n|---|---|\n| Fare | 4 euros |\n",
        name="t.md",
        fmt="markdown",
    )
    assert article.meta.title == "Ferries return"
    assert [(b.kind, b.text) for b in article.blocks] == [(P, "Item: Fare, Cost: 4 euros.")]


def test_footnotes_are_not_read_and_their_notes_are_listed() -> None:
    pytest.importorskip("mdit_py_plugins.footnote")
    body = "Fares rose by a fifth.[^1] Few complained.\n\n[^1]: Figures from the operator.\n"
    assert blocks(body) == [(P, "Fares rose by a fifth. Few complained.")]
    assert "footnote: Figures from the operator." in dropped(body)
