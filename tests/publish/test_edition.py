"""One Edition per set: its identifier, narrator credit and date, and the MP3's tags made from it
(the date however the dateline wrote it; the chapters in time order in the file)."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.publish.edition import edition_uuid, written_datetime
from tests.audio_checks import ffmpeg_chapters
from tests.conftest import ARTICLES

UTC = dt.UTC
EST = dt.timezone(dt.timedelta(hours=-5))


@pytest.mark.parametrize(
    ("written", "language", "expected"),
    [
        ("March 3, 2026", "en", dt.datetime(2026, 3, 3, tzinfo=UTC)),
        ("Updated 2:14 PM EST, February 3, 2026", "en", dt.datetime(2026, 2, 3, 14, 14, tzinfo=EST)),
        ("2026-03-03T09:00:00+01:00", "en", dt.datetime(2026, 3, 3, 8, 0, tzinfo=UTC)),
        ("Published: 3 Mar 2026 14:00 CET", "en", dt.datetime(2026, 3, 3, 13, 0, tzinfo=UTC)),
        ("3 mars 2026", "fr", dt.datetime(2026, 3, 3, tzinfo=UTC)),
        ("12. Februar 2026", "de", dt.datetime(2026, 2, 12, tzinfo=UTC)),
        ("20 de enero de 2026", "es", dt.datetime(2026, 1, 20, tzinfo=UTC)),
        ("Tuesday", "en", None),  # no year: no date, not next Tuesday
        ("nonsense 2026 words", "en", None),
        ("", "en", None),
    ],
)
def test_datelines_are_read_once_in_their_language(
    written: str, language: str, expected: dt.datetime | None
) -> None:
    assert written_datetime(written, code=language) == expected


def test_the_identifier_is_stable_and_differs_between_slugs() -> None:
    assert edition_uuid("harbour") == edition_uuid("harbour")
    assert edition_uuid("harbour") != edition_uuid("harbour-2")
    assert edition_uuid("harbour").version == 5


def test_chapters_are_stored_in_time_order(tmp_path: Path) -> None:
    produce(ARTICLES / "harbour-ferry-strike.txt", Options(engine="fake", out_dir=tmp_path, use_cache=False))
    mp3 = tmp_path / "harbour-ferry-strike.mp3"
    manifest = json.loads((tmp_path / "harbour-ferry-strike.json").read_text(encoding="utf-8"))
    read = ffmpeg_chapters(mp3)
    assert [t for _, t in read] == [c["title"] for c in manifest["chapters"]]
    assert [s for s, _ in read] == sorted(s for s, _ in read) and len(read) == 3
    raw = mp3.read_bytes()[:100_000]
    ids = [raw[m.start() + 10 : m.start() + 14] for m in re.finditer(b"CHAP", raw)]
    assert ids == [b"chp0", b"chp1", b"chp2"]  # the frames themselves, in the tag's byte order
    tag = ID3(mp3)
    assert tag.getall("CTOC")[0].child_element_ids == ["chp0", "chp1", "chp2"]


@pytest.mark.parametrize(
    ("dateline", "tagged"),
    [("March 3, 2026", "2026-03-03"), ("Updated 2:14 PM EST, February 3, 2026", "2026-02-03")],
)
def test_a_written_date_reaches_the_mp3(tmp_path: Path, dateline: str, tagged: str) -> None:
    article = tmp_path / "story.md"
    article.write_text(
        f"---\ntitle: Quay wall repairs start\ndate: {dateline}\n---\n\n"
        "Repairs to the old quay wall began on Monday and should take six weeks.\n",
        encoding="utf-8",
    )
    produce(article, Options(engine="fake", out_dir=tmp_path / "out", use_cache=False))
    assert str(ID3(tmp_path / "out" / "story.mp3")["TDRC"].text[0]) == tagged


def test_the_epub_daisy_and_feed_share_one_identifier(tmp_path: Path) -> None:
    import zipfile

    produce(
        ARTICLES / "harbour-ferry-strike.txt",
        Options(engine="fake", out_dir=tmp_path, use_cache=False, formats=("epub", "daisy")),
    )
    expected = str(edition_uuid("harbour-ferry-strike"))
    opf = zipfile.ZipFile(tmp_path / "harbour-ferry-strike.epub").read("OEBPS/content.opf").decode()
    assert f"urn:uuid:{expected}" in opf
    ncc = (tmp_path / "harbour-ferry-strike.daisy" / "ncc.html").read_text(encoding="utf-8")
    assert expected in ncc
    import xml.etree.ElementTree as ET

    from audio_edition.publish.feed import Show, write_feed

    feed = ET.parse(write_feed(tmp_path, Show(base_url="https://example.org/audio")))
    assert [g.text for g in feed.iter("guid")] == [expected]
    assert uuid.UUID(expected).version == 5
