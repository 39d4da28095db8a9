"""An RSS 2.0 podcast feed for the episodes in a folder, with Apple's itunes and the Podcasting 2.0
namespaces. Built from the manifests beside the MP3s; the same folder gives the same bytes."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audio_edition.errors import InputError
from audio_edition.publish.staging import Staging

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")  # Podcasting 2.0 spec
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Show:
    """The channel's own fields (`audio-edition feed` options)."""

    base_url: str
    title: str = "Audio Edition"
    author: str = "Audio Edition"
    description: str = "News articles read aloud."
    image: str | None = None
    language: str | None = None
    category: str = "News"
    explicit: bool = False


def write_feed(out_dir: Path, show: Show) -> Path:
    """Write `out_dir/feed.xml` for every built episode there; returns its path."""
    if not re.match(r"^https?://[^\s/$.?#].[^\s]*$", show.base_url):
        raise InputError(f"--base-url must be an http(s) URL, not {show.base_url!r}")
    episodes = _episodes(out_dir)
    if not episodes:
        raise InputError(f"no episodes in {out_dir}: build some first with `audio-edition build`")
    xml = feed_xml(episodes, show)
    with Staging(out_dir) as stage:
        stage.path("feed.xml").write_bytes(xml)
        return stage.commit()[0]


def feed_xml(episodes: list[dict[str, Any]], show: Show) -> bytes:
    """The feed document for `episodes` (manifests with `slug`, `bytes` and `files` added)."""
    for prefix, uri in (("itunes", ITUNES), ("podcast", PODCAST), ("atom", ATOM)):
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
    feed_url = re.sub(r"^https?://", "", f"{base}/feed.xml")
    _text(channel, f"{{{PODCAST}}}guid", str(uuid.uuid5(PODCAST_GUID_NAMESPACE, feed_url)))
    for episode in items:
        _item(channel, episode, base, show)
    ET.indent(rss)
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True) + b"\n"


def _item(channel: ET.Element, episode: dict[str, Any], base: str, show: Show) -> None:
    slug = episode["slug"]
    item = ET.SubElement(channel, "item")
    _text(item, "title", episode["title"])
    _text(item, "description", episode.get("description") or episode["title"])
    _text(item, "pubDate", email.utils.format_datetime(_published(episode)))
    guid = ET.SubElement(item, "guid", {"isPermaLink": "false"})
    guid.text = str(uuid.uuid5(uuid.NAMESPACE_URL, f"audio-edition:{slug}"))
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
    files = episode["files"]
    if "vtt" in files:
        ET.SubElement(item, f"{{{PODCAST}}}transcript", {"url": f"{base}/{slug}.vtt", "type": "text/vtt"})
    if "srt" in files:
        ET.SubElement(
            item, f"{{{PODCAST}}}transcript", {"url": f"{base}/{slug}.srt", "type": "application/x-subrip"}
        )
    if "chapters" in files:
        ET.SubElement(
            item,
            f"{{{PODCAST}}}chapters",
            {"url": f"{base}/{slug}.chapters.json", "type": "application/json+chapters"},
        )


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def _episodes(out_dir: Path) -> list[dict[str, Any]]:
    """Every manifest in `out_dir` whose MP3 is there, with its slug, MP3 size and sibling files."""
    found: list[dict[str, Any]] = []
    if not out_dir.is_dir():
        return found
    for path in sorted(out_dir.glob("*.json")):
        if path.name.endswith((".qa.json", ".chapters.json")):
            continue
        slug = path.name[: -len(".json")]
        mp3 = out_dir / f"{slug}.mp3"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict) or "segments" not in data or not mp3.is_file():
            continue
        siblings = {"vtt": f"{slug}.vtt", "srt": f"{slug}.srt", "chapters": f"{slug}.chapters.json"}
        data.update(
            slug=slug,
            bytes=mp3.stat().st_size,
            files={k for k, name in siblings.items() if (out_dir / name).is_file()},
        )
        found.append(data)
    return found


def _published(episode: dict[str, Any]) -> dt.datetime:
    """The article's date when it can be read, else the build time (UTC)."""
    written = str(episode.get("date") or "")
    cleaned = re.sub(r"^(updated|published|posted)[:\s]+", "", written, flags=re.IGNORECASE).strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).replace(tzinfo=dt.UTC)
        except ValueError:
            continue
    try:
        return dt.datetime.fromisoformat(cleaned).replace(tzinfo=dt.UTC) if cleaned else _built(episode)
    except ValueError:
        return _built(episode)


def _built(episode: dict[str, Any]) -> dt.datetime:
    try:
        return dt.datetime.strptime(str(episode.get("built")), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
