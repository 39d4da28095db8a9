"""The podcast kept to its newest episodes: those past `--keep` lose their set of files (the
manifest first, so a half-removed set is never taken as whole) and their kept article."""

from __future__ import annotations

import shutil
from pathlib import Path

from audio_edition.follow.articles import article_path
from audio_edition.follow.state import EntryRecord, State
from audio_edition.publish.formats import MANIFEST, owned_names

WITH_EPISODE = ("built", "changed")


def newest_first(records: list[EntryRecord]) -> list[EntryRecord]:
    """The records by their date (else when first seen), newest first."""
    return sorted(records, key=lambda r: (r.when, r.slug), reverse=True)


def trim(state: State, out_dir: Path, keep: int) -> list[EntryRecord]:
    """Remove the episodes after the newest `keep` (none when `keep` is 0); returns their records,
    now marked removed."""
    if keep <= 0:
        return []
    episodes = newest_first([r for r in state.entries.values() if r.status in WITH_EPISODE])
    for record in episodes[keep:]:
        remove_set(out_dir, record.slug)
        article_path(out_dir, record.slug).unlink(missing_ok=True)
        record.status = "removed"
    return episodes[keep:]


def remove_set(out_dir: Path, slug: str) -> None:
    """Delete the files of the set `slug` (every name its build may write), its manifest first."""
    names = sorted(owned_names(slug), key=lambda name: name != slug + MANIFEST)
    for name in names:
        path = out_dir / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
