"""The build cache as the pipeline and `cache info|clear` see it: the segment cache (engine clips)
and the episode store (delivered episodes), side by side under one folder."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from audio_edition.audio.episode_store import EpisodeStore
from audio_edition.errors import InputError
from audio_edition.store import default_cache_dir
from audio_edition.voices.cache import SegmentCache

__all__ = ["BuildCache", "CacheInfo", "cache_to_inspect"]

STORES = ("segments", "episodes")


@dataclass(frozen=True)
class CacheInfo:
    """What `cache info` reports."""

    root: Path
    entries: int
    bytes: int
    episodes: int = 0

    def counts(self, joiner: str = ", ") -> str:
        """`3 segments, 1 episode`: the entries counted, each noun agreeing with its number."""
        return joiner.join(
            plural(n, noun) for n, noun in ((self.entries, "segment"), (self.episodes, "episode"))
        )


def plural(count: int, noun: str) -> str:
    """`1 episode`, `2 episodes`."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class BuildCache:
    """Both stores under `root` (`segments/`, `episodes/`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.segments = SegmentCache(root)
        self.episodes = EpisodeStore(root)

    def info(self) -> CacheInfo:
        """Entry counts (segments and episodes) and their size on disk."""
        clips, episodes = self.segments.entries(), self.episodes.entries()
        size = sum(f.stat().st_size for f in clips + episodes)
        return CacheInfo(self.root, len(clips), size, len(episodes))

    def clear(self) -> CacheInfo:
        """Delete every entry of both stores; returns what was there."""
        before = self.info()
        self.segments.clear()
        self.episodes.clear()
        shutil.rmtree(self.root / "verified", ignore_errors=True)  # records of verified takes
        return before

    def prune(self, max_bytes: int) -> CacheInfo:
        """Delete entries of both stores, least recently used (read or written) first, until they
        hold at most `max_bytes` (0: no bound); returns what was removed. Entries another process
        removes meanwhile are skipped."""
        entries = [
            (path, kind)
            for kind, store in ((0, self.segments), (1, self.episodes))
            for path in store.entries()
        ]
        aged = []
        for path, kind in entries:
            try:
                stat = path.stat()
            except OSError:
                continue
            aged.append((stat.st_mtime, stat.st_size, kind, path))
        total = sum(size for _, size, _, _ in aged)
        removed = [0, 0]
        freed = 0
        if max_bytes > 0 and total > max_bytes:
            for _, size, kind, path in sorted(aged, key=lambda a: (a[0], str(a[3]))):
                if total - freed <= max_bytes:
                    break
                try:
                    path.unlink()
                except OSError:
                    continue
                freed += size
                removed[kind] += 1
        return CacheInfo(self.root, removed[0], freed, removed[1])

    def notes(self) -> list[str]:
        """Warnings for the user: the cache turned off (once, however many stores it hit), and
        how many damaged entries were found and made again."""
        stores = (self.segments.files, self.episodes.files)
        notes = [f"warning: {w}" for w in dict.fromkeys(s.warning for s in stores if s.warning)]
        damaged = sum(len(s.damaged) for s in stores)
        if damaged:
            notes.append(f"warning: {damaged} damaged cache entries were found and made again")
        return notes


def cache_to_inspect(cache_dir: Path | None) -> BuildCache:
    """The cache `cache info|clear` work on: `cache_dir`, else the default one. InputError when a
    folder named with --cache-dir is missing, when the path is a file, or when a folder holding
    other things is no cache of ours (clearing it would remove nothing of its own, or the wrong
    files); the default folder may be missing (nothing cached yet)."""
    root = cache_dir if cache_dir is not None else default_cache_dir()
    if root.exists() and not root.is_dir():
        raise InputError(
            f"{root} is a file, not a cache folder: give the folder of the cache with --cache-dir"
        )
    if not root.exists():
        if cache_dir is not None:
            raise InputError(f"cache folder {root} does not exist: check --cache-dir")
        return BuildCache(root)
    if not any((root / name).is_dir() for name in STORES) and any(root.iterdir()):
        raise InputError(
            f"{root} is not an audio-edition cache (it holds no segments/ or episodes/ folder): "
            "check --cache-dir"
        )
    return BuildCache(root)
