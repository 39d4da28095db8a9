"""Write an episode's files (MP3, manifest, QA, transcripts, chapters, EPUB, DAISY, page): all or none."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from audio_edition.audio.mp3 import mp3_bytes
from audio_edition.model import Episode
from audio_edition.options import Options
from audio_edition.publish.captions import subrip, webvtt
from audio_edition.publish.chapters_json import chapters_json
from audio_edition.publish.daisy import write_daisy
from audio_edition.publish.epub import write_epub
from audio_edition.publish.id3 import write_tags
from audio_edition.publish.manifest import manifest
from audio_edition.publish.readalong import readalong_page
from audio_edition.publish.slug import slugify
from audio_edition.publish.staging import Staging

__all__ = ["publish", "slugify", "manifest"]


def publish(
    episode: Episode, slug: str, options: Options, mp3: bytes | None = None, qa: dict[str, Any] | None = None
) -> list[Path]:
    """Write `slug.mp3` (tagged), `slug.json` and, given a QA report, `slug.qa.json`; all or nothing.

    `mp3` is the episode's audio already encoded (untagged); without it the audio is encoded here.
    """
    if mp3 is None:
        mp3 = mp3_bytes(episode.audio, bitrate=options.bitrate, rate=options.sample_rate)
    with Staging(options.out_dir) as stage:
        path = stage.path(f"{slug}.mp3")
        path.write_bytes(mp3)
        write_tags(path, episode, options.show, options.cover)
        stage.path(f"{slug}.json").write_text(_json(manifest(episode, options.fingerprint)), encoding="utf-8")
        if qa is not None:
            stage.path(f"{slug}.qa.json").write_text(_json(qa), encoding="utf-8")
        for name in options.formats:
            write_format(name, stage, episode, slug, options, mp3)
        return stage.commit()


def write_format(
    name: str, stage: Staging, episode: Episode, slug: str, options: Options, mp3: bytes
) -> None:
    """Stage the file (or folder) of one format; `mp3` is the episode's encoded audio."""
    if name == "vtt":
        stage.path(f"{slug}.vtt").write_text(webvtt(episode), encoding="utf-8")
    elif name == "srt":
        stage.path(f"{slug}.srt").write_text(subrip(episode), encoding="utf-8")
    elif name == "chapters":
        stage.path(f"{slug}.chapters.json").write_text(_json(chapters_json(episode)), encoding="utf-8")
    elif name == "epub":
        write_epub(stage.path(f"{slug}.epub"), episode, slug, mp3)
    elif name == "daisy":
        write_daisy(stage.folder(f"{slug}.daisy"), episode, slug, mp3)
    elif name == "html":
        stage.path(f"{slug}.html").write_text(readalong_page(episode, slug), encoding="utf-8")


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
