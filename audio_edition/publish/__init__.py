"""Write an episode's files (MP3 with tags, manifest) into the output folder, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from audio_edition.audio.mp3 import mp3_bytes
from audio_edition.model import Episode
from audio_edition.options import Options
from audio_edition.publish.id3 import write_tags
from audio_edition.publish.manifest import manifest
from audio_edition.publish.slug import slugify
from audio_edition.publish.staging import Staging

__all__ = ["publish", "slugify", "manifest"]


def publish(
    episode: Episode, slug: str, options: Options, mp3: bytes | None = None, qa: dict[str, Any] | None = None
) -> list[Path]:
    """Write `slug.mp3` (tagged), `slug.json` and, given a QA report, `slug.qa.json`; all or nothing.

    `mp3` is the episode's audio already encoded (untagged); without it the audio is encoded here.
    """
    with Staging(options.out_dir) as stage:
        path = stage.path(f"{slug}.mp3")
        path.write_bytes(mp3 if mp3 is not None else mp3_bytes(episode.audio, bitrate=options.bitrate))
        write_tags(path, episode, options.show, options.cover)
        data = json.dumps(manifest(episode), ensure_ascii=False, indent=2) + "\n"
        stage.path(f"{slug}.json").write_text(data, encoding="utf-8")
        if qa is not None:
            report = json.dumps(qa, ensure_ascii=False, indent=2) + "\n"
            stage.path(f"{slug}.qa.json").write_text(report, encoding="utf-8")
        return stage.commit()
