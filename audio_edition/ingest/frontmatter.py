"""Split YAML front matter from a Markdown document and read the article fields it sets."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from audio_edition.errors import InputError
from audio_edition.text.languages import language_key

_FENCE = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_ALIASES = {
    "title": ("title", "headline"),
    "byline": ("byline", "author", "authors", "by"),
    "date": ("date", "published", "pubdate", "published_at"),
    "language": ("language", "lang", "locale"),
    "source": ("source", "url", "link", "canonical"),
}


def split_front_matter(text: str, name: str = "input") -> tuple[dict[str, str], str]:
    """Return (fields, body): fields from a leading `---` YAML block (if any), body after it."""
    match = _FENCE.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        raise InputError(f"{name}: front matter is not valid YAML{line}: fix or remove it") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{name}: front matter must be a mapping of fields (title: ..., author: ...)")
    return _fields(data), text[match.end() :]


def _fields(data: dict[Any, Any]) -> dict[str, str]:
    lowered = {str(k).strip().lower(): v for k, v in data.items()}
    out: dict[str, str] = {}
    for field, aliases in _ALIASES.items():
        for alias in aliases:
            if alias in lowered and lowered[alias] not in (None, ""):
                out[field] = _as_text(lowered[alias])
                break
    if "language" in out:
        out["language"] = language_key(out["language"])
    return out


def _as_text(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        names = [_as_text(v) for v in value if v not in (None, "")]
        return " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]
    if isinstance(value, dict):
        return _as_text(value.get("name", ""))
    return " ".join(str(value).split())
