"""Start the fault harness (`tests/faults/harness.py`) as a real process, optionally behind a
prefix (setpriv, unshare)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def harness_command(stage: str, marker: Path, *args: str) -> list[str]:
    """The command line that runs `audio-edition ARGS` under the harness, paused at `stage`."""
    return [sys.executable, "-m", "tests.faults.harness", stage, str(marker), *args]


def start(command: list[str]) -> subprocess.Popen[str]:
    """Start `command` from the checkout (so `tests` imports), output captured as text."""
    return subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def run(command: list[str], timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run `command` as `start` does, to its end."""
    proc = start(command)
    out, err = proc.communicate(timeout=timeout)
    return subprocess.CompletedProcess(command, proc.returncode, out, err)
