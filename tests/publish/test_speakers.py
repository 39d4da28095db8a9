"""Who said a quotation (`Segment.speaker`) reaches every output: manifest, WebVTT, read-along page,
EPUB and the `script` command; the sentences themselves stay as written."""

from __future__ import annotations

import html
import json
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from typing import Any

import lxml.html
import pytest
from click.testing import CliRunner

from audio_edition import cli as cli_module
from audio_edition.model import Segment, Speech, TimedSegment
from audio_edition.publish.layout import Part, part_html
from tests.conftest import ARTICLES
from tests.publish.attributed import ATTRIBUTED, HOSTILE, SLUG, expected_speaker
from tests.publish.test_formats import _epubcheck as epubcheck_command

X = "{http://www.w3.org/1999/xhtml}"


def test_manifest_has_a_speaker_per_segment(attributed: dict[str, Any]) -> None:
    segments = attributed["segments"]
    assert all("speaker" in s for s in segments)
    quotes = [s for s in segments if s["role"] == "quote"]
    assert [s["speaker"] for s in quotes] == ["Deidre Fallon", HOSTILE, None, "Olu  Mensah"]
    assert all(s["speaker"] is None for s in segments if s["role"] != "quote")


def _voices(vtt: str) -> list[tuple[str, str]]:
    """(voice, first line) of every cue, the voice's character references decoded."""
    out = []
    for block in vtt.removeprefix("WEBVTT\n\n").strip().split("\n\n"):
        line = block.splitlines()[2]
        match = re.fullmatch(r"<v ([^>&]*(?:&[a-z]+;[^>&]*)*)>(.*)", line)
        assert match, line
        out.append((html.unescape(match.group(1)), html.unescape(match.group(2))))
    return out


def test_webvtt_names_each_quotation_speaker(attributed: dict[str, Any]) -> None:
    vtt = (attributed["out"] / f"{SLUG}.vtt").read_text(encoding="utf-8")
    assert "<v Ana &quot;" not in vtt and '<v Ana "A&amp;B" &lt;b&gt;Ruiz&lt;/b&gt;>' in vtt
    voices = _voices(vtt)
    by_text: dict[str, list[str]] = {}
    for voice, line in voices:
        by_text.setdefault(voice, []).append(line)
    assert set(by_text) == {"Narrator", "Deidre Fallon", HOSTILE, "Quote", "Olu Mensah"}
    assert by_text[HOSTILE] == ['"offered to meet the union at any time this week"']
    assert by_text["Quote"] == ['"disappointing but not unexpected."']
    assert any(line.startswith("“It adds forty minutes") for line in by_text["Olu Mensah"])
    assert ("Narrator", "Deidre Fallon, Eastport Maritime Union") in voices  # attribution lines are narrated


def _sentences(root: Any, ns: str = X) -> dict[str, Any]:
    return {e.get("id"): e for e in root.iter(f"{ns}span") if re.fullmatch(r"s\d+", e.get("id") or "")}


def _check_labelled(root: Any, segments: list[dict[str, Any]], ns: str = X) -> int:
    """Every quotation with a speaker points at a hidden label naming them; sentences keep their text."""
    labels = {e.get("id"): e for e in root.iter(f"{ns}span") if e.get("class") == "speaker"}
    checked = 0
    for sid, span in _sentences(root, ns).items():
        segment = segments[int(sid[1:])]
        assert "".join(span.itertext()) == segment["text"]  # the sentence exactly as written
        who = expected_speaker(segment) if segment["role"] == "quote" else None
        assert span.get("data-speaker") == who
        if who is None:
            assert span.get("aria-describedby") is None
            continue
        label = labels[span.get("aria-describedby")]
        assert label.get("aria-hidden") == "true"
        assert "".join(label.itertext()) == f"Quotation from {who}"
        checked += 1
    return checked


def test_read_along_page_labels_quotations_without_changing_the_text(attributed: dict[str, Any]) -> None:
    page = (attributed["out"] / f"{SLUG}.html").read_text(encoding="utf-8")
    root = lxml.html.fromstring(page)
    assert _check_labelled(root.find(".//main"), attributed["segments"], ns="") == 3
    assert "&lt;b&gt;Ruiz&lt;/b&gt;" in page and "<b>" not in page


def test_epub_labels_quotations_and_overlays_still_point_at_sentences(attributed: dict[str, Any]) -> None:
    checked = 0
    with zipfile.ZipFile(attributed["out"] / f"{SLUG}.epub") as book:
        for name in sorted(n for n in book.namelist() if re.search(r"chapter\d+\.xhtml$", n)):
            root = ET.fromstring(book.read(name))
            checked += _check_labelled(root, attributed["segments"])
            smil = ET.fromstring(book.read(name.replace(".xhtml", ".smil")))
            targets = [t.get("src", "").split("#")[1] for t in smil.iter("{http://www.w3.org/ns/SMIL}text")]
            assert targets == list(_sentences(root))  # labels are not in the overlay, sentences all are
    assert checked == 3


def test_daisy_text_is_unchanged(attributed: dict[str, Any]) -> None:
    content = (attributed["out"] / f"{SLUG}.daisy" / "content.html").read_text(encoding="utf-8")
    assert "Quotation from" not in content and "data-speaker" not in content


def _timed(index: int, role: str, text: str, speaker: str | None = None) -> TimedSegment:
    segment = Segment(index, role, text, Speech.of(text), "narrator", 0, 0, 0, speaker)  # type: ignore[arg-type]
    return TimedSegment(segment, float(index), index + 0.5)


def test_one_label_per_change_of_speaker_within_a_paragraph() -> None:
    part = Part(
        "p",
        (
            _timed(1, "quote", "“We will not,”", "Dmitry Peskov"),
            _timed(2, "narration", "he said,"),
            _timed(3, "quote", "“ever.”", "Dmitry Peskov"),
            _timed(4, "quote", "“Nor we.”", "Olena Kovalenko"),
            _timed(5, "quote", "“Maybe.”"),
            _timed(6, "quote", "“Never.”", "Olena Kovalenko"),
        ),
    )
    root = ET.fromstring(part_html(part))
    labels = [(e.get("id"), "".join(e.itertext())) for e in root.iter("span") if e.get("class") == "speaker"]
    assert labels == [
        ("who1", "Quotation from Dmitry Peskov"),
        ("who4", "Quotation from Olena Kovalenko"),
        ("who6", "Quotation from Olena Kovalenko"),
    ]
    described = {
        e.get("id"): e.get("aria-describedby") for e in root.iter("span") if e.get("id", "").startswith("s")
    }
    assert described == {"s1": "who1", "s2": None, "s3": "who1", "s4": "who4", "s5": None, "s6": "who6"}
    plain = ET.fromstring(part_html(part, classes=False))
    assert [e.get("id") for e in plain.iter("span")] == [f"s{k}" for k in range(1, 7)]


def test_script_command_shows_speakers() -> None:
    article = str(ARTICLES / f"{SLUG}.txt")
    run = CliRunner().invoke  # the command handed the script writer that names the speakers
    lines = run(cli_module.cli, ["script", article], obj=ATTRIBUTED).output.splitlines()
    said = next(line for line in lines if "forty minutes" in line)
    assert re.fullmatch(r" +\d+ quote +quote +\+ *\d+ms  \[Olu Mensah\] “It adds forty minutes.*", said)
    unsaid = next(line for line in lines if "disappointing" in line)
    assert re.fullmatch(r" +\d+ quote +quote +\+ *\d+ms  \"disappointing but not unexpected.\"", unsaid)
    data = json.loads(run(cli_module.cli, ["script", article, "--json"], obj=ATTRIBUTED).output)
    assert all("speaker" in s for s in data["segments"])
    assert [s["speaker"] for s in data["segments"] if s["role"] == "quote"] == [
        "Deidre Fallon",
        HOSTILE,
        None,
        "Olu  Mensah",
    ]
    assert all(s["speaker"] is None for s in data["segments"] if s["role"] != "quote")


def test_the_attributed_epub_passes_epubcheck(attributed: dict[str, Any]) -> None:
    command = epubcheck_command()
    if command is None:
        pytest.skip("epubcheck is not installed (CI installs it)")
    epub = attributed["out"] / f"{SLUG}.epub"
    result = subprocess.run([*command, str(epub)], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fatals / 0 errors / 0 warnings" in result.stdout
