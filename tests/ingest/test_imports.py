"""What reading costs at start-up: the reader loads no audio or engine library, and each format's
parser only when an article of that format is read (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import audio_edition
from tests.conftest import ARTICLES

HEAVY = ["numpy", "scipy", "onnxruntime", "soxr", "pyloudnorm", "mutagen", "gtts", "requests", "piper"]
HTML_ONLY = ["trafilatura", "lxml"]
MARKDOWN_ONLY = ["markdown_it", "yaml"]


def loaded_after_reading(name: str) -> set[str]:
    """`loaded_after` reading the sample article `name`."""
    return loaded_after(
        f"from audio_edition.ingest import read_article\nread_article({str(ARTICLES / name)!r})"
    )


def loaded_after(code: str) -> set[str]:
    """The top-level packages among HEAVY, HTML_ONLY and MARKDOWN_ONLY loaded once `code` has run."""
    watched = HEAVY + HTML_ONLY + MARKDOWN_ONLY
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    package_root = str(Path(audio_edition.__file__).resolve().parents[1])  # this copy of the package
    env = {**os.environ, "PYTHONPATH": package_root}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60, check=True
    )
    return set(json.loads(done.stdout.splitlines()[-1])) & set(watched)


def test_importing_the_reader_loads_no_audio_engine_or_page_library() -> None:
    assert loaded_after("import audio_edition.ingest") == set()


def test_a_text_article_is_read_without_the_markdown_or_html_parsers() -> None:
    assert loaded_after_reading("harbour-ferry-strike.txt") == set()


def test_a_markdown_article_loads_its_parser_and_never_the_html_one() -> None:
    assert loaded_after_reading("glacier-retreat-survey.md") == set(MARKDOWN_ONLY)


def test_a_web_page_loads_the_html_reader() -> None:
    """The check above is meaningful: the HTML path does load what the others must not."""
    assert set(HTML_ONLY) <= loaded_after_reading("reservoir-levels.html")
