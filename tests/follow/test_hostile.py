"""`follow` against hostile feeds and servers: private targets refused (directly and by redirect),
slow servers cut at their deadline, a run stopped at --max-time, bad entries contained."""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import json
import time
import xml.etree.ElementTree as ET
import zipfile
from html import escape
from pathlib import Path
from typing import Any

import pytest

from audio_edition.follow.feeds import MAX_ENTRIES, NotAFeed, read_feed
from audio_edition.ingest import addresses, safe_http
from tests.follow.conftest import follow, publish_rss, rss_item, state_of
from tests.follow.news import FERRY, ORCHARD
from tests.follow.site import page, rss


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


def test_a_dripping_page_fails_at_its_deadline_and_the_others_are_built(
    newsroom: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, out = newsroom["site"], tmp_path / "out"
    monkeypatch.setattr(safe_http, "DEADLINE", 1.0)
    site.drip("/news/slow", page(*ORCHARD), 0.05)  # a whole page would take minutes
    slow = rss_item(ORCHARD, "/news/slow", "Thu, 05 Mar 2026 09:00:00 GMT")
    feed = publish_rss(site, [*newsroom["items"], slow])
    started = time.monotonic()
    result = follow(out, feed)
    took = time.monotonic() - started
    assert result.exit_code == 1, result.output
    failed = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    assert len(failed) == 1 and "no whole answer within 1 s (deadline)" in failed[0]
    assert failed[0].startswith(f"failed: {ORCHARD[0]} ({site.url('/news/slow')}): ")
    assert "built                 2" in result.output
    assert took < 30  # two builds with the fake engine, and the slow page cut at 1 s


def test_max_time_starts_no_new_work_reports_it_and_saves_the_state(
    newsroom: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, out = newsroom["site"], tmp_path / "out"
    slow_feed = rss("Slow Courier", [rss_item(FERRY, "/news/ferry", "Wed, 04 Mar 2026 09:00:00 GMT")])
    slow_feed = slow_feed.replace("PAGE", site.url(""))
    site.drip("/slow.xml", slow_feed, 1.5 / len(slow_feed))  # 1.5 s, within the request's deadline
    started = time.monotonic()
    result = follow(out, site.url("/slow.xml"), newsroom["atom"], "--max-time", "1")
    took = time.monotonic() - started
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        "stopped: --max-time 1 s reached; what was not started waits for the next run"
    )
    assert "left (--max-time)     1" in result.output and "built                 0" in result.output
    assert site.count("/atom.xml") == 0 and site.count("/news/") == 0  # no new request after 1 s
    assert took < 10
    saved = state_of(out)
    assert [r["status"] for r in saved["entries"].values()] == ["new"]  # recorded, kept for later
    again = follow(out, site.url("/slow.xml"), newsroom["atom"])
    assert again.exit_code == 0, again.output
    assert "built                 2" in again.output and "stopped" not in again.output


def test_character_references_feedparser_cannot_take_are_one_feed_s_problem(
    newsroom: dict[str, Any], tmp_path: Path
) -> None:
    site, out = newsroom["site"], tmp_path / "out"
    items = [rss_item(FERRY, "/news/ferry", "Wed, 04 Mar 2026 09:00:00 GMT")]
    surrogate = rss("Courier night", items).replace("PAGE", site.url(""))
    surrogate = surrogate.replace("Courier night", "Courier &#x110000; &#xD800; night")
    surrogate = surrogate.replace(escape(FERRY[0]), "Ferry &#xD800; strike &#x110000; &#1114112; &#x1;")
    feed = site.put("/odd.xml", surrogate, "application/rss+xml")
    result = follow(out, feed, newsroom["atom"])
    assert result.exit_code == 0, result.output
    assert "built                 2" in result.output
    titles = [record["title"] for record in state_of(out)["entries"].values()]
    assert "Ferry \ufffd strike \ufffd \ufffd \ufffd" in titles
    assert state_of(out)["feeds"][feed]["title"] == "Courier \ufffd \ufffd night"


def test_a_feed_the_parser_fails_on_is_one_line_and_the_other_feeds_are_read(
    newsroom: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import feedparser

    out, real = tmp_path / "out", feedparser.parse

    def parse(stream: Any, **kwargs: Any) -> Any:
        data = stream.read()
        if b"Valley Courier" in data:
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
        return real(io.BytesIO(data), **kwargs)

    monkeypatch.setattr(feedparser, "parse", parse)
    result = follow(out, newsroom["rss"], newsroom["atom"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    last = result.output.splitlines()[-1]
    assert last.startswith(f"Error: cannot read the feed {newsroom['rss']}: UnicodeEncodeError (")
    assert "built                 1" in result.output


def test_the_entry_limit_counts_items_in_any_case(site: Any) -> None:
    items = "".join(f"<ITEM><title>t{i}</title><guid>g{i}</guid></ITEM>" for i in range(MAX_ENTRIES + 1))
    data = f"<rss version='2.0'><channel><title>x</title>{items}</channel></rss>".encode()
    with pytest.raises(NotAFeed, match="holds 5,001 entries"):
        read_feed(data, "https://example.org/feed.xml")


def test_a_title_of_unclosed_tags_is_cleaned_in_linear_time() -> None:
    title = "&lt;a " * 80_000  # 480 KB
    data = (
        "<rss version='2.0'><channel><title>x</title><item><title>"
        + title
        + "</title><guid>g</guid><link>https://example.org/a</link></item></channel></rss>"
    ).encode()
    started = time.monotonic()
    feed = read_feed(data, "https://example.org/feed.xml")
    assert time.monotonic() - started < 2.0
    assert len(feed.entries[0].title) <= 300


def test_a_second_feed_reusing_a_guid_cannot_rewrite_the_first_s_entry(
    newsroom: dict[str, Any], tmp_path: Path
) -> None:
    site, out = newsroom["site"], tmp_path / "out"
    first = follow(out, newsroom["rss"])
    assert first.exit_code == 0, first.output
    before = state_of(out)["entries"]
    ferry = next(r for r in before.values() if r["link"] == site.url("/news/ferry"))
    manifest_before = (out / f"{ferry['slug']}.json").read_bytes()
    site.put("/news/fake", page("Ferry sinks", "Impostor", ["The ferry sank, an impostor wrote."] * 3))
    impostor = rss_item(("Ferry sinks", "", []), "/news/fake", "Thu, 05 Mar 2026 09:00:00 GMT")
    impostor["guid"] = "courier-/news/ferry"  # the first feed's guid
    content = "".join(f"<p>{p}</p>" for p in ["The ferry sank, an impostor wrote."] * 3)
    other = site.put(
        "/other.xml", rss("Other", [impostor | {"link": site.url("/news/fake"), "content": content}])
    )
    second = follow(out, newsroom["rss"], other)
    assert second.exit_code == 0, second.output
    after = state_of(out)["entries"]
    assert after[f"{newsroom['rss']} courier-/news/ferry"] == before[f"{newsroom['rss']} courier-/news/ferry"]
    assert (out / f"{ferry['slug']}.json").read_bytes() == manifest_before  # not rebuilt from the impostor
    fake = after[f"{other} courier-/news/ferry"]
    assert fake["slug"] != ferry["slug"] and fake["title"] == "Ferry sinks"


def test_an_entry_dated_in_the_future_is_taken_as_dated_now(site: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    site.put("/news/ferry", page(*FERRY))
    feed = publish_rss(site, [rss_item(FERRY, "/news/ferry", "Fri, 01 Jan 2100 09:00:00 GMT")])
    started = dt.datetime.now(dt.UTC)
    result = follow(out, feed)
    assert result.exit_code == 0, result.output
    (record,) = state_of(out)["entries"].values()
    when = dt.datetime.fromisoformat(record["when"])
    assert started <= when <= dt.datetime.now(dt.UTC)


def test_a_corrected_page_of_a_recent_entry_is_rebuilt(site: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    title, byline, paragraphs = FERRY
    site.put("/news/ferry", page(title, byline, paragraphs))
    today = email.utils.format_datetime(dt.datetime.now(dt.UTC) - dt.timedelta(hours=3), usegmt=True)
    feed = publish_rss(site, [rss_item(FERRY, "/news/ferry", today)])
    assert follow(out, feed).exit_code == 0
    site.forget()
    same = follow(out, feed)
    assert "rechecked             1 asked, 0 changed, 0 failed" in same.output, same.output
    assert [(r.path, r.status) for r in site.log] == [("/rss.xml", 304), ("/news/ferry", 304)]
    corrected = [paragraphs[0].replace("Monday", "Tuesday"), *paragraphs[1:]]
    assert corrected != paragraphs
    site.put("/news/ferry", page(title, byline, corrected))
    fixed = follow(out, feed)
    assert fixed.exit_code == 0, fixed.output
    assert "rechecked             1 asked, 1 changed, 0 failed" in fixed.output
    assert "built                 1" in fixed.output
    (record,) = state_of(out)["entries"].values()
    manifest = json.loads((out / f"{record['slug']}.json").read_text(encoding="utf-8"))
    assert any("Tuesday" in s["text"] for s in manifest["segments"])
    old = follow(out, feed, "--recheck", "0")
    assert "rechecked             0 asked" in old.output


def test_entries_full_of_forbidden_characters_leave_every_xml_file_whole(site: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    title, byline, paragraphs = FERRY
    dirty = [p.replace(" ", " \uffff", 3).replace("a", "a\ufffe", 2) for p in paragraphs]
    content = "".join(f"<p>{p}</p>" for p in dirty)
    hostile = rss_item(
        ("Ferry\uffff strike &#x1; ends", "", []), "/news/ferry", "Wed, 04 Mar 2026 09:00:00 GMT"
    )
    site.put("/news/binary", bytes(range(256)) * 64, "application/octet-stream")
    broken = rss_item(("Binary story", "", []), "/news/binary", "Tue, 03 Mar 2026 09:00:00 GMT")
    feed = publish_rss(site, [hostile | {"content": content}, broken])
    feed_bytes = site.resources["/rss.xml"].body.replace(b"&amp;#x1;", b"&#x1;")
    site.put("/rss.xml", feed_bytes, "application/rss+xml")
    result = follow(out, feed, "--formats", "mp3,vtt,srt,epub,daisy,html")
    assert result.exit_code == 1, result.output
    assert [line for line in result.output.splitlines() if line.startswith("failed: ")] == [
        line for line in result.output.splitlines() if line.startswith("failed: Binary story")
    ]
    assert "built                 1" in result.output
    ET.fromstring((out / "feed.xml").read_bytes())
    (epub,) = out.glob("*.epub")
    with zipfile.ZipFile(epub) as book:
        for name in book.namelist():
            if name.endswith((".xhtml", ".opf", ".smil", ".xml")):
                ET.fromstring(book.read(name))
    (daisy,) = out.glob("*.daisy")
    for path in daisy.iterdir():
        if path.suffix in (".html", ".smil"):
            ET.fromstring(path.read_bytes())
    text = (out / "feed.xml").read_text(encoding="utf-8")
    assert "\uffff" not in text and "\ufffe" not in text and "\x01" not in text
