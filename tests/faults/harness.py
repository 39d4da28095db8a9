"""Run `audio-edition build` with the fake engine slowed down, pausing at one stage so a test can
signal it there: `python -m tests.faults.harness STAGE MARKER ARGS...`.

STAGE is synthesis (once three segments are in the cache), mastering (before master), export (after
the output files are staged, before they are renamed into place), commit (after the first of those
renames: the old manifest is gone, one new file is in place, the rest are old) or none. On reaching it the
harness writes MARKER and waits. Engine calls are appended to MARKER.calls as they happen.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

import audio_edition.pipeline as pipeline
from audio_edition.cli import main
from audio_edition.model import Clip
from audio_edition.publish.staging import Staging
from audio_edition.voices import register_engine
from audio_edition.voices.cache import SegmentCache
from audio_edition.voices.fake import FakeEngine

stage, marker = sys.argv[1], Path(sys.argv[2])
sys.argv = ["audio-edition", *sys.argv[3:]]
lock = threading.Lock()


def reached(name: str, wait: float = 60.0) -> None:
    if stage == name:
        marker.write_text(name)
        time.sleep(wait)


class SlowFake(FakeEngine):
    """The fake engine at a tenth of a second per segment; a second once the stage is reached."""

    def synthesize(self, text: str, voice: str) -> Clip:
        time.sleep(1.0 if marker.exists() else 0.1)
        clip = super().synthesize(text, voice)
        with lock, open(f"{marker}.calls", "a", encoding="utf-8") as log:
            log.write(text[:30].replace("\n", " ") + "\n")
        return clip


register_engine("fake", SlowFake, replace=True)
real_put = SegmentCache.put
stored = []


def counted_put(self: SegmentCache, key: str, clip: Clip) -> None:
    real_put(self, key, clip)
    with lock:
        stored.append(key)
        if len(stored) == 3 and stage == "synthesis":
            marker.write_text("synthesis")


SegmentCache.put = counted_put  # type: ignore[method-assign]
real_master = pipeline.master


def paused_master(*args: Any, **kwargs: Any) -> Any:
    reached("mastering")
    return real_master(*args, **kwargs)


pipeline.master = paused_master  # type: ignore[assignment]
real_commit = Staging.commit
real_replace = os.replace
committing = False


def paused_commit(self: Staging, *args: Any, **kwargs: Any) -> list[Path]:
    global committing
    reached("export")
    committing = True
    try:
        return real_commit(self, *args, **kwargs)
    finally:
        committing = False


def paused_replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
    real_replace(src, dst, *args, **kwargs)
    if committing and not Path(dst).name.startswith("."):  # a file renamed into place
        reached("commit")


Staging.commit = paused_commit  # type: ignore[method-assign]
os.replace = paused_replace
main()
