"""The podcast feed: Apple's namespace, true enclosure sizes, stable guids, escaping, idempotence."""

from __future__ import annotations

import email.utils
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.cli import cli
from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.voices import FakeEngine
from tests.conftest import ARTICLES, write

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"


def feed(out: Path, *extra: str) -> bytes:
    result = CliRunner().invoke(cli, ["feed", str(out), "--base-url", "https://example.org/audio/", *extra])
    assert result.exit_code == 0, result.output
    return (out / "feed.xml").read_bytes()


@pytest.fixture
def out(tmp_path: Path, fake_engine: FakeEngine) -> Path:
    folder = tmp_path / "out"
    for name in ("harbour-ferry-strike.txt", "glacier-retreat-survey.md"):
        produce(ARTICLES / name, Options(engine="fake", out_dir=folder, use_cache=False))
    return folder


def test_feed_lists_each_episode_with_true_sizes_and_transcripts(out: Path) -> None:
    data = feed(out, "--title", "Harbour Radio", "--image", "https://example.org/art.jpg")
    assert b'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"' in data
    assert b'xmlns:podcast="https://podcastindex.org/namespace/1.0"' in data
    channel = ET.fromstring(data).find("channel")
    assert channel is not None and channel.findtext("title") == "Harbour Radio"
    assert channel.findtext(f"{ITUNES}explicit") == "false"
    assert channel.find(f"{ITUNES}image").get("href") == "https://example.org/art.jpg"  # type: ignore[union-attr]
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == [
        "Harbour Ferry Crews Vote to Strike Over Night Shifts",  # March 3, 2026: newest first
        "Survey Finds Alpine Glacier Lost a Fifth of Its Ice in Ten Years",
    ]
    for item in items:
        enclosure = item.find("enclosure")
        assert enclosure is not None and enclosure.get("type") == "audio/mpeg"
        name = enclosure.get("url", "").rsplit("/", 1)[1]
        assert enclosure.get("url") == f"https://example.org/audio/{name}"
        assert int(enclosure.get("length", "0")) == (out / name).stat().st_size
        assert int(item.findtext(f"{ITUNES}duration", "0")) > 10
        types = {t.get("type") for t in item.findall(f"{PODCAST}transcript")}
        assert types == {"text/vtt", "application/x-subrip"}
        assert item.find(f"{PODCAST}chapters").get("type") == "application/json+chapters"  # type: ignore[union-attr]
        assert email.utils.parsedate_to_datetime(item.findtext("pubDate", "")) is not None
    pub = email.utils.parsedate_to_datetime(items[0].findtext("pubDate", ""))
    assert (pub.year, pub.month, pub.day) == (2026, 3, 3)


def test_feed_is_idempotent_and_guids_survive_a_rebuild(out: Path, fake_engine: FakeEngine) -> None:
    first = feed(out)
    assert feed(out) == first
    guids = [g.text for g in ET.fromstring(first).iter("guid")]
    produce(ARTICLES / "harbour-ferry-strike.txt", Options(engine="fake", out_dir=out, use_cache=False))
    assert [g.text for g in ET.fromstring(feed(out)).iter("guid")] == guids


def test_hostile_titles_are_escaped(tmp_path: Path, fake_engine: FakeEngine) -> None:
    title = '<script>alert("x")</script> & Sons'
    article = write(tmp_path, "hostile.md", f"---\ntitle: '{title}'\n---\nA harmless first sentence here.\n")
    out = tmp_path / "out"
    produce(article, Options(engine="fake", out_dir=out, use_cache=False))
    data = feed(out)
    assert b"<script>" not in data
    assert ET.fromstring(data).find("channel/item/title").text == title  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base-url", "ftp://example.org"], "must be an http(s) URL"),
        (["--base-url", "https://e.org"], "no episodes"),
    ],
)
def test_feed_refuses_bad_input(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["feed", str(tmp_path), *args])
    assert result.exit_code == 2 and message in result.output and result.output.count("\n") == 1
    assert not (tmp_path / "feed.xml").exists()


def test_a_feed_parser_reads_it_without_complaint(out: Path) -> None:
    feedparser = pytest.importorskip("feedparser")
    parsed = feedparser.parse(feed(out))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.feed.title == "Audio Edition" and len(parsed.entries) == 2
    for entry in parsed.entries:
        (enclosure,) = entry.enclosures
        assert int(enclosure.length) == (out / enclosure.href.rsplit("/", 1)[1]).stat().st_size
        assert entry.itunes_duration.isdigit() and entry.guid


BUILT = "2026-03-05T12:00:00Z"
DATES = [
    ("2026-03-03T09:15:00+02:00", "Tue, 03 Mar 2026 09:15:00 +0200"),
    ("Tue, 03 Mar 2026 09:15:00 -0500", "Tue, 03 Mar 2026 09:15:00 -0500"),
    ("Updated: 2026-03-03T09:15:00-05:00", "Tue, 03 Mar 2026 09:15:00 -0500"),
    ("Published 3 March 2026, 09:15 CET", "Tue, 03 Mar 2026 09:15:00 +0100"),
    ("March 3, 2026 9:15 a.m. EST", "Tue, 03 Mar 2026 09:15:00 -0500"),
    ("2026-03-03T07:15:00Z", "Tue, 03 Mar 2026 07:15:00 +0000"),
    ("2026-03-03 07:15", "Tue, 03 Mar 2026 07:15:00 +0000"),  # no offset: UTC
    ("March 3, 2026", "Tue, 03 Mar 2026 00:00:00 +0000"),
    ("posted: 3 Mar 2026", "Tue, 03 Mar 2026 00:00:00 +0000"),
    ("", "Thu, 05 Mar 2026 12:00:00 +0000"),  # no date: the build time
    ("sometime last spring", "Thu, 05 Mar 2026 12:00:00 +0000"),
]


@pytest.fixture(scope="module")
def one_episode(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dated") / "out"
    produce(ARTICLES / "harbour-ferry-strike.txt", Options(engine="fake", out_dir=folder, use_cache=False))
    return folder


@pytest.mark.parametrize(("written", "pub_date"), DATES, ids=[d or "none" for d, _ in DATES])
def test_pub_dates_keep_the_articles_utc_offset(
    one_episode: Path, tmp_path: Path, written: str, pub_date: str
) -> None:
    out = Path(shutil.copytree(one_episode, tmp_path / "out"))
    path = out / "harbour-ferry-strike.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**manifest, "date": written, "built": BUILT}), encoding="utf-8")
    item = ET.fromstring(feed(out)).find("channel/item")
    assert item is not None and item.findtext("pubDate") == pub_date
