"""A lede, standfirst or summary the extractor skipped is read, before the body."""

from __future__ import annotations

from pathlib import Path

from audio_edition.ingest import read_article

PAGES = Path(__file__).parent / "pages"


def test_regression_summary_outside_the_body_container_and_bold_intro_are_read() -> None:
    article = read_article(PAGES / "lede-summary.html")
    assert [b.text[:40] for b in article.blocks[:3]] == [
        "Late-shift workers along the coast will ",  # <div class="article-summary"> before the body
        "The regional transport board voted on Mo",  # <div class="article-intro"><strong>
        "The route was withdrawn in 2023 when the",
    ]
    assert article.dropped == ()
    assert not any("Updated" in b.text for b in article.blocks)  # the byline box is not read


def test_regression_standfirst_in_the_header_and_text_after_a_heading_are_read() -> None:
    article = read_article(PAGES / "lede-header.html")
    assert [(b.kind, b.text[:40]) for b in article.blocks[:3]] == [
        ("standfirst", "Forty residents have trained to run the "),  # <header><p class="standfirst">
        ("heading", "A town that reads on Sundays"),
        ("paragraph", "The central library will open from ten u"),  # loose text after the <h2>
    ]
    assert len(article.blocks) == 6


def test_byline_date_and_share_bar_between_title_and_body_are_not_read() -> None:
    article = read_article(Path(__file__).parents[2] / "articles" / "city-marathon-route.html")
    assert article.blocks[0].text.startswith("The Eastport city marathon will no longer cross")
    assert not [b for b in article.blocks if "Correspondent" in b.text or "Share on" in b.text]
