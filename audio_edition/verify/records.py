"""What verification found for one take, and where verified takes are remembered.

A record is filed beside the segment cache (`verified/` under the cache folder) under the segment's
key and the model's identity, and names the take it is about by the SHA-256 of its 16-bit samples:
a rebuild whose cached clip is that take reuses the record (its words and times) without hearing
the clip again; any other clip under that key is heard afresh.
"""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from audio_edition.model import Clip
from audio_edition.store import Damaged, EntryFormat, EntryReader, FileStore
from audio_edition.verify.recognizer import Heard
from audio_edition.voices.pcm import pcm16

RECORD = EntryFormat(b"AEV1", struct.Struct("<I"))  # body length; then the record as JSON
REVISION = 1  # bump when what a record means changes: old records are then never looked up


@dataclass(frozen=True)
class Take:
    """One take tried for a segment: the engine that spoke it and its word error rate."""

    engine: str
    error: float


@dataclass(frozen=True)
class Checked:
    """A segment's kept take as heard: the words heard (times from the clip's start), the edits
    against what was meant, every take tried, and whether it passed its engine's threshold."""

    heard: tuple[Heard, ...]
    errors: int
    words: int
    passed: bool
    takes: tuple[Take, ...] = field(default_factory=tuple)

    @property
    def error(self) -> float:
        """The kept take's word error rate."""
        if self.words == 0:
            return 0.0 if self.errors == 0 else 1.0
        return self.errors / self.words

    @property
    def text(self) -> str:
        """What was heard, as one line."""
        return " ".join(w.text for w in self.heard)

    def as_report(self) -> dict[str, Any]:
        """The segment's entry in the QA report."""
        return {
            "heard": self.text,
            "error": round(self.error, 3),
            "errors": self.errors,
            "words": self.words,
            "passed": self.passed,
            "takes": [asdict(t) for t in self.takes],
        }


def take_id(clip: Clip) -> str:
    """The identity of a take: SHA-256 of its rate and 16-bit samples (what the cache keeps)."""
    digest = hashlib.sha256(str(clip.sample_rate).encode("ascii"))
    digest.update(pcm16(clip.samples).tobytes())
    return digest.hexdigest()


class VerifiedStore:
    """Records of verified takes under `root/verified`, one small file per segment and model."""

    def __init__(self, root: Path) -> None:
        self.files = FileStore(root, root / "verified", ".json", fan_out=True)

    @staticmethod
    def key(segment_key: str, model: str) -> str:
        """Where the record of a segment heard by `model` is filed."""
        blob = json.dumps([REVISION, segment_key, model]).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()

    def get(self, key: str, take: str) -> Checked | None:
        """The record of take `take`, or None when absent, damaged or about another take."""
        found = self.files.get(key, RECORD, _read)
        if found is None or found.get("take") != take:
            return None
        return Checked(
            heard=tuple(Heard(str(t), float(a), float(b)) for t, a, b in found["heard"]),
            errors=int(found["errors"]),
            words=int(found["words"]),
            passed=bool(found["passed"]),
            takes=tuple(Take(str(t["engine"]), float(t["error"])) for t in found["takes"]),
        )

    def put(self, key: str, take: str, checked: Checked) -> None:
        """Remember `checked` for take `take`; an unwritable folder turns the store off."""
        data: dict[str, Any] = {
            "take": take,
            "heard": [[w.text, w.start, w.end] for w in checked.heard],
            "errors": checked.errors,
            "words": checked.words,
            "passed": checked.passed,
            "takes": [asdict(t) for t in checked.takes],
        }
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self.files.put(key, RECORD, (len(body),), lambda: [body])


def _read(fields: tuple[Any, ...], body: EntryReader) -> dict[str, Any]:
    (length,) = fields
    if length != body.remaining():
        raise Damaged("length does not match its header")
    data = json.loads(body.read(length).decode("utf-8"))
    if not isinstance(data, dict):
        raise Damaged("not a record")
    return data
