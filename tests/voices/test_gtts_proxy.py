"""Through a real HTTPS proxy playing Google (loopback only): the build the issue asks for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.voices.google_proxy import free_port, google_proxy

pytest.importorskip("trustme")


def run_cli(args: list[str], proxy: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HTTPS_PROXY": proxy,
        "https_proxy": proxy,
        "NO_PROXY": "",
        "no_proxy": "",
        "AUDIO_EDITION_CACHE": str(cache),
    }
    return subprocess.run(
        [sys.executable, "-m", "audio_edition.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def test_reference_through_a_proxy_with_429s(reference_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with google_proxy(every_nth_429=5) as (proxy, log):
        first = run_cli(["build", str(reference_path), "-o", str(out)], proxy, tmp_path / "cache")
        assert first.returncode == 0, first.stderr
        assert "auto: Google answered" in first.stderr  # auto chose gTTS after one probe
        sent = len(log.requests)
        again = run_cli(["build", str(reference_path), "-o", str(out)], proxy, tmp_path / "cache")
        assert again.returncode == 0, again.stderr
    manifest = json.loads((out / "peace-talks-istanbul.json").read_text(encoding="utf-8"))
    assert manifest["engine"] == "gtts"
    speech = [(host, text) for host, text in log.requests if text != "ok"]  # not the probes
    assert log.refused >= 5  # a share of requests answered 429, and the build still succeeded
    assert log.most_in_flight >= 3
    assert sum(len(t) for _, t in speech) / len(speech) >= 50
    assert {h for h, _ in speech} == {"translate.google.com", "translate.google.co.uk"}
    quote_hosts = {h for h, t in speech if t.startswith("Our position is as transparent")}
    assert quote_hosts == {"translate.google.co.uk"}
    assert len(log.requests) == sent + 1  # the rebuild sent only its probe, no speech request


def test_every_request_failing_exits_non_zero_with_one_line(reference_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proxy = f"http://127.0.0.1:{free_port()}"  # nothing listens: every request fails
    result = run_cli(
        ["build", str(reference_path), "-o", str(out), "--engine", "gtts"], proxy, tmp_path / "c"
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert (
        len(lines) == 1
        and lines[0].startswith("Error: Google is not reachable (")
        and "--engine piper" in lines[0]
    )
    assert not out.exists() or not list(out.glob("*.mp3"))
