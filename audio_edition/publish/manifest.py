"""The manifest (`S.json`): the episode's timeline in the documented, stable format."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import PurePath
from typing import Any

from audio_edition.model import Episode, Meta
from audio_edition.publish.edition import written_datetime

FORMAT_VERSION = 1


def manifest(
    episode: Episode, fingerprint: str | None = None, files: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The manifest as a JSON-ready dict; times are seconds in the final MP3. `files` names every
    other file of the episode's set with its size and SHA-256 (see `publish.outputs.describe`).
    A segment has `words` (text, start, end) when the build was verified by recognition."""
    meta = episode.script.article.meta
    return {
        "title": meta.title,
        "duration": round(episode.duration, 3),
        "engine": episode.engine,
        "voices": {role: str(voice) for role, voice in episode.voices},  # `engine:voice`
        "engines": sorted({voice.engine for _, voice in episode.voices} or {episode.engine}),
        "segments": [
            {
                "role": t.segment.role,
                "voice": t.segment.voice,
                "speaker": t.segment.speaker,
                "text": t.segment.text,
                "start": round(t.start, 3),
                "end": round(t.end, 3),
                **_words(episode, k),
            }
            for k, t in enumerate(episode.timeline)
        ],
        "chapters": [{"title": c.title, "start": c.start, "end": c.end} for c in episode.chapters],
        "format_version": FORMAT_VERSION,
        "byline": meta.byline,
        **dates(meta, episode.script.language.code),
        "language": meta.language,
        "source": published_source(meta.source),
        "dropped": [{"text": d.text, "reason": d.reason} for d in episode.script.article.dropped],
        "description": description(episode),
        "built": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "fingerprint": fingerprint,
        "files": files or [],
    }


def _words(episode: Episode, k: int) -> dict[str, Any]:
    """`words` of segment `k` when recognition timed them: each written word (the segment's text
    split on whitespace, in order) with its start and end in the final MP3; else nothing."""
    if episode.words is None:
        return {}
    return {"words": [{"text": w.text, "start": w.start, "end": w.end} for w in episode.words[k]]}


def dates(meta: Meta, code: str = "en") -> dict[str, str | None]:
    """The article's date in the manifest: `date`, the day as ISO 8601 (`2026-03-03`) whatever form
    the dateline had; `published`, the ISO 8601 date and time with its offset when the dateline
    states a time (else null); `dateline`, the date as written (and spoken in the opening)."""
    when = written_datetime(meta.date, code=code) if meta.date else None
    timed = when is not None and re.search(r"\d:\d\d", meta.date or "") is not None
    return {
        "date": when.date().isoformat() if when else None,
        "published": when.isoformat() if when and timed else None,
        "dateline": meta.date,
    }


def json_text(data: Any) -> str:
    """`data` as the JSON files are written: UTF-8 text, indented, ending in a newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def description(episode: Episode, limit: int = 600) -> str:
    """The episode's summary: its first paragraph of narration, cut at a sentence near `limit`."""
    first = next((t.segment for t in episode.timeline if t.segment.role in ("narration", "quote")), None)
    if first is None:
        return episode.script.article.meta.title
    text = " ".join(t.segment.text for t in episode.timeline if t.segment.block == first.block)
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def published_source(source: str | None) -> str | None:
    """Where the article came from, as the manifest publishes it: a URL as it is, a local file by
    its name only (its folders say nothing to a listener and something about the machine)."""
    if not source or source.startswith(("http://", "https://")):
        return source
    return PurePath(source.replace("\\", "/")).name or None
