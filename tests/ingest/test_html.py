"""Web pages and URLs: the article without the page's clutter; pull-quotes spoken once."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from audio_edition.errors import InputError
from audio_edition.ingest import read_article
from audio_edition.pipeline import slug_for
from tests.conftest import ARTICLES

CLUTTER = (
    "Advertisement",
    "Share on",
    "Related stories",
    "Comments",
    "About time",
    "Privacy",
    "Photo:",
    "Subscribe",
    "Sign up",
    "READ MORE",
    "Tags:",
    "Leave a comment",
    "Log in",
)


@pytest.mark.parametrize("name", ["city-marathon-route.html", "reservoir-levels.html"])
def test_pages_give_the_article_and_none_of_the_clutter(name: str) -> None:
    article = read_article(ARTICLES / name)
    text = " ".join(b.text for b in article.blocks)
    assert not [c for c in CLUTTER if c in text]
    assert article.meta.byline in ("Kwame Boateng", "Priya Natarajan")
    assert article.meta.date in ("2026-04-14", "2026-05-02") and article.meta.language == "en"


def test_page_structure_headings_quotes_attribution_lists() -> None:
    article = read_article(ARTICLES / "city-marathon-route.html")
    kinds = [(b.kind, b.text[:30]) for b in article.blocks]
    assert ("heading", "Engineers' concerns") in kinds and ("heading", "What changes for runners") in kinds
    assert ("attribution", "Dr. Tomasz Nowak, who led the ") in kinds
    assert any(k == "blockquote" for k, _ in kinds)
    assert ("paragraph", "Finish: Victoria Square") in kinds
    assert article.meta.title == "Marathon route moves off the bridge after safety review"


def test_pull_quote_repeating_the_body_is_spoken_once() -> None:
    article = read_article(ARTICLES / "reservoir-levels.html")
    text = " ".join(b.text for b in article.blocks)
    assert text.count("Every bucket of water") == 1
    assert [(d.reason, d.text[:20]) for d in article.dropped] == [
        ("caption", "Image: The Upper Val"),
        ("pull-quote", "Every bucket of wate"),
    ]


@pytest.fixture
def server() -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(ARTICLES))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_urls_are_read_from_a_local_server(server: str) -> None:
    url = f"{server}/city-marathon-route.html"
    article = read_article(url, allow_private=True)
    assert article.meta.source == url
    assert article.blocks[0].text.startswith("The Eastport city marathon will no longer cross")
    assert slug_for(url) == "city-marathon-route"


@pytest.mark.parametrize(
    ("path", "message"),
    [("/missing.html", "answered HTTP 404"), ("ftp://example.org/a", "only http and https")],
)
def test_bad_urls_fail_clearly(server: str, path: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_article(server + path if path.startswith("/") else path, allow_private=True)


def test_offline_urls_say_what_to_do() -> None:
    with pytest.raises(InputError, match="no internet access; save the page"):
        read_article("https://news.example.invalid/story")


def test_a_page_without_an_article_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(InputError, match="no article text"):
        read_article(page)
