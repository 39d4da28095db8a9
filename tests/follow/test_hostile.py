"""`follow` against hostile feeds and servers: private targets refused (directly and by redirect),
slow servers cut at their deadline, a run stopped at --max-time, bad entries contained."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from audio_edition.ingest import addresses
from tests.follow.conftest import follow, publish_rss, rss_item, state_of


def test_a_private_feed_is_refused_without_the_option(newsroom: dict[str, Any], tmp_path: Path) -> None:
    site, out = newsroom["site"], tmp_path / "out"
    result = follow(out, newsroom["rss"], private=False)
    assert result.exit_code == 1
    assert (
        f"refused: {newsroom['rss']} resolves to a private address 127.0.0.1: "
        "pass --allow-private-hosts to read your own network"
    ) in result.output
    assert site.count() == 0 and not list(out.glob("*.mp3"))


def test_an_entry_redirected_to_a_private_address_is_one_line_and_the_others_are_built(
    newsroom: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, out = newsroom["site"], tmp_path / "out"
    real = addresses.is_public
    monkeypatch.setattr(addresses, "is_public", lambda a: a == "127.0.0.1" or real(a))  # "public" site
    secret = f"http://[::1]:{site.port}/secret"
    site.redirect("/news/innocent", secret)
    hostile = rss_item(("Innocent story", "", []), "/news/innocent", "Thu, 05 Mar 2026 09:00:00 GMT")
    feed = publish_rss(site, [*newsroom["items"], hostile])
    result = follow(out, feed, private=False)
    assert result.exit_code == 1, result.output
    refused = [line for line in result.output.splitlines() if "refused" in line]
    assert refused == [
        f"failed: Innocent story ({site.url('/news/innocent')}): refused: {secret} resolves to a "
        "private address ::1: pass --allow-private-hosts to read your own network (attempt 1 of 4)"
    ]
    assert "built                 2" in result.output and len(list(out.glob("*.mp3"))) == 2
    assert site.count("/secret") == 0
    assert "secret" not in (out / "feed.xml").read_text(encoding="utf-8")
    assert sorted(r["status"] for r in state_of(out)["entries"].values()) == ["built", "built", "failed"]
