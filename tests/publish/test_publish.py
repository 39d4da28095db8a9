"""All-or-nothing output files, the manifest's shape, and file-safe names."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

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


# Each format at 0, 59.9995, 3599.9995 and past the hour, as the writers have always put it: clock forms
# round to the millisecond (or whole second) first, halves to even; a timecount is Python's "%.3f".
CLOCKS = {
    "VTT": ["00:00:00.000", "00:01:00.000", "01:00:00.000", "01:00:00.000", "01:01:01.062", "100:00:00.250"],
    "SRT": ["00:00:00,000", "00:01:00,000", "01:00:00,000", "01:00:00,000", "01:01:01,062", "100:00:00,250"],
    "SMIL": ["0:00:00.000", "0:01:00.000", "1:00:00.000", "1:00:00.000", "1:01:01.062", "100:00:00.250"],
    "HMS": ["00:00:00", "00:01:00", "01:00:00", "01:00:00", "01:01:01", "100:00:00"],
    "SECONDS": ["0.000s", "59.999s", "3599.999s", "3600.000s", "3661.062s", "360000.250s"],
}
MOMENTS = [0, 59.9995, 3599.9995, 3600, 3661.0625, 360000.25]


@pytest.mark.parametrize("form", sorted(CLOCKS))
def test_one_clock_writes_every_format_as_before(form: str) -> None:
    from audio_edition.publish.clocks import Clock, clock

    assert [clock(s, Clock[form]) for s in MOMENTS] == CLOCKS[form]


def test_the_halves_round_as_they_always_have() -> None:
    from audio_edition.publish.clocks import Clock, clock

    assert [clock(s, Clock.HMS) for s in (0.5, 1.5, 2.5, 59.5)] == [
        "00:00:00",
        "00:00:02",
        "00:00:02",
        "00:01:00",
    ]
    assert [clock(s, Clock.VTT) for s in (0.0005, 0.0015, 59.4995)] == [
        "00:00:00.000",
        "00:00:00.002",
        "00:00:59.500",
    ]
    assert clock(0.0005, Clock.SECONDS) == "0.001s"


def test_every_output_writes_its_time_stamps_with_the_one_clock(everything: dict[str, Any]) -> None:
    from audio_edition.publish.clocks import Clock, clock

    out, slug = everything["out"], everything["slug"]
    starts = [s["start"] for s in everything["manifest"]["segments"]]
    vtt = (out / f"{slug}.vtt").read_text(encoding="utf-8")
    srt = (out / f"{slug}.srt").read_text(encoding="utf-8")
    vtt_starts = set(re.findall(r"^(\S+) --> ", vtt, re.MULTILINE))
    srt_starts = set(re.findall(r"^(\S+) --> ", srt, re.MULTILINE))
    assert {clock(s, Clock.VTT) for s in starts} <= vtt_starts
    assert {clock(s, Clock.SRT) for s in starts} <= srt_starts
    with zipfile.ZipFile(out / f"{slug}.epub") as book:
        smil = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".smil"))
    overlay = re.findall(r'clipBegin="([^"]+)"', smil)
    assert overlay and set(overlay) <= {clock(s, Clock.SMIL) for s in starts}
    daisy = "".join(p.read_text(encoding="utf-8") for p in (out / f"{slug}.daisy").glob("chapter*.smil"))
    clips = re.findall(r'clip-begin="npt=([^"]+)"', daisy)
    assert clips and set(clips) <= {clock(s, Clock.SECONDS) for s in starts}
    ncc = (out / f"{slug}.daisy" / "ncc.html").read_text(encoding="utf-8")
    total = re.search(r'name="ncc:totalTime" content="([^"]+)"', ncc)
    assert total and re.fullmatch(r"\d\d:\d\d:\d\d", total.group(1))
