"""Characters XML 1.0 forbids (controls, lone surrogates, U+FFFE, U+FFFF) never reach an XML or
HTML file: feed.xml, every file of the EPUB and the DAISY book parse after a build of an article
full of them; SubRip text carries no markup a player would read; a local file's path is not
published."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.publish.feed import Show, write_feed
from audio_edition.publish.xml_text import xml_safe
from audio_edition.voices.fake import FakeEngine

HOSTILE = (
    "Ferry\uffff strike\ufffe ends\n\n"
    "The harbour\uffff ferry runs again\ufffe from Monday, the operator said.\n\n"
    "Crews return <i>after</i> a week {\\an8}of talks, <font color=red>the union</font> said.\n"
)


def test_xml_safe_takes_out_what_xml_forbids() -> None:
    assert xml_safe("a\x01b\x0bc\ud800d\ufffee\uffff\tf\ng\rh\u00e9") == "abcde\tf\ng\rh\u00e9"


def _parses(data: bytes, name: str) -> None:
    try:
        ET.fromstring(data)
    except ET.ParseError as exc:  # pragma: no cover - the failure message names the file
        raise AssertionError(f"{name} is not XML: {exc}") from None


def test_every_xml_file_parses_after_an_article_full_of_forbidden_characters(
    tmp_path: Path, fake_engine: FakeEngine
) -> None:
    article = tmp_path / "private" / "folders" / "ferry.txt"
    article.parent.mkdir(parents=True)
    article.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "out"
    opts = Options(
        engine="fake",
        out_dir=out,
        cache_dir=tmp_path / "cache",
        formats=("vtt", "srt", "epub", "daisy", "html"),
    )
    built = produce(article, opts)
    assert built.episode.script.article.meta.title == "Ferry strike ends"  # cleaned as body text is
    feed = write_feed(out, Show("https://example.org/audio", title="Night\x01 news\uffff"))
    _parses(feed.read_bytes(), "feed.xml")
    assert ET.fromstring(feed.read_bytes()).findtext("channel/title") == "Night news"
    with zipfile.ZipFile(out / "ferry.epub") as epub:
        names = [n for n in epub.namelist() if n.endswith((".xhtml", ".opf", ".xml", ".smil", ".ncx"))]
        assert any(n.endswith(".opf") for n in names)
        for name in names:
            _parses(epub.read(name), name)
    daisy = sorted((out / "ferry.daisy").iterdir())
    assert any(p.suffix == ".smil" for p in daisy)
    for path in daisy:
        if path.suffix in (".html", ".smil"):
            _parses(path.read_bytes(), path.name)
    srt = (out / "ferry.srt").read_text(encoding="utf-8")
    assert "<" not in srt and ">" not in srt.replace("-->", "") and "{\\" not in srt
    assert "‹i›after‹/i›" in srt.replace("\n", " ")
    manifest = json.loads((out / "ferry.json").read_text(encoding="utf-8"))
    assert manifest["source"] == "ferry.txt"
