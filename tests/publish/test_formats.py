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
from urllib.parse import urlsplit

import lxml.html
import pytest
from lxml import etree
from mutagen.id3 import ID3

X = "{http://www.w3.org/1999/xhtml}"
OPS = "{http://www.idpf.org/2007/ops}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HEADINGS = tuple(f"h{n}" for n in range(1, 7))
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


def test_epub_navigation_and_chapters_as_a_reading_system_meets_them(everything: dict[str, Any]) -> None:
    """Parsed, not matched: one toc nav listing every chapter and linking to its document in reading
    order; each chapter a language-tagged document with one named chapter section headed by its title."""
    manifest = everything["manifest"]
    titles = [c["title"] for c in manifest["chapters"]]
    with zipfile.ZipFile(everything["out"] / "harbour-ferry-strike.epub") as book:
        opf = etree.fromstring(book.read("OEBPS/content.opf"))
        ns = {"opf": "http://www.idpf.org/2007/opf"}
        nav_items = opf.xpath("//opf:manifest/opf:item[@properties='nav']/@href", namespaces=ns)
        assert nav_items == ["nav.xhtml"]
        hrefs = {i.get("id"): i.get("href") for i in opf.iterfind(".//opf:manifest/opf:item", ns)}
        spine = [hrefs[r.get("idref")] for r in opf.iterfind(".//opf:spine/opf:itemref", ns)]
        nav = etree.fromstring(book.read("OEBPS/nav.xhtml"))
        tocs = [n for n in nav.iter(f"{X}nav") if n.get(f"{OPS}type") == "toc"]
        assert len(tocs) == 1
        links = tocs[0].findall(f"{X}ol/{X}li/{X}a")
        assert ["".join(a.itertext()).strip() for a in links] == titles
        assert [a.get("href").partition("#")[0] for a in links] == spine  # type: ignore[union-attr]
        for number, (name, title) in enumerate(zip(spine, titles, strict=True), start=1):
            doc = etree.fromstring(book.read(f"OEBPS/{name}"))
            assert doc.get("lang") == doc.get(XML_LANG) == manifest["language"]
            ids = [e.get("id") for e in doc.iter() if e.get("id")]
            assert len(ids) == len(set(ids)), name
            sections = doc.findall(f"{X}body/{X}section")
            assert len(sections) == 1 and sections[0].get(f"{OPS}type") == "chapter"
            assert sections[0].get("aria-label") == title
            headings = [
                (h.tag.removeprefix(X), "".join(h.itertext()).strip())
                for h in sections[0].iter()
                if isinstance(h.tag, str) and h.tag.removeprefix(X) in HEADINGS
            ]
            assert headings == [("h1" if number == 1 else "h2", title)], name


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


def exposed(element: Any) -> bool:
    """Whether assistive technology meets `element`: neither it nor an ancestor is hidden."""
    return not any(
        e.get("hidden") is not None or e.get("aria-hidden") == "true"
        for e in (element, *element.iterancestors())
    )


def test_readalong_page_is_self_contained_and_accessible(everything: dict[str, Any]) -> None:
    """The page parsed as a browser would, and queried as a screen reader walks it."""
    out, slug, manifest = everything["out"], everything["slug"], everything["manifest"]
    root = lxml.html.parse(str(out / f"{slug}.html")).getroot()
    body = root.body
    assert root.get("lang") == manifest["language"]
    for element in root.iter():  # nothing is fetched from anywhere but the page's own folder
        for attribute in ("src", "href", "data", "poster", "srcset"):
            ref = urlsplit(element.get(attribute) or "")
            assert not ref.scheme and not ref.netloc, element.get(attribute)
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    for element in root.iter():
        for attribute in ("aria-labelledby", "aria-describedby"):
            assert set((element.get(attribute) or "").split()) <= set(ids), (element.tag, attribute)

    # landmarks: one banner, one main, one named nav after it, one contentinfo (children of body)
    assert [e.tag for e in body if e.tag in ("header", "main", "nav", "footer")] == [
        "header", "main", "nav", "footer"
    ]  # fmt: skip
    assert [len(root.findall(f".//{tag}")) for tag in ("header", "main", "footer")] == [1, 1, 1]
    header, main = body.find("header"), body.find("main")
    navs = root.findall(".//nav")
    assert [n.get("aria-label") for n in navs] == ["Chapters"]
    focusable = [e for e in body.iter() if e.tag in ("a", "button", "audio", "input") and exposed(e)]
    assert focusable[0].tag == "a" and focusable[0].get("href") == f"#{main.get('id')}"  # skip link first
    assert set(main.get("aria-describedby").split()) == {"keys"}

    # the player: the embeddable one, named, playing the MP3 beside the page, following the text
    player = root.get_element_by_id("player")
    assert player.tag == "audio-edition-player" and player in header.iter()
    assert player.get("src") == f"{slug}.mp3" and (out / player.get("src")).is_file()
    assert player.get("label") == manifest["title"] and player.get("text") == main.get("id")
    assert player.get("manifest") == "#timeline"

    # headings met in order, all in main: one h1 (the title), then an h2 for each later chapter
    titles = [c["title"] for c in manifest["chapters"]]
    headings = [(int(h.tag[1]), h.text_content().strip()) for h in root.iter(*HEADINGS) if exposed(h)]
    in_main = [(int(h.tag[1]), h.text_content().strip()) for h in main.iter(*HEADINGS) if exposed(h)]
    assert headings == in_main == [(1, titles[0]), *((2, t) for t in titles[1:])]
    sections = main.findall("section")
    labels = [root.get_element_by_id(s.get("aria-labelledby")).text_content() for s in sections]
    assert labels == titles

    # chapter links lead to each chapter's section and seek to its start
    links = navs[0].findall(".//a")
    assert [(a.text_content(), a.get("href"), float(a.get("data-start"))) for a in links] == [
        (c["title"], f"#chapter{n}", c["start"]) for n, c in enumerate(manifest["chapters"], start=1)
    ]
    assert [s.get("id") for s in sections] == [f"chapter{n}" for n in range(1, len(titles) + 1)]

    # every sentence of the timeline is a span of the text in main, saying the manifest's text
    data = json.loads(root.get_element_by_id("timeline").text)
    assert [s["start"] for s in data["segments"]] == [s["start"] for s in manifest["segments"]]
    spans = [root.get_element_by_id(s["id"]) for s in data["segments"]]
    assert all(span.tag == "span" and main in span.iterancestors() and exposed(span) for span in spans)
    assert [span.text_content() for span in spans] == [s["text"] for s in manifest["segments"]]


def test_all_files_are_written_together(everything: dict[str, Any]) -> None:
    names = sorted(p.name for p in everything["out"].iterdir())
    assert names == sorted(
        f"harbour-ferry-strike.{ext}"
        for ext in (
            "mp3",
            "json",
            "qa.json",
            "vtt",
            "srt",
            "chapters.json",
            "epub",
            "daisy",
            "html",
            "player.js",
        )
    )
    assert not [n for n in names if n.startswith(".")]
