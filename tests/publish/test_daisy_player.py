"""The DAISY book in daisy-player, the player blind readers use: it opens, lists the headings, plays.

Headless: a PulseAudio null sink takes the sound, and a small LD_PRELOAD shim answers the one
ALSA file the player insists on reading. tmux runs the terminal program and shows its screen.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA

TOOLS = ("daisy-player", "tmux", "pulseaudio", "pactl", "gcc")
pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS),
    reason="needs daisy-player, tmux, pulseaudio, gcc (CI installs them)",
)


@pytest.fixture
def sound(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An environment with a running PulseAudio whose default sink discards everything."""
    env = {**os.environ, "HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(tmp_path / "run")}
    (tmp_path / "run").mkdir()
    daemon = subprocess.Popen(
        [
            "pulseaudio",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--disallow-exit",
            "-n",
            "--load=module-native-protocol-unix",
            "--load=module-null-sink sink_name=nowhere",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(50):
        if subprocess.run(["pactl", "info"], env=env, capture_output=True, check=False).returncode == 0:
            break
        time.sleep(0.1)
    shim = tmp_path / "asound.so"
    subprocess.run(
        ["gcc", "-shared", "-fPIC", "-o", str(shim), str(DATA / "fake_asound.c"), "-ldl"], check=True
    )
    cards = tmp_path / "cards"
    cards.write_text(" 0 [Dummy          ]: Dummy - Dummy\n                      Dummy 1\n")
    env.update(LD_PRELOAD=str(shim), FAKE_ASOUND_CARDS=str(cards))
    yield env
    daemon.terminate()
    daemon.wait(timeout=10)


def test_daisy_player_opens_the_book_lists_headings_and_plays(
    everything: dict[str, Any], sound: dict[str, str], tmp_path: Path
) -> None:
    book = tmp_path / "book"
    shutil.copytree(everything["out"] / "harbour-ferry-strike.daisy", book)
    session = f"daisy{os.getpid()}"
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "120",
            "-y",
            "30",
            "daisy-player",
            str(book),
            "-d",
            "nowhere:pulseaudio",
        ],
        env=sound,
        check=True,
    )
    try:
        first = everything["manifest"]["chapters"][0]["title"]
        played, screen = 0, ""
        for _ in range(40):
            time.sleep(0.5)
            screen = subprocess.run(
                ["tmux", "capture-pane", "-t", session, "-p"],
                capture_output=True,
                text=True,
                env=sound,
                check=False,
            ).stdout
            row = next((line for line in screen.splitlines() if line.strip().startswith(first)), "")
            clock = re.search(r"(\d\d):(\d\d) +\d\d:\d\d\s*$", row)  # elapsed, then the chapter's length
            played = int(clock.group(1)) * 60 + int(clock.group(2)) if clock else 0
            if played >= 2:
                break
        for chapter in everything["manifest"]["chapters"]:
            assert chapter["title"] in screen, screen
        assert "level: 1 of 2" in screen
        assert played >= 2, screen  # the first chapter's clock runs: it is playing
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], env=sound, check=False)
