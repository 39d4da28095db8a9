"""The pages of the entries to build, fetched politely (conditionally, a few at a time, per host no
more than the HTTP client allows) into their article files; an entry that carries its whole
article needs no page."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from audio_edition.errors import AudioEditionError, one_line
from audio_edition.follow.articles import article_path, stored, write_article
from audio_edition.follow.state import EntryRecord
from audio_edition.ingest.decode import decode_bytes
from audio_edition.ingest.fetch import MAX_BYTES, get
from audio_edition.ingest.reader import web_format

AT_ONCE = 4  # pages fetched at once (each host still gets at most fetch.PER_HOST)
LATER = "not started: the run's --max-time was reached"  # an entry left for the next run


@dataclass
class PageCounts:
    """Requests made for pages: answered with the page, with 304 (not modified), or failed."""

    fetched: int = 0
    not_modified: int = 0
    failed: int = 0


def prepare(
    records: list[EntryRecord],
    out_dir: Path,
    counts: PageCounts,
    *,
    allow_private: bool = False,
    over: Callable[[], bool] = lambda: False,
) -> list[tuple[EntryRecord, str | None]]:
    """Each record with None when its article file is ready to build, else why it is not (a page
    on a private address refused unless `allow_private`; `LATER` when `over()` said the run's time
    was up before its turn); the requests made are added to `counts`."""

    def step(record: EntryRecord) -> tuple[str | None, str]:
        if over():
            return LATER, ""
        try:
            return _prepare(record, out_dir, allow_private)
        except Exception as exc:  # one entry's problem, whatever it is, is its own line
            return one_line(exc), "failed"

    with ThreadPoolExecutor(AT_ONCE) as pool:
        outcomes = list(pool.map(step, records))
    counts.fetched += sum(1 for _, asked in outcomes if asked == "fetched")
    counts.not_modified += sum(1 for _, asked in outcomes if asked == "not modified")
    counts.failed += sum(1 for _, asked in outcomes if asked == "failed")
    return [(record, why) for record, (why, _) in zip(records, outcomes, strict=True)]


def _prepare(record: EntryRecord, out_dir: Path, allow_private: bool) -> tuple[str | None, str]:
    """Make the entry's article file ready: kept from the feed, or its page fetched (or unchanged
    since the last fetch, 304). Returns the cause in one line when it cannot be (else None), and
    what the request got: "fetched", "not modified", "failed" (an HTTP error, no answer) or ""
    (none made)."""
    path = article_path(out_dir, record.slug)
    kept = stored(path)
    if record.full and kept is not None:
        return None, ""
    if not record.link:
        return "the feed gives neither a link to its page nor its whole text", ""
    validators = (record.page_etag, record.page_modified) if kept is not None else (None, None)
    try:
        got = get(record.link, etag=validators[0], last_modified=validators[1], allow_private=allow_private)
    except AudioEditionError as exc:
        return str(exc), "failed"
    if not got.modified and kept is not None:
        write_article(path, kept[0], kept[1], record)  # the entry's facts may have changed
        return None, "not modified"
    if not got.whole:
        return f"the page is larger than {MAX_BYTES // 1_048_576} MB", "fetched"
    try:
        text = decode_bytes(got.body, record.link)
    except AudioEditionError as exc:
        return str(exc), "fetched"
    if not text.strip():
        return "the page is empty", "fetched"
    write_article(path, text, web_format(got), record)
    record.page_etag, record.page_modified = got.etag, got.last_modified
    return None, "fetched"
