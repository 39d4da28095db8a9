"""The encoder's scratch folders in the system's temporary folder: named `audio-edition-PID-...`
by the process that made them, and those left by a killed process (its PID gone, or a day old for
a name without one) swept once per process."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path

PREFIX = "audio-edition-"
STALE_S = 86_400.0  # a scratch folder whose maker cannot be told is left this long
_NAMED = re.compile(rf"{PREFIX}(\d+)-")
_swept: set[int] = set()


def scratch_prefix() -> str:
    """The prefix of this process's scratch folders."""
    return f"{PREFIX}{os.getpid()}-"


def sweep_scratch(root: Path | None = None) -> list[Path]:
    """Remove the scratch folders of processes that are gone (once per process unless `root` is
    given); returns what went."""
    if root is None:
        if os.getpid() in _swept:
            return []
        _swept.add(os.getpid())
    where = Path(root or tempfile.gettempdir())
    removed = []
    try:
        entries = [e for e in where.iterdir() if e.name.startswith(PREFIX)]
    except OSError:
        return []
    for entry in entries:
        try:
            if not entry.is_dir() or entry.is_symlink() or not _left(entry):
                continue
        except OSError:
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry)
    return removed


def _left(entry: Path) -> bool:
    """Whether the folder was left by a process that is gone (or, unnamed, is a day old)."""
    named = _NAMED.match(entry.name)
    if named is None:
        return time.time() - entry.stat().st_mtime > STALE_S
    pid = int(named.group(1))
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # someone else's, alive
        return False
    return False
