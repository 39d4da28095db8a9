"""The follower's fixtures: a local news site with two feeds (RSS 2.0 and Atom) and their pages, and
a `follow` that runs the command on it with the fake engine and a private cache."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from audio_edition.cli import cli
from tests.follow.news import CYCLE, FERRY, LIBRARY
from tests.follow.site import Site, atom, page, rss, serve
from tests.test_batch import dask_cluster  # noqa: F401 (the fixture, for the tests here)

BASE = "https://example.org/audio"


@pytest.fixture
def site() -> Iterator[Site]:
    """An empty site, served until the test ends."""
    served = Site()
    server = serve(served)
    yield served
    server.shutdown()
    server.server_close()


def rss_item(story: tuple[str, str, list[str]], path: str, date: str, **extra: str) -> dict[str, str]:
    """An RSS item for `story`, its page at `path` on the site."""
    return {"title": story[0], "link": f"PAGE{path}", "guid": f"courier-{path}", "date": date, **extra}


@pytest.fixture
def newsroom(site: Site) -> dict[str, Any]:
    """The Valley Courier: an RSS feed of two stories and an Atom feed of one, with their pages."""
    for story, path in ((FERRY, "/news/ferry"), (LIBRARY, "/news/library"), (CYCLE, "/news/cycle")):
        site.put(path, page(*story))
    items = [
        rss_item(FERRY, "/news/ferry", "Wed, 04 Mar 2026 09:00:00 GMT"),
        rss_item(LIBRARY, "/news/library", "Tue, 03 Mar 2026 09:00:00 GMT"),
    ]
    entry = {"title": CYCLE[0], "link": site.url("/news/cycle"), "id": "tag:courier,2026:cycle"}
    state: dict[str, Any] = {"site": site, "items": items}
    state["rss"] = publish_rss(site, items)
    state["atom"] = site.put(
        "/atom.xml", atom("Courier transport", [entry | {"updated": "2026-03-02T09:00:00Z"}])
    )
    return state


def publish_rss(site: Site, items: list[dict[str, str]]) -> str:
    """Serve the RSS feed of `items` at /rss.xml (links made absolute); returns its URL."""
    absolute = [item | {"link": item["link"].replace("PAGE", site.url(""))} for item in items]
    return site.put("/rss.xml", rss("Valley Courier", absolute), "application/rss+xml")


def follow(
    out: Path, *args: str, where: tuple[str, ...] = ("--processes", "1"), private: bool = True
) -> Result:
    """`audio-edition follow ARGS -o OUT` with the fake engine and a cache beside OUT, built `where`
    (one local process unless told), allowed to read the local site (`--allow-private-hosts`)
    unless `private` is False."""
    common = ["-o", str(out), "--engine", "fake", "--cache-dir", str(out.parent / "cache"), *where]
    common += ["--allow-private-hosts"] if private else []
    return CliRunner().invoke(cli, ["follow", *args, *common, "--base-url", BASE])


def state_of(out: Path) -> dict[str, Any]:
    """The follower's saved state in OUT."""
    data: dict[str, Any] = json.loads((out / ".follow" / "state.json").read_text(encoding="utf-8"))
    return data
