"""The embeddable player on a fake news site's article template (two players, one script), in headless
Chromium: each plays, seeks, changes speed and chapter by mouse and by keyboard alone without moving
the other; the transcript lights the sentence (and, with word timings, the word) the manifest times
at each position; a player whose files are missing says so in one line; nothing shifts as it loads;
speed is remembered; nothing is asked of another host.

Without Playwright or chromium these tests skip, unless AUDIO_EDITION_REQUIRE_TOOLS=1 (CI)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.publish.player_site import FIRST, SECOND

PLAYERS = "[...document.querySelectorAll('audio-edition-player')]"
STATE = f"""{PLAYERS}.map(p => ({{time: p.currentTime, paused: p.paused, rate: p.playbackRate,
  sentence: p.shadowRoot.querySelector('.s.current')?.dataset.k ?? null,
  word: p.shadowRoot.querySelector('.word-current')?.textContent ?? null,
  said: p.shadowRoot.querySelector('[role=status]').textContent.trim()}}))"""


@pytest.fixture
def news(browser: Any, news_site: dict[str, Any]) -> Iterator[tuple[Any, list[str]]]:
    """The news page with both players ready, and every URL it requested."""
    opened = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = opened.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(news_site["base"] + "news.html")
    page.wait_for_function(f"{PLAYERS}.every(p => p.readyState >= 1 && p.shadowRoot.querySelector('.s'))")
    yield page, requests
    opened.close()


def state(page: Any) -> list[dict[str, Any]]:
    return page.evaluate(STATE)


def player(page: Any, n: int) -> Any:
    return page.locator("audio-edition-player").nth(n)


def wait_time(page: Any, n: int, seconds: float, within: float = 0.3) -> None:
    page.wait_for_function(f"Math.abs({PLAYERS}[{n}].currentTime - {seconds}) < {within}", timeout=5000)


@pytest.mark.parametrize("n", [0, 1])
def test_each_player_works_by_mouse_and_leaves_the_other_alone(
    news: tuple[Any, list[str]], news_site: dict[str, Any], n: int
) -> None:
    page, requests = news
    other = 1 - n
    box = player(page, n)
    manifest = news_site[(FIRST, SECOND)[n]]
    box.get_by_role("button", name="Play").click()
    page.wait_for_function(f"!{PLAYERS}[{n}].paused", timeout=5000)
    box.get_by_role("button", name="Pause").click()
    page.wait_for_function(f"{PLAYERS}[{n}].paused", timeout=5000)
    assert state(page)[other]["paused"]

    slider = box.get_by_role("slider", name="Position")
    bounds = slider.bounding_box()
    page.mouse.click(bounds["x"] + bounds["width"] / 2, bounds["y"] + bounds["height"] / 2)
    wait_time(page, n, manifest["duration"] / 2, within=manifest["duration"] * 0.05)
    assert state(page)[other]["time"] == 0

    box.get_by_role("combobox", name="Speed").select_option("1.5")
    page.wait_for_function(f"{PLAYERS}[{n}].playbackRate === 1.5")
    assert state(page)[n]["said"] == "Speed 1.5 times" and state(page)[other]["rate"] == 1

    third = manifest["chapters"][2]
    box.get_by_role("button", name="Chapters").click()
    item = box.get_by_role("menuitemradio", name=third["title"])
    item.click()
    wait_time(page, n, third["start"])
    assert box.get_by_role("menu").is_hidden()
    page.wait_for_function(
        f"{PLAYERS}[{n}].shadowRoot.querySelector('[role=status]').textContent.includes('Chapter')"
    )
    assert state(page)[n]["said"] == f"Chapter: {third['title']}"
    box.get_by_role("button", name="Chapters").click()
    assert item.get_attribute("aria-checked") == "true"
    page.keyboard.press("Escape")
    assert all(url.startswith(news_site["base"]) for url in requests), requests  # no other host


def focus_on(page: Any, n: int, name: str, limit: int = 60) -> None:
    """Tab (never the mouse) until the control `name` of player `n` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        here = page.evaluate(
            f"""(() => {{ const p = {PLAYERS}[{n}], e = p.shadowRoot.activeElement;
              return document.activeElement === p && e ? (e.closest('label')?.textContent.trim()
                || e.getAttribute('aria-label') || e.textContent.trim()) : null; }})()"""
        )
        if here is not None and here.startswith(name):
            return
    raise AssertionError(f"Tab never reached {name!r} in player {n}")


@pytest.mark.parametrize("n", [0, 1])
def test_each_player_works_by_keyboard_alone(
    news: tuple[Any, list[str]], news_site: dict[str, Any], n: int
) -> None:
    page, _ = news
    manifest = news_site[(FIRST, SECOND)[n]]
    focus_on(page, n, "Play")
    page.keyboard.press("Enter")
    page.wait_for_function(f"!{PLAYERS}[{n}].paused", timeout=5000)
    page.keyboard.press(" ")
    page.wait_for_function(f"{PLAYERS}[{n}].paused", timeout=5000)
    assert state(page)[1 - n]["paused"]

    page.keyboard.press("Tab")  # the position slider: arrows move 5 s, End to the end, Home back
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    start = state(page)[n]["time"]
    assert 14.5 < start < 16, start
    page.keyboard.press("Home")
    wait_time(page, n, 0)

    focus_on(page, n, "Forward 15 seconds")
    page.keyboard.press("Enter")
    wait_time(page, n, 15)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press(" ")
    wait_time(page, n, 0)

    focus_on(page, n, "Speed")
    page.keyboard.press("ArrowDown")
    page.wait_for_function(f"{PLAYERS}[{n}].playbackRate === 1.25")
    assert state(page)[n]["said"] == "Speed 1.25 times" and state(page)[1 - n]["rate"] == 1

    focus_on(page, n, "Chapters")
    page.keyboard.press("Enter")  # the menu opens on the current chapter
    for _ in range(2):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_time(page, n, manifest["chapters"][2]["start"])
    name = page.evaluate(f"{PLAYERS}[{n}].shadowRoot.activeElement.textContent")
    assert name.startswith("Chapters")  # focus back on the menu button
    page.keyboard.press("ArrowUp")  # opens on the last chapter; Escape closes it
    assert page.evaluate(f"{PLAYERS}[{n}].shadowRoot.activeElement.getAttribute('role')") == "menuitemradio"
    page.keyboard.press("Escape")
    assert player(page, n).get_by_role("menu").is_hidden()

    focus_on(page, n, "Transcript")
    page.keyboard.press("Enter")
    assert player(page, n).get_by_role("region", name="Transcript", exact=False).is_visible()


def positions(segments: list[dict[str, Any]]) -> list[int]:
    """Five sentences spread over the episode."""
    last = len(segments) - 1
    return sorted({1, last // 4, last // 2, 3 * last // 4, last - 1})


@pytest.mark.parametrize("n", [0, 1])
def test_the_transcript_lights_the_sentence_the_manifest_times(
    news: tuple[Any, list[str]], news_site: dict[str, Any], n: int
) -> None:
    page, _ = news
    segments = news_site[(FIRST, SECOND)[n]]["segments"]
    player(page, n).get_by_role("button", name="Transcript").click()
    for k in positions(segments):
        middle = (segments[k]["start"] + segments[k]["end"]) / 2
        page.evaluate(f"{PLAYERS}[{n}].currentTime = {middle}")
        page.wait_for_function(f"{PLAYERS}[{n}].shadowRoot.querySelector('.s.current')?.dataset.k === '{k}'")
        lit = page.evaluate(f"{PLAYERS}[{n}].shadowRoot.querySelector('.s.current').textContent")
        assert lit == segments[k]["text"]
    assert len(positions(segments)) == 5


def test_with_word_timings_the_word_being_said_is_lit(
    news: tuple[Any, list[str]], news_site: dict[str, Any]
) -> None:
    page, _ = news
    segments = news_site[SECOND]["segments"]
    box = player(page, 1)
    box.get_by_role("button", name="Transcript").click()
    for k in positions(segments):
        words = segments[k]["words"]
        j = len(words) // 2
        page.evaluate(f"{PLAYERS}[1].currentTime = {(words[j]['start'] + words[j]['end']) / 2}")
        page.wait_for_function(
            f"{PLAYERS}[1].shadowRoot.querySelector('.word-current')?.dataset.w === '{j}'"
            f" && {PLAYERS}[1].shadowRoot.querySelector('.s.current').dataset.k === '{k}'"
        )
        assert state(page)[1]["word"] == words[j]["text"]
    assert state(page)[0]["word"] is None  # the player without word timings lights sentences only

    box.get_by_role("checkbox", name="Highlight each word").uncheck()  # the switch turns words off
    page.wait_for_function(f"!{PLAYERS}[1].shadowRoot.querySelector('.word-current')")
    box.get_by_role("checkbox", name="Highlight each word").check()

    k = positions(segments)[2]
    target = segments[k]["words"][3]
    box.locator(f".s[data-k='{k}'] .w[data-w='3']").click()  # a word clicked plays from it
    page.wait_for_function(f"!{PLAYERS}[1].paused")
    page.evaluate(f"{PLAYERS}[1].pause()")
    assert target["start"] <= state(page)[1]["time"] < target["end"] + 1


@pytest.mark.parametrize(
    ("page_name", "missing"), [("broken.html", "gone.json"), ("no-audio.html", "gone.mp3")]
)
def test_a_player_whose_files_are_missing_says_so_in_one_line(
    browser: Any, news_site: dict[str, Any], page_name: str, missing: str
) -> None:
    opened = browser.new_context(bypass_csp=True)
    page = opened.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(news_site["base"] + page_name)
    problem = player(page, 0).locator(".problem")
    problem.wait_for(state="visible")
    assert problem.text_content() == f"This audio cannot be played: {missing} could not be loaded."
    assert problem.bounding_box()["height"] < 60  # one line
    assert player(page, 0).get_by_role("button", name="Play").count() == 0  # no dead controls
    page.wait_for_function(f"{PLAYERS}[1].readyState >= 1")  # the other still plays
    player(page, 1).get_by_role("button", name="Play").click()
    page.wait_for_function(f"!{PLAYERS}[1].paused", timeout=5000)
    assert errors == []
    opened.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_nothing_shifts_while_the_players_load(browser: Any, news_site: dict[str, Any], width: int) -> None:
    opened = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 800})
    opened.add_init_script(
        "window.shifts = []; new PerformanceObserver(l => window.shifts.push(...l.getEntries()"
        ".map(e => e.value))).observe({type: 'layout-shift', buffered: true});"
    )
    page = opened.new_page()
    page.goto(news_site["base"] + "news.html")
    page.wait_for_function(f"{PLAYERS}.every(p => p.readyState >= 1 && p.shadowRoot.querySelector('.s'))")
    page.wait_for_timeout(300)
    assert page.evaluate("window.shifts") == []
    heights = page.evaluate(f"{PLAYERS}.map(p => p.getBoundingClientRect().height)")
    assert heights[0] == heights[1] and heights[0] <= 100  # the bar, in its fixed height
    opened.close()


def test_the_speed_chosen_is_remembered_without_cookies(browser: Any, news_site: dict[str, Any]) -> None:
    opened = browser.new_context(bypass_csp=True)
    page = opened.new_page()
    page.goto(news_site["base"] + "news.html")
    page.wait_for_function(f"{PLAYERS}.every(p => p.readyState >= 1)")
    player(page, 0).get_by_role("combobox", name="Speed").select_option("1.75")
    page.reload()
    page.wait_for_function(f"{PLAYERS}.every(p => p.readyState >= 1)")
    assert state(page)[0]["rate"] == 1.75 and state(page)[1]["rate"] == 1.75
    assert opened.cookies() == []
    opened.close()


@pytest.mark.parametrize(("motion", "behaviour"), [("no-preference", "smooth"), ("reduce", "auto")])
def test_the_transcript_follows_without_motion_when_asked(
    browser: Any, news_site: dict[str, Any], motion: str, behaviour: str
) -> None:
    opened = browser.new_context(
        bypass_csp=True, reduced_motion=motion, viewport={"width": 800, "height": 900}
    )
    opened.add_init_script(
        "window.scrolls = []; const to = Element.prototype.scrollTo;"
        "Element.prototype.scrollTo = function (o) {"
        " window.scrolls.push(o.behavior); return to.call(this, o); };"
    )
    page = opened.new_page()
    page.goto(news_site["base"] + "news.html")
    page.wait_for_function(f"{PLAYERS}.every(p => p.readyState >= 1 && p.shadowRoot.querySelector('.s'))")
    player(page, 0).get_by_role("button", name="Transcript").click()
    page.evaluate("window.scrolls = []")
    segments = news_site[FIRST]["segments"]
    page.evaluate(f"{PLAYERS}[0].currentTime = {segments[-2]['start'] + 0.05}")
    page.wait_for_function("window.scrolls.length > 0")
    assert set(page.evaluate("window.scrolls")) == {behaviour}
    assert page.evaluate("window.scrollY") == 0  # the page itself stays where the reader left it
    opened.close()


def test_in_a_320_pixel_column_nothing_runs_off_the_screen(browser: Any, news_site: dict[str, Any]) -> None:
    opened = browser.new_context(bypass_csp=True, viewport={"width": 320, "height": 700})
    page = opened.new_page()
    page.goto(news_site["base"] + "news.html")
    page.wait_for_function(f"{PLAYERS}.every(p => p.readyState >= 1 && p.shadowRoot.querySelector('.s'))")
    for n in (0, 1):
        player(page, n).get_by_role("button", name="Transcript").click()
    player(page, 0).get_by_role("button", name="Chapters").click()
    menu = player(page, 0).get_by_role("menu").bounding_box()
    assert menu is not None and menu["x"] >= 0 and menu["x"] + menu["width"] <= 320
    assert page.evaluate("document.documentElement.scrollWidth") == 320
    for n in (0, 1):  # every control of the bar inside the column
        boxes = player(page, n).locator(".bar button, .bar select, .bar a, .bar input").all()
        assert all(0 <= b["x"] and b["x"] + b["width"] <= 320 for b in (x.bounding_box() for x in boxes))
    opened.close()
