"""A build killed during synthesis, mastering or export (SIGINT, SIGTERM, SIGKILL) leaves no
output files and no temporary files behind; the rerun resumes from the cached segments and makes
exactly what an uninterrupted build makes."""

from __future__ import annotations

import io
import json
import re
import signal
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from tests.faults.launch import harness_command, start

ARTICLE = """The Lighthouse Keepers' Reunion

By Mira Okafor

Twelve former keepers met on the island on Saturday, the first reunion since the light was automated.

"We kept the lamp lit through forty winters," said Tomas Reyes, the oldest of them.

The group walked the cliff path and signed the visitors' book in the tower.

## What happens next

The trust that owns the tower plans a small museum in the keepers' cottage.

Volunteers will start clearing the garden in the spring, the trust said.
"""
FINAL = ("lighthouse.mp3", "lighthouse.json", "lighthouse.qa.json", "lighthouse.vtt", "lighthouse.epub")


def run(stage: str, marker: Path, out: Path, cache: Path, article: Path) -> subprocess.Popen[str]:
    args = ["build", str(article), "-o", str(out), "--engine", "fake", "--cache-dir", str(cache)]
    return start(harness_command(stage, marker, *args, "--formats", "vtt,epub"))


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The files an uninterrupted build makes."""
    work = tmp_path_factory.mktemp("clean")
    article = work / "lighthouse.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    proc = run("none", work / "marker", work / "out", work / "cache", article)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    files = {p.name: p.read_bytes() for p in (work / "out").iterdir()}
    files["engine calls"] = (work / "marker.calls").read_bytes()
    return files


@pytest.mark.parametrize("stage", ["synthesis", "mastering", "export"])
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["INT", "TERM", "KILL"])
def test_a_killed_build_leaves_nothing_and_the_rerun_resumes(
    tmp_path: Path, clean: dict[str, bytes], stage: str, how: signal.Signals
) -> None:
    article = tmp_path / "lighthouse.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out, cache, marker = tmp_path / "out", tmp_path / "cache", tmp_path / "marker"
    proc = run(stage, marker, out, cache, article)
    deadline = time.monotonic() + 90
    while not marker.exists():
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, "the build never reached its stage"
        time.sleep(0.02)
    proc.send_signal(how)
    _, err = proc.communicate(timeout=60)

    if how == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 130
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: interrupted: no output files were written")
        assert "Traceback" not in err
    left = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert not any(name in left for name in FINAL), left  # no output file, whole or partial
    if how != signal.SIGKILL:
        assert left == [], left  # and no temporary file either
    cached = len(list(cache.glob("segments/*/*.clip")))
    assert cached >= (3 if stage == "synthesis" else len(clean["engine calls"].splitlines()))

    marker.unlink()
    (tmp_path / "marker.calls").unlink()
    rerun = run("none", marker, out, cache, article)
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    calls = tmp_path / "marker.calls"
    spoken_again = calls.read_text(encoding="utf-8").splitlines() if calls.exists() else []
    # the rerun speaks only what the killed build had not cached
    assert len(spoken_again) == len(clean["engine calls"].splitlines()) - cached
    made = {p.name: p.read_bytes() for p in out.iterdir()}
    made["engine calls"] = clean["engine calls"]
    assert sorted(made) == sorted(clean)  # the killed build's leftovers were swept
    assert made["lighthouse.mp3"] == clean["lighthouse.mp3"]
    assert _epub(made) == _epub(clean)
    ours, theirs = json.loads(made["lighthouse.json"]), json.loads(clean["lighthouse.json"])
    for field in ("built", "source"):  # when it was built and from which folder: all else is equal
        ours.pop(field, None), theirs.pop(field, None)
    assert ours == theirs


def _epub(files: dict[str, bytes]) -> dict[str, bytes]:
    """The EPUB's members, its build time (dcterms:modified, which EPUB requires) blanked."""
    with zipfile.ZipFile(io.BytesIO(files["lighthouse.epub"])) as book:
        members = {name: book.read(name) for name in book.namelist()}
    return {n: re.sub(rb"(dcterms:modified\">)[^<]*", rb"\1", data) for n, data in members.items()}


def test_an_interrupted_batch_keeps_finished_articles_whole_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for k in range(4):
        (folder / f"story-{k}.txt").write_text(ARTICLE.replace("Twelve", f"Story {k}: twelve"), "utf-8")
    out, cache, marker = tmp_path / "out", tmp_path / "cache", tmp_path / "marker"
    args = ["batch", str(folder), "-o", str(out), "--engine", "fake", "--cache-dir", str(cache)]

    proc = start(harness_command("none", marker, *args))
    deadline = time.monotonic() + 90
    while not (out / "story-0.json").exists():
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()[1]
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip().splitlines() == [
        "Error: interrupted: articles finished before it are complete, the one in progress was not "
        "written; the same command resumes, skipping what is done"
    ]
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.startswith(".")]  # no temporary file
    finished = {n.split(".")[0] for n in names}
    assert 1 <= len(finished) < 4
    for slug in finished:  # each finished article is whole
        assert {f"{slug}.mp3", f"{slug}.json", f"{slug}.qa.json"} <= set(names)

    rerun = start(harness_command("none", marker, *args))
    report, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert re.search(rf"skipped \(up to date\)\s+{len(finished)}\b", report), report
    assert re.search(rf"built\s+{4 - len(finished)}\b", report), report
