"""Corrections reach the podcast: the pages of recently built entries asked again on each run
(conditionally: ETag, Last-Modified; else their text compared), and those whose article changed
marked for a rebuild (their unchanged sentences come from the segment cache)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from audio_edition.follow.articles import article_path, stored, write_article
from audio_edition.follow.state import EntryRecord
from audio_edition.ingest.decode import decode_bytes
from audio_edition.ingest.fetch import get
from audio_edition.ingest.reader import web_format

AT_ONCE = 4  # pages asked at once (each host still gets at most fetch.PER_HOST)


@dataclass
class RecheckCounts:
    """Pages asked again: how many, how many had changed, how many could not be asked."""

    asked: int = 0
    changed: int = 0
    failed: int = 0

    def line(self) -> str:
        """The report's row: `N asked, M changed, K failed`."""
        return f"{self.asked} asked, {self.changed} changed, {self.failed} failed"


def due(records: list[EntryRecord], days: float, now: dt.datetime) -> list[EntryRecord]:
    """The built entries read from their page and dated within the last `days` (0: none)."""
    if days <= 0:
        return []
    since = now - dt.timedelta(days=days)
    return [
        r
        for r in records
        if r.status == "built" and not r.full and r.link and dt.datetime.fromisoformat(r.when) >= since
    ]


def recheck(
    records: list[EntryRecord],
    out_dir: Path,
    counts: RecheckCounts,
    *,
    allow_private: bool = False,
    over: Callable[[], bool] = lambda: False,
) -> None:
    """Ask each record's page again; a changed article is kept and its record marked "changed". A
    page that cannot be asked now is left as it is (the episode stands)."""

    def step(record: EntryRecord) -> str:
        if over():
            return ""
        try:
            return _recheck(record, out_dir, allow_private)
        except Exception:  # the episode stands; the page is asked again on the next run
            return "failed"

    with ThreadPoolExecutor(AT_ONCE) as pool:
        outcomes = list(pool.map(step, records))
    counts.asked += sum(1 for outcome in outcomes if outcome)
    counts.changed += outcomes.count("changed")
    counts.failed += outcomes.count("failed")


def _recheck(record: EntryRecord, out_dir: Path, allow_private: bool) -> str:
    """ "changed", "same" or "failed" for one record's page."""
    path = article_path(out_dir, record.slug)
    kept = stored(path)
    if kept is None:
        return "failed"
    got = get(
        record.link, etag=record.page_etag, last_modified=record.page_modified, allow_private=allow_private
    )
    if not got.modified:
        return "same"
    if not got.whole:
        return "failed"
    text = decode_bytes(got.body, record.link)
    record.page_etag, record.page_modified = got.etag, got.last_modified
    if _digest(text) == _digest(kept[0]) or not text.strip():
        return "same"
    write_article(path, text, web_format(got), record)
    record.status = "changed"
    return "changed"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
