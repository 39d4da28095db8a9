"""`follow` as a newcomer meets it (issue 25): a URL that is no feed leaves nothing behind, names
are cut at a word, the day's bulletins are titled apart and say the podcast's name, and the
channel's settings persist with the state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import feedparser
from click.testing import CliRunner

from audio_edition.cli import cli
from audio_edition.follow.entries import word_cut
from tests.follow.conftest import BASE, follow, publish_rss, rss_item, state_of
from tests.follow.news import FERRY, ORCHARD
from tests.follow.site import Site, page

LOCAL = ["--allow-private-hosts"]  # the test site is served on this machine


def test_a_url_that_is_no_feed_prints_no_table_and_leaves_nothing(site: Site, tmp_path: Path) -> None:
    url = site.put("/news/ferry", page(*FERRY))
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            "follow",
            url,
            "-o",
            str(out),
            "--engine",
            "fake",
            "--base-url",
            BASE,
            "--title",
            "Valley Radio",
            *LOCAL,
        ],
    )
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "built" not in result.output
    assert not out.exists()
    (tmp_path / "kept").mkdir()
    assert (
        CliRunner()
        .invoke(cli, ["follow", url, "-o", str(tmp_path / "kept"), "--base-url", BASE, *LOCAL])
        .exit_code
        == 2
    )
    assert list((tmp_path / "kept").iterdir()) == []  # a folder that was there stays, empty


def test_names_are_cut_at_a_word(site: Site, tmp_path: Path) -> None:
    assert word_cut("ferry-crews-vote-to-strike-after-two-years-of-talks-on-night-shifts") == (
        "ferry-crews-vote-to-strike-after-two-years-of"
    )
    assert word_cut("short-title") == "short-title"
    assert word_cut("a" * 60) == "a" * 48
    title = "Harbour ferry returns to Gull Island after two years of winter repairs"
    site.put("/news/ferry", page(title, FERRY[1], FERRY[2]))
    feed = publish_rss(site, [rss_item((title, *FERRY[1:]), "/news/ferry", "Wed, 04 Mar 2026 09:00:00 GMT")])
    out = tmp_path / "out"
    assert follow(out, feed).exit_code == 0
    [record] = state_of(out)["entries"].values()
    assert record["slug"].startswith("harbour-ferry-returns-to-gull-island-after-two-")
    assert record["slug"].rsplit("-", 1)[0] == "harbour-ferry-returns-to-gull-island-after-two"


def test_bulletins_are_titled_apart_say_the_podcast_and_the_channel_persists(
    newsroom: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    channel = ["--title", "Valley Radio", "--description", "Local news, read aloud.",
               "--image", "https://example.org/art.png"]  # fmt: skip
    first = follow(out, newsroom["rss"], "--bulletin", *channel)
    assert first.exit_code == 0, first.output
    site = newsroom["site"]
    site.put("/news/orchard", page(*ORCHARD))
    publish_rss(
        site, [rss_item(ORCHARD, "/news/orchard", "Thu, 05 Mar 2026 08:00:00 GMT"), *newsroom["items"]]
    )
    second = follow(out, newsroom["rss"], "--bulletin")  # no channel options this time
    assert second.exit_code == 0, second.output

    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert feed.feed.title == "Valley Radio" and feed.feed.subtitle == "Local news, read aloud."
    assert feed.feed.image.href == "https://example.org/art.png"
    bulletins = [e.title for e in feed.entries if e.title.startswith("Bulletin, ")]
    assert len(bulletins) == 2 and len(set(bulletins)) == 2 and bulletins[0].endswith(" (2)")
    for manifest in out.glob("bulletin-*.json"):
        if manifest.name.count(".") == 1:
            said = json.loads(manifest.read_text(encoding="utf-8"))["segments"][0]["text"]
            assert said.startswith("This is Valley Radio, the bulletin for ")
