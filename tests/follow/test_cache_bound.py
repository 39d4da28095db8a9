"""The cache keeps its bound across a `follow` run of many episodes (least recently used first)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.follow.conftest import follow, publish_rss, rss_item
from tests.follow.news import CYCLE, FERRY, LIBRARY, ORCHARD

BOUND = 3_000_000


def _cache_bytes(cache: Path) -> int:
    return sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())


def test_a_follow_run_of_many_episodes_keeps_the_cache_under_its_bound(site: Any, tmp_path: Path) -> None:
    items = []
    for n in range(10):
        title, byline, paragraphs = (FERRY, LIBRARY, CYCLE, ORCHARD)[n % 4]
        content = "".join(f"<p>{p} Story {n}.</p>" for p in paragraphs)  # each episode its own
        date = f"Fri, {n + 1:02d} Mar 2026 09:00:00 GMT"
        items.append(rss_item((f"{title} {n}", byline, paragraphs), f"/news/{n}", date, content=content))
    feed = publish_rss(site, items)
    out = tmp_path / "out"
    result = follow(out, feed, "--cache-max-size", str(BOUND))
    assert result.exit_code == 0, result.output
    assert "built                 10" in result.output
    assert len(list(out.glob("*.mp3"))) == 10
    cache = tmp_path / "cache"
    assert 0 < _cache_bytes(cache) <= BOUND
    assert len(list((cache / "episodes").rglob("*.episode"))) < 10  # the oldest were removed
