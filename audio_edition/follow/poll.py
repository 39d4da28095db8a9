"""A feed asked for politely (If-None-Match, If-Modified-Since) and, when it changed, its entries
merged into the state: new ones recorded with their fixed slug, changed ones marked for a rebuild,
ones gone from every feed forgotten once nothing more is to be done with them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from audio_edition.follow.articles import article_path, write_article
from audio_edition.follow.entries import FeedEntry, entry_slug
from audio_edition.follow.feeds import MAX_FEED_BYTES, Feed, NotAFeed, read_feed
from audio_edition.follow.state import PENDING, EntryRecord, FeedRecord, State
from audio_edition.ingest.fetch import get


def poll(url: str, state: State, out_dir: Path, *, allow_private: bool = False) -> Feed | None:
    """Fetch the feed at `url` (a private address only when `allow_private`) and merge it into
    `state`; None when it has not changed (304). InputError when it cannot be fetched or is refused;
    NotAFeed when it is no feed or is refused as one."""
    known = state.feeds.get(url, FeedRecord())
    got = get(
        url,
        etag=known.etag,
        last_modified=known.last_modified,
        limit=MAX_FEED_BYTES,
        allow_private=allow_private,
    )
    if not got.modified:
        return None
    if not got.whole:
        raise NotAFeed(f"{url} is larger than {MAX_FEED_BYTES // 1_048_576} MB: refused as a feed")
    feed = read_feed(got.body, url)
    merge(feed, state, out_dir)
    state.feeds[url] = FeedRecord(got.etag, got.last_modified, feed.title)
    return feed


def entry_key(feed_url: str, guid: str) -> str:
    """The state's key of an entry: its feed and its guid (another feed's entry with the same guid
    is another entry)."""
    return f"{feed_url} {guid}"


def merge(feed: Feed, state: State, out_dir: Path, now: dt.datetime | None = None) -> None:
    """Record the feed's entries in `state` (the full article of those that carry one kept as their
    article file), and forget entries gone from every feed that have nothing left to build. Entries
    are keyed by feed and guid: the same guid and link in a second feed is the first's entry, listed
    under both but only ever updated by its own feed; a date after `now` (the run's) is taken as now."""
    now = now or dt.datetime.now(dt.UTC)
    elsewhere = {(_guid(key), record.link): record for key, record in state.entries.items() if record.link}
    present: set[str] = set()
    for index, found in enumerate(feed.entries):
        entry = _dated(dataclasses.replace(found, key=entry_key(feed.url, found.key)), now)
        record = state.entries.get(entry.key)
        if record is None and found.link and (found.key, found.link) in elsewhere:
            shared = elsewhere[(found.key, found.link)]
            present.add(shared.key)
            if feed.url not in shared.feeds:
                shared.feeds.append(feed.url)
            continue  # another feed's entry: that feed alone says what it is
        if record is None:
            when = entry.date or now - dt.timedelta(microseconds=index)  # undated: in the feed's order
            record = EntryRecord(entry.key, entry_slug(entry), entry.link, entry.title, when.isoformat(), "")
            state.entries[entry.key] = record
        present.add(entry.key)
        if feed.url not in record.feeds:
            record.feeds.append(feed.url)
        if record.digest != entry.digest:
            _update(record, entry)
            if entry.content is not None and record.status in PENDING:
                path = article_path(out_dir, record.slug)
                write_article(path, entry.content, entry.content_type, record, feed.language)
    for key, record in list(state.entries.items()):
        if feed.url in record.feeds and key not in present:
            record.feeds.remove(feed.url)
            if not record.feeds and record.status in ("new", "given-up", "removed"):
                article_path(out_dir, record.slug).unlink(missing_ok=True)
                del state.entries[key]


def _guid(key: str) -> str:
    """The guid of a state key (`entry_key`)."""
    return key.split(" ", 1)[-1]


def _dated(entry: FeedEntry, now: dt.datetime) -> FeedEntry:
    """The entry with a date later than `now` taken as `now`: a date in the future would keep it the
    newest episode for ever, and `--keep` would remove the real ones."""
    if entry.date is not None and entry.date > now:
        return dataclasses.replace(entry, date=now)
    return entry


def _update(record: EntryRecord, entry: FeedEntry) -> None:
    """What the feed now says of an entry; a built one is to be rebuilt, a failed or given-up one
    gets its attempts back (the entry changed: it may work now)."""
    first = not record.digest
    record.digest = entry.digest
    record.link, record.title, record.author = entry.link, entry.title, entry.author
    record.full = entry.content is not None
    if entry.date is not None:
        record.date = record.when = entry.date.isoformat()
    if first:
        return
    if record.status == "built":
        record.status = "changed"
    elif record.status in ("failed", "given-up"):
        record.status, record.attempts = "failed", 0
