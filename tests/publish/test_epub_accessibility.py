"""The EPUB as EPUB Accessibility 1.1 asks: its package metadata and markup read with a real XML
parser, true to what the book holds, and every sample article's book (and the reference
article's) checked by DAISY Ace, which must report no violation of any impact.

Ace is installed by `.ci/install-ace` into `.ci/tools/ace`; without it (or without chromium) its
tests skip, unless AUDIO_EDITION_REQUIRE_TOOLS=1 (CI), which makes them fail."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from audio_edition.options import Options
from audio_edition.pipeline import Built, produce
from audio_edition.publish.edition import Edition, edition_of
from audio_edition.publish.speakers import quoted_by
from tests.conftest import ARTICLES, REFERENCE, ROOT, write
from tests.publish.test_formats import _epubcheck as epubcheck_command

OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
X = "http://www.w3.org/1999/xhtml"
OPS = "http://www.idpf.org/2007/ops"
OPS_TYPE = f"{{{OPS}}}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS = {"opf": OPF, "dc": DC, "x": X, "epub": OPS}
ACE = ROOT / ".ci" / "tools" / "ace" / "node_modules" / ".bin" / "ace-puppeteer"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRE_TOOLS = os.environ.get("AUDIO_EDITION_REQUIRE_TOOLS") == "1"
SAMPLES = sorted(p for p in ARTICLES.iterdir() if p.is_file())
NAMES = [p.name for p in SAMPLES] + ["reference"]
# The DPUB-ARIA role each epub:type the book uses must carry (Ace: epub-type-has-matching-role).
ROLES = {"toc": "doc-toc", "chapter": "doc-chapter"}
FEATURES = {
    "synchronizedAudioText",
    "structuralNavigation",
    "tableOfContents",
    "readingOrder",
    "transcript",
    "ARIA",
    "unlocked",
}
PAGE_FEATURES = {"pageBreakMarkers", "printPageNumbers", "pageNavigation"}
CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"


@dataclass(frozen=True)
class Book:
    """One built EPUB: the build, the edition facts it should state, and the file."""

    built: Built
    edition: Edition
    path: Path

    def read(self, name: str) -> etree._Element:
        """A file of the book, parsed as XML."""
        with zipfile.ZipFile(self.path) as book:
            return etree.fromstring(book.read(name))

    def names(self) -> list[str]:
        """Every file name in the book."""
        with zipfile.ZipFile(self.path) as book:
            return book.namelist()


def build(article: Path, out: Path) -> Book:
    """`article` built as an EPUB alone into `out` with the fake engine."""
    options = Options(engine="fake", out_dir=out, use_cache=False, formats=("epub",))
    built = produce(article, options)
    epub = next(p for p in built.files if p.suffix == ".epub")
    return Book(built, edition_of(built.episode, epub.stem, options.show), epub)


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Book]:
    """Every sample article's book, and the reference article's when it is present."""
    articles = {p.name: p for p in SAMPLES}
    if REFERENCE.exists():
        articles["reference"] = REFERENCE
    return {name: build(path, tmp_path_factory.mktemp(name)) for name, path in articles.items()}


def book_named(books: dict[str, Book], name: str) -> Book:
    """The book of `name`; the reference article's skips when it is absent."""
    if name not in books:
        pytest.skip("../shared/articles is not present beside this checkout")
    return books[name]


def metadata(opf: etree._Element) -> dict[str, list[str]]:
    """The package's metadata: each property (or DC element) and its values, in order; `meta`
    elements refining another are keyed `property@refines`."""
    found: dict[str, list[str]] = {}
    for element in opf.find("opf:metadata", NS):  # type: ignore[union-attr]
        if not isinstance(element.tag, str):
            continue
        if element.tag == f"{{{OPF}}}meta":
            key = element.get("property", "") + (
                f"@{element.get('refines')}" if element.get("refines") else ""
            )
        else:
            key = "dc:" + etree.QName(element).localname
        found.setdefault(key, []).append(" ".join((element.text or "").split()))
    return found


def content_documents(book: Book) -> list[str]:
    """The XHTML files of the book (the nav document and each chapter)."""
    return [n for n in book.names() if n.endswith(".xhtml")]


# --- package metadata -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_package_declares_what_the_book_offers(books: dict[str, Book], name: str) -> None:
    """EPUB Accessibility 1.1 discovery metadata, each value one the book bears out."""
    book = book_named(books, name)
    opf = book.read("OEBPS/content.opf")
    meta = metadata(opf)
    assert meta["schema:accessMode"] == ["textual", "auditory"]
    assert meta["schema:accessModeSufficient"] == ["textual", "auditory"]  # each alone suffices
    features = set(meta["schema:accessibilityFeature"])
    assert features - {"structuralNavigation"} == FEATURES - {"structuralNavigation"}
    assert meta["schema:accessibilityHazard"] == ["none"]

    # synchronizedAudioText and transcript: every chapter in reading order has an overlay, whose
    # clips point at its sentences; auditory alone suffices because every sentence is spoken
    items = {i.get("id"): i for i in opf.iterfind("opf:manifest/opf:item", NS)}
    spine = [items[r.get("idref")] for r in opf.iterfind("opf:spine/opf:itemref", NS)]
    assert spine and all(
        items[i.get("media-overlay")].get("media-type") == "application/smil+xml" for i in spine
    )
    spoken = {
        text.get("src").split("#")[1]  # type: ignore[union-attr]
        for item in spine
        for text in book.read(f"OEBPS/{items[item.get('media-overlay')].get('href')}").iter(
            "{http://www.w3.org/ns/SMIL}text"
        )
    }
    sentences = {
        e.get("id")
        for item in spine
        for e in book.read(f"OEBPS/{item.get('href')}").iter(f"{{{X}}}span")
        if (e.get("id") or "").startswith("s")
    }
    assert sentences and sentences == spoken
    # textual alone suffices and accessMode names no visual mode: nothing to see but text
    for name_ in content_documents(book):
        doc = book.read(name_)
        assert not doc.xpath("//x:img | //x:svg | //x:video | //x:canvas | //x:picture", namespaces=NS)
    # tableOfContents: a toc nav; structuralNavigation only where every chapter has a heading (a
    # title made from the file name is no heading: the reference article's first chapter has none)
    nav = book.read("OEBPS/nav.xhtml")
    assert nav.xpath("//x:nav[@epub:type='toc']//x:a", namespaces=NS)
    headed = [
        bool(book.read(f"OEBPS/{i.get('href')}").xpath("//x:h1 | //x:h2", namespaces=NS)) for i in spine
    ]
    assert ("structuralNavigation" in features) == all(headed)
    # unlocked: nothing encrypted, no rights expression
    assert not {"META-INF/encryption.xml", "META-INF/rights.xml"} & set(book.names())


@pytest.mark.parametrize("name", NAMES)
def test_no_page_list_is_claimed_or_sourced(books: dict[str, Book], name: str) -> None:
    """A born-digital article has no print pages: no page list or page breaks, so no page
    features and no page source (pageBreakSource, source-of) either."""
    book = book_named(books, name)
    meta = metadata(book.read("OEBPS/content.opf"))
    assert not PAGE_FEATURES & set(meta["schema:accessibilityFeature"])
    assert not [
        key for key in meta if key.startswith(("pageBreakSource", "a11y:pageBreakSource", "source-of"))
    ]
    for name_ in content_documents(book):
        doc = book.read(name_)
        types = {t for e in doc.iter() if isinstance(e.tag, str) for t in (e.get(OPS_TYPE) or "").split()}
        roles = {r for e in doc.iter() if isinstance(e.tag, str) for r in (e.get("role") or "").split()}
        assert not {"page-list", "pagebreak"} & types and not {"doc-pagelist", "doc-pagebreak"} & roles


@pytest.mark.parametrize("name", NAMES)
def test_the_conformance_claim_names_who_made_it(books: dict[str, Book], name: str) -> None:
    book = book_named(books, name)
    opf = book.read("OEBPS/content.opf")
    claims = [
        m for m in opf.iterfind("opf:metadata/opf:meta", NS) if m.get("property") == "dcterms:conformsTo"
    ]
    assert [c.text for c in claims] == [CONFORMANCE]
    certifiers = [
        m for m in opf.iterfind("opf:metadata/opf:meta", NS) if m.get("property") == "a11y:certifiedBy"
    ]
    assert [(c.get("refines"), c.text) for c in certifiers] == [
        (f"#{claims[0].get('id')}", book.edition.show)
    ]
    assert metadata(opf)["dc:publisher"] == [book.edition.show]


@pytest.mark.parametrize("name", NAMES)
def test_the_summary_is_written_for_a_person(books: dict[str, Book], name: str) -> None:
    book = book_named(books, name)
    summaries = [
        m
        for m in book.read("OEBPS/content.opf").iterfind("opf:metadata/opf:meta", NS)
        if m.get("property") == "schema:accessibilitySummary"
    ]
    assert len(summaries) == 1
    text = summaries[0].text or ""
    assert summaries[0].get(XML_LANG) == "en"  # written in English, whatever the article's language
    assert 30 <= len(text.split()) <= 120 and text.endswith(".")
    assert not [term for term in FEATURES - {"transcript"} if term in text]  # words, not vocabulary
    assert "no page numbers" in text and "synthetic voice" in text
    headed = "structuralNavigation" in metadata(book.read("OEBPS/content.opf"))["schema:accessibilityFeature"]
    assert ("headed in the text" in text) == headed
    labelled = any(quoted_by(t.segment) for t in book.built.episode.timeline)
    assert ("not read aloud" in text) == labelled  # the one thing the audio leaves out, when there


@pytest.mark.parametrize("name", NAMES)
def test_descriptive_metadata_states_the_edition(books: dict[str, Book], name: str) -> None:
    book = book_named(books, name)
    meta = metadata(book.read("OEBPS/content.opf"))
    article = book.built.episode.script.article.meta
    assert meta["dc:identifier"] == [book.edition.urn]
    assert meta.get("dc:creator") == ([article.byline] if article.byline else None)
    assert meta.get("dc:date") == ([book.edition.date.isoformat()] if book.edition.date else None)
    assert "dc:source" not in meta  # every sample is read from a file: its path is no source
    assert meta["media:narrator"] == [book.edition.narrator]
    assert meta["media:active-class"] == ["-epub-media-overlay-active"]
    assert len(meta["media:duration"]) == 1


def test_the_sample_metadata_reads_as_written(books: dict[str, Book]) -> None:
    """Literal values, not recomputed: the byline, the dateline as an ISO date, the show, the voice."""
    meta = metadata(books["harbour-ferry-strike.txt"].read("OEBPS/content.opf"))
    assert meta["dc:creator"] == ["Marta Okonkwo-Reyes"]
    assert meta["dc:date"] == ["2026-03-03"]
    assert meta["dc:publisher"] == ["Audio Edition"]
    assert meta["media:narrator"] == ["Synthetic voice: fake narrator"]
    assert "structuralNavigation" in meta["schema:accessibilityFeature"]  # its title is a heading
    assert "dc:creator" not in metadata(books["council-budget-vote.txt"].read("OEBPS/content.opf"))


def test_a_web_article_names_its_page_and_omits_what_it_lacks(tmp_path: Path) -> None:
    """An article from a URL (here stated in its front matter), in French, without byline or date:
    dc:source is the URL, no dc:creator or dc:date, every document in French; epubcheck passes."""
    url = "https://example.org/nouvelles/le-port?id=7&lang=fr"
    article = write(
        tmp_path,
        "port.md",
        f'---\ntitle: "Le port rouvre"\nlanguage: fr\nsource: "{url}"\n---\n\n'
        "Le port a rouvert lundi après trois jours de grève.\n\nLes ferries reprennent leurs horaires.\n",
    )
    book = build(article, tmp_path / "out")
    opf = book.read("OEBPS/content.opf")
    meta = metadata(opf)
    assert meta["dc:source"] == [url]
    assert "dc:creator" not in meta and "dc:date" not in meta
    assert opf.get(XML_LANG) == "fr" and meta["dc:language"] == ["fr"]
    for name in content_documents(book):
        doc = book.read(name)
        assert doc.get("lang") == doc.get(XML_LANG) == "fr"
    command = epubcheck_command()
    if command is None:
        pytest.skip("epubcheck is not installed (CI installs it)")
    result = subprocess.run(
        [*command, str(book.path)], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0 and "0 fatals / 0 errors / 0 warnings" in result.stdout, result.stdout


def test_modified_is_the_build_time_or_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """dcterms:modified is when the book was made (UTC, to the second); SOURCE_DATE_EPOCH, when
    set, states that time instead, in the package and on every file of the ZIP."""
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    book = build(ARTICLES / "night-bus-drivers.txt", tmp_path / "now")
    (modified,) = metadata(book.read("OEBPS/content.opf"))["dcterms:modified"]
    stated = dt.datetime.strptime(modified, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    assert before <= stated <= dt.datetime.now(dt.UTC)

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    book = build(ARTICLES / "night-bus-drivers.txt", tmp_path / "pinned")
    assert metadata(book.read("OEBPS/content.opf"))["dcterms:modified"] == ["2026-01-01T00:00:00Z"]
    with zipfile.ZipFile(book.path) as epub:
        assert {info.date_time for info in epub.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        first = epub.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED and not first.extra


# --- markup ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_every_epub_type_carries_its_aria_role(books: dict[str, Book], name: str) -> None:
    book = book_named(books, name)
    typed: list[tuple[str, str, str]] = []
    for name_ in content_documents(book):
        for element in book.read(name_).iter():
            if isinstance(element.tag, str) and element.get(OPS_TYPE):
                typed += [(name_, t, element.get("role") or "") for t in element.get(OPS_TYPE).split()]
    assert {t for _, t, _ in typed} == set(ROLES)  # the toc, and the chapters
    assert [(doc, t, role) for doc, t, role in typed if role != ROLES[t]] == []


@pytest.mark.parametrize("name", NAMES)
def test_every_document_states_its_language(books: dict[str, Book], name: str) -> None:
    book = book_named(books, name)
    opf = book.read("OEBPS/content.opf")
    language = metadata(opf)["dc:language"][0]
    assert opf.get(XML_LANG) == language
    for name_ in content_documents(book):
        doc = book.read(name_)
        assert doc.get("lang") == doc.get(XML_LANG) == language, name_


# --- DAISY Ace ------------------------------------------------------------------------------------


def missing_tool(reason: str) -> None:
    """Skip for want of a tool; fail instead where tools are required (CI)."""
    if REQUIRE_TOOLS:
        pytest.fail(f"{reason}, and AUDIO_EDITION_REQUIRE_TOOLS=1 requires it")
    pytest.skip(reason)


def run_ace(epub: Path, outdir: Path) -> dict[str, Any]:
    """Ace's report on `epub` (its report.json in `outdir`), or what went wrong running it."""
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM)}
    result = subprocess.run(
        [str(ACE), "--silent", "--force", "--outdir", str(outdir), str(epub)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )
    report = outdir / "report.json"
    if result.returncode != 0 or not report.is_file():
        return {"error": f"ace exited {result.returncode}: {result.stdout}{result.stderr}"}
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ace_reports(
    books: dict[str, Book], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, Any]]:
    """Ace run once on each book, a few at a time (each run starts its own headless chromium)."""
    if not ACE.exists():
        missing_tool("DAISY Ace is not installed (run .ci/install-ace)")
    if CHROMIUM is None:
        missing_tool("chromium is not installed (CI installs it)")
    out = tmp_path_factory.mktemp("ace")
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        runs = {name: pool.submit(run_ace, book.path, out / name) for name, book in books.items()}
        return {name: run.result() for name, run in runs.items()}


def violations(report: dict[str, Any]) -> list[str]:
    """Every violation in an Ace report, one line each: document, rule, impact, what and where."""
    return [
        f"{subject['earl:testSubject']['url']}: {a['earl:test']['dct:title']} "
        f"({a['earl:test']['earl:impact']}) {a['earl:result'].get('dct:description', '')} "
        f"{a['earl:result'].get('earl:pointer', {}).get('css', '')}"
        for subject in report.get("assertions", [])
        for a in subject.get("assertions", [])
    ]


@pytest.mark.parametrize("name", NAMES)
def test_ace_finds_no_violation(ace_reports: dict[str, dict[str, Any]], name: str) -> None:
    if name not in ace_reports:
        pytest.skip("../shared/articles is not present beside this checkout")
    report = ace_reports[name]
    assert "error" not in report, report.get("error")
    found = violations(report)
    assert found == [], "\n".join(found)
    assert report["earl:result"]["earl:outcome"] == "pass"
    present = set(report["a11y-metadata"]["present"])
    assert {
        "schema:accessMode",
        "schema:accessibilitySummary",
        "dcterms:conformsTo",
        "a11y:certifiedBy",
    } <= present
