"""A verified build's read-along page lights, in Chromium, the word the manifest times at the moment
played (five positions), and clicking a word plays from it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from audio_edition.ingest import parse_article
from audio_edition.pipeline import produce_article
from tests.publish.test_readalong_browser import chromium

from .conftest import ARTICLE, options_in

pytest.importorskip("faster_whisper")


@pytest.fixture(scope="module")
def verified_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    """The harbour article built with --verify and its read-along page: the page, the manifest's
    segments (each with its timed `words`)."""
    tmp = tmp_path_factory.mktemp("verified-page")
    options = options_in(tmp, formats=("html",))
    produce_article(parse_article(ARTICLE, name="harbour.txt"), "harbour", options)
    out = options.out_dir
    segments = json.loads((out / "harbour.json").read_text(encoding="utf-8"))["segments"]
    return out / "harbour.html", segments


def test_the_word_lit_is_the_word_the_manifest_times_there(
    verified_page: tuple[Path, list[dict[str, Any]]],
) -> None:
    path, segments = verified_page
    assert all(s.get("words") for s in segments)  # every segment timed, word by word
    with chromium() as browser:
        context = browser.new_context(reduced_motion="reduce")
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_function("document.getElementById('player').readyState >= 1")
        positions = [(k, j) for k, s in enumerate(segments) for j in (0, len(s["words"]) // 2)][:5]
        assert len(positions) == 5
        for k, j in positions:
            word = segments[k]["words"][j]
            middle = (word["start"] + word["end"]) / 2
            page.evaluate(f"document.getElementById('player').currentTime = {middle}")
            page.wait_for_function(f"document.querySelector('main span.current')?.id === 's{k}'")
            lit = page.evaluate("document.querySelector('main .word-current')?.textContent ?? null")
            assert lit == word["text"], (k, j, middle)
        last = segments[-1]["words"][-1]
        page.locator(f"main #s{len(segments) - 1} span.w").last.click()
        at = page.evaluate("document.getElementById('player').currentTime")
        assert abs(at - last["start"]) < 0.3, (at, last)
        context.close()
