"""Content-addressed segment cache: audio keyed by engine, version, voice, settings and speech text."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import struct
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from audio_edition.audio.shape import pcm16
from audio_edition.model import Clip
from audio_edition.voices.base import Engine, VoiceSpec

_MAGIC = b"AEC2"
_HEADER = struct.Struct("<4sIQ32s")  # magic, sample rate, sample count, sha256 of key and payload
FORMAT = 1
T = TypeVar("T")
log = logging.getLogger(__name__)


def default_cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """$AUDIO_EDITION_CACHE, else $XDG_CACHE_HOME/audio-edition, else ~/.cache/audio-edition."""
    env = os.environ if env is None else env
    if env.get("AUDIO_EDITION_CACHE"):
        return Path(env["AUDIO_EDITION_CACHE"]).expanduser()
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]).expanduser() / "audio-edition"
    return Path.home() / ".cache" / "audio-edition"


def episode_key(segment_keys: list[str], settings: dict[str, object]) -> str:
    """The content address of a mastered episode: its segments' keys and the mastering settings."""
    blob = json.dumps({"format": FORMAT, "segments": segment_keys, "settings": settings}, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CacheInfo:
    """What `cache info` reports."""

    root: Path
    entries: int
    bytes: int
    episodes: int = 0


@dataclass(frozen=True, eq=False)
class Mastered:
    """A finished episode's audio as cached: samples, each segment's (start, end), untagged MP3."""

    audio: Clip
    times: list[tuple[float, float]]
    mp3: bytes
    qa: dict[str, Any] = field(default_factory=dict)


class SegmentCache:
    """Clips stored one file per key; written atomically, checked on read, bad entries re-made."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / "segments"
        self.writable = True
        self.warning: str | None = None
        self.damaged: list[str] = []  # entries found damaged (and made again) in this run
        self._lock = threading.Lock()

    @staticmethod
    def key(engine: Engine, spec: VoiceSpec, speech: str) -> str:
        """The content address of one segment's audio."""
        material = {
            "format": FORMAT,
            "engine": spec.engine,
            "version": engine.version,
            "voice": spec.voice,
            "settings": engine.cache_settings(spec.voice),
            "text": speech,
        }
        blob = json.dumps(material, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()

    def path(self, key: str) -> Path:
        """Where the entry for `key` lives."""
        return self.folder / key[:2] / f"{key}.clip"

    def get(self, key: str) -> Clip | None:
        """The stored clip, or None when absent or damaged (a damaged entry is deleted)."""
        return self._read(self.path(key), lambda data: _decode(data, key))

    def put(self, key: str, clip: Clip) -> None:
        """Store `clip` under `key` atomically; an unwritable cache turns itself off with a warning."""
        self._write(self.path(key), _encode(clip, key))

    def episode_path(self, key: str) -> Path:
        """Where the mastered episode for `key` lives."""
        return self.root / "episodes" / f"{key}.episode"

    def get_episode(self, key: str) -> Mastered | None:
        """A mastered episode (audio, segment times, untagged MP3), or None when absent or damaged."""
        return self._read(self.episode_path(key), lambda data: _decode_episode(data, key))

    def _read(self, path: Path, decode: Callable[[bytes], T | None]) -> T | None:
        """The entry at `path` decoded and verified; None when absent, or damaged (then forgotten)."""
        try:
            data = path.read_bytes()
        except OSError:
            return None
        found = decode(data)
        if found is None:
            self._damaged(path)
        return found

    def _damaged(self, path: Path) -> None:
        """Forget an entry that is truncated, corrupted or not ours; it is made again and reported."""
        log.warning("cache entry %s is damaged; it will be made again", path.name)
        with self._lock:
            self.damaged.append(path.name)
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass

    def put_episode(self, key: str, episode: Mastered) -> None:
        """Store a mastered episode atomically."""
        self._write(self.episode_path(key), _episode_parts(episode, key))

    def _write(self, path: Path, data: bytes | Iterable[bytes]) -> None:
        if not self.writable:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
            try:
                with os.fdopen(fd, "wb") as handle:
                    for part in [data] if isinstance(data, bytes) else data:
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

    def info(self) -> CacheInfo:
        """Entry count (segments and mastered episodes) and size on disk."""
        files = list(self.folder.glob("*/*.clip")) if self.folder.is_dir() else []
        episodes = list((self.root / "episodes").glob("*.episode"))
        size = sum(f.stat().st_size for f in files + episodes)
        return CacheInfo(self.root, len(files), size, len(episodes))

    def clear(self) -> CacheInfo:
        """Delete every entry; returns what was there."""
        before = self.info()
        for folder in (self.folder, self.root / "episodes"):
            if folder.is_dir():
                shutil.rmtree(folder)
        return before


# magic, JSON length, clip length, MP3 length, sha256 of the key and the rest
_EPISODE = struct.Struct("<4sIQQ32s")
_EPISODE_MAGIC = b"AEE2"


def _digest(key: str, payload: bytes) -> bytes:
    """SHA-256 of the entry's key and payload: a valid entry filed under another key fails it."""
    digest = _hasher(key)
    digest.update(payload)
    return bytes(digest.digest())


def _episode_parts(episode: Mastered, key: str) -> Iterator[bytes]:
    """The episode entry as a stream of parts (the audio as 16-bit chunks): written without
    holding an encoded copy of the episode. Digests are taken in a first pass over the chunks."""
    meta = json.dumps({"times": episode.times, "qa": episode.qa}).encode("utf-8")
    samples = episode.audio.samples

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(samples), _CHUNK):
            yield pcm16(samples[start : start + _CHUNK]).tobytes()

    clip_hash = _hasher(key)
    for chunk in chunks():
        clip_hash.update(chunk)
    clip_head = _HEADER.pack(_MAGIC, episode.audio.sample_rate, len(samples), clip_hash.digest())
    clip_len = len(clip_head) + 2 * len(samples)
    body_hash = _hasher(key)
    body_hash.update(meta)
    body_hash.update(clip_head)
    for chunk in chunks():
        body_hash.update(chunk)
    body_hash.update(episode.mp3)
    yield _EPISODE.pack(_EPISODE_MAGIC, len(meta), clip_len, len(episode.mp3), body_hash.digest())
    yield meta
    yield clip_head
    yield from chunks()
    yield episode.mp3


_CHUNK = 1 << 20


def _hasher(key: str) -> Any:
    digest = hashlib.sha256()
    digest.update(key.encode("ascii") + b"\0")
    return digest


def _decode_episode(data: bytes, key: str) -> Mastered | None:
    if len(data) < _EPISODE.size:
        return None
    magic, meta_len, clip_len, mp3_len, digest = _EPISODE.unpack_from(data)
    body = data[_EPISODE.size :]
    if magic != _EPISODE_MAGIC or len(body) != meta_len + clip_len + mp3_len:
        return None
    if _digest(key, body) != digest:
        return None
    clip = _decode(body[meta_len : meta_len + clip_len], key)
    if clip is None:
        return None
    meta = json.loads(body[:meta_len])
    times = [(float(a), float(b)) for a, b in meta["times"]]
    return Mastered(clip, times, body[meta_len + clip_len :], meta.get("qa", {}))


def _encode(clip: Clip, key: str) -> bytes:
    payload = pcm16(clip.samples).tobytes()
    return _HEADER.pack(_MAGIC, clip.sample_rate, len(clip.samples), _digest(key, payload)) + payload


def _decode(data: bytes, key: str) -> Clip | None:
    if len(data) < _HEADER.size:
        return None
    magic, rate, count, digest = _HEADER.unpack_from(data)
    payload = data[_HEADER.size :]
    if magic != _MAGIC or len(payload) != count * 2 or _digest(key, payload) != digest:
        return None
    samples = (np.frombuffer(payload, dtype="<i2") / 32767).astype(np.float32)
    return Clip(samples, rate)
