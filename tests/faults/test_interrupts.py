"""A build killed during synthesis, mastering or export (SIGINT, SIGTERM, SIGKILL) leaves no
output files and no temporary files behind; the rerun resumes from the cached segments and makes
exactly what an uninterrupted build makes."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from mutagen.mp3 import MP3

from tests.conftest import ROOT
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
    for entry in ours.get("files", []) + theirs.get("files", []):
        if entry["name"].endswith(".epub"):  # it holds its build time (compared above without it)
            entry.pop("sha256", None), entry.pop("size", None)
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
        "Error: interrupted: articles finished before it are complete, those in progress were not "
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


TREES = ("alder", "birch", "cedar", "dogwood", "elm", "fir")
BATCH_INTERRUPTED = (
    "Error: interrupted: articles finished before it are complete, those in progress were not "
    "written; the same command resumes, skipping what is done"
)


def _tree_article(tree: str) -> str:
    """An article every sentence of which names `tree`, so each engine call tells whose it is."""
    name = tree.capitalize()
    lines = [f"The {name} Street Reunion", "", "By Mira Okafor", ""]
    for n, what in enumerate(("met", "walked", "sang", "ate", "left", "wrote")):
        lines += [f"The keepers of {name} Street {what} together, the {name} trust said of day {n}.", ""]
    return "\n".join(lines)


def _slow_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *runner: str) -> subprocess.Popen[str]:
    """`audio-edition batch` over six articles in a child process of its own process group."""
    folder = tmp_path / "articles"
    if not folder.exists():
        folder.mkdir()
        for tree in TREES:
            (folder / f"{tree}.txt").write_text(_tree_article(tree), encoding="utf-8")
    monkeypatch.setenv("AUDIO_EDITION_TEST_CALLS", str(tmp_path / "calls"))
    out, cache = tmp_path / "out", tmp_path / "cache"
    args = ["batch", str(folder), "-o", str(out), "--engine", "fake", "--cache-dir", str(cache), *runner]
    return subprocess.Popen(
        [sys.executable, "-m", "tests.faults.batch_harness", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,  # its own process group, as a terminal gives a command
    )


def _started(calls: Path) -> set[str]:
    """The articles the engine has been asked to speak for."""
    text = calls.read_text(encoding="utf-8").lower() if calls.exists() else ""
    return {tree for tree in TREES if f"{tree} street" in text}


def _interrupt_after_the_first_article(
    proc: subprocess.Popen[str], out: Path, how: int, group: bool
) -> tuple[str, float]:
    """Wait for the first finished manifest, send `how` (to every process of the command, as
    Ctrl-C on a terminal does, when `group`); stderr and the seconds it took to exit."""
    deadline = time.monotonic() + 120
    while not any((out / f"{tree}.json").exists() for tree in TREES):
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, "no article finished"
        time.sleep(0.02)
    signalled = time.monotonic()
    if group:
        os.killpg(proc.pid, how)
    else:
        proc.send_signal(how)
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        _end_group(proc)
    return err, time.monotonic() - signalled


def _end_group(proc: subprocess.Popen[str]) -> None:
    """Kill whatever is left of the command's process group (nothing, when it stopped as it should)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _check_stopped_batch(tmp_path: Path, err: str, took: float, seconds: float, in_progress: int) -> set[str]:
    """Exit 130 within `seconds` with the batch message; finished articles whole, nothing of the
    others; at most `in_progress` articles begun besides the finished ones. Returns the finished."""
    out, calls = tmp_path / "out", tmp_path / "calls"
    assert err.strip().splitlines() == [BATCH_INTERRUPTED], err
    assert took < seconds, f"the batch took {took:.1f} s to stop"
    names = sorted(p.name for p in out.iterdir())
    finished = {n.removesuffix(".json") for n in names if n.endswith(".json") and n.count(".") == 1}
    assert 1 <= len(finished) < len(TREES)
    for slug in finished:  # each finished article is whole: its audio as long as its manifest says
        parts = (".mp3", ".qa.json", ".vtt", ".srt", ".chapters.json")
        assert {slug + part for part in parts} <= set(names)
        duration = json.loads((out / f"{slug}.json").read_text(encoding="utf-8"))["duration"]
        assert abs(MP3(out / f"{slug}.mp3").info.length - duration) < 0.1
    visible = [n for n in names if not n.startswith(".")]  # killed workers' staging files may stay
    assert all(n.split(".")[0] in finished for n in visible), visible
    begun = _started(calls)
    assert len(begun - finished) <= in_progress, (begun, finished)  # no queued article was begun
    spoken = calls.read_bytes()
    time.sleep(0.5)
    assert calls.read_bytes() == spoken  # and no worker goes on speaking after the exit
    return finished


def _rerun_builds_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, finished: set[str]) -> None:
    monkeypatch.setenv("AUDIO_EDITION_TEST_DELAY", "0")
    (tmp_path / "calls").unlink()
    rerun = _slow_batch(tmp_path, monkeypatch, "--processes", "1")  # no processes to start: quicker
    report, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert re.search(rf"skipped \(up to date\)\s+{len(finished)}\b", report), report
    assert re.search(rf"built\s+{len(TREES) - len(finished)}\b", report), report
    assert not _started(tmp_path / "calls") & finished  # the finished ones are not spoken again
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert not [n for n in names if n.startswith(".")], names  # the killed workers' leftovers are swept
    assert {f"{tree}.mp3" for tree in TREES} <= set(names)


@pytest.mark.parametrize(
    ("how", "group"), [(signal.SIGINT, True), (signal.SIGTERM, False)], ids=["ctrl-c", "TERM"]
)
def test_a_batch_on_two_processes_stops_at_once_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: signal.Signals, group: bool
) -> None:
    """Ctrl-C reaches every process of the command; SIGTERM (kill, a cron timeout) the batch's."""
    monkeypatch.setenv("AUDIO_EDITION_TEST_DELAY", "0.2")
    proc = _slow_batch(tmp_path, monkeypatch, "--processes", "2")
    err, took = _interrupt_after_the_first_article(proc, tmp_path / "out", how, group)
    assert proc.returncode == 130, err
    finished = _check_stopped_batch(tmp_path, err, took, seconds=5.0, in_progress=2)
    if how == signal.SIGINT:  # the rerun is the same after either (and takes a while)
        _rerun_builds_the_rest(tmp_path, monkeypatch, finished)


def test_a_batch_on_a_local_dask_cluster_stops_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setenv("AUDIO_EDITION_TEST_DELAY", "0.2")
    proc = _slow_batch(tmp_path, monkeypatch, "--workers", "2")
    err, took = _interrupt_after_the_first_article(proc, tmp_path / "out", signal.SIGINT, group=True)
    assert proc.returncode == 130, err
    _check_stopped_batch(tmp_path, err, took, seconds=8.0, in_progress=2)


def test_a_batch_process_that_dies_is_one_line_and_the_rerun_builds_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker process killed mid-article (as the OOM killer does) breaks the pool: the batch says
    so in one line, exit 1, with no traceback; finished articles stay whole and a rerun builds the rest."""
    monkeypatch.setenv("AUDIO_EDITION_TEST_DIE", "Cedar Street")
    proc = _slow_batch(tmp_path, monkeypatch, "--processes", "2")
    try:
        _, err = proc.communicate(timeout=120)
    finally:
        _end_group(proc)
    assert proc.returncode == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("Error: a batch process died while building"), err
    out = tmp_path / "out"
    assert not (out / "cedar.json").exists()
    monkeypatch.delenv("AUDIO_EDITION_TEST_DIE")
    rerun = _slow_batch(tmp_path, monkeypatch, "--processes", "1")
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert all((out / f"{tree}.json").exists() for tree in TREES)
