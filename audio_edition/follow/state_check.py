"""What a stored follow state must hold, checked field by field when it is read: each field's type,
a known status, a date that reads, and a slug that is a plain file name (a tampered slug such as
`../../etc/x` is never used as a path)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, get_args

from audio_edition.follow.state import EntryRecord, FeedRecord, Status

SAFE_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,119}")
_TEXT = (str,)
_MAYBE_TEXT = (str, type(None))
_FEED_FIELDS: dict[str, tuple[type, ...]] = {
    "etag": _MAYBE_TEXT,
    "last_modified": _MAYBE_TEXT,
    "title": _TEXT,
}
_ENTRY_FIELDS: dict[str, tuple[type, ...]] = {
    "key": _TEXT,
    "slug": _TEXT,
    "link": _TEXT,
    "title": _TEXT,
    "when": _TEXT,
    "digest": _TEXT,
    "author": _MAYBE_TEXT,
    "date": _MAYBE_TEXT,
    "status": _TEXT,
    "attempts": (int,),
    "error": _TEXT,
    "full": (bool,),
    "feeds": (list,),
    "page_etag": _MAYBE_TEXT,
    "page_modified": _MAYBE_TEXT,
}
_REQUIRED = {"key", "slug", "link", "title", "when", "digest"}


def is_safe_slug(slug: str) -> bool:
    """True for a name made only of lowercase ASCII letters, digits and hyphens (no dot, no slash)."""
    return SAFE_SLUG.fullmatch(slug) is not None


def feed_record(url: Any, data: Any) -> FeedRecord:
    """The FeedRecord stored as `data`; ValueError naming what is wrong."""
    _fields(f"feed {url!r}", data, _FEED_FIELDS, set())
    return FeedRecord(**data)


def entry_record(key: Any, data: Any) -> EntryRecord:
    """The EntryRecord stored as `data`; ValueError naming what is wrong."""
    where = f"entry {key!r}"
    _fields(where, data, _ENTRY_FIELDS, _REQUIRED)
    if not is_safe_slug(data["slug"]):
        raise ValueError(f"{where}: slug {data['slug']!r} is not a plain file name")
    if data.get("status", "new") not in get_args(Status):
        raise ValueError(f"{where}: unknown status {data['status']!r}")
    if isinstance(data.get("attempts"), bool) or data.get("attempts", 0) < 0:
        raise ValueError(f"{where}: attempts must be a count")
    if not all(isinstance(url, str) for url in data.get("feeds", [])):
        raise ValueError(f"{where}: feeds must be URLs")
    for name in ("when", "date"):
        if data.get(name) is not None:
            try:
                dt.datetime.fromisoformat(data[name])
            except ValueError:
                raise ValueError(f"{where}: {name} {data[name]!r} is no date") from None
    return EntryRecord(**data)


def _fields(where: str, data: Any, types: dict[str, tuple[type, ...]], required: set[str]) -> None:
    """ValueError unless `data` is a mapping of known fields of the right types, none missing."""
    if not isinstance(data, dict):
        raise ValueError(f"{where} is not a mapping")
    unknown = sorted(set(data) - set(types))
    if unknown:
        raise ValueError(f"{where}: unknown field {unknown[0]!r}")
    missing = sorted(required - set(data))
    if missing:
        raise ValueError(f"{where}: {missing[0]} is missing")
    for name, value in data.items():
        if not isinstance(value, types[name]) or (types[name] == (int,) and isinstance(value, bool)):
            raise ValueError(f"{where}: {name} has the wrong type ({type(value).__name__})")
