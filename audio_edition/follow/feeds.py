"""A feed's bytes read safely into its entries: a size and an entry limit, XML entity declarations
refused before parsing, and feedparser given the bytes (never a URL or a name it could open)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from audio_edition.errors import InputError
from audio_edition.follow.entries import FeedEntry, entry_of
from audio_edition.text.languages import primary_subtag

MAX_FEED_BYTES = 10 * 1024 * 1024
MAX_ENTRIES = 5_000
_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s/>]")
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


class NotAFeed(InputError):
    """The bytes are no feed, or one refused (too large, too many entries, entity declarations)."""


@dataclass(frozen=True)
class Feed:
    """A feed as read: its `url`, `title`, `language` (None when it names none) and entries."""

    url: str
    title: str
    language: str | None
    entries: tuple[FeedEntry, ...]


def read_feed(data: bytes, url: str) -> Feed:
    """The feed in `data` (fetched from `url`); NotAFeed for what is no feed or is refused."""
    if len(data) > MAX_FEED_BYTES:
        raise NotAFeed(f"{url} is larger than {MAX_FEED_BYTES // 1_048_576} MB: refused as a feed")
    count = len(_ELEMENT.findall(data))
    if count > MAX_ENTRIES:
        raise NotAFeed(f"{url} holds {count:,} entries, more than the {MAX_ENTRIES:,} a feed may: refused")
    refuse_entities(data, url)
    import feedparser

    # A file object: given bytes, feedparser would first try them as a local file name.
    parsed: Any = feedparser.parse(io.BytesIO(data), sanitize_html=True)
    if not parsed.get("version"):
        cause = parsed.get("bozo_exception")
        why = f" ({' '.join(str(cause).split())[:120]})" if cause else ""
        raise NotAFeed(f"{url} is not a feed: no RSS or Atom in it{why}")
    head = parsed.get("feed", {})
    entries = [entry_of(raw, url) for raw in parsed.get("entries", [])]
    return Feed(
        url=url,
        title=str(head.get("title") or url),
        language=primary_subtag(str(head["language"])) or None if head.get("language") else None,
        entries=tuple(e for e in entries if e is not None),
    )


def refuse_entities(data: bytes, url: str) -> None:
    """NotAFeed when the document declares entities or external references (an entity bomb, a
    file read through an external entity); a DOCTYPE naming a DTD alone is allowed (RSS 0.91)."""
    from xml.sax import SAXException
    from xml.sax.handler import ContentHandler

    import defusedxml.sax
    from defusedxml import DefusedXmlException

    try:
        # Every entity declaration is refused (internal, external, parameter); an external DTD is
        # not refused but never loaded (the SAX reader leaves external entities alone by default).
        defusedxml.sax.parseString(
            data, ContentHandler(), forbid_dtd=False, forbid_entities=True, forbid_external=False
        )
    except DefusedXmlException as exc:
        raise NotAFeed(f"{url} declares XML entities ({type(exc).__name__}): refused as hostile") from None
    except SAXException:
        # Not well-formed: feedparser reads it loosely, and would take simple entity declarations.
        if _ENTITY.search(data):
            raise NotAFeed(f"{url} declares XML entities: refused as hostile") from None
