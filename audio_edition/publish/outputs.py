"""What an output folder holds: which episodes are complete and current."""

from __future__ import annotations

import json
from pathlib import Path

_SUFFIXES = {
    "vtt": ".vtt",
    "srt": ".srt",
    "chapters": ".chapters.json",
    "epub": ".epub",
    "daisy": ".daisy",
    "html": ".html",
}


def up_to_date(out_dir: Path, slug: str, stamp: str, formats: tuple[str, ...]) -> bool:
    """True when `out_dir` holds this article's files in `formats`, made with fingerprint `stamp`."""
    try:
        manifest = json.loads((out_dir / f"{slug}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    wanted = [f"{slug}.mp3", f"{slug}.qa.json"] + [slug + _SUFFIXES[name] for name in formats]
    return manifest.get("fingerprint") == stamp and all((out_dir / name).exists() for name in wanted)
