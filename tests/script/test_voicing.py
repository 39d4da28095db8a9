"""Every sample article, and the reference article, heard right: attributions in the narrator's
voice, every quotation of four words or more in the quote voice, speakers where the text names them."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_edition.ingest import read_article
from audio_edition.script import write_script
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
