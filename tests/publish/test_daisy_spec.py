"""The DAISY 2.02 book meets the specification (checked by `daisy_checker`, written from it) for the
reference article and every sample article, states the edition's facts, and the checker itself
finds the faults planted in a good book."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.publish.edition import edition_uuid
from tests.conftest import ARTICLES
from tests.publish.daisy_checker import check_book, metas

SAMPLES = sorted(p for p in ARTICLES.iterdir() if p.is_file())
# Everything ncc.html states of a book whose article has a byline and a date (Appendix 2).
WRITTEN = {
    "dc:title", "dc:creator", "dc:date", "dc:format", "dc:identifier", "dc:language", "dc:publisher",
    "ncc:charset", "ncc:depth", "ncc:files", "ncc:footnotes", "ncc:generator", "ncc:kByteSize",
    "ncc:maxPageNormal", "ncc:multimediaType", "ncc:narrator", "ncc:pageFront", "ncc:pageNormal",
    "ncc:pageSpecial", "ncc:prodNotes", "ncc:producer", "ncc:producedDate", "ncc:setInfo",
    "ncc:sidebars", "ncc:sourceDate", "ncc:tocItems", "ncc:totalTime",
}  # fmt: skip


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """The DAISY folder of an article built with the fake engine, each article built once."""
    made: dict[Path, Path] = {}

    def book(article: Path) -> Path:
        if article not in made:
            out = tmp_path_factory.mktemp("daisy")
            produce(article, Options(engine="fake", out_dir=out, use_cache=False, formats=("daisy",)))
            made[article] = next(out.glob("*.daisy"))
        return made[article]

    return book


def ncc_metas(folder: Path) -> dict[str, list[str]]:
    """The named <meta>s of a book's ncc.html."""
    return metas(ET.parse(folder / "ncc.html").getroot())


def test_reference_book_meets_the_specification(reference_path: Path, books: Callable[[Path], Path]) -> None:
    folder = books(reference_path)
    assert check_book(folder) == []
    stated = ncc_metas(folder)
    assert stated["dc:creator"] == ["Unknown"]  # no byline: DAISY's word for an unknown author
    assert stated["dc:identifier"] == [f"urn:uuid:{edition_uuid('peace-talks-istanbul')}"]
    assert "ncc:sourceDate" not in stated  # the article states no date


@pytest.mark.parametrize("article", SAMPLES, ids=[p.name for p in SAMPLES])
def test_every_sample_book_meets_the_specification(article: Path, books: Callable[[Path], Path]) -> None:
    assert check_book(books(article)) == []


def test_ncc_states_the_edition_and_the_article(books: Callable[[Path], Path]) -> None:
    folder = books(ARTICLES / "harbour-ferry-strike.txt")
    stated = ncc_metas(folder)
    assert set(stated) == WRITTEN
    urn = f"urn:uuid:{edition_uuid('harbour-ferry-strike')}"
    assert stated["dc:identifier"] == [urn]
    assert stated["dc:creator"] == ["Marta Okonkwo-Reyes"]
    assert stated["ncc:sourceDate"] == ["2026-03-03"]  # the article's date; dc:date is the book's
    today = dt.datetime.now(dt.UTC).date()
    assert dt.date.fromisoformat(stated["dc:date"][0]) in (today, today - dt.timedelta(days=1))
    assert stated["ncc:producedDate"] == stated["dc:date"]
    assert stated["ncc:narrator"][0].startswith("Synthetic voice: ")
    assert stated["ncc:setInfo"] == ["1 of 1"] and stated["ncc:maxPageNormal"] == ["0"]
    assert stated["dc:publisher"] == stated["ncc:producer"] and stated["dc:publisher"][0]
    others = [p for p in folder.iterdir() if p.suffix in (".smil", ".html") and p.name != "ncc.html"]
    for path in others:  # one identifier across the book
        assert metas(ET.parse(path).getroot())["dc:identifier"] == [urn], path.name


def test_two_articles_with_one_title_are_two_books(books: Callable[[Path], Path], tmp_path: Path) -> None:
    text = (ARTICLES / "cafe-owners-zurich.md").read_text(encoding="utf-8")
    first, second = tmp_path / "cafe-monday.md", tmp_path / "cafe-tuesday.md"
    first.write_text(text, encoding="utf-8")
    second.write_text(text, encoding="utf-8")
    one, two = ncc_metas(books(first)), ncc_metas(books(second))
    assert one["dc:title"] == two["dc:title"]
    assert one["dc:identifier"] != two["dc:identifier"]
    assert not re.search(r"\s", one["dc:identifier"][0])


# --- the checker finds planted faults -----------------------------------------------------------
def edit(name: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    """A fault: in file `name`, the first `count` matches of regex `old` replaced by `new`."""

    def plant(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        changed = re.sub(old, new, text, count=count)
        assert changed != text, f"{old!r} is not in {name}"
        path.write_text(changed, encoding="utf-8")

    return plant


def add_file(name: str, text: str) -> Callable[[Path], None]:
    """A fault: a file the NCC does not count."""

    def plant(folder: Path) -> None:
        (folder / name).write_text(text, encoding="utf-8")

    return plant


def swap_clips(folder: Path) -> None:
    """A fault: the first two clips of chapter 1 trade places."""
    path = folder / "chapter1.smil"
    text = path.read_text(encoding="utf-8")
    clips = re.findall(r'clip-begin="[^"]+" clip-end="[^"]+"', text)[:2]
    text = text.replace(clips[0], "@", 1).replace(clips[1], clips[0], 1).replace("@", clips[1], 1)
    path.write_text(text, encoding="utf-8")


def drop_meta(name: str, item: str) -> Callable[[Path], None]:
    """A fault: the <meta> `item` of file `name` removed."""
    return edit(name, rf'<meta name="{item}"[^>]*>\n', "")


def set_meta(name: str, item: str, value: str) -> Callable[[Path], None]:
    """A fault: the <meta> `item` of file `name` given the content `value`."""
    return edit(name, rf'name="{item}" content="[^"]*"', f'name="{item}" content="{value}"')


FAULTS: dict[str, tuple[Callable[[Path], None], str]] = {
    # NCC metadata: Appendix 2's table
    "no dc:creator": (drop_meta("ncc.html", "dc:creator"), "dc:creator is mandatory"),
    "no dc:publisher": (drop_meta("ncc.html", "dc:publisher"), "dc:publisher is mandatory"),
    "no ncc:totalTime": (drop_meta("ncc.html", "ncc:totalTime"), "ncc:totalTime is mandatory"),
    "no ncc:setInfo": (drop_meta("ncc.html", "ncc:setInfo"), "ncc:setInfo is mandatory in a multi"),
    "two identifiers": (
        edit("ncc.html", r'(<meta name="dc:identifier"[^>]*>\n)', r"\1\1"),
        "dc:identifier occurs 2 times",
    ),
    "unknown item": (edit("ncc.html", "ncc:totalTime", "ncc:totaltime"), "ncc:totaltime is no item"),
    "date not yyyy-mm-dd": (set_meta("ncc.html", "dc:date", "3 March 2026"), "is not a date written yyyy"),
    "time not hh:mm:ss": (set_meta("ncc.html", "ncc:totalTime", "3 min"), "is not a time written hh:mm:ss"),
    "wrong total time": (set_meta("ncc.html", "ncc:totalTime", "01:00:00"), "ncc:totalTime 01:00:00 is not"),
    "unknown type": (set_meta("ncc.html", "ncc:multimediaType", "audioFull"), "'audioFull' is not one of"),
    "text-only type": (
        set_meta("ncc.html", "ncc:multimediaType", "textNcc"),
        "does not fit a book with audio",
    ),
    "bad charset": (set_meta("ncc.html", "ncc:charset", "klingon-8"), "is not a character set"),
    "other charset": (set_meta("ncc.html", "ncc:charset", "iso-8859-1"), "not ncc:charset iso-8859-1"),
    "bad set info": (set_meta("ncc.html", "ncc:setInfo", "2 of 1"), "is not written 'n of m'"),
    "bad language": (set_meta("ncc.html", "dc:language", "en_GB"), "is not an RFC 1766 tag"),
    "wrong file count": (set_meta("ncc.html", "ncc:files", "99"), "ncc:files states 99"),
    "a file not counted": (add_file("notes.txt", "x" * 5000), "ncc:files states"),
    "wrong size": (set_meta("ncc.html", "ncc:kByteSize", "1"), "ncc:kByteSize states 1"),
    "wrong toc count": (set_meta("ncc.html", "ncc:tocItems", "7"), "ncc:tocItems states 7"),
    "wrong depth": (set_meta("ncc.html", "ncc:depth", "1"), "ncc:depth states 1"),
    "wrong page count": (set_meta("ncc.html", "ncc:pageNormal", "12"), "ncc:pageNormal states 12"),
    # NCC body
    "title not first": (
        edit("ncc.html", '<h1 class="title"', '<h1 class="book"'),
        'is not <h1 class="title">',
    ),
    "skipped level": (edit("ncc.html", r"<h2 (.*?)</h2>", r"<h3 \1</h3>"), "<h3> follows a level-1 heading"),
    "heading without id": (edit("ncc.html", r'<h2 id="h\d+">', "<h2>"), "<h2> has no id"),
    "duplicate id": (edit("ncc.html", r'<h2 id="h\d+">', '<h2 id="h1">'), "id 'h1' is used twice"),
    "broken ncc link": (
        edit("ncc.html", r'chapter2\.smil#\w+"', 'chapter2.smil#no"'),
        "does not reach a SMIL",
    ),
    "link backwards": (
        edit("ncc.html", r"chapter3\.smil#\w+", "chapter1.smil#ps1"),
        "goes back in the reading order",
    ),
    "stray smil": (
        add_file("chapter9.smil", "<smil/>"),
        "chapter9.smil: is a SMIL file the NCC never links to",
    ),
    # SMIL heads and bodies
    "smil format": (drop_meta("chapter2.smil", "dc:format"), "dc:format 'Daisy 2.02' is mandatory"),
    "smil identifier": (
        set_meta("chapter2.smil", "dc:identifier", "urn:uuid:0"),
        "'urn:uuid:0' is not the NCC's",
    ),
    "smil title": (set_meta("chapter2.smil", "dc:title", "Other"), "dc:title 'Other' is not"),
    "smil elapsed missing": (
        drop_meta("chapter2.smil", "ncc:totalElapsedTime"),
        "ncc:totalElapsedTime is missing",
    ),
    "time in smil": (
        set_meta("chapter1.smil", "ncc:timeInThisSmil", "00:09:00"),
        "ncc:timeInThisSmil 00:09:00 is",
    ),
    "time sum": (
        set_meta("chapter2.smil", "ncc:timeInThisSmil", "00:05:00"),
        "sum of the SMIL files' timeInThisSmil",
    ),
    "elapsed time": (
        set_meta("chapter2.smil", "ncc:totalElapsedTime", "00:00:00"),
        "ncc:totalElapsedTime 00:00:00",
    ),
    "seq dur": (edit("chapter1.smil", r'<seq dur="[^"]+"', '<seq dur="1.000s"'), "<seq dur='1.000s'> is not"),
    "clip after the audio": (
        edit("chapter3.smil", r'clip-end="npt=[^"]+"', 'clip-end="npt=9999.0s"'),
        "after the audio",
    ),
    "clip backwards": (
        edit("chapter1.smil", r'clip-begin="npt=[^"]+"', 'clip-begin="npt=99s"'),
        "does not run forwards",
    ),
    "clip not npt": (edit("chapter1.smil", 'clip-begin="npt=', 'clip-begin="'), "is not written npt="),
    "clips out of order": (swap_clips, "starts before the one before it ended"),
    "no endsync": (edit("chapter1.smil", ' endsync="last"', ""), 'lacks endsync="last"'),
    "text link broken": (
        edit("chapter1.smil", r'content\.html#s\d+"', 'content.html#no"'),
        "does not resolve",
    ),
    "audio missing": (
        edit("chapter1.smil", r'<audio src="[^"]+"', '<audio src="gone.mp3"'),
        "not a file of the book",
    ),
    "not xml": (edit("chapter2.smil", "</smil>", "</smi>"), "cannot be read as XML"),
    # content document and master SMIL
    "content identifier": (set_meta("content.html", "dc:identifier", "x"), "dc:identifier 'x' is not"),
    "content duplicate id": (
        edit("content.html", '<span id="s1">', '<span id="s0">'),
        "id 's0' is used twice",
    ),
    "master order": (
        edit("master.smil", r'src="chapter1\.smil"', 'src="chapter2.smil"'),
        "SMIL files in order",
    ),
    "master time": (
        set_meta("master.smil", "ncc:timeInThisSmil", "00:00:01"),
        "master.smil: ncc:timeInThisSmil",
    ),
}


@pytest.fixture
def good_book(books: Callable[[Path], Path], tmp_path: Path) -> Iterator[Path]:
    """A copy of a conforming three-chapter book (bylined, dated) to plant a fault in."""
    copy = tmp_path / "book"
    shutil.copytree(books(ARTICLES / "harbour-ferry-strike.txt"), copy)
    assert check_book(copy) == []
    yield copy


@pytest.mark.parametrize("fault", FAULTS, ids=list(FAULTS))
def test_checker_finds_a_planted_fault(fault: str, good_book: Path) -> None:
    plant, expected = FAULTS[fault]
    plant(good_book)
    problems = check_book(good_book)
    assert any(expected in p for p in problems), problems
