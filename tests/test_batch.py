"""Batch builds: every article in a folder, in parallel processes, incremental, failures contained."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.batch import find_articles, slugs
from audio_edition.cli import cli
from tests.conftest import ARTICLES


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A folder of articles: three samples, one in a subfolder, one name used twice."""
    root = tmp_path / "newsroom"
    (root / "sport").mkdir(parents=True)
    shutil.copy(ARTICLES / "night-train-returns-cp1252.txt", root)
    shutil.copy(ARTICLES / "library-late-fees-utf16.txt", root)
    shutil.copy(ARTICLES / "reservoir-levels.html", root / "sport" / "night-train-returns-cp1252.html")
    (root / ".draft.txt").write_text("Hidden draft.\n")
    (root / "notes.pdf").write_bytes(b"%PDF")
    return root


def batch(root: Path, out: Path, *extra: str) -> object:
    return CliRunner().invoke(
        cli,
        [
            "batch",
            str(root),
            "-o",
            str(out),
            "--engine",
            "fake",
            "--cache-dir",
            str(out.parent / "c"),
            *extra,
        ],
    )


def test_finds_articles_recursively_and_names_them_apart(newsroom: Path) -> None:
    paths = find_articles(newsroom, newsroom / "out")
    assert [p.relative_to(newsroom).as_posix() for p in paths] == [
        "library-late-fees-utf16.txt",
        "night-train-returns-cp1252.txt",
        "sport/night-train-returns-cp1252.html",
    ]
    assert slugs(paths, newsroom) == [
        "library-late-fees-utf16",
        "night-train-returns-cp1252",
        "sport-night-train-returns-cp1252",
    ]


def test_builds_all_then_skips_all_then_rebuilds_only_the_edit(newsroom: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = batch(newsroom, out, "--workers", "2", "--base-url", "https://example.org/audio")
    assert first.exit_code == 0, first.output  # type: ignore[attr-defined]
    assert "built                 3" in first.output  # type: ignore[attr-defined]
    items = ET.parse(out / "feed.xml").getroot().findall("channel/item")
    assert len(items) == 3
    second = batch(newsroom, out)
    assert "skipped (up to date)  3" in second.output and "built                 0" in second.output  # type: ignore[attr-defined]
    article = newsroom / "night-train-returns-cp1252.txt"
    article.write_bytes(article.read_bytes().replace(b"next month", b"next week"))
    third = batch(newsroom, out)
    assert "built                 1" in third.output and "skipped (up to date)  2" in third.output  # type: ignore[attr-defined]
    manifest = json.loads((out / "night-train-returns-cp1252.json").read_text(encoding="utf-8"))
    assert any("next week" in s["text"] for s in manifest["segments"])


def test_changed_options_rebuild(newsroom: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch(newsroom, out)
    again = batch(newsroom, out, "--loudness", "-18")
    assert "built                 3" in again.output  # type: ignore[attr-defined]


def test_one_bad_article_is_reported_and_the_rest_are_built(newsroom: Path, tmp_path: Path) -> None:
    (newsroom / "broken.txt").write_bytes(bytes(range(256)) * 64)
    out = tmp_path / "out"
    result = batch(newsroom, out)
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "failed                1" in result.output  # type: ignore[attr-defined]
    assert "broken.txt" in result.output and "binary file" in result.output  # type: ignore[attr-defined]
    assert result.output.rstrip().endswith("Error: 1 of 4 articles failed (listed above)")  # type: ignore[attr-defined]
    assert len(list(out.glob("*.mp3"))) == 3


@pytest.mark.parametrize(("make", "message"), [("missing", "does not exist"), ("empty", "no articles")])
def test_unusable_folders_exit_2(tmp_path: Path, make: str, message: str) -> None:
    folder = tmp_path / make
    if make == "empty":
        folder.mkdir()
    result = batch(folder, tmp_path / "out")
    assert result.exit_code == 2 and message in result.output  # type: ignore[attr-defined]


@pytest.fixture
def dask_cluster(tmp_path: Path) -> Iterator[str]:
    """A real `dask scheduler` and `dask worker` on localhost; yields the scheduler's address."""
    pytest.importorskip("distributed")
    dask = shutil.which("dask") or str(Path(sys.executable).parent / "dask")
    info = tmp_path / "scheduler.json"
    common = {"cwd": str(tmp_path), "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen(
        [
            dask,
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--no-dashboard",
            "--scheduler-file",
            str(info),
        ],
        **common,  # type: ignore[arg-type]
    )
    worker = None
    try:
        for _ in range(100):
            if info.exists() and info.read_text().strip():
                break
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        worker = subprocess.Popen(
            [dask, "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
            **common,  # type: ignore[arg-type]
        )
        yield address
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.terminate()
                process.wait(timeout=20)


def test_batch_on_an_external_dask_cluster(tmp_path: Path, dask_cluster: str) -> None:
    """Every sample article, and the reference one when it is there, on a running Dask cluster."""
    from tests.conftest import REFERENCE

    folder = tmp_path / "all"
    shutil.copytree(ARTICLES, folder, ignore=shutil.ignore_patterns("media"))
    if REFERENCE.exists():
        shutil.copy(REFERENCE, folder)
    count = len(find_articles(folder, tmp_path / "out"))
    out = tmp_path / "out"
    result = batch(folder, out, "--scheduler", dask_cluster, "--base-url", "https://example.org/audio")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert f"built                 {count}" in result.output  # type: ignore[attr-defined]
    assert len(ET.parse(out / "feed.xml").getroot().findall("channel/item")) == count
    again = batch(folder, out, "--scheduler", dask_cluster)
    assert f"skipped (up to date)  {count}" in again.output  # type: ignore[attr-defined]


def test_an_unreachable_scheduler_is_a_clear_error(newsroom: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    result = batch(newsroom, tmp_path / "out", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2 and "cannot reach the Dask scheduler" in result.output  # type: ignore[attr-defined]


def test_processes_and_dask_together_are_refused(newsroom: Path, tmp_path: Path) -> None:
    result = batch(newsroom, tmp_path / "out", "--processes", "2", "--workers", "2")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert result.output.strip().splitlines()[-1] == (  # type: ignore[attr-defined]
        "Error: --processes is for local processes: leave it out with --workers or --scheduler"
    )
    assert not (tmp_path / "out").exists()
