"""Bylines are people's names only: dates, weekdays, months and times are taken out (and give the
date), and so are job titles, blurbs, outlets and agencies; a byline naming nobody is none."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_edition.ingest import read_article
from tests.conftest import ARTICLES, write
from tests.tagged import clean_byline

PAGES = Path(__file__).parent / "pages"

GOLDEN = [
    ("Ana Ruiz; Monday; November 18, 2019", ("Ana Ruiz", "November 18, 2019")),
    ("Ana Ruiz; Tom Okafor Monday; November", ("Ana Ruiz and Tom Okafor", None)),
    (
        "Ana Ruiz and Tom Okafor Monday, November 18, 2019, 04:05 pm",
        ("Ana Ruiz and Tom Okafor", "November 18, 2019"),
    ),
    ("By Ana Ruiz and Tom Okafor | Updated 4:05 PM", ("Ana Ruiz and Tom Okafor", None)),
    ("Ana Ruiz; Tom Okafor; Updated", ("Ana Ruiz and Tom Okafor", None)),
    ("Mary-Jane O'Neil and Sam de la Cruz", ("Mary-Jane O'Neil and Sam de la Cruz", None)),
    ("Mary-Jane O'Neil; Sam de la Cruz", ("Mary-Jane O'Neil and Sam de la Cruz", None)),
    ("Ana Ruiz; Tom Okafor; Li Wei", ("Ana Ruiz, Tom Okafor and Li Wei", None)),
    ("Li Sun, Tue, Feb 3, 2026 at 9:15 a.m. ET", ("Li Sun", "Feb 3, 2026")),
    ("Ana Ruiz | 18 November 2019 16:05 GMT", ("Ana Ruiz", "18 November 2019")),
    ("Ana Ruiz, Updated: Nov. 18, 2019 at 4:05 p.m. EST", ("Ana Ruiz", "Nov. 18, 2019")),
    ("Ana Ruiz, Published 2 hours ago", ("Ana Ruiz", None)),
    ("Ana Ruiz 2019-11-18T16:05:00Z", ("Ana Ruiz", "2019-11-18")),
    # look-alikes kept whole: names that are months, names that hold an outlet's word
    ("Theresa May", ("Theresa May", None)),
    ("June Carter and April Ryan", ("June Carter and April Ryan", None)),
    ("Sam Post and Dana Herald", ("Sam Post and Dana Herald", None)),
    ("Ana Ruiz with Tom Okafor", ("Ana Ruiz with Tom Okafor", None)),
    ("Monday", (None, None)),
    # people's names only: job titles, blurbs, outlets, agencies and credentials taken out
    ("JANE DOE and JOHN ROE Associated Press", ("JANE DOE and JOHN ROE", None)),
    ("Kwame Boateng, Sports Correspondent", ("Kwame Boateng", None)),
    ("By Lars Engel is a reporter.", ("Lars Engel", None)),
    ("Lars Engel is a senior writer covering transport", ("Lars Engel", None)),
    ("Ana Ruiz for The Evening Courier", ("Ana Ruiz", None)),
    ("Ana Ruiz, Associated Press", ("Ana Ruiz", None)),
    ("Ana Ruiz, Ph.D.", ("Ana Ruiz", None)),
    ("Ana Ruiz, Tom Okafor", ("Ana Ruiz and Tom Okafor", None)),
    # bylines that name no person are no byline
    ("Reuters", (None, None)),
    ("Associated Press", (None, None)),
    ("Harbour News Staff", (None, None)),
    ("Finnish and Danish transport ministries", (None, None)),
]


@pytest.mark.parametrize(("byline", "expected"), GOLDEN)
def test_byline_golden(byline: str, expected: tuple[str | None, str | None]) -> None:
    assert clean_byline(byline) == expected


def test_regression_byline_with_date_is_not_spoken_as_names_and_months(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "ferry.html",
        "<html lang='en'><head><title>Ferry fares rise</title></head><body><article>"
        "<h1>Ferry fares rise</h1>"
        "<div class='byline'>By Ana Ruiz and Tom Okafor Monday, November 18, 2019, 04:05 pm</div>"
        "<p>The harbour ferry operator will raise fares by a fifth from July, it said on Monday, "
        "blaming the cost of fuel and a shortage of crew.</p>"
        "<p>A single ticket will cost 4.80 dollars, and monthly passes will rise by less, the "
        "operator said in a statement to passengers.</p></article></body></html>",
    )
    article = read_article(page)
    assert article.meta.byline == "Ana Ruiz and Tom Okafor"
    assert article.meta.date == "2019-11-18"


@pytest.mark.parametrize(
    ("path", "byline"),
    [
        (PAGES / "wordpress-figures.html", "Ana Ruiz and Tom Okafor"),
        (
            ARTICLES / "harbour-gate-closed.html",
            "Ana Ruiz",
        ),  # <meta name="author" content="Ana Ruiz; Monday; …">
        (PAGES / "lede-summary.html", "Ana Ruiz and Tom Okafor"),  # "By … | Updated 4:05 PM"
        (PAGES / "lede-header.html", "Mary-Jane O'Neil"),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else None,
)
def test_page_bylines_are_names_only(path: Path, byline: str) -> None:
    assert read_article(path).meta.byline == byline


def test_text_byline_gets_the_same_cleaning_and_gives_the_date(tmp_path: Path) -> None:
    article = read_article(
        write(
            tmp_path,
            "fares.txt",
            "Ferry Fares to Rise by a Fifth\n\n"
            "By Ana Ruiz and Tom Okafor Monday, November 18, 2019, 04:05 pm\n\n"
            "The harbour ferry operator will raise fares from July.\n",
        )
    )
    assert article.meta.byline == "Ana Ruiz and Tom Okafor"
    assert article.meta.date == "November 18, 2019"
    assert [b.text for b in article.blocks] == ["The harbour ferry operator will raise fares from July."]


def test_a_dateline_after_a_dated_byline_is_the_date_and_is_not_read(tmp_path: Path) -> None:
    article = read_article(
        write(
            tmp_path,
            "fares.txt",
            "Ferry Fares to Rise by a Fifth\n\nBy Ana Ruiz | Monday, November 18, 2019\n\n"
            "Updated 2:14 PM EST, November 19, 2019\n\nThe harbour ferry operator will raise fares.\n",
        )
    )
    assert (article.meta.byline, article.meta.date) == ("Ana Ruiz", "Updated 2:14 PM EST, November 19, 2019")
    assert [b.text for b in article.blocks] == ["The harbour ferry operator will raise fares."]


def test_a_byline_line_that_differs_from_the_front_matter_is_listed_as_dropped(tmp_path: Path) -> None:
    article = read_article(
        write(
            tmp_path,
            "fares.md",
            "---\ntitle: Ferry fares\nauthor: Ana Ruiz\ndate: 2019-11-18\n---\n"
            "By Tom Okafor, Transport Correspondent\n\nNovember 18, 2019\n\nThe operator will raise fares.\n",
        )
    )
    assert article.meta.byline == "Ana Ruiz" and article.meta.date == "2019-11-18"
    assert [(d.reason, d.text) for d in article.dropped] == [
        ("byline", "By Tom Okafor, Transport Correspondent"),
        ("dateline", "November 18, 2019"),
    ]
