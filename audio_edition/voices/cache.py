"""The segment cache: each engine clip filed under the hash of engine, version, voice, settings and
speech text, as 16-bit PCM in a content-addressed file store (`audio_edition.store`)."""

from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path
from typing import Any

import numpy as np

from audio_edition.model import Clip, Pronunciation, Speech, Voice
from audio_edition.store import Damaged, EntryFormat, EntryReader, FileStore, default_cache_dir
from audio_edition.voices.base import Engine
from audio_edition.voices.pcm import pcm16

__all__ = ["FORMAT", "SegmentCache", "default_cache_dir", "clip_from_pcm16"]

FORMAT = 1  # bump when what a key stands for changes: old entries are then never looked up
CLIP = EntryFormat(b"AEC2", struct.Struct("<IQ"))  # sample rate, sample count; then 16-bit samples
_CHUNK = 1 << 20  # samples converted at a time


class SegmentCache:
    """Engine clips, one file per key under `root/segments`; written atomically, checked on read,
    damaged entries deleted (and spoken again), an unwritable folder a warning."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = FileStore(root, root / "segments", ".clip", fan_out=True)

    @property
    def folder(self) -> Path:
        """Where the entries live."""
        return self.files.folder

    @property
    def writable(self) -> bool:
        """False once a write failed: the cache is off for the rest of the run."""
        return self.files.writable

    @property
    def warning(self) -> str | None:
        """Why the cache turned itself off, in one line (None while it works)."""
        return self.files.warning

    @property
    def damaged(self) -> list[str]:
        """Entries found damaged, deleted and made again in this run."""
        return self.files.damaged

    @staticmethod
    def key(engine: Engine, spec: Voice, speech: Speech) -> str:
        """The content address of one segment's audio."""
        material = {
            "format": FORMAT,
            "engine": spec.engine,
            "version": engine.version,
            "voice": spec.voice,
            "settings": engine.cache_settings(spec.voice),
            "text": key_text(speech),
        }
        blob = json.dumps(material, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()

    def path(self, key: str) -> Path:
        """Where the entry for `key` lives."""
        return self.files.path(key)

    def get(self, key: str) -> Clip | None:
        """The stored clip (float32 at 16-bit steps), or None when absent or damaged."""
        return self.files.get(key, CLIP, _read_clip)

    def put(self, key: str, clip: Clip) -> None:
        """Store `clip` under `key`, rounded to 16 bits; an unwritable cache turns itself off."""
        payload = pcm16(clip.samples).tobytes()
        self.files.put(key, CLIP, (clip.sample_rate, len(clip.samples)), lambda: [payload])

    def entries(self) -> list[Path]:
        """Every segment entry on disk."""
        return self.files.entries()

    def clear(self) -> None:
        """Delete every segment entry."""
        self.files.clear()


def key_text(speech: Speech) -> str:
    """How a segment's speech enters its key: its text, each pronounced word as `⟦IPA|alias⟧` (the
    form keys had when pronunciations travelled inline, so clips cached then are still found).
    Only hashed, never read back."""
    return "".join(p if isinstance(p, str) else _keyed(p) for p in speech.pieces)


def _keyed(word: Pronunciation) -> str:
    return f"⟦{word.ipa.replace('|', '').replace('⟧', '')}|{word.alias}⟧"


def _read_clip(fields: tuple[Any, ...], body: EntryReader) -> Clip:
    rate, count = fields
    if 2 * count != body.remaining():
        raise Damaged("length does not match its header")
    return Clip(clip_from_pcm16(body, count), rate)


def clip_from_pcm16(body: EntryReader, count: int) -> np.ndarray:
    """`count` 16-bit samples read from `body` a chunk at a time into one float32 array, exactly
    the values `quantize` gives (no float64 or whole-entry copies)."""
    samples = np.empty(count, dtype=np.float32)
    for start in range(0, count, _CHUNK):
        n = min(_CHUNK, count - start)
        chunk = np.frombuffer(body.read(2 * n), dtype="<i2")
        np.divide(chunk, np.float32(32767), out=samples[start : start + n], dtype=np.float32)
    return samples
