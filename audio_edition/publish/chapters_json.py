"""Podcasting 2.0 JSON chapters (`application/json+chapters`), the same times as the ID3 chapters.

The format is a flat list in time order. A chapter nested under another (a bulletin article's
subheading) is listed in its place with `"toc": false`, the format's mark of a chapter kept out of
the table of contents, so an app's list shows the chapters at the top (one per article), each
ending where its last nested chapter ends; an app that ignores `toc` shows them all, in order."""

from __future__ import annotations

from typing import Any

from audio_edition.model import Episode

VERSION = "1.2.0"


def chapters_json(episode: Episode) -> dict[str, Any]:
    """{"version": "1.2.0", "chapters": [{"startTime", "endTime", "title"}]} in order (nested
    chapters with `"toc": false`)."""
    chapters: list[dict[str, Any]] = []
    ends = _ends(episode)
    for k, placed in enumerate(episode.chapters):
        entry: dict[str, Any] = {"startTime": placed.start, "endTime": ends[k], "title": placed.title}
        if placed.parent is not None:
            entry["toc"] = False
        chapters.append(entry)
    return {"version": VERSION, "chapters": chapters}


def _ends(episode: Episode) -> list[float]:
    """Each chapter's end: its own, or for one with nested chapters the last of theirs."""
    ends = [c.end for c in episode.chapters]
    for k in reversed(range(len(ends))):  # nested chapters come after their parent
        parent = episode.chapters[k].parent
        if parent is not None:
            ends[parent] = max(ends[parent], ends[k])
    return ends
