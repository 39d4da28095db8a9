"""Write an episode's set of files (MP3, manifest, QA, the formats asked for) as one commit: the new
set replaces the old one whole, and what this build did not write is removed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from audio_edition.model import Episode
from audio_edition.publish.edition import edition_of
from audio_edition.publish.formats import BY_NAME, MANIFEST, MP3, QA
from audio_edition.publish.id3 import write_tags
from audio_edition.publish.manifest import json_text, manifest
from audio_edition.publish.outputs import describe, stale_names
from audio_edition.publish.settings import PublishSettings
from audio_edition.publish.staging import Staging


def publish(
    episode: Episode,
    slug: str,
    settings: PublishSettings,
    mp3: bytes | None = None,
    qa: dict[str, Any] | None = None,
    *,
    staging: type[Staging] = Staging,
) -> list[Path]:
    """Write `slug.mp3` (tagged), `slug.json`, given a QA report `slug.qa.json`, and a file per
    format in `settings.formats`; returns their paths in that order.

    All are staged and hashed, the manifest (naming each file with its size and SHA-256) is renamed
    into place last, and the slug's files of an earlier build that this one did not write go in
    the same commit. `mp3` is the episode's audio already encoded (untagged); without it the audio
    is encoded here. `staging` is the kind of `Staging` the files go through (a test harness's
    pauses in its commit).
    """
    if mp3 is None:
        from audio_edition.audio.mp3 import mp3_bytes  # pydub, only when no MP3 is handed in

        mp3 = mp3_bytes(episode.audio, bitrate=settings.bitrate, rate=settings.sample_rate)
    with staging(settings.out_dir) as stage:
        path = stage.path(slug + MP3)
        path.write_bytes(mp3)
        edition = edition_of(episode, slug, settings.show)
        write_tags(path, episode, edition, settings.cover)
        marker = stage.path(slug + MANIFEST)  # staged now to keep its place in the list; written last
        if qa is not None:
            stage.path(slug + QA).write_text(json_text(qa), encoding="utf-8")
        for name in settings.formats:
            fmt = BY_NAME[name]
            staged = stage.folder(fmt.file_name(slug)) if fmt.folder else stage.path(fmt.file_name(slug))
            fmt.write(staged, episode, edition, mp3)
        members = {name: temp for name, temp in stage.staged().items() if temp != marker}
        marker.write_text(
            json_text(manifest(episode, settings.fingerprint, describe(members))), encoding="utf-8"
        )
        stale = stale_names(settings.out_dir, slug, keep=set(stage.staged()))
        return stage.commit(last=slug + MANIFEST, remove=stale)
