"""A content-addressed file store: one file per key, written atomically, checked on every read.

Every entry is `magic, header fields, SHA-256, body`, the digest taken over the key and the body:
a truncated, bit-flipped or foreign entry (a valid one filed under another key) fails it, is
deleted and counted in `damaged`. Writes go to a temporary name in the entry's folder and are
renamed into place, so a reader sees a whole entry or none. A folder that cannot be written turns
the store off with a one-line `warning`; building goes on without it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import struct
import tempfile
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

T = TypeVar("T")
DIGEST_SIZE = 32
log = logging.getLogger(__name__)


def default_cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """$AUDIO_EDITION_CACHE, else $XDG_CACHE_HOME/audio-edition, else ~/.cache/audio-edition."""
    env = os.environ if env is None else env
    if env.get("AUDIO_EDITION_CACHE"):
        return Path(env["AUDIO_EDITION_CACHE"]).expanduser()
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]).expanduser() / "audio-edition"
    return Path.home() / ".cache" / "audio-edition"


@dataclass(frozen=True)
class EntryFormat:
    """What one kind of entry starts with: its magic and the fields between it and the digest."""

    magic: bytes
    fields: struct.Struct

    @property
    def header_size(self) -> int:
        """Bytes before the body."""
        return len(self.magic) + self.fields.size + DIGEST_SIZE


class Damaged(Exception):
    """Raised by an entry's decoder: the entry is not what its header says."""


# What decoding a damaged body may raise before its digest is checked.
_BAD_ENTRY = (Damaged, ValueError, KeyError, TypeError, IndexError, struct.error)


class EntryReader:
    """The body of an entry being read: every byte read is hashed with the key."""

    def __init__(self, handle: IO[bytes], key: str) -> None:
        self._handle = handle
        self._hash = hasher(key)

    def read(self, size: int) -> bytes:
        """Exactly `size` bytes of the body; Damaged if the entry ends first."""
        data = self._handle.read(size)
        if len(data) != size:
            raise Damaged("entry ends early")
        self._hash.update(data)
        return data

    def remaining(self) -> int:
        """Bytes of the body not yet read (to check the header's lengths before trusting them)."""
        return os.fstat(self._handle.fileno()).st_size - self._handle.tell()

    def at_end(self) -> bool:
        """True when nothing follows what was read."""
        return self._handle.read(1) == b""

    def digest(self) -> bytes:
        """SHA-256 of the key and everything read so far."""
        return bytes(self._hash.digest())


def hasher(key: str) -> Any:
    """A SHA-256 primed with the entry's key, so an entry filed under another key fails its digest."""
    digest = hashlib.sha256()
    digest.update(key.encode("ascii") + b"\0")
    return digest


def touch(path: Path) -> None:
    """Mark an entry as used now (its modification time): the cache bound removes the least
    recently used first. A read-only cache is left as it is."""
    try:
        os.utime(path)
    except OSError:
        pass


PART_AGE_S = 3600.0  # a temporary entry file untouched this long was left by a killed write
_parts_swept: set[tuple[int, Path]] = set()


def sweep_parts(folder: Path, age: float = PART_AGE_S) -> list[Path]:
    """Remove the temporary files (`.*.part`) of writes that were killed, untouched for `age`
    seconds; once per process and folder. Returns what went."""
    import time

    seen = (os.getpid(), folder)
    if seen in _parts_swept:
        return []
    _parts_swept.add(seen)
    removed = []
    now = time.time()
    for part in [*folder.glob(".*.part"), *folder.glob("*/.*.part")]:
        try:
            if now - part.stat().st_mtime > age:
                part.unlink()
                removed.append(part)
        except OSError:
            continue
    return removed


class FileStore:
    """Entries of one kind in `folder` (`key[:2]/key.suffix` when `fan_out`, else `key.suffix`)."""

    def __init__(self, root: Path, folder: Path, suffix: str, *, fan_out: bool = False) -> None:
        self.root = root
        self.folder = folder
        self.suffix = suffix
        self.fan_out = fan_out
        self.writable = True
        self.warning: str | None = None
        self.damaged: list[str] = []  # entries found damaged (and deleted) in this run
        self._lock = threading.Lock()
        sweep_parts(folder)

    def path(self, key: str) -> Path:
        """Where the entry for `key` lives."""
        name = f"{key}{self.suffix}"
        return self.folder / key[:2] / name if self.fan_out else self.folder / name

    def get(
        self, key: str, form: EntryFormat, decode: Callable[[tuple[Any, ...], EntryReader], T]
    ) -> T | None:
        """`decode(header fields, body reader)` of the entry, once its digest is checked; None when
        absent, or damaged (then deleted and counted). The body is read, hashed and decoded in one
        pass, so an entry never sits in memory twice."""
        path = self.path(key)
        try:
            handle = path.open("rb")
        except OSError:
            return None
        try:
            with handle:
                magic = handle.read(len(form.magic))
                head = handle.read(form.fields.size + DIGEST_SIZE)
                if magic != form.magic or len(head) != form.fields.size + DIGEST_SIZE:
                    raise Damaged("not an entry of this kind")
                fields, digest = form.fields.unpack(head[: form.fields.size]), head[form.fields.size :]
                reader = EntryReader(handle, key)
                found = decode(fields, reader)
                if not reader.at_end() or reader.digest() != digest:
                    raise Damaged("digest does not match")
        except _BAD_ENTRY:
            self._forget(path)
            return None
        except OSError:  # unreadable (permissions, I/O): not used, left alone
            return None
        touch(path)
        return found

    def put(
        self, key: str, form: EntryFormat, fields: tuple[Any, ...], body: Callable[[], Iterable[bytes]]
    ) -> None:
        """File `body()` (its parts, produced twice: once to hash, once to write) under `key`
        atomically; an unwritable folder turns the store off with a warning."""
        if not self.writable:
            return
        digest = hasher(key)
        for part in body():
            digest.update(part)
        head = form.magic + form.fields.pack(*fields) + digest.digest()
        path = self.path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(head)
                    for part in body():
                        handle.write(part)
                os.replace(temp, path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            self.writable = False
            self.warning = (
                f"cache at {self.root} is not writable ({exc.strerror or exc}): building without it"
            )

    def entries(self) -> list[Path]:
        """Every entry on disk."""
        if not self.folder.is_dir():
            return []
        return list(self.folder.glob(f"*/*{self.suffix}" if self.fan_out else f"*{self.suffix}"))

    def clear(self) -> None:
        """Delete every entry (the whole folder)."""
        if self.folder.is_dir():
            shutil.rmtree(self.folder)

    def _forget(self, path: Path) -> None:
        """Delete an entry that is truncated, corrupted or not ours; it is made again and reported."""
        log.warning("cache entry %s is damaged; it will be made again", path.name)
        with self._lock:
            self.damaged.append(path.name)
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass
