"""A build killed (SIGKILL) between the renames of its commit leaves a mixed set: the feed leaves it
out, the batch does not count it as current, and the next batch rebuilds it whole."""

from __future__ import annotations

import hashlib
import json
import re
import signal
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from audio_edition.fingerprint import fingerprint
from audio_edition.options import Options
from audio_edition.publish.feed import Show, write_feed
from audio_edition.publish.formats import parse_formats
from audio_edition.publish.outputs import up_to_date
from tests.faults.launch import harness_command, run, start

FORMATS = "vtt,epub"
ARTICLE = """The Lighthouse Keepers' Reunion

By Mira Okafor

Twelve former keepers met on the island on Saturday, the first reunion since the light was automated.

"We kept the lamp lit through forty winters," said Tomas Reyes, the oldest of them.

## What happens next

The trust that owns the tower plans a small museum in the keepers' cottage.
"""


def batch(marker: Path, folder: Path, out: Path, cache: Path) -> list[str]:
    args = ["batch", str(folder), "-o", str(out), "--engine", "fake", "--cache-dir", str(cache)]
    return harness_command("commit" if marker.name == "kill" else "none", marker, *args, "--formats", FORMATS)


def matching_files(out: Path, slug: str) -> set[str]:
    """The files `slug`'s manifest names, each checked on disk against its size and SHA-256."""
    manifest = json.loads((out / f"{slug}.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        data = (out / entry["name"]).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["size"], entry["sha256"]), entry
    return {entry["name"] for entry in manifest["files"]}


def feed_slugs(out: Path) -> list[str]:
    root = ET.parse(write_feed(out, Show(base_url="https://example.org/a/"))).getroot()
    return sorted(str(e.get("url")).rsplit("/", 1)[1] for e in root.iter("enclosure"))


def current(out: Path, folder: Path, slug: str) -> bool:
    """What `batch` decides for the article: up to date, or to be built."""
    options = Options(
        engine="fake", out_dir=out, cache_dir=out.parent / "cache", formats=parse_formats(FORMATS)
    )
    return up_to_date(out, slug, fingerprint(folder / f"{slug}.txt", options), options.formats)


def test_a_build_killed_between_renames_is_left_out_and_rebuilt_whole(tmp_path: Path) -> None:
    folder, out, cache = tmp_path / "articles", tmp_path / "out", tmp_path / "cache"
    folder.mkdir()
    (folder / "lighthouse.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "harbour.txt").write_text(ARTICLE.replace("Lighthouse", "Harbour"), encoding="utf-8")
    first = run(batch(tmp_path / "marker", folder, out, cache))
    assert first.returncode == 0, first.stderr
    assert feed_slugs(out) == ["harbour.mp3", "lighthouse.mp3"] and current(out, folder, "lighthouse")
    old_mp3 = (out / "lighthouse.mp3").read_bytes()

    # the article changes; its rebuild is killed after the first rename of its commit
    (folder / "lighthouse.txt").write_text(ARTICLE.replace("Twelve", "Thirteen"), encoding="utf-8")
    marker = tmp_path / "kill"
    proc = start(batch(marker, folder, out, cache))
    deadline = time.monotonic() + 90
    while not marker.exists():
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, "the build never reached its commit"
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    names = {p.name for p in out.iterdir()}
    assert (out / "lighthouse.mp3").read_bytes() != old_mp3  # the new MP3 is in place...
    assert {"lighthouse.qa.json", "lighthouse.vtt", "lighthouse.epub"} <= names  # ...beside old files
    assert "lighthouse.json" not in names  # and no manifest vouches for the mix
    assert [n for n in names if n.startswith(".lighthouse")]  # the killed commit's staged rest
    assert feed_slugs(out) == ["harbour.mp3"]  # the feed leaves the mixed set out
    assert not current(out, folder, "lighthouse") and current(out, folder, "harbour")

    rerun = run(batch(tmp_path / "marker", folder, out, cache))
    assert rerun.returncode == 0, rerun.stderr
    assert re.search(r"built\s+1\b", rerun.stdout) and re.search(
        r"skipped \(up to date\)\s+1\b", rerun.stdout
    )
    assert current(out, folder, "lighthouse")
    files = {p.name for p in out.iterdir() if p.name.startswith("lighthouse.")}
    assert files == {f"lighthouse.{s}" for s in ("mp3", "json", "qa.json", "vtt", "epub")}
    assert matching_files(out, "lighthouse") == files - {"lighthouse.json"}
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # the leftovers were swept
    assert feed_slugs(out) == ["harbour.mp3", "lighthouse.mp3"]
