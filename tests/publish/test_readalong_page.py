"""The read-along page as a new reader meets it: the show, the byline and each attribution said once,
Markdown lists as lists, the headline in the first screen of a 390 x 844 phone (a Chromium
screenshot), axe at 0 there; and, where the timeline times words, the word being read lit."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from audio_edition.options import SHOW_NAME, Options
from audio_edition.pipeline import produce
from tests.conftest import ARTICLES
from tests.publish.player_site import timed_words
from tests.publish.test_readalong_axe import axe_script, report, run_axe
from tests.publish.test_readalong_browser import chromium

PHONE = {"width": 390, "height": 844}
NAMES = ("glacier-retreat-survey", "cafe-owners-zurich")
TIMELINE = re.compile(r'(<script type="application/json" id="timeline">)(.*?)(</script>)', re.S)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pages")
    options = Options(engine="fake", out_dir=out, use_cache=False, formats=("html",))
    for name in ("glacier-retreat-survey.md", "cafe-owners-zurich.md"):
        produce(ARTICLES / name, options)
    return {n: out / f"{n}.html" for n in NAMES}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def visible_text(path: Path) -> str:
    """What the page shows: its body's text without scripts and hidden elements."""
    root = lxml.html.parse(str(path)).getroot()
    for gone in root.xpath("//script | //style | //*[@hidden] | //*[contains(@class, 'visually-hidden')]"):
        gone.drop_tree()
    return " ".join(root.find("body").text_content().split())


def test_the_show_and_the_byline_are_shown_once(pages: dict[str, Path]) -> None:
    for name, path in pages.items():
        text = visible_text(path)
        top = text.split(lxml.html.parse(str(path)).find(".//h1").text_content().strip())[0]
        assert top.count(SHOW_NAME) == 1, (name, top)  # said in the opening; no masthead repeating it
        manifest = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert text.count(manifest["byline"]) == 1, name  # in the opening, not again in the footer


def test_a_quotation_with_its_attribution_line_names_the_speaker_once(pages: dict[str, Path]) -> None:
    root = lxml.html.parse(str(pages["glacier-retreat-survey"])).getroot()
    quote = root.xpath("//blockquote[following-sibling::*[1][self::p][starts-with(normalize-space(), '—')]]")
    assert quote, "the sample's block quotation with its signature"
    label = quote[0].find(".//span[@class='speaker']")
    assert label is not None and label.get("hidden") is not None  # not on screen: the line says it
    spoken = quote[0].find(".//span[@aria-describedby]")
    assert spoken is not None and spoken.get("aria-describedby") == label.get("id")  # a reader still hears it
    assert visible_text(pages["glacier-retreat-survey"]).count("Ingrid Solberg, lead author") == 1


def test_markdown_lists_are_lists(pages: dict[str, Path]) -> None:
    root = lxml.html.parse(str(pages["cafe-owners-zurich"])).getroot()
    items = [" ".join(li.text_content().split()) for li in root.xpath("//main//ul/li")]
    assert items == [
        "a cap on annual rent increases for ground-floor shops,",
        "longer notice periods before a new lease takes effect,",
        "and a city fund for shop-front repairs.",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_the_headline_is_in_a_phones_first_screen(
    browser: Any, pages: dict[str, Path], name: str, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    page = context.new_page()
    page.goto(pages[name].as_uri())
    page.wait_for_function("document.getElementById('player').readyState >= 1")
    shot = tmp_path / f"{name}.png"
    page.screenshot(path=str(shot))  # the first screen, as a phone shows it
    headline = page.locator("h1").bounding_box()
    assert shot.stat().st_size > 0 and headline is not None
    assert 0 <= headline["y"] and headline["y"] + headline["height"] <= PHONE["height"], headline
    assert page.evaluate("document.elementFromPoint(30, %f).closest('h1') !== null" % (headline["y"] + 20))
    page.add_script_tag(path=str(axe_script()))
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        violations = run_axe(page)
        assert not violations, f"{name}, {scheme}, 390 px:\n{report(violations)}"
    context.close()


def test_with_word_timings_the_page_lights_the_word_being_read(browser: Any, pages: dict[str, Path]) -> None:
    path = pages["glacier-retreat-survey"]
    segments = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["segments"]
    worded = path.with_name("worded.html")

    def add_words(match: re.Match[str]) -> str:
        timeline = json.loads(match.group(2))
        for entry, segment in zip(timeline["segments"], segments, strict=True):
            entry["words"] = timed_words(segment)
        return match.group(1) + json.dumps(timeline).replace("<", "\\u003c") + match.group(3)

    worded.write_text(TIMELINE.sub(add_words, path.read_text(encoding="utf-8")), encoding="utf-8")
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(worded.as_uri())
    page.wait_for_function("document.getElementById('player').readyState >= 1")
    last = len(segments) - 1
    for k in sorted({1, last // 4, last // 2, 3 * last // 4, last - 1}):
        words = timed_words(segments[k])
        j = len(words) // 2
        page.evaluate(
            f"document.getElementById('player').currentTime = {(words[j]['start'] + words[j]['end']) / 2}"
        )
        page.wait_for_function(f"document.querySelector('main span.current')?.id === 's{k}'")
        lit = page.evaluate("document.querySelector('main .word-current')?.textContent ?? null")
        assert lit == words[j]["text"], k
    assert (
        page.evaluate("document.querySelector('main span.current').textContent") == segments[last - 1]["text"]
    )
    context.close()
