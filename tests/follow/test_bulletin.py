"""`follow --bulletin`: the run's new articles as one more episode, read as a podcast app reads it
(the feed through feedparser, the ID3 chapters through mutagen and ffmpeg, the JSON chapters), and
`--bulletin-sentences`, each article cut to its first sentences and its first quotation."""

from __future__ import annotations

import datetime as dt
import json
import re
from html import escape
from pathlib import Path
from typing import Any

import feedparser
from mutagen.id3 import ID3, CTOCFlags

from audio_edition.languages.dates import english_day as said_day
from audio_edition.model import Article, Block, Meta
from audio_edition.publish.edition import edition_uuid
from audio_edition.publish.formats import FORMATS
from audio_edition.script.bulletin import bulletin_script, shorten
from audio_edition.script.settings import ScriptSettings
from tests.audio_checks import ffmpeg_chapters
from tests.follow.conftest import follow, publish_rss, rss_item
from tests.follow.news import CYCLE, FERRY, LIBRARY, ORCHARD
from tests.follow.site import Site, page, rss
from tests.tagged import lang

SLUG = re.compile(r"^bulletin-(\d{4}-\d{2}-\d{2})(-\d+)?$")


def bulletins(out: Path) -> list[str]:
    """The slugs of the bulletins in OUT, in the order they were made."""
    found = [p.name.removesuffix(".json") for p in out.glob("bulletin-*.json") if p.name.count(".") == 1]
    return sorted(found, key=lambda s: (len(s), s))


def id3_tree(mp3: Path) -> list[Any]:
    """The ID3 table of contents as mutagen reads it: each top-level entry a chapter's (title,
    start ms), or a nested table's (title, [its chapters])."""
    tag = ID3(mp3)

    def entry(element: str) -> Any:
        if f"CTOC:{element}" in tag:
            ctoc = tag[f"CTOC:{element}"]
            return (str(ctoc.sub_frames["TIT2"]), [entry(child) for child in ctoc.child_element_ids])
        chap = tag[f"CHAP:{element}"]
        return (str(chap.sub_frames["TIT2"]), chap.start_time)

    tops = [c for c in tag.getall("CTOC") if c.flags & CTOCFlags.TOP_LEVEL]
    assert len(tops) == 1
    return [entry(child) for child in tops[0].child_element_ids]


def visible_chapters(path: Path) -> list[dict[str, Any]]:
    """The JSON chapters an app lists (those not marked `"toc": false`)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == "1.2.0"
    return [c for c in data["chapters"] if c.get("toc", True)]


def test_the_bulletin_has_a_chapter_per_article_in_order_and_its_own_feed_item(
    newsroom: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = follow(out, newsroom["rss"], newsroom["atom"], "--bulletin", "--formats", "all")
    assert result.exit_code == 0, result.output
    assert "built                 4" in result.output  # three articles and their bulletin
    [slug] = bulletins(out)
    day = dt.date.fromisoformat(SLUG.match(slug).group(1))  # type: ignore[union-attr]
    said = said_day(day)
    titles = ["Headlines", FERRY[0], LIBRARY[0], CYCLE[0]]  # newest first, as the run built them

    mp3 = out / f"{slug}.mp3"
    tree = id3_tree(mp3)
    assert [title for title, _ in tree] == titles
    read = ffmpeg_chapters(mp3)  # ffmpeg's times are shifted by the encoder's delay (~25 ms)
    assert [t for _, t in read] == titles
    assert all(abs(a - start) <= 50 for (a, _), (_, start) in zip(read, tree, strict=True))
    listed = visible_chapters(out / f"{slug}.chapters.json")
    assert [c["title"] for c in listed] == titles
    assert [round(c["startTime"] * 1000) for c in listed] == [start for _, start in tree]

    manifest = json.loads((out / f"{slug}.json").read_text(encoding="utf-8"))
    assert manifest["title"] == f"Bulletin, {said}" and manifest["language"] == "en"
    said_texts = [s["text"] for s in manifest["segments"]]
    assert said_texts[:5] == [
        f"This is Audio Edition, the bulletin for {said}.",
        "Today's headlines:",
        *(f"{t}." for t in titles[1:]),
    ]
    assert said_texts[-1] == (
        f"That was the bulletin for {said}, from Audio Edition. This edition was read by a synthetic voice."
    )
    assert manifest["description"] == "Today's headlines: " + " ".join(f"{t}." for t in titles[1:])
    starts = {s["start"] for s in manifest["segments"]}
    for story, chapter in zip((FERRY, LIBRARY, CYCLE), manifest["chapters"][1:], strict=True):
        inside = [s for s in manifest["segments"] if chapter["start"] <= s["start"] < chapter["end"]]
        assert chapter["start"] in starts and inside[0] == {**inside[0], "role": "heading", "text": story[0]}
        narration = " ".join(s["text"] for s in inside if s["role"] == "narration")
        assert narration == " ".join(story[2])  # each article read whole
    assert all((out / f.file_name(slug)).exists() for f in FORMATS)

    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo and feed.version == "rss20"
    [item] = [e for e in feed.entries if e.id == str(edition_uuid(slug))]
    assert item.title == f"Bulletin, {said}" and item.enclosures[0].href.endswith(f"/{slug}.mp3")
    assert all(t in item.summary for t in titles[1:]) and len(feed.entries) == 4
    assert f"{slug}.chapters.json" in (out / "feed.xml").read_text(encoding="utf-8")

    again = follow(out, newsroom["rss"], newsroom["atom"], "--bulletin")
    assert again.exit_code == 0 and bulletins(out) == [slug]  # nothing new, no bulletin

    site = newsroom["site"]
    site.put("/news/orchard", page(*ORCHARD))
    newer = rss_item(ORCHARD, "/news/orchard", "Thu, 05 Mar 2026 08:00:00 GMT")
    publish_rss(site, [newer, *newsroom["items"]])
    third = follow(out, newsroom["rss"], newsroom["atom"], "--bulletin")
    assert third.exit_code == 0, third.output
    assert bulletins(out) == [slug, f"{slug}-2"]  # the day's second, of the one new article
    assert [t for t, _ in id3_tree(out / f"{slug}-2.mp3")] == ["Headlines", ORCHARD[0]]
    items = feedparser.parse((out / "feed.xml").read_bytes()).entries
    assert len(items) == 6 and not feedparser.parse((out / "feed.xml").read_bytes()).bozo


BRIDGE = (
    "Old bridge to reopen in May",
    "Ada Moss",
    [
        ("h2", "The repairs"),
        ("p", "The old stone bridge over the river will reopen to walkers in May. Its arches were rebuilt."),
        ("p", "Engineers replaced forty stones and relaid the path. The railings were painted green."),
        ("h2", "What comes next"),
        ("p", "Cyclists must wait until the summer. The council will decide on cars in the autumn."),
        ("p", "“We have waited three long years for this bridge,” said Ruth Lane, who lives beside it."),
    ],
)
POOL = (
    "Swimming pool extends its hours",
    "Ben Ito",
    [
        (
            "p",
            "The town pool will open at six in the morning from next week. Lanes will be kept for lengths.",
        ),
        ("h2", "Prices"),
        ("p", "Early swims will cost the same as the rest of the day. Children swim free at weekends."),
    ],
)


def sectioned_page(title: str, byline: str, parts: list[tuple[str, str]]) -> str:
    """An article page with subheadings (h2) between its paragraphs."""
    body = "".join(f"<{tag}>{escape(text)}</{tag}>" for tag, text in parts)
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title>"
        f"</head><body><article><h1>{escape(title)}</h1><p class='byline'>By {escape(byline)}</p>"
        f"{body}</article></body></html>"
    )


def sectioned_site(site: Site) -> str:
    """Serve the two sectioned articles and their RSS feed; returns the feed's URL."""
    items = []
    for story, path, date in (
        (BRIDGE, "/b", "Wed, 04 Mar 2026 09:00:00 GMT"),
        (POOL, "/p", "Tue, 03 Mar 2026"),
    ):
        site.put(path, sectioned_page(*story))
        items.append({"title": story[0], "link": site.url(path), "guid": path, "date": date})
    return site.put("/rss.xml", rss("Courier", items), "application/rss+xml")


def test_subheadings_nest_under_their_article(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = follow(out, sectioned_site(site), "--bulletin", "--formats", "chapters")
    assert result.exit_code == 0, result.output
    [slug] = bulletins(out)
    tree = id3_tree(out / f"{slug}.mp3")
    shape = [(t, [c for c, _ in rest]) if isinstance(rest, list) else t for t, rest in tree]
    assert shape == [
        "Headlines",
        (BRIDGE[0], [BRIDGE[0], "The repairs", "What comes next"]),
        (POOL[0], [POOL[0], "Prices"]),
    ]
    flat = ffmpeg_chapters(out / f"{slug}.mp3")  # every CHAP, in time order
    assert [t for _, t in flat] == [
        "Headlines",
        BRIDGE[0],
        "The repairs",
        "What comes next",
        POOL[0],
        "Prices",
    ]
    assert [s for s, _ in flat] == sorted(s for s, _ in flat)
    data = json.loads((out / f"{slug}.chapters.json").read_text(encoding="utf-8"))["chapters"]
    assert [(c["title"], c.get("toc", True)) for c in data] == [
        ("Headlines", True),
        (BRIDGE[0], True),
        ("The repairs", False),
        ("What comes next", False),
        (POOL[0], True),
        ("Prices", False),
    ]
    assert data[1]["endTime"] == data[3]["endTime"] == data[4]["startTime"]  # the article spans its parts


def test_bulletin_sentences_reads_the_first_sentences_and_the_first_quotation(
    site: Site, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = follow(out, sectioned_site(site), "--bulletin-sentences", "2", "--formats", "chapters")
    assert result.exit_code == 0, result.output
    [slug] = bulletins(out)
    manifest = json.loads((out / f"{slug}.json").read_text(encoding="utf-8"))
    said = [(s["role"], s["text"]) for s in manifest["segments"]][4:-1]  # after the two headlines
    assert said == [
        ("heading", BRIDGE[0]),
        ("heading", "The repairs"),
        ("narration", "The old stone bridge over the river will reopen to walkers in May."),
        ("narration", "Its arches were rebuilt."),
        ("heading", "What comes next"),
        ("quote", "“We have waited three long years for this bridge,”"),
        ("narration", "said Ruth Lane, who lives beside it."),
        ("heading", POOL[0]),
        ("narration", "The town pool will open at six in the morning from next week."),
        ("narration", "Lanes will be kept for lengths."),
    ]
    assert [c["title"] for c in visible_chapters(out / f"{slug}.chapters.json")] == [
        "Headlines",
        BRIDGE[0],
        POOL[0],
    ]


def test_shorten_keeps_the_headings_of_what_it_keeps() -> None:
    article = Article(
        Meta(title="T"),
        (
            Block("paragraph", "One. Two. Three."),
            Block("heading", "Empty"),
            Block("paragraph", "Four."),
            Block("heading", "Said"),
            Block("blockquote", "“Five words are said here.”"),
            Block("attribution", "— Jo Bloggs"),
        ),
    )
    kept = shorten(article, lang("en"), 2)
    assert [(b.kind, b.text) for b in kept.blocks] == [
        ("paragraph", "One. Two."),
        ("heading", "Said"),
        ("blockquote", "“Five words are said here.”"),
        ("attribution", "— Jo Bloggs"),
    ]
    assert shorten(article, lang("en"), 50).blocks == article.blocks


def test_the_bulletin_speaks_its_articles_language_else_english() -> None:
    def article(title: str, language: str) -> Article:
        return Article(
            Meta(title=title, language=language, title_from="heading"), (Block("paragraph", "Texte."),)
        )

    day = dt.date(2026, 3, 4)
    both = [article("La grève", "fr"), article("Le port", "fr-CA")]
    french = bulletin_script(both, ScriptSettings(), day, find=lang)
    assert french.article.meta.title == "Bulletin du 4 mars 2026" and french.article.meta.language == "fr"
    assert [s.text for s in french.segments[:2]] == [
        "Ici Audio Edition, le bulletin du 4 mars 2026.",
        "Les titres du jour :",
    ]
    assert french.chapters[0].title == "Les titres"
    assert french.segments[-1].text.endswith("Cette édition a été lue par une voix de synthèse.")
    apart = [article("La grève", "fr"), article("Der Hafen", "de")]
    mixed = bulletin_script(apart, ScriptSettings(), day, find=lang)
    assert mixed.article.meta.title == "Bulletin, March 4, 2026" and mixed.article.meta.language == "en"
    quiet = bulletin_script([article("La grève", "fr")], ScriptSettings(opening=False), day, find=lang)
    assert [s.role for s in quiet.segments] == ["narration", "narration", "heading", "narration"]
