"""The fingerprint that lets a batch skip an article: what its edition is made from."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from audio_edition.options import Options

FINGERPRINT_VERSION = 1


def fingerprint(path: Path, options: Options) -> str:
    """A hash of the article's bytes and every option that shapes its edition (not where it goes)."""
    neutral = dataclasses.replace(
        options, out_dir=Path("."), fingerprint=None, jobs=None, cache_dir=None, use_cache=True
    )
    settings = dataclasses.asdict(neutral)
    blob = json.dumps({"v": FINGERPRINT_VERSION, "options": settings}, sort_keys=True, default=str)
    return hashlib.sha256(path.read_bytes() + blob.encode("utf-8")).hexdigest()
