"""Run `audio-edition build` with the fake engine slowed down, pausing at one stage so a test can
signal it there: `python -m tests.faults.harness STAGE MARKER ARGS...`.

STAGE is synthesis (once three segments are in the cache), mastering (before master), export (after
the output files are staged, before they are renamed into place), commit (after the first of those
renames: the old manifest is gone, one new file is in place, the rest are old) or none. On reaching it the
harness writes MARKER and waits. Engine calls are appended to MARKER.calls as they happen.

Nothing is patched: the slowed engine is registered as plugins are, and the pauses are the
pipeline's collaborators (`audio_edition.collaborators`) handed to the command's `main`.
"""

from __future__ import annotations

import functools
import sys
import threading
import time
from pathlib import Path
from typing import Any

from audio_edition.cli import main
from audio_edition.collaborators import Collaborators
from audio_edition.model import Clip
from audio_edition.publish.episode_files import publish
from audio_edition.publish.staging import Staging
from audio_edition.voices import register_engine
from audio_edition.voices.fake import FakeEngine

stage, marker = sys.argv[1], Path(sys.argv[2])
sys.argv = ["audio-edition", *sys.argv[3:]]
lock = threading.Lock()
given = sys.argv[1:]
cache_dir = Path(given[given.index("--cache-dir") + 1]) if "--cache-dir" in given else None


def reached(name: str, wait: float = 60.0) -> None:
    if stage == name:
        marker.write_text(name)
        time.sleep(wait)


def segments_cached() -> int:
    """How many clips the segment cache holds (each renamed into place whole)."""
    return len(list(cache_dir.glob("segments/*/*.clip"))) if cache_dir is not None else 0


class SlowFake(FakeEngine):
    """The fake engine at a tenth of a second per segment; a second once the stage is reached."""

    def synthesize(self, text: str, voice: str) -> Clip:
        if stage == "synthesis" and not marker.exists() and segments_cached() >= 3:
            marker.write_text("synthesis")
        time.sleep(1.0 if marker.exists() else 0.1)
        clip = super().synthesize(text, voice)
        with lock, open(f"{marker}.calls", "a", encoding="utf-8") as log:
            log.write(text[:30].replace("\n", " ") + "\n")
        return clip


class PausedStaging(Staging):
    """Staging that pauses before its commit (export) and after its first rename (commit)."""

    committing = False

    def commit(self, *args: Any, **kwargs: Any) -> list[Path]:
        reached("export")
        self.committing = True
        try:
            return super().commit(*args, **kwargs)
        finally:
            self.committing = False

    def _install(self, temp: Path, final: Path) -> None:
        super()._install(temp, final)
        if self.committing:  # a file renamed into place
            reached("commit")


def paused_master(*args: Any) -> Any:
    reached("mastering")
    return Collaborators().master(*args)


register_engine("fake", SlowFake, replace=True)
main(Collaborators(master=paused_master, publish=functools.partial(publish, staging=PausedStaging)))
