"""Structure detection: title, byline, headings, block quotes, attribution lines, wrapped text."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_edition.errors import InputError
from audio_edition.ingest import parse_article, read_article
from audio_edition.ingest.structure import looks_like_attribution, looks_like_heading
from tests.conftest import ARTICLES, write


def kinds(text: str, fmt: str = "text") -> list[tuple[str, str]]:
    article = parse_article(text, name="t.txt" if fmt == "text" else "t.md", fmt=fmt)
    return [(b.kind, b.text) for b in article.blocks]


def test_reference_article_structure(reference_path: Path) -> None:
    article = read_article(reference_path)
    blocks = article.blocks
    assert article.meta.title == "Peace Talks Istanbul"
    assert article.meta.title_from == "file-name"  # its first line is a sentence, not a headline
    assert [b.text for b in blocks if b.kind == "heading"] == [
        "Moscow Downplays Likelihood Of Reaching Concrete Outcome"
    ]
    attribution = [b for b in blocks if b.kind == "attribution"]
    assert [b.text for b in attribution] == ["Volodymyr Zelenskyy"]
    quote_at = [i for i, b in enumerate(blocks) if b.kind == "blockquote"]
    assert len(quote_at) == 1 and blocks[quote_at[0]].text.startswith("“Our position")
    assert blocks[quote_at[0] + 1].kind == "attribution"
    assert [d.reason for d in article.dropped] == ["read-also"]
    assert not any("READ ALSO" in b.text for b in blocks)
    assert len(blocks) == 22


def test_headline_byline_and_date_are_metadata() -> None:
    article = parse_article(
        "Harbour Ferry Crews Vote to Strike\nBy Marta Reyes\nMarch 3, 2026\nCrews voted on Monday.\n"
    )
    assert article.meta.title == "Harbour Ferry Crews Vote to Strike"
    assert article.meta.title_from == "first-line"
    assert article.meta.byline == "Marta Reyes"
    assert article.meta.date == "March 3, 2026"
    assert [b.text for b in article.blocks] == ["Crews voted on Monday."]


def test_sentence_first_line_is_not_a_title() -> None:
    article = parse_article("The council met on Monday.\nIt voted.\n", name="council-meets.txt")
    assert article.meta.title == "Council Meets"
    assert article.blocks[0].text == "The council met on Monday."


def test_name_after_block_quote_is_attribution_not_heading() -> None:
    got = kinds(
        "Intro line here.\n“We will rebuild every bridge in this city, however long it takes.”\n"
        "Mayor Ana Ruiz\nThe work starts in May.\n"
    )
    assert got[1][0] == "blockquote"
    assert got[2] == ("attribution", "Mayor Ana Ruiz")


def test_title_cased_line_after_quote_with_many_words_is_a_heading() -> None:
    got = kinds(
        "Intro line here.\n“We will rebuild every bridge in this city, however long it takes.”\n"
        "Moscow Downplays Likelihood Of Reaching Concrete Outcome\nMore text follows here.\n"
    )
    assert got[2][0] == "heading"


def test_mixed_quote_and_narration_paragraph_is_not_a_block_quote() -> None:
    got = kinds("Intro line here.\n“We will win,” she said, “and then we rest.”\n")
    assert got[1][0] == "paragraph"


def test_hard_wrapped_text_joins_lines_into_paragraphs() -> None:
    text = (ARTICLES / "council-budget-vote.txt").read_text(encoding="utf-8")
    got = kinds(text)
    assert got[0][0] == "paragraph" and got[0][1].startswith("Westbury councillors approved")
    assert got[0][1].endswith("branch libraries.")
    assert ("heading", "A Compromise on Opening Hours") in got
    assert len(got) == 7


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("What the Operator Says", True),
        ("How the ice was measured", True),
        ("Why Ferries Matter?", True),
        ("The council met on Monday.", False),
        ("“Quoted line without a stop”", False),
        ("he said", False),
        ("A very long line that keeps going and going well past what any subheading would ever hold", False),
    ],
)
def test_heading_golden(line: str, heading: bool) -> None:
    assert looks_like_heading(line) is heading


@pytest.mark.parametrize(
    ("line", "attribution"),
    [
        ("Volodymyr Zelenskyy", True),
        ("— Dr. Ingrid Solberg, lead author", True),
        ("Deidre Fallon, Eastport Maritime Union", True),
        ("Ludwig van Beethoven", True),
        ("The upcoming negotiations would be the third round.", False),
        ("Moscow Downplays Likelihood Of Reaching Concrete Outcome", False),
    ],
)
def test_attribution_golden(line: str, attribution: bool) -> None:
    assert looks_like_attribution(line) is attribution


def test_markdown_front_matter_headings_quotes_and_lists() -> None:
    article = read_article(ARTICLES / "glacier-retreat-survey.md")
    assert article.meta.title.startswith("Survey Finds Alpine Glacier")
    assert article.meta.byline == "Ingrid Solberg and Tomás Herrera"
    assert article.meta.date == "2026-02-11"
    got = [(b.kind, b.text) for b in article.blocks]
    assert got[0][0] == "paragraph"  # the H1 repeating the title is not read twice
    assert ("heading", "How the ice was measured") in got
    assert ("attribution", "— Dr. Ingrid Solberg, lead author") in got
    assert "Valmont Institute said" in got[0][1] and "](" not in got[0][1] and "**" not in got[0][1]
    reasons = {d.reason for d in article.dropped}
    assert {"advertisement", "read-also", "image"} <= reasons


def test_markdown_setext_heading_and_list_items() -> None:
    article = read_article(ARTICLES / "cafe-owners-zurich.md")
    got = [(b.kind, b.text) for b in article.blocks]
    assert ("heading", "What the Owners Want") in got
    assert ("paragraph", "a cap on annual rent increases for ground-floor shops,") in got


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        ("   \n\t\n  ", "is empty"),
        ("READ ALSO: Something else\nAdvertisement\nShare this article\n", "every line was boilerplate"),
    ],
)
def test_unusable_articles_raise_input_error(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_article(write(tmp_path, "bad.txt", content))


def test_front_matter_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="front matter must be a mapping"):
        read_article(write(tmp_path, "list.md", "---\n- a\n- b\n---\nBody text here.\n"))


def test_malformed_front_matter_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not valid YAML"):
        read_article(write(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\nBody text here.\n"))


@pytest.mark.parametrize("name", ["missing.txt", "folder"])
def test_missing_or_folder_paths_are_refused(tmp_path: Path, name: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(InputError):
        read_article(tmp_path / name)


def test_unknown_file_type_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unsupported file type '.docx'"):
        read_article(write(tmp_path, "story.docx", "text"))


@pytest.mark.parametrize("name", ["night-train-returns-cp1252.txt", "library-late-fees-utf16.txt"])
def test_legacy_and_utf16_samples_read_with_their_accents(name: str) -> None:
    article = read_article(ARTICLES / name)
    text = " ".join(b.text for b in article.blocks)
    assert "\x00" not in text and "\ufffd" not in text
    assert ("Renée" in text) or ("Achterberg" in text)


def test_regression_cms_headline_byline_date_are_not_joined_as_wrapped_text() -> None:
    article = read_article(ARTICLES / "coastal-storm-outage.txt")
    assert article.meta.title == "Storm knocks out power to thousands along the coast"
    assert article.meta.byline == "JANE DOE and JOHN ROE"  # the agency line is not a person
    assert article.meta.date == "Updated 2:14 PM EST, February 3, 2026"
    assert article.blocks[0].text.startswith("BRIGHTON BEACH, Maine (AP)")
    assert {d.reason for d in article.dropped} == {"photo-credit", "no-words", "credits"}


def test_regression_standfirst_after_title_is_read_not_a_chapter() -> None:
    article = read_article(ARTICLES / "rents-record-high.md")
    assert article.blocks[0] == article.blocks[0].__class__(
        "paragraph", "Tenants' groups say the government's promises have come to nothing"
    )
    assert [b.text for b in article.blocks if b.kind == "heading"] == ["'We're being priced out'"]
    assert any(d.text == "link: Rents rise fastest in the north" for d in article.dropped)


@pytest.mark.parametrize(
    "line",
    [
        "March 3, 2026",
        "2026-03-03",
        "Updated 2:14 PM EST, February 3, 2026",
        "Published: 3 March 2026",
        "Tue, Feb 3, 2026",
    ],
)
def test_date_lines(line: str) -> None:
    from tests.tagged import looks_like_dateline

    assert looks_like_dateline(line)


@pytest.mark.parametrize("line", ["March was the wettest month since 2026.", "The 2026 budget passed"])
def test_sentences_with_dates_are_not_date_lines(line: str) -> None:
    from tests.tagged import looks_like_dateline

    assert not looks_like_dateline(line)


def test_the_one_abbreviation_table_tells_structure_where_no_sentence_ends() -> None:
    """A full stop after any abbreviation of `languages/abbreviations.py` (`Det. Ruiz`, `U.S. Army`)
    ends no sentence for the heading rules, as for the script's name finder."""
    from audio_edition.ingest.structure import _multiple_sentences
    from audio_edition.languages.abbreviations import ABBREVIATED, SAID

    assert {"det", "supt", "u.s", "cllr", "dr"} <= ABBREVIATED
    for short in SAID:
        written = short if short.endswith(".") else short + "."
        assert not _multiple_sentences(f"Talks with {written} Ruiz resume"), short
    assert _multiple_sentences("Talks resume. Ruiz arrives")
