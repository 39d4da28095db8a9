"""Why a piece of an article is not read: one `DropReason` per cause, spelled one way, plain strings
in the manifest and the script report."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from audio_edition.cli import cli
from audio_edition.ingest import parse_article, read_article
from audio_edition.model import DropReason
from tests.conftest import ARTICLES, write

BLOB = "q" * 70


def test_a_wordless_line_is_no_words_whichever_step_finds_it() -> None:
    """A rule line (found by structure detection) and a line left wordless once an unreadable run is
    taken out of it (found after) give the same reason."""
    article = parse_article(f"Ferries return\n\nThe strike ended.\n\n***\n\n--- {BLOB} ---\n\nIt ended.\n")
    assert [(d.reason, d.text[:5]) for d in article.dropped] == [
        ("no-words", "***"),
        ("unreadable", BLOB[:5]),
        ("no-words", "--- -"),
    ]
    assert all(type(d.reason) is DropReason for d in article.dropped)


def test_the_script_report_and_its_json_name_the_reason_as_a_plain_string(tmp_path: Path) -> None:
    article = write(tmp_path, "ferries.txt", f"Ferries return\n\nThe strike ended.\n\n--- {BLOB} ---\n")
    runner = CliRunner()
    listed = runner.invoke(cli, ["script", str(article)])
    assert listed.exit_code == 0, listed.output
    assert "dropped (no-words): --- ---" in listed.output
    as_json = runner.invoke(cli, ["script", str(article), "--json"])
    assert as_json.exit_code == 0, as_json.output
    reasons = [d["reason"] for d in json.loads(as_json.output)["dropped"]]
    assert reasons == ["unreadable", "no-words"]


def test_every_reason_the_reader_gives_on_the_sample_articles_is_a_drop_reason() -> None:
    seen = {
        d.reason for path in sorted(ARTICLES.iterdir()) if path.is_file() for d in read_article(path).dropped
    }
    assert seen and all(type(reason) is DropReason for reason in seen)
    assert "markup" not in seen and "no words" not in seen
