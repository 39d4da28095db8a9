"""The episode store: delivered episodes (audio, segment times, untagged MP3, QA report) filed under
the hash of their segments' keys and the mastering settings, in a content-addressed file store.

An unchanged article is rebuilt from its entry alone: no engine call, no mastering, no encode.
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audio_edition.model import Clip
from audio_edition.store import Damaged, EntryFormat, EntryReader, FileStore, hasher
from audio_edition.voices.cache import CLIP, clip_from_pcm16
from audio_edition.voices.pcm import pcm16

__all__ = ["EPISODE", "EpisodeStore", "Mastered", "episode_key"]

# Bump when an entry's contents change meaning: old entries are then never looked up.
# 2: the entry says how many distinct clips the episode was made from.
FORMAT = 2
# JSON length, audio length (a segment-cache clip entry), MP3 length; then those three parts
EPISODE = EntryFormat(b"AEE2", struct.Struct("<IQQ"))
_CHUNK = 1 << 20  # samples converted and written at a time


def episode_key(segment_keys: list[str], settings: dict[str, object]) -> str:
    """The content address of a mastered episode: its segments' keys and the mastering settings."""
    blob = json.dumps({"format": FORMAT, "segments": segment_keys, "settings": settings}, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True, eq=False)
class Mastered:
    """A delivered episode as stored: samples (float32 at 16-bit steps), each segment's (start,
    end), the untagged MP3, the QA report, and how many distinct clips it was made from."""

    audio: Clip
    times: list[tuple[float, float]]
    mp3: bytes
    qa: dict[str, Any] = field(default_factory=dict)
    clips: int = 0


class EpisodeStore:
    """Delivered episodes, one file per key under `root/episodes`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = FileStore(root, root / "episodes", ".episode")

    key = staticmethod(episode_key)

    def path(self, key: str) -> Path:
        """Where the episode for `key` lives."""
        return self.files.path(key)

    def get(self, key: str, segments: int | None = None) -> Mastered | None:
        """The stored episode, or None when absent or damaged (a damaged entry is deleted): its
        times must be finite, in order, within its audio and, when `segments` is given, one per
        segment. Read in one pass a chunk at a time: memory is the float32 samples and the MP3."""

        def read(fields: tuple[Any, ...], body: EntryReader) -> Mastered:
            found = _read_episode(fields, body)
            if segments is not None and len(found.times) != segments:
                raise Damaged(f"{len(found.times)} segment times for {segments} segments")
            return found

        return self.files.get(key, EPISODE, read)

    def put(self, key: str, episode: Mastered) -> None:
        """Store `episode` atomically, its audio written a chunk at a time (no encoded copy)."""
        meta = json.dumps({"times": episode.times, "qa": episode.qa, "clips": episode.clips}).encode("utf-8")
        audio = episode.audio
        clip_head = _clip_head(audio, key)
        fields = (len(meta), len(clip_head) + 2 * len(audio.samples), len(episode.mp3))

        def body() -> Iterator[bytes]:
            yield meta
            yield clip_head
            yield from _pcm_chunks(audio)
            yield episode.mp3

        self.files.put(key, EPISODE, fields, body)

    def entries(self) -> list[Path]:
        """Every episode entry on disk."""
        return self.files.entries()

    def clear(self) -> None:
        """Delete every episode entry."""
        self.files.clear()


def _clip_head(audio: Clip, key: str) -> bytes:
    """The audio part's own header, as a segment-cache entry has it (with its own digest)."""
    digest = hasher(key)
    for chunk in _pcm_chunks(audio):
        digest.update(chunk)
    return CLIP.magic + CLIP.fields.pack(audio.sample_rate, len(audio.samples)) + digest.digest()


def _pcm_chunks(audio: Clip) -> Iterator[bytes]:
    samples = audio.samples
    for start in range(0, len(samples), _CHUNK):
        yield pcm16(samples[start : start + _CHUNK]).tobytes()


def _read_episode(fields: tuple[Any, ...], body: EntryReader) -> Mastered:
    meta_len, clip_len, mp3_len = fields
    if meta_len + clip_len + mp3_len != body.remaining() or clip_len < CLIP.header_size:
        raise Damaged("lengths do not match the header")
    meta = json.loads(body.read(meta_len))
    head = body.read(CLIP.header_size)
    rate, count = CLIP.fields.unpack_from(head, len(CLIP.magic))
    if head[: len(CLIP.magic)] != CLIP.magic or clip_len != CLIP.header_size + 2 * count:
        raise Damaged("the audio part is not a clip")
    # the clip's own digest is covered by the entry's, which is checked once the body is read
    audio = Clip(clip_from_pcm16(body, count), rate)
    mp3 = body.read(mp3_len)
    times = [(float(a), float(b)) for a, b in meta["times"]]
    limit = audio.duration + 1.0
    if not all(0.0 <= a <= b <= limit for a, b in times):  # NaN fails every comparison
        raise Damaged("segment times out of order, not finite or past the audio")
    return Mastered(audio, times, mp3, meta.get("qa", {}), int(meta.get("clips", 0)))
