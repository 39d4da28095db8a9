"""One feed entry as the follower needs it: a stable key, its link, plain-text title, author and
date, the full article when the entry carries it, a digest that changes when the entry does, and
the stable output name (slug) made from it."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlparse

from audio_edition.publish.slug import slugify

MIN_PARAGRAPHS = 3  # an entry's content with fewer is a teaser: the page is read instead
MAX_TITLE = 300
_HIDDEN = re.compile(r"<(script|style)\b.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[a-zA-Z/!?][^<>]*>")  # no `<` inside: a run of unclosed `<a ` stays linear
MAX_RAW = 4 * MAX_TITLE  # a title or name is cut to this before it is cleaned, then to MAX_TITLE
_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)


@dataclass(frozen=True)
class FeedEntry:
    """An entry: `key` (its guid or id, else its link), `link` (an http(s) URL or ""), `title`
    (plain text), `author`, `date` (UTC), `content` (the whole article, HTML or text, when the
    entry carries it; `content_type` "html" or "text") and `digest` of all the entry says."""

    key: str
    link: str
    title: str
    author: str | None
    date: dt.datetime | None
    content: str | None
    content_type: str
    digest: str


def entry_of(raw: Any, feed_url: str) -> FeedEntry | None:
    """The entry feedparser read as `raw`; None when it has neither an id nor a link."""
    link = urljoin(feed_url, str(raw.get("link") or "").strip())
    if urlparse(link).scheme not in ("http", "https"):
        link = ""
    key = str(raw.get("id") or "").strip() or link
    if not key:
        return None
    content, kind = full_content(raw)
    author_detail = raw.get("author_detail") or {}
    author = plain_text(str(author_detail.get("name") or raw.get("author") or "")[:MAX_RAW])[:MAX_TITLE]
    title = plain_text(str(raw.get("title") or "")[:MAX_RAW])[:MAX_TITLE].strip()
    # dict.get: feedparser's own maps a missing `updated` to `published`, with a warning
    date = _date(dict.get(raw, "published_parsed") or dict.get(raw, "updated_parsed"))
    updated = dict.get(raw, "updated")
    said = [key, link, title, author, date and date.isoformat(), content, raw.get("summary"), updated]
    digest = hashlib.sha256(json.dumps(said, default=str).encode("utf-8")).hexdigest()
    author_name = author if author and "@" not in author else None  # an address alone is no byline
    return FeedEntry(key, link, title, author_name, date, content, kind, digest)


def full_content(raw: Any) -> tuple[str | None, str]:
    """The entry's own article (content:encoded, Atom content) and its kind ("html" or "text") when
    it has at least MIN_PARAGRAPHS paragraphs; else (None, "")."""
    best, kind = None, ""
    for part in raw.get("content") or []:
        value = str(part.get("value") or "")
        is_html = "html" in str(part.get("type") or "html")
        paragraphs = len(_PARAGRAPH.findall(value)) if is_html else len(re.split(r"\n\s*\n", value.strip()))
        if paragraphs >= MIN_PARAGRAPHS and len(value) > len(best or ""):
            best, kind = value, "html" if is_html else "text"
    return best, kind


def plain_text(text: str) -> str:
    """Markup taken out of a title or name: script and style with their content, every tag,
    entities read; white space collapsed."""
    text = _TAG.sub(" ", _HIDDEN.sub(" ", text))
    return " ".join(html.unescape(text).split()).replace("<", "‹").replace(">", "›")


SLUG_TITLE_CHARS = 48  # of the title in an entry's name, cut at a word


def entry_slug(entry: FeedEntry) -> str:
    """The entry's output name: its title made file-safe and cut at a word within 48 characters,
    and a short hash of its key, so two entries never share a name and the same entry always gets
    the same one."""
    return (
        f"{word_cut(slugify(entry.title, 1000))}-{hashlib.sha256(entry.key.encode('utf-8')).hexdigest()[:8]}"
    )


def word_cut(slug: str, limit: int = SLUG_TITLE_CHARS) -> str:
    """`slug` cut at its last hyphen within `limit` characters (mid-word only when its first word
    alone is longer)."""
    if len(slug) <= limit:
        return slug
    head = slug[: limit + 1]
    cut = head.rsplit("-", 1)[0] if "-" in head else ""
    return cut or slug[:limit]


def _date(parsed: Any) -> dt.datetime | None:
    """A feedparser date (a UTC struct_time) as an aware datetime; None when absent or impossible."""
    try:
        year, month, day, hour, minute, second = parsed[:6]
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)
    except (TypeError, ValueError, OverflowError):
        return None
