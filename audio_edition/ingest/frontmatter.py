"""Split YAML front matter from a Markdown document and read the article fields it sets: aliases
refused (a few bytes of them can grow to gigabytes), the block and each field capped, each field
cleaned as body text is and refused when it holds what is not text (a lone surrogate)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from audio_edition.errors import InputError
from audio_edition.ingest.decode import clean_text
from audio_edition.languages.tags import is_language_tag, language_key

MAX_BLOCK = 64 * 1024  # characters of front matter
MAX_FIELD = 1_000  # characters of one field, once read
_SURROGATE = re.compile("[\ud800-\udfff]")

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
    if len(match.group(1)) > MAX_BLOCK:
        raise InputError(f"{name}: front matter is longer than {MAX_BLOCK // 1024} KB: shorten it")
    try:
        data = yaml.load(match.group(1), Loader=_NoAliases)
    except _AliasFound:
        raise InputError(f"{name}: front matter uses YAML aliases (*name): write each value out") from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        raise InputError(f"{name}: front matter is not valid YAML{line}: fix or remove it") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{name}: front matter must be a mapping of fields (title: ..., author: ...)")
    return _fields(data, name), text[match.end() :]


class _AliasFound(Exception):
    """The front matter refers to an anchor (`*name`)."""


class _NoAliases(yaml.SafeLoader):
    """YAML's safe loader, refusing aliases before they are expanded."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise _AliasFound
        return super().compose_node(parent, index)


def _fields(data: dict[Any, Any], name: str) -> dict[str, str]:
    lowered = {str(k).strip().lower(): v for k, v in data.items()}
    out: dict[str, str] = {}
    for field, aliases in _ALIASES.items():
        for alias in aliases:
            if alias in lowered and lowered[alias] not in (None, ""):
                out[field] = _checked(_as_text(lowered[alias]), alias, name)
                break
    if "language" in out:  # a tag as written (`pt-BR`); anything else by its first word, lowercased
        tag = out["language"].strip().replace("_", "-")
        out["language"] = tag if is_language_tag(tag) else language_key(tag)
    return out


def _checked(value: str, field: str, name: str) -> str:
    """A field's text cleaned as body text is (controls out), capped; InputError for a lone
    surrogate (an escape such as "\\ud800" names no character)."""
    found = _SURROGATE.search(value)
    if found:
        raise InputError(
            f"{name}: front matter field {field} holds U+{ord(found.group()):04X}, which is no "
            "character: fix the escape"
        )
    return " ".join(clean_text(value)[:MAX_FIELD].split())


def _as_text(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        names = [_as_text(v) for v in value if v not in (None, "")]
        return " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]
    if isinstance(value, dict):
        return _as_text(value.get("name", ""))
    return " ".join(str(value).split())
