"""All-or-nothing output files, the manifest's shape, and file-safe names."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_edition.errors import InputError
from audio_edition.publish.slug import slugify
from audio_edition.publish.staging import Staging


def test_staged_files_appear_only_on_commit(tmp_path: Path) -> None:
    with Staging(tmp_path) as stage:
        stage.path("a.mp3").write_bytes(b"audio")
        stage.path("a.json").write_text("{}")
        assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == []
        done = stage.commit()
    assert [p.name for p in done] == ["a.mp3", "a.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "a.mp3"]


def test_a_failure_before_commit_leaves_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.mp3").write_bytes(b"old episode")
    with pytest.raises(RuntimeError), Staging(tmp_path) as stage:
        stage.path("a.mp3").write_bytes(b"half")
        raise RuntimeError("encoder died")
    assert [p.name for p in tmp_path.iterdir()] == ["a.mp3"]
    assert (tmp_path / "a.mp3").read_bytes() == b"old episode"


def test_names_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    with Staging(tmp_path) as stage, pytest.raises(InputError, match="outside"):
        stage.path("../evil.mp3")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("peace-talks-istanbul", "peace-talks-istanbul"),
        ("Café Owners in Zürich", "cafe-owners-in-zurich"),
        ("../../etc/passwd", "etc-passwd"),
        ("“Quoted” — Title!", "quoted-title"),
        ("Київ", "episode"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_leftovers_of_killed_builds_are_swept_and_others_kept(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from audio_edition.publish.staging import FOREIGN_AGE_S, _owner, sweep_leftovers

    host, pid = _owner().split("-")
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    dead = int(gone.stdout)  # a process that has exited
    names = {
        "dead": f".a.mp3.{host}-{dead}-0badc0de.part",
        "live": f".b.mp3.{host}-{os.getppid()}-0badc0de.part",
        "mine": f".c.mp3.{host}-{pid}-0badc0de.part",
        "far-fresh": f".d.mp3.deadbeef-{dead}-0badc0de.part",
        "far-stale": f".e.epub.deadbeef-{dead}-0badc0de.old",
        "other": ".notes.txt",
    }
    for key, name in names.items():
        (tmp_path / name).mkdir() if key == "far-stale" else (tmp_path / name).write_text(key)
    stale = (tmp_path / names["far-stale"]).stat().st_mtime - FOREIGN_AGE_S - 60
    os.utime(tmp_path / names["far-stale"], (stale, stale))

    removed = {p.name for p in sweep_leftovers(tmp_path)}

    assert removed == {names["dead"], names["far-stale"]}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        names[k] for k in ("live", "mine", "far-fresh", "other")
    )
