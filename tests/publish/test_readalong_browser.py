"""The read-along page in a real headless Chromium: seeking moves the highlight, chapters and keys work."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from tests.publish.attributed import expected_speaker

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (CI installs it)")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
    "--mute-audio",
]


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with HTTP Range support, which browsers need to seek in audio."""

    def send_head(self):  # type: ignore[no-untyped-def]
        spec = self.headers.get("Range", "")
        path = self.translate_path(self.path)
        if not spec.startswith("bytes=") or not path.endswith(".mp3"):
            return super().send_head()
        data = open(path, "rb").read()  # noqa: SIM115 - small test file
        first, _, last = spec.removeprefix("bytes=").partition("-")
        start, end = int(first or 0), int(last) if last else len(data) - 1
        self.send_response(206)
        self.send_header("Content-Type", "audio/mpeg")
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        import io

        return io.BytesIO(data[start : end + 1])

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def page_url(everything: dict[str, Any]) -> Iterator[str]:
    """The page served over loopback HTTP (with ranges: media needs them to seek)."""
    handler = functools.partial(RangeHandler, directory=str(everything["out"]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/harbour-ferry-strike.html"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless, driven by Playwright (one per module: the sync API allows one)."""
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def browser_page(browser: Any, page_url: str) -> Iterator[Any]:
    context = browser.new_context(bypass_csp=True)  # the page forbids eval; tests need it
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_url)
    page.wait_for_function("document.getElementById('player').readyState >= 1")
    yield page, requests
    context.close()


def current(page: Any) -> str | None:
    return page.evaluate("document.querySelector('main span.current')?.id ?? null")


def test_seeking_highlights_the_sentence_being_spoken(browser_page: Any, everything: dict[str, Any]) -> None:
    page, requests = browser_page
    segments = everything["manifest"]["segments"]
    for k in (3, 8, len(segments) - 2):
        middle = (segments[k]["start"] + segments[k]["end"]) / 2
        page.evaluate(
            f"(() => {{ const a = document.getElementById('player'); a.currentTime = {middle}; }})()"
        )
        page.wait_for_function(f"document.querySelector('main span.current')?.id === 's{k}'", timeout=5000)
        assert page.evaluate(f"document.getElementById('s{k}').getAttribute('aria-current')") == "true"
    assert all(url.startswith("http://127.0.0.1") for url in requests)


def test_playing_advances_the_highlight(browser_page: Any, everything: dict[str, Any]) -> None:
    page, _ = browser_page
    segments = everything["manifest"]["segments"]
    page.evaluate(f"document.getElementById('player').currentTime = {segments[4]['end'] - 0.3}")
    page.evaluate("document.getElementById('player').play()")
    page.wait_for_function("document.querySelector('main span.current')?.id === 's5'", timeout=8000)
    page.evaluate("document.getElementById('player').pause()")


def test_chapter_buttons_and_keys_move_through_the_text(
    browser_page: Any, everything: dict[str, Any]
) -> None:
    page, _ = browser_page
    chapters = everything["manifest"]["chapters"]
    page.get_by_role("button", name="What the Operator Says").click()
    heading = next(
        k for k, s in enumerate(everything["manifest"]["segments"]) if s["text"] == "What the Operator Says"
    )
    page.wait_for_function(f"document.querySelector('main span.current')?.id === 's{heading}'", timeout=5000)
    assert page.get_by_role("button", name="What the Operator Says").get_attribute("aria-current") == "true"
    page.evaluate("document.getElementById('player').pause()")
    page.locator("main").focus()
    page.keyboard.press("l")
    page.wait_for_function(
        f"document.querySelector('main span.current')?.id === 's{heading + 1}'", timeout=5000
    )
    page.keyboard.press("]")
    third = chapters[2]["start"]
    page.wait_for_function(
        f"Math.abs(document.getElementById('player').currentTime - {third}) < 0.2", timeout=5000
    )
    page.evaluate("document.getElementById('player').pause()")


def _ax_node(page: Any, selector: str) -> dict[str, Any]:
    """Chromium's accessibility node for the element at `selector` (through the DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]


def test_screen_readers_get_a_quotations_speaker_as_its_description(
    browser: Any, attributed: dict[str, Any]
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((attributed["out"] / "harbour-ferry-strike.html").as_uri())
    for k, segment in enumerate(attributed["segments"]):
        if segment["role"] != "quote":
            continue
        node = _ax_node(page, f"#s{k}")
        who = expected_speaker(segment)
        assert node.get("description", {}).get("value") == (f"Quotation from {who}" if who else None)
        if who:
            label = page.evaluate(f"document.getElementById('s{k}').getAttribute('aria-describedby')")
            assert _ax_node(page, f"#{label}")["ignored"]  # not read out in the text itself
    shown = page.evaluate("getComputedStyle(document.querySelector('.speaker .visually-hidden')).clip")
    assert shown == "rect(0px, 0px, 0px, 0px)"  # "Quotation from" is for the description only
    context.close()
