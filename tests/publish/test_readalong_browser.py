"""The read-along page in a real headless Chromium: seeking moves the highlight, chapter links and keys
work, the keyboard reaches and operates every control with focus in view, the live region names each
new voice until it is turned off, and the auto-scroll respects reduced motion.

Without Playwright or chromium these tests skip, unless AUDIO_EDITION_REQUIRE_TOOLS=1 (CI): then they fail.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import shutil
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from tests.publish.attributed import expected_speaker

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # the test extra is not installed
    sync_playwright = None  # type: ignore[assignment]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRE_TOOLS = os.environ.get("AUDIO_EDITION_REQUIRE_TOOLS") == "1"
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
PLAYER = "document.getElementById('player')"


def missing_tool(reason: str) -> None:
    """Skip for want of a tool; fail instead where tools are required (CI)."""
    if REQUIRE_TOOLS:
        pytest.fail(f"{reason}, and AUDIO_EDITION_REQUIRE_TOOLS=1 requires it")
    pytest.skip(reason)


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


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """Debian's chromium, headless, driven by Playwright; a skip (or a failure where tools are required)
    when either is missing."""
    if sync_playwright is None:
        missing_tool("Python Playwright is not installed (pip install -e '.[test]')")
    if CHROMIUM is None:
        missing_tool("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """The browser, one per module (the sync API allows one at a time)."""
    with chromium() as launched:
        yield launched


def open_page(browser: Any, url: str, **context: Any) -> tuple[Any, Any, list[str]]:
    """A new context's page at `url` with its audio's metadata loaded, and the URLs it requested (its
    CSP bypassed: it forbids eval, which waiting for a condition needs)."""
    opened = browser.new_context(bypass_csp=True, **context)
    page = opened.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    page.wait_for_function(f"{PLAYER}.readyState >= 1")
    return opened, page, requests


@pytest.fixture(scope="module")
def browser_page(browser: Any, page_url: str) -> Iterator[Any]:
    """One page the playback tests share."""
    opened, page, requests = open_page(browser, page_url)
    yield page, requests
    opened.close()


@pytest.fixture
def fresh_page(browser: Any, page_url: str) -> Iterator[Any]:
    """The page just loaded, nothing focused, in a context of its own."""
    opened, page, _ = open_page(browser, page_url)
    yield page
    opened.close()


def current(page: Any) -> str | None:
    return page.evaluate("document.querySelector('main span.current')?.id ?? null")


def seek_to_middle(page: Any, segment: dict[str, Any]) -> None:
    """Set the player's time to the middle of a manifest segment (as dragging the slider would)."""
    page.evaluate(f"{PLAYER}.currentTime = {(segment['start'] + segment['end']) / 2}")


def test_seeking_highlights_the_sentence_being_spoken(browser_page: Any, everything: dict[str, Any]) -> None:
    page, requests = browser_page
    segments = everything["manifest"]["segments"]
    for k in (3, 8, len(segments) - 2):
        seek_to_middle(page, segments[k])
        page.wait_for_function(f"document.querySelector('main span.current')?.id === 's{k}'", timeout=5000)
        assert page.evaluate(f"document.getElementById('s{k}').getAttribute('aria-current')") == "true"
    assert all(url.startswith("http://127.0.0.1") for url in requests)


def test_playing_advances_the_highlight(browser_page: Any, everything: dict[str, Any]) -> None:
    page, _ = browser_page
    segments = everything["manifest"]["segments"]
    page.evaluate(f"{PLAYER}.currentTime = {segments[4]['end'] - 0.3}")
    page.evaluate(f"{PLAYER}.play()")
    page.wait_for_function("document.querySelector('main span.current')?.id === 's5'", timeout=8000)
    page.evaluate(f"{PLAYER}.pause()")


def test_chapter_links_and_keys_move_through_the_text(browser_page: Any, everything: dict[str, Any]) -> None:
    page, _ = browser_page
    chapters = everything["manifest"]["chapters"]
    chapter_nav = page.get_by_role("navigation", name="Chapters")
    chapter_nav.get_by_role("link", name="What the Operator Says").click()
    heading = next(
        k for k, s in enumerate(everything["manifest"]["segments"]) if s["text"] == "What the Operator Says"
    )
    page.wait_for_function(f"document.querySelector('main span.current')?.id === 's{heading}'", timeout=5000)
    assert (
        chapter_nav.get_by_role("link", name="What the Operator Says").get_attribute("aria-current") == "true"
    )
    assert chapter_nav.locator("[aria-current]").count() == 1
    page.evaluate(f"{PLAYER}.pause()")
    page.locator("main").focus()
    page.keyboard.press("l")
    page.wait_for_function(
        f"document.querySelector('main span.current')?.id === 's{heading + 1}'", timeout=5000
    )
    page.keyboard.press("]")
    third = chapters[2]["start"]
    page.wait_for_function(f"Math.abs({PLAYER}.currentTime - {third}) < 0.2", timeout=5000)
    page.evaluate(f"{PLAYER}.pause()")


# --- the keyboard path ----------------------------------------------------------------------------

# the focused control, inside the player's shadow root too: its name, whether the browser shows focus
# there, and the outline it is drawn with
FOCUSED = """(() => {
  let e = document.activeElement;
  while (e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
  const label = e.labels && e.labels[0];
  const name = e.getAttribute('aria-label')
    || (label && (label.querySelector('.label') || label).textContent.trim()) || e.textContent.trim();
  const s = getComputedStyle(e);
  const outline = [s.outlineStyle, s.outlineWidth];
  return {tag: e.tagName, name, visible: e.matches(':focus-visible'), outline};
})()"""
PLAYER_STOPS = [
    "Play", "Position", "Back 15 seconds", "Forward 15 seconds", "Speed", "Chapters", "Download MP3"
]  # fmt: skip


def test_tab_reaches_every_control_in_order_with_focus_visible(
    fresh_page: Any, everything: dict[str, Any]
) -> None:
    page = fresh_page
    titles = [c["title"] for c in everything["manifest"]["chapters"]]
    met: list[dict[str, Any]] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "BODY":
            break
        met.append(focused)
    announcer = "Tell screen readers who is speaking"
    expected = ["Skip to the article text", *PLAYER_STOPS, announcer, *titles]
    assert [m["name"] for m in met] == expected
    for seen in met:
        assert seen["visible"], seen
        assert seen["outline"] == ["solid", "3px"], seen  # a focus ring shows where the control is


def test_enter_and_space_operate_the_controls(fresh_page: Any, everything: dict[str, Any]) -> None:
    page = fresh_page
    chapters, segments = everything["manifest"]["chapters"], everything["manifest"]["segments"]
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link puts focus on the text, where the keys work
    assert page.evaluate("document.activeElement.id") == "text"
    page.keyboard.press("l")
    page.wait_for_function("document.querySelector('main span.current')?.id === 's1'", timeout=5000)
    page.keyboard.press("k")
    page.wait_for_function(f"!{PLAYER}.paused", timeout=5000)
    page.keyboard.press(" ")
    page.wait_for_function(f"{PLAYER}.paused", timeout=5000)

    link = page.get_by_role("navigation", name="Chapters").get_by_role("link", name=chapters[2]["title"])
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"Math.abs({PLAYER}.currentTime - {chapters[2]['start']}) < 0.2", timeout=5000)
    assert link.get_attribute("aria-current") == "true"
    assert page.evaluate("document.activeElement.textContent") == chapters[2]["title"]  # focus stays
    page.evaluate(f"{PLAYER}.pause()")
    here = current(page)
    page.keyboard.press("l")  # single-key shortcuts do nothing on a link (WCAG 2.1.4)
    assert current(page) == here and page.evaluate("location.hash") == "#text"  # the link did not navigate

    toggle = page.get_by_role("checkbox", name="Tell screen readers who is speaking")
    toggle.focus()
    for checked in (False, True):
        page.keyboard.press(" ")
        assert toggle.is_checked() is checked
    seek_to_middle(page, segments[3])
    page.wait_for_function("document.querySelector('main span.current')?.id === 's3'", timeout=5000)


# --- the screen-reader path -----------------------------------------------------------------------


def _ax_node(page: Any, selector: str) -> dict[str, Any]:
    """Chromium's accessibility node for the element at `selector` (through the DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]


def test_a_live_region_names_each_new_voice_until_turned_off(
    fresh_page: Any, everything: dict[str, Any]
) -> None:
    page = fresh_page
    segments = everything["manifest"]["segments"]
    q = next(k for k, s in enumerate(segments) if s["role"] == "quote" and s.get("speaker"))
    assert segments[q - 1]["role"] != "quote" and segments[q + 1]["role"] != "quote"
    region = page.locator("#speaking")
    properties = {p["name"]: p["value"]["value"] for p in _ax_node(page, "#speaking")["properties"]}
    assert properties["live"] == "polite" and properties["atomic"] is True
    toggle = page.get_by_role("checkbox", name="Tell screen readers who is speaking")
    assert toggle.is_checked()

    said = []
    for k in (q - 1, q, q + 1):  # narration, the quotation, narration again
        seek_to_middle(page, segments[k])
        page.wait_for_function(f"document.querySelector('main span.current')?.id === 's{k}'", timeout=5000)
        said.append(region.text_content())
    assert said == ["Narrator", f"Quotation from {segments[q]['speaker']}", "Narrator"]

    toggle.click()
    assert not toggle.is_checked() and region.text_content() == ""
    seek_to_middle(page, segments[q])
    page.wait_for_function(f"document.querySelector('main span.current')?.id === 's{q}'", timeout=5000)
    assert region.text_content() == ""  # no more announcements
    toggle.click()
    assert region.text_content() == f"Quotation from {segments[q]['speaker']}"


def test_the_text_is_an_outline_of_one_h1_and_a_h2_per_chapter(
    fresh_page: Any, everything: dict[str, Any]
) -> None:
    headings = fresh_page.evaluate(
        """[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
             .filter(h => !h.closest('[hidden], [aria-hidden="true"]'))
             .map(h => [Number(h.tagName[1]), h.textContent.trim(), !!h.closest('main')])"""
    )
    titles = [c["title"] for c in everything["manifest"]["chapters"]]
    assert headings == [[1, titles[0], True], *([2, t, True] for t in titles[1:])]
    links = fresh_page.get_by_role("navigation", name="Chapters").get_by_role("link")
    assert links.all_text_contents() == titles
    for n, link in enumerate(links.all(), start=1):  # each leads to its chapter without script too
        assert link.get_attribute("href") == f"#chapter{n}"
        assert fresh_page.evaluate(f"document.getElementById('chapter{n}').tagName") == "SECTION"


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


# --- motion ---------------------------------------------------------------------------------------

RECORD_SCROLLS = """window.scrolls = [];
const scrollIntoView = Element.prototype.scrollIntoView;
Element.prototype.scrollIntoView = function (options) {
  window.scrolls.push(options);
  return scrollIntoView.call(this, options);
};"""


@pytest.mark.parametrize(("motion", "behaviour"), [("no-preference", "smooth"), ("reduce", "auto")])
def test_the_auto_scroll_respects_reduced_motion(
    browser: Any, page_url: str, everything: dict[str, Any], motion: str, behaviour: str
) -> None:
    opened = browser.new_context(bypass_csp=True, reduced_motion=motion)
    opened.add_init_script(RECORD_SCROLLS)
    page = opened.new_page()
    page.goto(page_url)
    page.wait_for_function(f"{PLAYER}.readyState >= 1")
    seek_to_middle(page, everything["manifest"]["segments"][-2])
    page.wait_for_function("window.scrolls.length > 0", timeout=5000)
    assert {s["behavior"] for s in page.evaluate("window.scrolls")} == {behaviour}
    opened.close()
