"""The invariant of reading: every paragraph a reader extracts is read (a block), is the title, byline
or date, or is listed in `dropped` with a reason. Nothing is lost without a trace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from audio_edition.errors import InputError
from audio_edition.ingest import parse_article
from audio_edition.ingest.candidates import Candidate
from audio_edition.ingest.frontmatter import split_front_matter
from audio_edition.ingest.html import html_candidates
from audio_edition.ingest.markdown import markdown_candidates
from audio_edition.ingest.plaintext import plain_candidates
from audio_edition.ingest.unreadable import without_bare_links
from audio_edition.model import Article
from tests.tagged import clean_byline

SENTENCES = st.sampled_from(
    [
        "The harbour ferry operator will raise fares by a fifth from July, it said on Monday.",
        "Union officials said the increase would push commuters back into their cars.",
        "Board members said yesterday that he resigned because the pay rise was refused.",
        "“We made a promise to the crews and I will not break it,” she said.",
        "“We made a promise to the crews and I will not break it.”",
        "The council will sign up 40 new bus drivers this winter.",
        "Clicking through the menus, she found the hidden fee.",
        "She contributed reporting skills to the investigation.",
        "The crossing now takes twelve minutes. Fares will match the daytime service.",
        "Fares will match the daytime service.",
    ]
)
SHORT = st.sampled_from(
    [
        "He resigned.",
        "Yes.",
        "What the union wants",
        "Crews at the harbour gate on Tuesday morning",
        "---",
        "x",
    ]
)
CLUTTER = st.sampled_from(
    [
        "If you are using the app, click here.",
        "Get the latest headlines sent to you",
        "Reporting by Tom Okafor; Editing by Ruth Abebe",
        "Anna Lee contributed reporting from Hong Kong.",
        "1996-98 Some Imaging Inc., All right",
        "© 2024 Example Media Group",
        "READ ALSO: Council approves new bus lanes",
        "Advertisement",
        "Photo: Sam Lee",
        "By Ana Ruiz and Tom Okafor Monday, November 18, 2019, 04:05 pm",
        "By Ana Ruiz | Updated 4:05 PM",
        "November 18, 2019",
        "https://example.org/" + "a" * 70,
        "a" * 80 + " and then some words.",
    ]
)
LINE = st.one_of(SENTENCES, SENTENCES, SHORT, CLUTTER)
TITLE = st.sampled_from(["Ferry fares to rise by a fifth", "Ferry Chief Quits Over Crew Pay", ""])

HTML_BLOCK = st.one_of(
    LINE.map(lambda t: f"<p>{t}</p>"),
    LINE.map(lambda t: f"<blockquote><p>{t}</p></blockquote>"),
    LINE.map(lambda t: f"<blockquote class='pullquote'>{t}</blockquote>"),
    SHORT.map(lambda t: f"<h2>{t}</h2>"),
    LINE.map(lambda t: f"<figure><img src='a.jpg' alt=''><figcaption>{t}</figcaption></figure>"),
    LINE.map(lambda t: f"<img src='b.jpg' alt=''><p>{t}</p>"),
    LINE.map(lambda t: f"<div class='caption'>{t}</div>"),
    LINE.map(lambda t: f"<p class='credit'>{t}</p>"),
    st.lists(LINE, min_size=1, max_size=3).map(
        lambda xs: "<ul>" + "".join(f"<li>{x}</li>" for x in xs) + "</ul>"
    ),
    st.tuples(LINE, LINE).map(lambda ab: f"<div>{ab[0]}<br><br>{ab[1]}</div>"),
    LINE.map(lambda t: f"<p>{t} <span class='image-credit'>Harbour Post / J. Smith</span></p>"),
    LINE.map(lambda t: f"<aside class='pull-quote'><blockquote>{t}</blockquote></aside>"),
    LINE.map(lambda t: f"<p><strong>{t}</strong></p>"),
    LINE.map(lambda t: f"<pre><code>{t}</code></pre>"),
    LINE.map(lambda t: f"<table><tr><td>{t}</td><td>4.80</td></tr></table>"),
    st.tuples(LINE, LINE).map(lambda ab: f"<blockquote><p>{ab[0]}</p><ul><li>{ab[1]}</li></ul></blockquote>"),
)
HEADER = st.sampled_from(
    [
        "",
        "<div class='article-summary'>Late-shift workers along the coast will have a bus home again.</div>",
        "<p class='byline'>By Ana Ruiz and Tom Okafor Monday, November 18, 2019, 04:05 pm</p>",
        "<p>By Ana Ruiz and Tom Okafor Monday, November 18, 2019, 04:05 pm</p>",
        "<header><p class='standfirst'>Forty residents have trained to run the front desk.</p></header>",
    ]
)
MD_PREFIX = st.sampled_from(["", "", "# ", "## ", "> ", "- ", "1. ", "**", "![a photo](p.jpg) "])
FRONT = st.sampled_from(["", "---\ntitle: Ferry fares\nauthor: Ana Ruiz\ndate: 2019-11-18\n---\n"])


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """A news page: headline, something between it and the body, then a body of varied blocks."""
    title = draw(TITLE)
    meta = "<meta name='author' content='Ana Ruiz; Monday; November'>" if draw(st.booleans()) else ""
    blocks = "".join(draw(st.lists(HTML_BLOCK, min_size=1, max_size=10)))
    return (
        f"<html lang='en'><head><title>{title}</title>{meta}</head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{draw(HEADER)}<div class='article-body'>{blocks}</div></article>"
        "<footer>© 2024 Example Media Group</footer></body></html>"
    )


@st.composite
def text_articles(draw: st.DrawFn) -> str:
    lines = [draw(TITLE), *draw(st.lists(LINE, min_size=1, max_size=10))]
    return draw(st.sampled_from(["\n", "\n\n"])).join(lines) + "\n"


@st.composite
def markdown_articles(draw: st.DrawFn) -> str:
    lines = [f"# {draw(TITLE)}"] + [
        draw(MD_PREFIX) + line for line in draw(st.lists(LINE, min_size=1, max_size=10))
    ]
    lines = [f"{line}**" if line.startswith("**") else line for line in lines]
    return draw(FRONT) + "\n\n".join(lines) + "\n"


def unaccounted(paragraphs: list[str], article: Article) -> list[str]:
    """The paragraphs found neither among the blocks, the metadata nor the dropped lines."""
    listed = {_key(b.text) for b in article.blocks} | {_key(d.text) for d in article.dropped}
    return [p for p in paragraphs if _key(p) not in listed and not _is_meta(p, article)]


def _key(text: str) -> str:
    """Text as the reader keeps it: runs too long to be words and links standing outside its
    sentences taken out, spaces collapsed."""
    return without_bare_links(" ".join(re.sub(r"(?<!\S)(?!https?://|www\.)\S{65,}", " ", text).split()))[0]


def _is_meta(paragraph: str, article: Article) -> bool:
    words = re.findall(r"\w+", paragraph.casefold())
    if words == re.findall(r"\w+", article.meta.title.casefold()):
        return True
    by = re.match(r"^(by|written by|words by|reporting by)\s+(.+)$", paragraph, re.IGNORECASE)
    if by and article.meta.byline and clean_byline(by.group(2))[0] == article.meta.byline:
        return True
    return paragraph == article.meta.date


def _check(text: str, fmt: str) -> None:
    """Read `text` and hold what the format's reader extracted against the Article."""
    try:
        paragraphs = [c.text for c in _extracted(text, fmt)]
        article = parse_article(text, name=f"t.{fmt}", fmt=fmt)
    except InputError:
        return  # refused as a whole: nothing is read, and the error says why
    assert unaccounted(paragraphs, article) == []


def _extracted(text: str, fmt: str) -> list[Candidate]:
    if fmt == "html":
        return html_candidates(text, "t.html")[1]
    if fmt == "markdown":
        return markdown_candidates(split_front_matter(text)[1])[0]
    return plain_candidates(text)


@settings(max_examples=120, deadline=None)
@given(page=html_pages())
def test_every_paragraph_of_a_page_is_read_or_listed(page: str) -> None:
    _check(page, "html")


@settings(max_examples=300, deadline=None)
@given(text=text_articles())
def test_every_paragraph_of_a_text_article_is_read_or_listed(text: str) -> None:
    _check(text, "text")


@settings(max_examples=300, deadline=None)
@given(text=markdown_articles())
def test_every_paragraph_of_a_markdown_article_is_read_or_listed(text: str) -> None:
    _check(text, "markdown")


def test_regression_first_paragraph_after_a_heading_as_loose_text_is_read() -> None:
    page = (
        "<html><body><div class='story'><h1>Fares rise</h1>The harbour ferry operator will raise fares "
        "by a fifth from July, it said on Monday.<br><br>A single adult ticket will cost 4.80 dollars, "
        "the operator said on its website.</div></body></html>"
    )
    article = parse_article(page, name="t.html", fmt="html")
    assert [b.text[:30] for b in article.blocks] == [
        "The harbour ferry operator wil",
        "A single adult ticket will cos",
    ]


def test_regression_a_byline_superseded_by_the_page_metadata_is_listed() -> None:
    page = (
        "<html><head><meta name='author' content='Kwame Boateng'></head><body><article><h1>Fares rise</h1>"
        "<p>By Ana Ruiz and Tom Okafor</p><p>The harbour ferry operator will raise fares by a fifth from "
        "July, it said on Monday, blaming fuel.</p></article></body></html>"
    )
    article = parse_article(page, name="t.html", fmt="html")
    assert article.meta.byline == "Kwame Boateng"
    assert ("byline", "By Ana Ruiz and Tom Okafor") in [(d.reason, d.text) for d in article.dropped]
