"""Hostile input: markup and script in titles and text, paths in titles and front matter, huge
files, paragraphs and "words", broken HTML, front matter and lexicons; programs run without a shell."""

from __future__ import annotations

import html.parser
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from audio_edition.cli import cli
from audio_edition.errors import InputError
from audio_edition.ingest import MAX_WORD_CHARS, parse_article
from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.preview import write_script
from audio_edition.publish.feed import Show, write_feed
from audio_edition.publish.formats import FORMAT_NAMES
from audio_edition.script.lexicon import Entry, load_lexicon
from audio_edition.voices.fake import FakeEngine
from tests.conftest import ROOT

TITLE = '</title><script>alert("title")</script> & <b>Co</b> ]]> "quoted"'
HOSTILE = f"""---
title: '{TITLE}'
author: '<img src=x onerror=alert("byline")>'
date: 2026-11-20
source: '../../../../etc/passwd'
---
# Markup & mischief

The council said <script>alert("body")</script> was not on the agenda & nobody objected.

"We will not run <iframe src=javascript:alert(1)> here," said the clerk, ending the session.

## Second part ]]> <![CDATA[ x ]]>

Residents asked about the <style>body{{display:none}}</style> rules & the 5 > 3 vote.
"""


class _Elements(html.parser.HTMLParser):
    """Every element (tag, attributes) and the text inside script and style elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_script = tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def _assert_inert(name: str, text: str) -> None:
    """No markup of the article's became an element or an attribute in `text`."""
    if name.endswith(".json"):
        json.loads(text)  # data, not markup: it only has to stay valid JSON
        return
    if name.endswith((".xml", ".opf", ".smil", ".ncx", ".xhtml")) or text.lstrip().startswith("<?xml"):
        ET.fromstring(text.encode("utf-8"))  # well-formed: nothing broke out of its element
    parsed = _Elements()
    parsed.feed(text)
    assert not any(tag in ("iframe", "img", "b") for tag, _ in parsed.tags), name
    assert not any(a and "onerror" in a for _, attrs in parsed.tags for a, _v in attrs), name
    assert not any("<" in s and "alert(" in s for s in parsed.scripts), name  # no tag, even in data
    assert not any("display:none" in s for s in parsed.scripts), name


def test_markup_in_titles_and_text_is_inert_in_every_output(tmp_path: Path, fake_engine: FakeEngine) -> None:
    article = tmp_path / "mischief.md"
    article.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "out"
    produce(article, Options(engine="fake", out_dir=out, formats=FORMAT_NAMES))
    feed = write_feed(out, Show(base_url="https://example.org/audio", title="<script>x</script>"))
    checked = 0
    for path in [feed, *out.rglob("*")]:
        if path.suffix in (".html", ".xhtml", ".xml", ".opf", ".smil", ".ncx", ".vtt", ".json"):
            _assert_inert(path.name, path.read_text(encoding="utf-8"))
            checked += 1
        elif path.suffix == ".epub":
            with zipfile.ZipFile(path) as book:
                for member in book.namelist():
                    if member.endswith((".xhtml", ".opf", ".smil", ".ncx", ".xml")):
                        _assert_inert(member, book.read(member).decode("utf-8"))
                        checked += 1
    assert checked >= 10
    items = ET.parse(feed).getroot().findall("./channel/item")
    assert [i.findtext("title") for i in items] == [TITLE]  # the title survives, as text
    page = next(out.rglob("*.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in page  # shown to the reader, escaped


def test_paths_in_titles_front_matter_and_names_stay_inside_the_output(
    tmp_path: Path, fake_engine: FakeEngine
) -> None:
    article = tmp_path / "..%2f..%2fescape.md"
    article.write_text(HOSTILE.replace(TITLE, "../../../../tmp/escaped"), encoding="utf-8")
    out = tmp_path / "work" / "out"
    built = produce(article, Options(engine="fake", out_dir=out, formats=FORMAT_NAMES))
    made = [p for p in tmp_path.rglob("*") if p.is_file() and p != article]
    assert made and all(out in p.parents for p in made), made
    assert all(f.parent == out for f in built.files)
    assert not Path("/tmp/escaped").exists()


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB (sparse: the test writes nothing)
    result = CliRunner().invoke(cli, ["script", str(big)])
    assert result.exit_code == 2
    assert result.output.strip() == "Error: huge.txt is 50 MB: articles are limited to 20 MB"


def test_a_one_megabyte_paragraph_is_scripted_whole() -> None:
    sentence = 'The board met on Tuesday and said "yes" to the plan for the harbour. '
    body = sentence * (1_048_576 // len(sentence))
    article = parse_article("A Very Long Report\n\n" + body)
    script = write_script(article)
    spoken = [s for s in script.segments if s.role not in ("intro", "outro", "title")]
    assert len(spoken) == body.count("harbour.")  # one segment per sentence, none lost or merged
    assert all(s.speech.text.endswith("harbour.") for s in spoken)


def test_a_hundred_kilobyte_word_is_left_out_and_reported() -> None:
    blob = "Zm9v" * 25_000  # 100 kB of base64, no spaces
    article = parse_article(
        f"Report\n\nThe file {blob} was attached. See https://example.org/{'a' * 80} too.\n"
    )
    text = " ".join(b.text for b in article.blocks)
    assert blob not in text and "The file was attached." in text
    assert "https://example.org/" in text  # a long web address is kept: the reader says its site
    assert [(d.reason, d.text[:10]) for d in article.dropped] == [("unreadable", blob[:10])]
    assert f"({len(blob)} characters)" in article.dropped[0].text
    with pytest.raises(InputError, match="only runs of characters that are not words"):
        parse_article("x" * (MAX_WORD_CHARS + 1) + "\n")


@pytest.mark.parametrize(
    "page",
    [
        "<html><body>" + "<div>" * 50_000 + "<p>Deep.</p>",  # nested past any parser's depth
        "<html><body><p>Open <b>bold <i>italic <p>and <table><tr><td>cell" * 200,  # never closed
        "<html><body></div></p></span>" * 1000 + "<p>Stray closing tags everywhere.</p>",
        "<html>\x00\x01<body><p>Control characters \x07 in the page.</p>",
    ],
    ids=["nested", "unclosed", "stray-closers", "controls"],
)
def test_broken_html_either_reads_or_fails_in_one_line(tmp_path: Path, page: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = CliRunner().invoke(cli, ["script", str(path)])
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.output.count("\n") == 1 and result.output.startswith("Error: page.html")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("list.md", "---\n- a\n- b\n---\nBody text.\n", "front matter must be a mapping"),
        ("scalar.md", "---\njust a string\n---\nBody text.\n", "front matter must be a mapping"),
        ("yaml.md", "---\ntitle: [unclosed\n---\nBody text.\n", "front matter"),
        ("binary.txt", "\x89PNG\r\n\x1a\n" + "\x00" * 64, "binary"),
    ],
)
def test_malformed_input_fails_in_one_line_with_exit_2(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="latin-1")
    result = CliRunner().invoke(cli, ["script", str(path)])
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and message in result.output, result.output


PLS_BODY = """<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
    alphabet="ipa" xml:lang="en-US">
  <lexeme><grapheme>Zelenskyy</grapheme><alias>{alias}</alias><phoneme>zɛˈlɛnski</phoneme></lexeme>
</lexicon>
"""
# Valid PLS documents but for the entity they declare: an internal one, and one reading a local file.
ENTITY_PLS = '<!DOCTYPE lexicon [<!ENTITY who "Zelensky">]>\n' + PLS_BODY.format(alias="&who;")
EXTERNAL_PLS = '<!DOCTYPE lexicon [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n' + PLS_BODY.format(
    alias="&secret;"
)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("bad.toml", "[[[ not toml", "is not valid TOML"),
        ("wrong.toml", "[Zelenskyy]\nipa = 5", '"Zelenskyy" must be'),
        ("bad.pls", "<lexicon><lexeme><grapheme>x</grapheme>", "is not valid PLS XML"),
        ("evil.pls", ENTITY_PLS, "declares entities"),
    ],
)
def test_malformed_lexicons_fail_in_one_line_with_exit_2(
    tmp_path: Path, name: str, content: str, problem: str
) -> None:
    lexicon = tmp_path / name
    lexicon.write_text(content, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nA sentence to read.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["script", str(article), "--lexicon", str(lexicon)])
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and result.output.startswith(f"Error: lexicon {name}")
    assert problem in result.output
    assert "root:" not in result.output and "Traceback" not in result.output


def test_a_pls_lexicon_declaring_entities_is_refused_and_the_same_one_without_them_loads(
    tmp_path: Path,
) -> None:
    for content in (ENTITY_PLS, EXTERNAL_PLS):
        evil = tmp_path / "evil.pls"
        evil.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + content, encoding="utf-8")
        with pytest.raises(InputError, match=r"^lexicon evil\.pls declares entities .*: remove"):
            load_lexicon(evil)
    plain = tmp_path / "plain.pls"
    plain.write_text(PLS_BODY.format(alias="Zelensky"), encoding="utf-8")
    assert load_lexicon(plain) == (Entry("Zelenskyy", alias="Zelensky", ipa="zɛˈlɛnski"),)


def test_external_programs_are_run_with_argument_lists_never_a_shell() -> None:
    sources = list((ROOT / "audio_edition").rglob("*.py"))
    assert sources
    for source in sources:
        text = source.read_text(encoding="utf-8")
        assert not re.search(r"shell\s*=\s*True|os\.system\(|os\.popen\(|subprocess\.getoutput", text), source


PIPER_TITLE = '<script>alert(1)</script> & "Quotes" <b>bold</b>'


def test_a_title_of_markup_builds_with_piper_and_is_shown_as_text(tmp_path: Path) -> None:
    """Piper never hears the markup (it spelled the symbols out so slowly the gate refused the
    episode); every output shows the title as written, escaped where it is markup."""
    article = tmp_path / "markup-title.txt"
    article.write_text(
        f"{PIPER_TITLE}\n\nThe council met on Tuesday and agreed the harbour plan after a long debate.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", str(article), "-o", str(out), "--engine", "piper", "--formats", "all", "-q"]
    )
    assert result.exit_code == 0, result.output
    qa = json.loads((out / "markup-title.qa.json").read_text(encoding="utf-8"))
    assert qa["passed"] and {c["name"]: c["passed"] for c in qa["checks"]}["speech"]
    manifest = json.loads((out / "markup-title.json").read_text(encoding="utf-8"))
    assert manifest["title"] == PIPER_TITLE and manifest["engine"] == "piper"
    assert [s["text"] for s in manifest["segments"] if s["role"] == "title"] == [PIPER_TITLE]
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
    assert f'{escaped}"Quotes" &lt;b&gt;bold&lt;/b&gt;' in (out / "markup-title.vtt").read_text(
        encoding="utf-8"
    )
    page = lxml.html.fromstring((out / "markup-title.html").read_text(encoding="utf-8"))
    assert (
        page.find(".//h1").text_content() == PIPER_TITLE  # type: ignore[union-attr]
        and page.findtext(".//title") == f"{PIPER_TITLE} (audio edition)"
    )
    assert not page.findall(".//b") and "<" not in page.get_element_by_id("timeline").text
    timeline = json.loads(page.get_element_by_id("timeline").text)
    assert timeline["chapters"][0]["title"] == PIPER_TITLE  # data in the page, decoded as written
    with zipfile.ZipFile(out / "markup-title.epub") as book:
        x = "{http://www.w3.org/1999/xhtml}"
        chapter = ET.fromstring(book.read("OEBPS/chapter1.xhtml"))
        assert "".join(chapter.find(f".//{x}h1").itertext()) == PIPER_TITLE  # type: ignore[union-attr]
        assert not list(chapter.iter(f"{x}script")) and not list(chapter.iter(f"{x}b"))
        opf = ET.fromstring(book.read("OEBPS/content.opf"))
        assert opf.findtext(".//{http://purl.org/dc/elements/1.1/}title") == PIPER_TITLE
