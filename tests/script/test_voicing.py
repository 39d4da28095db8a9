"""Every sample article, and the reference article, heard right: attributions in the narrator's
voice, every quotation of four words or more in the quote voice, speakers where the text names them."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_edition.ingest import read_article
from audio_edition.preview import write_script
from tests.script.voicing_audit import attributions_in_quote_voice, quotations_in_narrator_voice

ARTICLES = sorted(p for p in (Path(__file__).parents[2] / "articles").iterdir() if p.is_file())


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_sample_article_voices(path: Path) -> None:
    script = write_script(read_article(path))
    assert attributions_in_quote_voice(script) == []
    assert quotations_in_narrator_voice(script) == []


def test_reference_article_voices(reference_path: Path) -> None:
    script = write_script(read_article(reference_path))
    assert attributions_in_quote_voice(script) == []
    assert quotations_in_narrator_voice(script) == []


def test_a_news_page_is_voiced_and_attributed() -> None:
    """A page of our own in a common CMS shape: byline with a date, a figure caption, an embedded
    post signed `— Name (@handle) date`, a pull-quote, a call to action and a credit line."""
    article = read_article(Path(__file__).parents[1] / "data" / "tram-page.html")
    script = write_script(article)
    assert article.meta.byline == "Ana Ruiz and Tom Okafor"
    assert {d.reason for d in article.dropped} >= {"caption", "call-to-action", "credits"}
    quotes = {s.text: s.speaker for s in script.segments if s.role == "quote"}
    assert quotes['"a very expensive way to move a few students around town."'] == "Hamish Doyle"
    assert quotes["Huge day for Eastport!"] == "Eastport Cycling"
    assert quotes['"It will not be quick, and it will not be cheap."'] == "Priya Raman"
    assert sum("stops talking" in s.text for s in script.segments) == 1  # the pull-quote once
    signature = next(s for s in script.segments if s.text.startswith("— Eastport Cycling"))
    assert signature.role == "attribution"
    assert attributions_in_quote_voice(script) == []
    assert quotations_in_narrator_voice(script) == []
