"""The newcomer's tour (scripts/tour.py): every documented command and option, run as a user
runs them, does what the README says."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_every_documented_command_and_option_does_what_the_readme_says() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "tour.py")], capture_output=True, text=True, timeout=1200
    )
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    assert done.returncode == 0 and not failed, "\n".join(failed) or done.stderr[-2000:]
    assert done.stdout.rstrip().endswith("every step did what the README says")
    assert done.stdout.count("\nok   ") >= 30
