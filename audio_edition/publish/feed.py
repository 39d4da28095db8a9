"""An RSS 2.0 podcast feed for the episodes in a folder, with Apple's itunes and the Podcasting 2.0
namespaces, and each item's chapters also as Podlove Simple Chapters and time stamps in its
description (`feed_chapters.py`). Built from the manifests of the whole episodes in a folder (a set whose files do not
match its manifest is left out); the same folder gives the same bytes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audio_edition.defaults import SHOW_NAME
from audio_edition.errors import InputError
from audio_edition.languages.tags import language_key
from audio_edition.publish.edition import edition_uuid, written_datetime
from audio_edition.publish.feed_chapters import PSC, add_psc_chapters, described_chapters
from audio_edition.publish.formats import BY_NAME, FORMATS, MANIFEST, MP3, QA
from audio_edition.publish.outputs import checked_manifest, set_names
from audio_edition.publish.staging import Staging
from audio_edition.publish.xml_text import clean_tree

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")  # Podcasting 2.0 spec
# The formats linked from an item: tag and MIME type.
_SIBLINGS = {
    "vtt": ("transcript", "text/vtt"),
    "srt": ("transcript", "application/x-subrip"),
    "chapters": ("chapters", "application/json+chapters"),
}


@dataclass(frozen=True)
class Show:
    """The channel's own fields (`audio-edition feed` options)."""

    base_url: str
    title: str = SHOW_NAME
    author: str = SHOW_NAME
    description: str = "News articles read aloud."
    image: str | None = None
    language: str | None = None
    category: str = "News"
    explicit: bool = False


# Apple Podcasts' categories (top level), as Apple spells them.
APPLE_CATEGORIES = (
    "Arts", "Business", "Comedy", "Education", "Fiction", "Government", "Health & Fitness", "History",
    "Kids & Family", "Leisure", "Music", "News", "Religion & Spirituality", "Science",
    "Society & Culture", "Sports", "Technology", "True Crime", "TV & Film",
)  # fmt: skip
_URL = re.compile(r"^https?://[^\s/$.?#].[^\s]*$")


def checked_show(show: Show) -> Show:
    """`show` with its category in Apple's spelling; InputError for what a podcast app would
    refuse: a base URL or image that is no absolute http(s) URL, a category Apple does not have,
    a language tag no locale answers to."""
    if not _URL.match(show.base_url):
        raise InputError(f"--base-url must be an http(s) URL, not {show.base_url!r}")
    if show.image is not None and not _URL.match(show.image):
        raise InputError(f"--image must be the artwork's absolute http(s) URL, not {show.image!r}")
    category = next((c for c in APPLE_CATEGORIES if c.lower() == show.category.strip().lower()), None)
    if category is None:
        raise InputError(
            f"--category {show.category!r} is not an Apple Podcasts category: use one of {', '.join(APPLE_CATEGORIES)}"
        )
    if show.language is not None and not _known_language(show.language):
        raise InputError(
            f"--language {show.language!r} is not a language tag: use one such as en, en-gb or fr"
        )
    return dataclasses.replace(show, category=category)


def _known_language(tag: str) -> bool:
    """Whether `tag` (`en`, `en-GB`, `fr-ca`) names a language CLDR knows."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(tag.strip().replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return False
    return True


def write_feed(out_dir: Path, show: Show, warn: Callable[[str], None] | None = None) -> Path:
    """Write `out_dir/feed.xml` for every built episode there; returns its path. Each episode left
    out (its set does not match its manifest) is told to `warn` in one line saying why; when none
    is whole, one InputError says so."""
    show = checked_show(show)
    episodes, unmatched = _episodes(out_dir)
    if not episodes and unmatched:
        raise InputError(
            f"no whole episodes in {out_dir}: {len(unmatched)} do not match their manifest (a build cut "
            "short, files changed since, or made by an older version): build them again"
        )
    if not episodes:
        raise InputError(f"no episodes in {out_dir}: build some first with `audio-edition build`")
    for slug, why in unmatched:
        if warn is not None:
            warn(f"warning: {slug} left out of the feed: {why}; build it again")
    xml = feed_xml(episodes, show)
    with Staging(out_dir) as stage:
        stage.path("feed.xml").write_bytes(xml)
        return stage.commit()[0]


def feed_xml(episodes: list[dict[str, Any]], show: Show) -> bytes:
    """The feed document for `episodes` (manifests with `slug`, `bytes` (the MP3's size) and
    `formats` (names of the formats built) added)."""
    for prefix, uri in (("itunes", ITUNES), ("podcast", PODCAST), ("atom", ATOM), ("psc", PSC)):
        ET.register_namespace(prefix, uri)
    base = show.base_url.rstrip("/")
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    language = show.language or episodes[0].get("language") or "en"
    items = sorted(episodes, key=lambda e: (_published(e), e["slug"]), reverse=True)
    _text(channel, "title", show.title)
    _text(channel, "link", base + "/")
    _text(channel, "description", show.description)
    _text(channel, "language", language)
    _text(channel, "lastBuildDate", email.utils.format_datetime(_published(items[0])))
    ET.SubElement(
        channel, f"{{{ATOM}}}link", {"href": f"{base}/feed.xml", "rel": "self", "type": "application/rss+xml"}
    )
    _text(channel, f"{{{ITUNES}}}author", show.author)
    _text(channel, f"{{{ITUNES}}}summary", show.description)
    _text(channel, f"{{{ITUNES}}}type", "episodic")
    _text(channel, f"{{{ITUNES}}}explicit", "true" if show.explicit else "false")
    ET.SubElement(channel, f"{{{ITUNES}}}category", {"text": show.category})
    if show.image:
        ET.SubElement(channel, f"{{{ITUNES}}}image", {"href": show.image})
        image = ET.SubElement(channel, "image")
        _text(image, "url", show.image)
        _text(image, "title", show.title)
        _text(image, "link", base + "/")
    # the spec's seed: the feed URL without its scheme and trailing slashes
    feed_url = re.sub(r"^https?://", "", f"{base}/feed.xml").rstrip("/")
    _text(channel, f"{{{PODCAST}}}guid", str(uuid.uuid5(PODCAST_GUID_NAMESPACE, feed_url)))
    for episode in items:
        _item(channel, episode, base, show)
    ET.indent(clean_tree(rss))
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True) + b"\n"


def _item(channel: ET.Element, episode: dict[str, Any], base: str, show: Show) -> None:
    slug = episode["slug"]
    item = ET.SubElement(channel, "item")
    _text(item, "title", episode["title"])
    chapters = episode.get("chapters") or []
    _text(item, "description", described_chapters(episode.get("description") or episode["title"], chapters))
    _text(item, "pubDate", email.utils.format_datetime(_published(episode)))
    guid = ET.SubElement(item, "guid", {"isPermaLink": "false"})
    guid.text = str(edition_uuid(slug))
    if episode.get("source", "") and str(episode["source"]).startswith(("http://", "https://")):
        _text(item, "link", episode["source"])
    ET.SubElement(
        item,
        "enclosure",
        {"url": f"{base}/{slug}.mp3", "length": str(episode["bytes"]), "type": "audio/mpeg"},
    )
    _text(item, f"{{{ITUNES}}}duration", str(int(round(episode["duration"]))))
    _text(item, f"{{{ITUNES}}}explicit", "true" if show.explicit else "false")
    _text(item, f"{{{ITUNES}}}episodeType", "full")
    for name, (tag, kind) in _SIBLINGS.items():
        if name in episode["formats"]:
            url = f"{base}/{BY_NAME[name].file_name(slug)}"
            ET.SubElement(item, f"{{{PODCAST}}}{tag}", {"url": url, "type": kind})
    add_psc_chapters(item, chapters)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def _episodes(out_dir: Path) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """Every whole episode in `out_dir` (its manifest matches its files, see `checked_manifest`),
    with its slug, MP3 size and the formats it has; and (slug, why) for each MP3 with a manifest
    whose set is not whole."""
    found: list[dict[str, Any]] = []
    unmatched: list[tuple[str, str]] = []
    if not out_dir.is_dir():
        return found, unmatched
    suffixes = tuple(f.suffix for f in FORMATS) + (QA,)
    for path in sorted(out_dir.glob("*" + MANIFEST)):
        if path.name.endswith(suffixes):
            continue
        slug = path.name[: -len(MANIFEST)]
        data, why = checked_manifest(out_dir, slug)
        if data is None or "segments" not in data:
            if (out_dir / (slug + MP3)).is_file():
                unmatched.append((slug, why or "its manifest has no timeline"))
            continue
        sizes = {entry["name"]: entry["size"] for entry in data["files"]}
        names = set_names(data)
        data.update(
            slug=slug,
            bytes=sizes[slug + MP3],
            formats={f.name for f in FORMATS if f.file_name(slug) in names},
        )
        found.append(data)
    return found, unmatched


def _published(episode: dict[str, Any]) -> dt.datetime:
    """The article's date and time when stated, else its day (`published`, else `date`), when it
    can be read (its UTC offset kept; none means UTC; parts it lacks
    taken from the build time), else the build time."""
    built = _built(episode)
    language = language_key(str(episode.get("language") or "en"))  # the tag its manifest holds
    stated = episode.get("published") or episode.get("date")  # an older manifest's date is as written
    return written_datetime(str(stated or ""), default=built, code=language) or built


def _built(episode: dict[str, Any]) -> dt.datetime:
    try:
        return dt.datetime.strptime(str(episode.get("built")), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
