"""The follower's memory, `OUT/.follow/state.json`: per feed its validators, per entry its slug,
status and attempts. Read once per run, written atomically (a temporary file renamed over it), and
one run at a time holds `OUT/.follow/lock`."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from audio_edition.errors import AudioEditionError, InputError

FOLDER = ".follow"
VERSION = 2  # 2: entries keyed by feed and guid (1: by guid)
# new: never built; changed: built, then its entry changed; failed: to be tried again;
# given-up: failed too often; removed: its episode fell outside --keep.
Status = Literal["new", "built", "changed", "failed", "given-up", "removed"]
PENDING: tuple[Status, ...] = ("new", "changed", "failed")


@dataclass
class FeedRecord:
    """A feed's validators for the next conditional request, and its title."""

    etag: str | None = None
    last_modified: str | None = None
    title: str = ""


@dataclass
class EntryRecord:
    """An entry as last seen: its key, output `slug` (fixed at first sight), link, title, author,
    `date` (ISO, or None), `when` (ISO: its date, else when first seen; the order of episodes),
    the feed's `digest` of it, `status`, failed `attempts` and the last `error`, whether the feed
    carries the whole article (`full`), the feeds it is in, and its page's validators."""

    key: str
    slug: str
    link: str
    title: str
    when: str
    digest: str
    author: str | None = None
    date: str | None = None
    status: Status = "new"
    attempts: int = 0
    error: str = ""
    full: bool = False
    feeds: list[str] = field(default_factory=list)
    page_etag: str | None = None
    page_modified: str | None = None


@dataclass
class State:
    """Every feed's record by URL and every entry's by key."""

    feeds: dict[str, FeedRecord] = field(default_factory=dict)
    entries: dict[str, EntryRecord] = field(default_factory=dict)
    channel: dict[str, Any] = field(default_factory=dict)  # the feed channel's settings last given

    def is_empty(self) -> bool:
        """Nothing learnt: no feed read, no entry, no channel setting."""
        return not (self.feeds or self.entries or self.channel)


def folder(out_dir: Path) -> Path:
    """Where the follower keeps its state, lock and the articles it fetched: `OUT/.follow`."""
    return out_dir / FOLDER


def load_state(out_dir: Path) -> State:
    """The state saved in `out_dir` (empty when there is none); InputError when it is damaged (not
    JSON, or a record whose fields are not what they must be: `state_check`)."""
    path = folder(out_dir) / "state.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return State()
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the follow state {path}: {exc}; remove it to start afresh") from None
    try:
        if data.get("version") == 1:
            data = _from_version_1(data)
        if data.get("version") != VERSION:
            raise ValueError(f"version {data.get('version')!r}")
        from audio_edition.follow.state_check import entry_record, feed_record

        feeds = {url: feed_record(url, record) for url, record in data["feeds"].items()}
        entries = {key: entry_record(key, record) for key, record in data["entries"].items()}
        channel = data.get("channel") or {}
        if not isinstance(channel, dict):
            raise ValueError(f"channel {channel!r}")
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise InputError(f"the follow state {path} is damaged ({exc}): remove it to start afresh") from None
    return State(feeds, entries, channel)


def _from_version_1(data: dict[str, Any]) -> dict[str, Any]:
    """A version 1 state (entries keyed by guid) keyed as now, by its first feed and guid; slugs kept."""
    entries = {}
    for key, record in dict(data["entries"]).items():
        feeds = record.get("feeds") if isinstance(record, dict) else None
        scoped = (
            f"{feeds[0]} {key}" if isinstance(feeds, list) and feeds and isinstance(feeds[0], str) else key
        )
        entries[scoped] = {**record, "key": scoped} if isinstance(record, dict) else record
    return {**data, "version": VERSION, "entries": entries}


def save_state(out_dir: Path, state: State) -> None:
    """Write the state: to a temporary file beside it, flushed to disk, then renamed over it."""
    home = folder(out_dir)
    home.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = {
        "version": VERSION,
        "feeds": {url: dataclasses.asdict(r) for url, r in sorted(state.feeds.items())},
        "entries": {key: dataclasses.asdict(r) for key, r in sorted(state.entries.items())},
        "channel": dict(sorted(state.channel.items())),
    }
    temp = home / f".state.json.{secrets.token_hex(4)}.part"
    try:
        with temp.open("w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, home / "state.json")
    finally:
        temp.unlink(missing_ok=True)


def remove_traces(out_dir: Path, out_existed: bool) -> None:
    """Remove what a run that learnt nothing left: `OUT/.follow` (its lock), and OUT itself when the
    run made it and it is empty."""
    home = folder(out_dir)
    (home / "lock").unlink(missing_ok=True)
    for made in (home, *(() if out_existed else (out_dir,))):
        with contextlib.suppress(OSError):
            made.rmdir()  # only when empty: nothing of anyone else's is removed


def sweep_parts(home: Path) -> None:
    """Remove the temporary files (`.*.part`) of the state and articles a killed run left: with the
    lock held, no other run is writing one."""
    for part in [*home.glob(".*.part"), *(home / "articles").glob(".*.part")]:
        part.unlink(missing_ok=True)


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold `OUT/.follow/lock` while inside (the leftovers of a killed run swept once it is held);
    AudioEditionError when another run holds it."""
    home = folder(out_dir)
    home.mkdir(parents=True, exist_ok=True)
    with (home / "lock").open("a") as handle:
        try:
            import fcntl
        except ImportError:  # no advisory locks here (Windows): runs must not overlap
            yield
            return
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise AudioEditionError(f"another follow run is working on {out_dir}: try again later") from None
        sweep_parts(home)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
