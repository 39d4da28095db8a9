"""Nested chapters (a bulletin's articles with their subheadings) as players read them: the ID3 CTOC
tree through mutagen, the CHAP frames in time order through ffmpeg, the JSON chapters with the
subheadings out of the table of contents; a single article's chapters stay flat, as before."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from mutagen.id3 import ID3, CTOCFlags

from audio_edition.bulletin import produce_bulletin
from audio_edition.model import Article, Block, Meta
from audio_edition.options import Options
from audio_edition.pipeline import produce_article
from tests.audio_checks import ffmpeg_chapters

FERRY = Article(
    Meta(title="Harbour ferry returns", byline="Mara Quinn", title_from="heading"),
    (
        Block("paragraph", "The ferry will sail again from Monday. Its hull was painted over the winter."),
        Block("heading", "The timetable"),
        Block("paragraph", "The first crossing leaves at seven. There will be six crossings a day."),
        Block("heading", "Fares"),
        Block("paragraph", "Fares stay the same as last year. Children under five travel free."),
    ),
)
LIBRARY = Article(
    Meta(title="Library opens late", title_from="heading"),
    (Block("paragraph", "The library will stay open until nine on weekday evenings."),),
)
TITLES = ["Headlines", "Harbour ferry returns", "The timetable", "Fares", "Library opens late"]


@pytest.fixture(scope="module")
def bulletin(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The bulletin of FERRY (two subheadings) and LIBRARY (none), with its JSON chapters."""
    out = tmp_path_factory.mktemp("bulletin")
    options = Options(engine="fake", out_dir=out, use_cache=False, formats=("chapters",))
    slug, _ = produce_bulletin([FERRY, LIBRARY], options, now=dt.datetime(2026, 3, 4, 10, tzinfo=dt.UTC))
    return out, slug


def test_the_ctoc_tree_nests_an_articles_subheadings(bulletin: tuple[Path, str]) -> None:
    out, slug = bulletin
    assert slug == "bulletin-2026-03-04"
    tag = ID3(out / f"{slug}.mp3")
    tocs = {c.element_id: c for c in tag.getall("CTOC")}
    assert set(tocs) == {"toc", "toc1"}
    top, ferry = tocs["toc"], tocs["toc1"]
    assert top.flags == CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED and top.child_element_ids == [
        "chp0",
        "toc1",
        "chp4",
    ]
    assert ferry.flags == CTOCFlags.ORDERED and str(ferry.sub_frames["TIT2"]) == "Harbour ferry returns"
    assert ferry.child_element_ids == ["chp1", "chp2", "chp3"]
    chaps = {c.element_id: c for c in tag.getall("CHAP")}
    assert [str(chaps[f"chp{k}"].sub_frames["TIT2"]) for k in range(5)] == TITLES
    times = [(chaps[f"chp{k}"].start_time, chaps[f"chp{k}"].end_time) for k in range(5)]
    assert all(a[1] == b[0] for a, b in zip(times, times[1:], strict=False))  # no gap, no overlap
    raw = (out / f"{slug}.mp3").read_bytes()[:200_000]
    ids = [raw[m.start() + 10 : m.start() + 14] for m in re.finditer(b"CHAP", raw)]
    assert ids == [b"chp0", b"chp1", b"chp2", b"chp3", b"chp4"]  # CHAP frames in time order
    read = ffmpeg_chapters(out / f"{slug}.mp3")
    assert [t for _, t in read] == TITLES and [s for s, _ in read] == sorted(s for s, _ in read)


def test_json_chapters_list_the_articles_and_keep_subheadings_out_of_the_toc(
    bulletin: tuple[Path, str],
) -> None:
    out, slug = bulletin
    chapters = json.loads((out / f"{slug}.chapters.json").read_text(encoding="utf-8"))["chapters"]
    assert [(c["title"], c.get("toc", True)) for c in chapters] == [
        ("Headlines", True),
        ("Harbour ferry returns", True),
        ("The timetable", False),
        ("Fares", False),
        ("Library opens late", True),
    ]
    assert [c["startTime"] for c in chapters] == sorted(c["startTime"] for c in chapters)
    assert chapters[1]["endTime"] == chapters[3]["endTime"] == chapters[4]["startTime"]
    manifest = json.loads((out / f"{slug}.json").read_text(encoding="utf-8"))
    assert [c["start"] for c in manifest["chapters"]] == [c["startTime"] for c in chapters]


def test_a_single_articles_chapters_stay_flat(tmp_path: Path) -> None:
    options = Options(engine="fake", out_dir=tmp_path, use_cache=False, formats=("chapters",))
    built = produce_article(FERRY, "ferry", options)
    tag = ID3(tmp_path / "ferry.mp3")
    [toc] = tag.getall("CTOC")
    assert toc.element_id == "toc" and toc.child_element_ids == ["chp0", "chp1", "chp2"]
    chapters = json.loads((tmp_path / "ferry.chapters.json").read_text(encoding="utf-8"))
    assert chapters == {
        "version": "1.2.0",
        "chapters": [
            {"startTime": c.start, "endTime": c.end, "title": c.title} for c in built.episode.chapters
        ],
    }
