"""axe-core on the read-along page in headless Chromium: no violation of WCAG 2.2 A and AA or of axe's
best practices, in the light and the dark colour scheme, as loaded and while a quotation plays, for
every sample article, the reference article and a French one written here; and each page's outline is
one h1 and no skipped level.

axe comes from the `axe-playwright-python` package (its bundled `axe.min.js`; AUDIO_EDITION_AXE_JS may
name another copy). Without it, Playwright or chromium these tests skip, unless
AUDIO_EDITION_REQUIRE_TOOLS=1 (CI): then they fail."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from audio_edition.options import Options
from audio_edition.pipeline import produce
from tests.conftest import ARTICLES, REFERENCE
from tests.publish.test_readalong_browser import chromium, missing_tool

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SAMPLES = sorted(p for p in ARTICLES.iterdir() if p.is_file())
NAMES = [p.name for p in SAMPLES] + ["reference", "french"]
FRENCH = """---
title: Le marché couvert rouvre
byline: Claire Dubois
language: fr
---

Le marché couvert de la ville a rouvert ses portes lundi après deux ans de travaux.

« Nous attendions ce jour depuis longtemps », a déclaré la maire Sophie Martin.

## Les commerçants

Une quarantaine de commerçants ont repris leurs étals.
"""
# Seek into the first quotation (else the last sentence), so the highlight and the live region are
# checked too, and wait until the page shows it.
PLAY_A_QUOTATION = """(() => {
  const sentences = JSON.parse(document.getElementById('timeline').textContent).segments;
  const spoken = document.querySelector('main .quote') ?? document.getElementById(sentences.at(-1).id);
  const sentence = sentences.find(s => s.id === spoken.id);
  document.getElementById('player').currentTime = (sentence.start + sentence.end) / 2;
  return sentence.id;
})()"""
OUTLINE = """[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .filter(h => !h.closest('[hidden], [aria-hidden="true"]'))
  .map(h => [Number(h.tagName[1]), !!h.closest('main')])"""
FIRST_HEADINGS = """[...document.querySelectorAll('main > section')]
  .map(s => s.querySelector('h1, h2')?.tagName ?? null)"""


def axe_script() -> Path | None:
    """axe.min.js: the copy AUDIO_EDITION_AXE_JS names, else axe-playwright-python's; None if neither."""
    if os.environ.get("AUDIO_EDITION_AXE_JS"):
        return Path(os.environ["AUDIO_EDITION_AXE_JS"])
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "axe.min.js"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless chromium, one for the module."""
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def axe() -> Path:
    """The axe-core script to inject, or a skip (a failure under AUDIO_EDITION_REQUIRE_TOOLS=1)."""
    script = axe_script()
    if script is None:
        missing_tool("axe-core is not installed (pip install axe-playwright-python, in the test extra)")
    elif not script.is_file():
        missing_tool(f"there is no axe-core script at {script}")
    assert script is not None
    return script


@pytest.fixture(scope="module")
def page_of(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The read-along page of an article (fake engine, html alone), built on first use: a sample, the
    reference article (skips when absent) or `french`, written here."""
    out = tmp_path_factory.mktemp("readalong")
    built: dict[str, Path] = {}

    def page(name: str) -> Path:
        if name not in built:
            path = {"reference": REFERENCE, "french": out / "marche.md"}.get(name, ARTICLES / name)
            if name == "french":
                path.write_text(FRENCH, encoding="utf-8")
            if not path.exists():
                pytest.skip("../shared/articles is not present beside this checkout")
            options = Options(engine="fake", out_dir=out, use_cache=False, formats=("html",))
            built[name] = next(p for p in produce(path, options).files if p.suffix == ".html")
        return built[name]

    return page


def report(violations: list[dict[str, Any]]) -> str:
    """axe's violations, one a line: rule, impact, what it asks, and the nodes' selectors."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}: {[n['target'] for n in v['nodes']]}" for v in violations
    )


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe's violations of the rules tagged `TAGS` on the page as it is now (axe already injected)."""
    options = "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}"
    return page.evaluate(f"tags => axe.run(document, {options}).then(r => r.violations)", TAGS)


@pytest.mark.parametrize("name", NAMES)
def test_axe_finds_no_violation_light_or_dark(
    browser: Any, axe: Path, page_of: Callable[[str], Path], name: str
) -> None:
    opened = browser.new_context(reduced_motion="reduce")  # the page's CSP kept; its scrolling instant
    page = opened.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_of(name).as_uri())
    page.add_script_tag(path=str(axe))
    found: dict[str, list[dict[str, Any]]] = {}
    for state in ("as loaded", "playing a quotation"):
        if state != "as loaded":
            spoken = page.evaluate(PLAY_A_QUOTATION)
            page.wait_for_selector(f"main span.current#{spoken}")
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            found[f"{scheme}, {state}"] = run_axe(page)
    opened.close()
    failed = {when: violations for when, violations in found.items() if violations}
    if failed:
        pytest.fail("\n".join(f"{name}, {when}:\n{report(v)}" for when, v in failed.items()), pytrace=False)
    assert all(url.startswith("file://") for url in requests), requests  # nothing from elsewhere


@pytest.mark.parametrize("name", NAMES)
def test_the_outline_is_one_h1_then_h2_per_chapter(
    browser: Any, page_of: Callable[[str], Path], name: str
) -> None:
    opened = browser.new_context()
    page = opened.new_page()
    page.goto(page_of(name).as_uri())
    levels = page.evaluate(OUTLINE)
    firsts = page.evaluate(FIRST_HEADINGS)
    opened.close()
    assert all(in_main for _, in_main in levels)  # the banner holds the player, not the outline
    assert [level for level, _ in levels].count(1) == 1 and levels[0][0] == 1
    assert all(b <= a + 1 for (a, _), (b, _) in zip(levels, levels[1:], strict=False)), levels
    assert firsts[0] in ("H1", None) and set(firsts[1:]) <= {"H2"}, firsts  # each later chapter: its h2


def test_the_pages_own_words_are_marked_english_in_another_language(page_of: Callable[[str], Path]) -> None:
    root = lxml.html.parse(str(page_of("french"))).getroot()
    assert root.get("lang") == "fr"
    marked = [e for e in root.iter() if e.get("lang") == "en"]
    english = {e.get("class") or e.getparent().tag for e in marked}
    # the skip link, the player (in the header), its voice switch, the keys, the chapters' label, the footer
    assert english == {"skip", "header", "voice", "keys", "nav", "footer"}  # not the article's text or names
    assert all(e.get("lang") is None for e in root.find(".//main").iter())
