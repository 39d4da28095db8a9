"""An entry's article as one file, `OUT/.follow/articles/SLUG.json`: the page's text (or the feed's
own) and the entry's facts. A build job reads it with `read_entry`; its bytes are what the batch
fingerprint covers, so a changed page, title or date rebuilds the edition."""

from __future__ import annotations

import dataclasses
import json
import os
import secrets
from pathlib import Path
from typing import Any

from audio_edition.follow.state import EntryRecord, folder
from audio_edition.ingest import parse_article
from audio_edition.ingest.decode import clean_meta
from audio_edition.model import Article


def article_path(out_dir: Path, slug: str) -> Path:
    """Where the article of the entry `slug` is kept; ValueError for a slug that is no plain name."""
    from audio_edition.follow.state_check import is_safe_slug

    if not is_safe_slug(slug):
        raise ValueError(f"{slug!r} is not a plain file name")
    return folder(out_dir) / "articles" / f"{slug}.json"


def write_article(path: Path, text: str, fmt: str, record: EntryRecord, language: str | None = None) -> None:
    """Keep `text` (in `fmt`: "html" or "text") with the entry's facts, atomically; an unchanged
    file is left as it is."""
    data: dict[str, Any] = {
        "format": fmt,
        "text": text,
        "title": record.title,
        "author": record.author,
        "date": record.date,
        "link": record.link,
        "language": language,
    }
    blob = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    try:
        if path.read_bytes() == blob:
            return
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        temp.write_bytes(blob)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def stored(path: Path) -> tuple[str, str] | None:
    """The text and format kept at `path`, or None when there is none to read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return str(data["text"]), str(data["format"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def read_entry(path: Path) -> Article:
    """The entry's article, read as `build URL` reads a page; the entry's title, author, date and
    language fill what the text lacks, and its link is the source (a build job's reader)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    article = parse_article(data["text"], name=path.stem, fmt=data["format"], source=data["link"] or None)
    meta = article.meta
    if data["title"] and meta.title_from == "file-name":
        meta = dataclasses.replace(meta, title=data["title"], title_from="front-matter")
    meta = dataclasses.replace(
        meta,
        byline=meta.byline or data["author"],
        date=meta.date or data["date"],
        language=data["language"] or meta.language,
        source=data["link"] or meta.source,
    )
    return dataclasses.replace(article, meta=clean_meta(meta))
