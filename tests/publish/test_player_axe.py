"""axe-core on the fake news site's page with its two players (WCAG 2.2 A and AA and axe's best
practices): no violation in the light and the dark colour scheme, 320 and 1280 pixels wide, as loaded
and with a transcript, the word switch and the chapters menu open and a word lit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.publish.test_readalong_axe import report, run_axe

PLAYERS = "[...document.querySelectorAll('audio-edition-player')]"


@pytest.mark.parametrize("width", [320, 1280])
def test_axe_finds_no_violation_in_the_players(
    browser: Any, axe: Path, news_site: dict[str, Any], width: int
) -> None:
    opened = browser.new_context(
        bypass_csp=True, viewport={"width": width, "height": 900}, reduced_motion="reduce"
    )
    page = opened.new_page()
    page.goto(news_site["base"] + "news.html")
    page.wait_for_function(f"{PLAYERS}.every(p => p.readyState >= 1 && p.shadowRoot.querySelector('.s'))")
    page.add_script_tag(path=str(axe))
    found: dict[str, list[dict[str, Any]]] = {}
    words = news_site["glacier-retreat-survey"]["segments"][5]["words"]
    for state in ("as loaded", "transcripts open, a word lit", "chapters menu open"):
        if state == "transcripts open, a word lit":
            for n in (0, 1):
                page.locator("audio-edition-player").nth(n).get_by_role("button", name="Transcript").click()
            page.evaluate(f"{PLAYERS}[1].currentTime = {(words[2]['start'] + words[2]['end']) / 2}")
            page.wait_for_function(f"{PLAYERS}[1].shadowRoot.querySelector('.word-current')")
        elif state == "chapters menu open":
            page.locator("audio-edition-player").nth(0).get_by_role("button", name="Chapters").click()
            page.wait_for_function(f"!{PLAYERS}[0].shadowRoot.querySelector('[role=menu]').hidden")
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            found[f"{scheme}, {width} px, {state}"] = run_axe(page)
    opened.close()
    failed = {when: violations for when, violations in found.items() if violations}
    if failed:
        pytest.fail("\n".join(f"{when}:\n{report(v)}" for when, v in failed.items()), pytrace=False)
