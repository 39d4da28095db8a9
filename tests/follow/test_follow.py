"""`audio-edition follow` against a local news site: first run, conditional re-runs, new and
updated entries, failures contained and given up, full-content feeds, --keep, --max-new, --since."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import feedparser

from audio_edition import __version__
from audio_edition.build_cache import BuildCache
from audio_edition.publish.edition import edition_uuid
from audio_edition.publish.formats import owned_names
from tests.follow.conftest import follow, publish_rss, rss_item, state_of
from tests.follow.news import FERRY, MARKET, ORCHARD
from tests.follow.site import page


def episodes(out: Path) -> list[Any]:
    """The items of OUT/feed.xml, as a podcast app reads them."""
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    assert parsed.version == "rss20"
    return list(parsed.entries)


def test_first_run_builds_every_entry_then_a_second_run_asks_and_builds_nothing(
    newsroom: dict[str, Any], tmp_path: Path
) -> None:
    site, out = newsroom["site"], tmp_path / "out"
    first = follow(out, newsroom["rss"], newsroom["atom"])
    assert first.exit_code == 0, first.output
    assert "built                 3" in first.output
    assert site.count("/news/") == 3 and site.count("/") == 5  # two feeds, three pages
    assert all(r.user_agent.startswith(f"audio-edition/{__version__} ") for r in site.log)
    items = episodes(out)
    slugs = {record["link"]: record["slug"] for record in state_of(out)["entries"].values()}
    assert sorted(item.link for item in items) == sorted(slugs)  # each article once, linked
    assert {item.id for item in items} == {str(edition_uuid(slug)) for slug in slugs.values()}
    assert [item.title for item in items] == [
        FERRY[0],
        "Library opens an evening reading room",
        "Cycle lane on Mill Road to be widened",
    ]
    manifest = json.loads((out / f"{slugs[site.url('/news/ferry')]}.json").read_text(encoding="utf-8"))
    assert manifest["source"] == site.url("/news/ferry") and manifest["title"] == FERRY[0]

    site.forget()
    feed_before = (out / "feed.xml").read_bytes()
    second = follow(out, newsroom["rss"], newsroom["atom"])
    assert second.exit_code == 0, second.output
    assert "built                 0" in second.output and "2 not modified" in second.output
    assert [(r.path, r.status, r.conditional) for r in site.log] == [
        ("/rss.xml", 304, True),
        ("/atom.xml", 304, True),
    ]
    assert (out / "feed.xml").read_bytes() == feed_before


def test_a_new_entry_is_built_alone(newsroom: dict[str, Any], tmp_path: Path) -> None:
    site, out = newsroom["site"], tmp_path / "out"
    assert follow(out, newsroom["rss"], newsroom["atom"]).exit_code == 0
    before = {item.id for item in episodes(out)}
    site.put("/news/orchard", page(*ORCHARD))
    publish_rss(
        site, [rss_item(ORCHARD, "/news/orchard", "Thu, 05 Mar 2026 08:00:00 GMT"), *newsroom["items"]]
    )
    site.forget()
    again = follow(out, newsroom["rss"], newsroom["atom"])
    assert again.exit_code == 0, again.output
    assert "built                 1" in again.output
    assert [(r.path, r.status) for r in site.log] == [
        ("/rss.xml", 200),
        ("/atom.xml", 304),
        ("/news/orchard", 200),
    ]
    items = episodes(out)
    assert items[0].title == ORCHARD[0] and {item.id for item in items[1:]} == before  # newest first


def test_an_updated_article_is_rebuilt_from_cached_sentences(
    newsroom: dict[str, Any], tmp_path: Path
) -> None:
    site, out = newsroom["site"], tmp_path / "out"
    assert follow(out, newsroom["rss"], newsroom["atom"]).exit_code == 0
    cache = BuildCache(tmp_path / "cache")
    segments = cache.info().entries
    guids = {item.link: item.id for item in episodes(out)}
    title, byline, paragraphs = FERRY
    corrected = [paragraphs[0].replace("Monday", "Tuesday"), *paragraphs[1:]]
    site.put("/news/ferry", page(title, byline, corrected))
    items = [
        newsroom["items"][0] | {"summary": "Corrected: the service starts on Tuesday."},
        newsroom["items"][1],
    ]
    publish_rss(site, items)
    site.forget()
    again = follow(out, newsroom["rss"], newsroom["atom"])
    assert again.exit_code == 0, again.output
    assert "built                 1" in again.output
    assert site.count("/news/") == 1 and site.count("/news/ferry", status=200) == 1
    assert cache.info().entries - segments == 1  # only the corrected sentence was spoken anew
    slug = next(r["slug"] for r in state_of(out)["entries"].values() if r["link"].endswith("/news/ferry"))
    manifest = json.loads((out / f"{slug}.json").read_text(encoding="utf-8"))
    assert any("Tuesday" in s["text"] for s in manifest["segments"])
    assert {item.link: item.id for item in episodes(out)} == guids  # the same episodes, the same guids


def test_broken_pages_are_reported_retried_and_given_up(newsroom: dict[str, Any], tmp_path: Path) -> None:
    site, out = newsroom["site"], tmp_path / "out"
    site.put("/news/down", "Internal error", status=500)
    site.put("/news/binary", bytes(range(256)) * 64, "application/octet-stream")
    site.put("/news/empty", "")
    broken = [
        rss_item(("Server down story", "", []), "/news/down", "Mon, 02 Mar 2026 09:00:00 GMT"),
        rss_item(("Binary story", "", []), "/news/binary", "Mon, 02 Mar 2026 08:00:00 GMT"),
        rss_item(("Empty story", "", []), "/news/empty", "Mon, 02 Mar 2026 07:00:00 GMT"),
    ]
    feed = publish_rss(site, [*newsroom["items"], *broken])
    first = follow(out, feed, "--retries", "1")
    assert first.exit_code == 1
    assert "built                 2" in first.output and "failed                3" in first.output
    lines = first.output.splitlines()
    assert (
        f"failed: Server down story ({site.url('/news/down')}): {site.url('/news/down')} answered HTTP 500"
        in "\n".join(lines)
    )
    assert any(line.startswith("failed: Binary story") and "binary file" in line for line in lines)
    assert any(line.startswith("failed: Empty story") and "empty" in line for line in lines)
    assert lines[-1] == "Error: 3 of 5 entries failed (listed above)"
    assert len(list(out.glob("*.mp3"))) == 2

    site.forget()
    second = follow(out, feed, "--retries", "1")  # the feed is unchanged: the failed pages are tried again
    assert second.exit_code == 1
    assert site.count("/news/") == 3 and site.count("/rss.xml", status=304) == 1
    assert (
        sum(
            line.startswith("given up: ") and "after 2 attempts" in line
            for line in second.output.splitlines()
        )
        == 3
    )

    site.forget()
    third = follow(out, feed, "--retries", "1")
    assert third.exit_code == 0, third.output
    assert site.count("/news/") == 0
    statuses = sorted(r["status"] for r in state_of(out)["entries"].values())
    assert statuses == ["built", "built", "given-up", "given-up", "given-up"]


def test_a_full_content_feed_is_built_without_fetching_pages(site: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    title, byline, paragraphs = MARKET
    content = "".join(f"<p>{p}</p>" for p in paragraphs)
    item = rss_item(MARKET, "/news/market", "Fri, 06 Mar 2026 18:00:00 GMT", content=content)
    feed = publish_rss(site, [item])
    result = follow(out, feed)
    assert result.exit_code == 0, result.output
    assert "built                 1" in result.output
    assert site.count("/news/") == 0
    (only,) = episodes(out)
    assert only.title == title and only.link == site.url("/news/market")
    manifest = json.loads(
        (out / f"{state_of(out)['entries'][f'{feed} courier-/news/market']['slug']}.json").read_text()
    )
    assert manifest["source"] == site.url("/news/market")
    assert any("Thirty stalls" in s["text"] for s in manifest["segments"])


def test_keep_leaves_the_newest_episodes_and_their_files(newsroom: dict[str, Any], tmp_path: Path) -> None:
    site, out = newsroom["site"], tmp_path / "out"
    result = follow(out, newsroom["rss"], newsroom["atom"], "--keep", "2")
    assert result.exit_code == 0, result.output
    entries = state_of(out)["entries"].values()
    gone = next(r["slug"] for r in entries if r["link"].endswith("/news/cycle"))  # the oldest
    assert "built                 2" in result.output  # the oldest is past --keep: not built at all
    assert [item.link for item in episodes(out)] == [site.url("/news/ferry"), site.url("/news/library")]
    assert not any((out / name).exists() for name in owned_names(gone))

    site.put("/news/orchard", page(*ORCHARD))
    publish_rss(
        site, [rss_item(ORCHARD, "/news/orchard", "Thu, 05 Mar 2026 08:00:00 GMT"), *newsroom["items"]]
    )
    again = follow(out, newsroom["rss"], newsroom["atom"], "--keep", "2")
    assert again.exit_code == 0, again.output
    assert "built                 1" in again.output and "removed (--keep)      1" in again.output
    assert [item.link for item in episodes(out)] == [site.url("/news/orchard"), site.url("/news/ferry")]
    library = next(
        r["slug"] for r in state_of(out)["entries"].values() if r["link"].endswith("/news/library")
    )
    assert not any((out / name).exists() for name in owned_names(library))
    assert len(list(out.glob("*.mp3"))) == 2 and len(list(out.glob("*.qa.json"))) == 2


def test_max_new_builds_the_newest_first_and_since_ignores_older(
    newsroom: dict[str, Any], tmp_path: Path
) -> None:
    site, out = newsroom["site"], tmp_path / "out"
    first = follow(out, newsroom["rss"], newsroom["atom"], "--max-new", "1")
    assert "built                 1" in first.output
    assert [item.link for item in episodes(out)] == [site.url("/news/ferry")]
    second = follow(out, newsroom["rss"], newsroom["atom"], "--max-new", "1", "--since", "2026-03-03")
    assert "built                 1" in second.output  # the feeds answer 304; the waiting entry is built
    third = follow(out, newsroom["rss"], newsroom["atom"], "--since", "2026-03-03")
    assert "built                 0" in third.output  # the cycle lane story is older than --since
    assert len(episodes(out)) == 2


def test_markup_in_titles_stays_inert_in_every_output(site: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    title = "Budget <b>passes</b> <script>alert('x')</script><img src=x onerror=alert(2)> at last"
    item = rss_item((title, "", []), "/news/market", "Fri, 06 Mar 2026 18:00:00 GMT")
    item["content"] = "".join(f"<p>{p}</p>" for p in MARKET[2]) + "<script>alert(3)</script>"
    result = follow(out, publish_rss(site, [item]), "--formats", "vtt,srt,chapters,html")
    assert result.exit_code == 0, result.output
    (only,) = episodes(out)
    assert only.title == "Budget passes at last"
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"alert(" not in data and b"onerror" not in data, path.name


def test_hostile_and_bogus_feeds_exit_2(site: Any, tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8))
        + ']><rss version="2.0"><channel><title>&i;</title></channel></rss>'
    )
    external = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<rss version="2.0"><channel><title>&x;</title></channel></rss>'
    )
    cases = {
        "/bomb.xml": (bomb, "declares XML entities"),
        "/external.xml": (external, "declares XML entities"),
        "/page.html": (page(*FERRY), "is not a feed"),
        "/name.xml": ("/etc/hostname", "is not a feed"),
    }
    for path, (body, message) in cases.items():
        result = follow(tmp_path / "out", site.put(path, body, "application/xml"))
        assert result.exit_code == 2, result.output
        assert result.output.strip().splitlines()[-1].startswith(f"Error: {site.url(path)} ")
        assert message in result.output
    assert not list((tmp_path / "out").glob("*.mp3"))


def test_a_feed_out_of_reach_is_exit_1_and_the_others_are_built(
    newsroom: dict[str, Any], tmp_path: Path
) -> None:
    site, out = newsroom["site"], tmp_path / "out"
    result = follow(out, site.url("/missing.xml"), newsroom["atom"])
    assert result.exit_code == 1
    assert "built                 1" in result.output
    assert (
        result.output.strip().splitlines()[-1]
        == f"Error: {site.url('/missing.xml')} answered HTTP 404: check the address"
    )


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    result = follow(tmp_path / "out", "file:///etc/passwd")
    assert result.exit_code == 2 and "give the http or https URL" in result.output
    (tmp_path / "out" / ".follow").mkdir(parents=True)
    (tmp_path / "out" / ".follow" / "state.json").write_text("{not json")
    damaged = follow(tmp_path / "out", "http://127.0.0.1:9/feed.xml")
    assert damaged.exit_code == 2 and "remove it to start afresh" in damaged.output


def test_entries_are_built_on_a_running_dask_cluster(
    newsroom: dict[str, Any], tmp_path: Path, dask_cluster: str
) -> None:
    site, out = newsroom["site"], tmp_path / "out"
    result = follow(out, newsroom["rss"], newsroom["atom"], where=("--scheduler", dask_cluster))
    assert result.exit_code == 0, result.output
    assert "built                 3" in result.output and len(episodes(out)) == 3
    site.forget()
    again = follow(out, newsroom["rss"], newsroom["atom"], where=("--scheduler", dask_cluster))
    assert "built                 0" in again.output and site.count("/", status=200) == 0


def test_the_podcast_channel_is_described_as_the_publisher_asks(
    newsroom: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    channel = ["--title", "Harbour Radio", "--author", "Eastport Daily",
               "--description", "The port, read aloud.", "--image", "https://news.example/art.png",
               "--feed-language", "en-gb", "--category", "news", "--explicit"]  # fmt: skip
    done = follow(out, newsroom["rss"], *channel)
    assert done.exit_code == 0, done.output
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    assert parsed.feed.title == "Harbour Radio" and parsed.feed.author == "Eastport Daily"
    assert parsed.feed.subtitle == "The port, read aloud." and parsed.feed.language == "en-gb"
    assert parsed.feed.image.href == "https://news.example/art.png"
    assert parsed.feed.tags[0].term == "News"
    itunes = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
    channel_xml = ET.parse(out / "feed.xml").getroot().find("channel")
    assert channel_xml is not None and channel_xml.findtext(f"{itunes}explicit") == "true"


def test_a_channel_option_a_podcast_app_would_refuse_stops_before_any_request(
    newsroom: dict[str, Any], tmp_path: Path
) -> None:
    site = newsroom["site"]
    done = follow(tmp_path / "out", newsroom["rss"], "--category", "Foo")
    assert done.exit_code == 2 and "is not an Apple Podcasts category" in done.output
    assert site.count("/") == 0
