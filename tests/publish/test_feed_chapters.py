"""Chapters in feed.xml every app reads: gPodder's parser (`podcastparser`) finds each episode's
Podlove Simple Chapters with the titles and starts of its ID3 CHAP frames, feedparser still reads the
feed, the description lists the same times, and the channel's `podcast:guid` is the spec's UUIDv5."""

from __future__ import annotations

import io
import re
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import podcastparser
import pytest
from mutagen.id3 import ID3

from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.publish.feed import PODCAST_GUID_NAMESPACE, Show, write_feed
from audio_edition.publish.feed_chapters import stamp
from tests.conftest import ARTICLES

BASE = "https://example.org/audio/"
PODCAST = "{https://podcastindex.org/namespace/1.0}"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("feed")
    for name in ("harbour-ferry-strike.txt", "glacier-retreat-survey.md"):
        produce(ARTICLES / name, Options(engine="fake", out_dir=folder, use_cache=False))
    write_feed(folder, Show(base_url=BASE))
    return folder


def id3_chapters(mp3: Path) -> list[tuple[str, int]]:
    """(title, start in ms) of each CHAP frame, in time order."""
    frames = sorted(ID3(mp3).getall("CHAP"), key=lambda c: c.start_time)
    return [(str(c.sub_frames["TIT2"].text[0]), c.start_time) for c in frames]


def test_podcastparser_reads_every_episodes_chapters_as_id3_has_them(out: Path) -> None:
    xml = (out / "feed.xml").read_bytes()
    parsed = podcastparser.parse(BASE + "feed.xml", io.BytesIO(xml))
    assert len(parsed["episodes"]) == 2
    for episode in parsed["episodes"]:
        name = episode["enclosures"][0]["url"].rsplit("/", 1)[1]
        expected = id3_chapters(out / name)
        assert len(expected) >= 2
        got = [(c["title"], c["start"]) for c in episode["chapters"]]
        assert got == [(title, ms // 1000) for title, ms in expected]  # podcastparser keeps whole seconds


def test_psc_starts_are_the_id3_starts_to_the_millisecond(out: Path) -> None:
    psc = "{http://podlove.org/simple-chapters}"
    for item in ET.parse(out / "feed.xml").getroot().iter("item"):
        name = item.find("enclosure").get("url", "").rsplit("/", 1)[1]  # type: ignore[union-attr]
        holder = item.find(f"{psc}chapters")
        assert holder is not None and holder.get("version") == "1.2"
        written = []
        for c in holder.findall(f"{psc}chapter"):
            h, m, s = c.get("start", "").split(":")
            written.append((c.get("title"), round((int(h) * 3600 + int(m) * 60 + float(s)) * 1000)))
        assert written == id3_chapters(out / name)


def test_the_description_lists_the_chapters_with_their_times(out: Path) -> None:
    for item in ET.parse(out / "feed.xml").getroot().iter("item"):
        name = item.find("enclosure").get("url", "").rsplit("/", 1)[1]  # type: ignore[union-attr]
        text = item.findtext("description", "")
        listed = re.findall(r"^(\d\d:\d\d) (.+)$", text.split("Chapters:\n", 1)[1], flags=re.M)
        expected = id3_chapters(out / name)
        assert expected[0][1] < 1000  # the first chapter opens the episode: 00:00
        assert listed == [(stamp(ms / 1000), title) for title, ms in expected]
        assert listed[0][0] == "00:00"


def test_feedparser_still_reads_the_feed(out: Path) -> None:
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == 2
    assert all("Chapters:" in e.summary and e.enclosures for e in parsed.entries)


def test_the_channel_guid_is_the_spec_uuid5_of_the_feed_url(out: Path) -> None:
    # the specification's own example: mp3s.nashownotes.com/pc20rss.xml
    assert str(uuid.uuid5(PODCAST_GUID_NAMESPACE, "mp3s.nashownotes.com/pc20rss.xml")) == (
        "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    )
    channel = ET.parse(out / "feed.xml").getroot().find("channel")
    assert channel is not None
    expected = uuid.uuid5(PODCAST_GUID_NAMESPACE, "example.org/audio/feed.xml")
    assert channel.findtext(f"{PODCAST}guid") == str(expected)
