"""Every output agrees with the manifest's timeline: transcripts, chapters, EPUB, DAISY, page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import pytest
from mutagen.id3 import ID3

STAMP = re.compile(r"^(\d\d):(\d\d):(\d\d)[.,](\d{3}) --> (\d\d):(\d\d):(\d\d)[.,](\d{3})$")


def seconds(h: str, m: str, s: str, ms: str) -> float:
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def parse_cues(text: str) -> list[tuple[float, float, list[str]]]:
    cues = []
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        stamp = next(k for k, line in enumerate(lines) if "-->" in line)
        match = STAMP.match(lines[stamp])
        assert match, lines[stamp]
        g = match.groups()
        cues.append((seconds(*g[:4]), seconds(*g[4:]), lines[stamp + 1 :]))
    return cues


def test_webvtt_cues_fit_and_name_their_speakers(everything: dict[str, Any]) -> None:
    text = (everything["out"] / "harbour-ferry-strike.vtt").read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n\n")
    cues = parse_cues(text.removeprefix("WEBVTT\n\n"))
    duration = everything["manifest"]["duration"]
    assert all(0 <= a < b <= duration for a, b, _ in cues)
    assert all(b1 <= a2 for (_, b1, _), (a2, _, _) in zip(cues, cues[1:], strict=False))
    voices = [re.match(r"<v ([^>]+)>", lines[0]).group(1) for _, _, lines in cues]  # type: ignore[union-attr]
    assert {"Narrator", "Deidre Fallon", "Quote"} <= set(voices)
    for _, _, lines in cues:
        bare = [re.sub(r"^<v [^>]+>", "", line) for line in lines]
        assert len(bare) <= 2 and all(len(line) <= 65 for line in bare)
    spoken = " ".join(re.sub(r"^<v [^>]+>", "", line) for _, _, lines in cues for line in lines)
    assert "We have captains finishing a shift" in spoken and "READ ALSO" not in spoken


def test_srt_cues_are_two_short_lines(everything: dict[str, Any]) -> None:
    cues = parse_cues((everything["out"] / "harbour-ferry-strike.srt").read_text(encoding="utf-8"))
    assert all(len(lines) <= 2 and all(len(line) <= 32 for line in lines) for _, _, lines in cues)
    assert cues[-1][1] <= everything["manifest"]["duration"]


def test_chapters_json_matches_the_manifest_and_id3(everything: dict[str, Any]) -> None:
    data = json.loads((everything["out"] / "harbour-ferry-strike.chapters.json").read_text(encoding="utf-8"))
    assert data["version"] == "1.2.0"
    starts = [c["startTime"] for c in data["chapters"]]
    assert starts == sorted(starts) and starts[0] == 0
    assert [c["title"] for c in data["chapters"]] == [c["title"] for c in everything["manifest"]["chapters"]]
    tags = ID3(everything["out"] / "harbour-ferry-strike.mp3")
    chaps = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert [c.start_time / 1000 for c in chaps] == pytest.approx(starts, abs=0.002)


def _xml(data: bytes) -> ET.Element:
    return ET.fromstring(data)


def test_epub_structure_and_overlays(everything: dict[str, Any]) -> None:
    path = everything["out"] / "harbour-ferry-strike.epub"
    with zipfile.ZipFile(path) as book:
        first = book.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert book.read("mimetype") == b"application/epub+zip"
        opf = _xml(book.read("OEBPS/content.opf"))
        ns = {"opf": "http://www.idpf.org/2007/opf"}
        durations = [m for m in opf.iterfind(".//opf:meta", ns) if m.get("property") == "media:duration"]
        assert len(durations) == 1 + len(everything["manifest"]["chapters"])
        ids: dict[str, set[str]] = {}
        for name in book.namelist():
            if name.endswith(".xhtml"):
                ids[name.split("/")[-1]] = {
                    e.get("id", "") for e in _xml(book.read(name)).iter() if e.get("id")
                }
        smil_ns = "{http://www.w3.org/ns/SMIL}"
        pars = 0
        for name in (n for n in book.namelist() if n.endswith(".smil")):
            for par in _xml(book.read(name)).iter(f"{smil_ns}par"):
                text, audio = par.find(f"{smil_ns}text"), par.find(f"{smil_ns}audio")
                doc, _, anchor = text.get("src").partition("#")  # type: ignore[union-attr]
                assert anchor in ids[doc]
                begin = audio.get("clipBegin")  # type: ignore[union-attr]
                h, m, s = begin.split(":")  # type: ignore[union-attr]
                assert 0 <= int(h) * 3600 + int(m) * 60 + float(s) <= everything["duration"]
                pars += 1
        assert pars == len(everything["manifest"]["segments"])
        nav = book.read("OEBPS/nav.xhtml").decode("utf-8")
        assert "What the Operator Says" in nav and 'epub:type="toc"' in nav


def _epubcheck() -> list[str] | None:
    jar = Path("/usr/share/java/epubcheck.jar")
    if shutil.which("java") and jar.exists():
        return ["java", "-jar", str(jar)]
    if shutil.which("epubcheck"):
        return ["epubcheck"]
    return None


@pytest.mark.skipif(_epubcheck() is None, reason="epubcheck is not installed (CI installs it)")
def test_epub_passes_epubcheck(everything: dict[str, Any]) -> None:
    result = subprocess.run(
        [*_epubcheck(), str(everything["out"] / "harbour-ferry-strike.epub")],  # type: ignore[misc]
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout


def test_daisy_book_navigates_by_heading_and_plays_audio_first(everything: dict[str, Any]) -> None:
    folder = everything["out"] / "harbour-ferry-strike.daisy"
    names = sorted(p.name for p in folder.iterdir())
    assert {"ncc.html", "content.html", "master.smil", "harbour-ferry-strike.mp3"} <= set(names)
    ncc = ET.parse(folder / "ncc.html").getroot()
    x = "{http://www.w3.org/1999/xhtml}"
    metas = {m.get("name"): m.get("content") for m in ncc.iter(f"{x}meta")}
    assert metas["dc:format"] == "Daisy 2.02" and metas["ncc:tocItems"] == "3"
    headings = [h for h in ncc.iter() if h.tag in (f"{x}h1", f"{x}h2")]
    assert ["".join(h.itertext()) for h in headings] == [
        c["title"] for c in everything["manifest"]["chapters"]
    ]
    content_ids = {e.get("id") for e in ET.parse(folder / "content.html").getroot().iter() if e.get("id")}
    for heading in headings:
        href = heading.find(f"{x}a").get("href")  # type: ignore[union-attr]
        smil_name, _, par_id = href.partition("#")  # type: ignore[union-attr]
        smil = ET.parse(folder / smil_name).getroot()
        assert any(p.get("id") == par_id for p in smil.iter("par"))
        for par in smil.iter("par"):
            children = [c.tag for c in par]
            assert children == ["audio", "text"]  # daisy-player 13 needs the audio first
            assert par.find("text").get("src").split("#")[1] in content_ids  # type: ignore[union-attr]
            end = float(par.find("audio").get("clip-end").removeprefix("npt=").removesuffix("s"))  # type: ignore[union-attr]
            assert end <= everything["duration"] + 0.01


def test_readalong_page_is_self_contained_and_accessible(everything: dict[str, Any]) -> None:
    page = (everything["out"] / "harbour-ferry-strike.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # no external requests
    for landmark in (
        "<header>",
        '<nav aria-label="Chapters">',
        '<main id="text"',
        "<footer>",
        '<html lang="en">',
    ):
        assert landmark in page
    assert 'src="harbour-ferry-strike.mp3"' in page and 'aria-label="Audio edition of' in page
    found = re.search(r'<script type="application/json" id="timeline">(.*?)</script>', page, re.S)
    assert found is not None
    data = json.loads(found.group(1))
    assert [s["start"] for s in data["sentences"]] == [s["start"] for s in everything["manifest"]["segments"]]


def test_all_files_are_written_together(everything: dict[str, Any]) -> None:
    names = sorted(p.name for p in everything["out"].iterdir())
    assert names == sorted(
        f"harbour-ferry-strike.{ext}"
        for ext in ("mp3", "json", "qa.json", "vtt", "srt", "chapters.json", "epub", "daisy", "html")
    )
    assert not [n for n in names if n.startswith(".")]
