"""The fake news site the player tests open: two episodes built with `--formats player`, a manifest
with word timings written here (the schema: each segment's `words`, `text`, `start` and `end` in
seconds of the MP3), and the site's article template with two players in it, served over loopback
HTTP with ranges."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.publish.player import embed_snippet
from tests.conftest import ARTICLES
from tests.publish.test_readalong_browser import RangeHandler

TEMPLATE = Path(__file__).parent / "pages" / "news_article.html"
FIRST, SECOND = "harbour-ferry-strike", "glacier-retreat-survey"
WORDS = f"{SECOND}.words.json"


def timed_words(segment: dict[str, Any]) -> list[dict[str, Any]]:
    """The segment's words with times spread over it by their length, in order, as a word aligner
    would give them (each word's end the next one's start)."""
    words = segment["text"].split()
    total = sum(len(w) + 1 for w in words)
    span = segment["end"] - segment["start"]
    out, at = [], segment["start"]
    for w in words:
        end = at + span * (len(w) + 1) / total
        out.append({"text": w, "start": round(at, 3), "end": round(end, 3)})
        at = end
    return out


def build_site(out: Path) -> dict[str, Any]:
    """Both episodes, the word-timed manifest and `news.html`; their manifests returned by slug."""
    for name in (f"{FIRST}.txt", f"{SECOND}.md"):
        produce(ARTICLES / name, Options(engine="fake", out_dir=out, use_cache=False, formats=("player",)))
    manifests = {s: json.loads((out / f"{s}.json").read_text(encoding="utf-8")) for s in (FIRST, SECOND)}
    worded = dict(manifests[SECOND])
    worded["segments"] = [{**s, "words": timed_words(s)} for s in worded["segments"]]
    (out / WORDS).write_text(json.dumps(worded), encoding="utf-8")
    script, first = embed_snippet(FIRST).split("\n")
    second = embed_snippet(SECOND).split("\n")[1].replace(f"{SECOND}.json", WORDS)
    second = second.replace("<audio-edition-player ", '<audio-edition-player class="courier" ')
    page = TEMPLATE.read_text(encoding="utf-8")
    page = page.replace("{{SCRIPT}}", script).replace("{{PLAYER1}}", first).replace("{{PLAYER2}}", second)
    (out / "news.html").write_text(page, encoding="utf-8")
    (out / "broken.html").write_text(
        page.replace(f'manifest="{FIRST}.json"', 'manifest="gone.json"'), encoding="utf-8"
    )
    (out / "no-audio.html").write_text(page.replace(f'src="{FIRST}.mp3"', 'src="gone.mp3"'), encoding="utf-8")
    return {"out": out, FIRST: manifests[FIRST], SECOND: worded}


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """`folder` over loopback HTTP (with ranges: media needs them to seek); yields the base URL."""
    handler = functools.partial(RangeHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def news_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The fake news site built and served for one module: its files, and `base`, its address."""
    built = build_site(tmp_path_factory.mktemp("news"))
    with serve(built["out"]) as base:
        yield {**built, "base": base}
