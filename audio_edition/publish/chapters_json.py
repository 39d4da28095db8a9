"""Podcasting 2.0 JSON chapters (`application/json+chapters`), the same times as the ID3 chapters."""

from __future__ import annotations

from typing import Any

from audio_edition.model import Episode

VERSION = "1.2.0"


def chapters_json(episode: Episode) -> dict[str, Any]:
    """{"version": "1.2.0", "chapters": [{"startTime", "endTime", "title"}]} in order."""
    return {
        "version": VERSION,
        "chapters": [{"startTime": c.start, "endTime": c.end, "title": c.title} for c in episode.chapters],
    }
