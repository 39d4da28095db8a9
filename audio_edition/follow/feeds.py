"""A feed's bytes read safely into its entries: a size and an entry limit, XML entity declarations
refused before parsing, and feedparser given the bytes (never a URL or a name it could open)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from audio_edition.errors import InputError
from audio_edition.follow.entries import FeedEntry, entry_of
from audio_edition.languages.tags import primary_subtag

MAX_FEED_BYTES = 10 * 1024 * 1024
MAX_ENTRIES = 5_000
_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s/>]", re.IGNORECASE)  # feedparser takes <ITEM>
# A character reference to what is no XML character (a surrogate, beyond U+10FFFF, a control,
# U+FFFE/U+FFFF), which would make feedparser raise: replaced by U+FFFD before it reads.
_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")
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

    data = _REFERENCE.sub(_xml_reference, data)
    try:
        # A file object: given bytes, feedparser would first try them as a local file name.
        parsed: Any = feedparser.parse(io.BytesIO(data), sanitize_html=True)
        return _feed_of(parsed, url)
    except NotAFeed:
        raise
    except Exception as exc:  # feedparser's own failures: this feed's problem, not the run's
        cause = " ".join(str(exc).split())[:120]
        raise InputError(f"cannot read the feed {url}: {type(exc).__name__} ({cause})") from None


def _feed_of(parsed: Any, url: str) -> Feed:
    """The Feed feedparser read; NotAFeed when it found no RSS or Atom."""
    if not parsed.get("version"):
        cause = parsed.get("bozo_exception")
        why = f" ({' '.join(str(cause).split())[:120]})" if cause else ""
        raise NotAFeed(f"{url} is not a feed: no RSS or Atom in it{why}")
    head = parsed.get("feed", {})
    entries = [entry_of(raw, url) for raw in parsed.get("entries", [])]
    return Feed(
        url=url,
        title=str(head.get("title") or url)[:300],
        language=primary_subtag(str(head["language"])) or None if head.get("language") else None,
        entries=tuple(e for e in entries if e is not None),
    )


def _xml_reference(match: re.Match[bytes]) -> bytes:
    """The character reference, or `&#xFFFD;` when it names no character XML 1.0 allows."""
    hexa, decimal = match.group(1), match.group(2)
    code = int(hexa, 16) if hexa is not None else int(decimal)
    allowed = code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
    return match.group(0) if allowed or 0x10000 <= code <= 0x10FFFF else b"&#xFFFD;"


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
