"""A build owns its whole set of `S.*` files and commits it as one: the manifest names every file with
its size and SHA-256 and is renamed last; only sets that match it are trusted; leftovers are swept
once per run."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from audio_edition.cli import cli
from audio_edition.defaults import DEFAULT_FORMATS
from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.publish import staging
from audio_edition.publish.feed import Show, write_feed
from audio_edition.publish.formats import FORMAT_NAMES
from audio_edition.publish.outputs import up_to_date
from audio_edition.voices import FakeEngine
from tests.conftest import ARTICLES, write

SLUG = "harbour-ferry-strike"
ARTICLE = ARTICLES / f"{SLUG}.txt"
STAMP = "stamp-of-the-article-and-options"
SUFFIXES = (
    ".mp3",
    ".json",
    ".qa.json",
    ".vtt",
    ".srt",
    ".chapters.json",
    ".epub",
    ".daisy",
    ".html",
    ".player.js",
)


def owned_names(slug: str) -> set[str]:
    """The names a build of `slug` owns, as docs/formats.md lists them."""
    return {slug + suffix for suffix in SUFFIXES}


# Files that are not ours though they look alike: never touched by a build of SLUG.
FOREIGN = (f"{SLUG}-2.mp3", f"{SLUG}.notes.txt", f"{SLUG}-extra.epub", f"{SLUG}x.json", "harbour.vtt")


def build(article: Path, out: Path, formats: tuple[str, ...]) -> None:
    """A fake-engine build with a fingerprint, given beside the options (the tests' private cache
    makes rebuilds quick)."""
    produce(article, Options(engine="fake", out_dir=out, formats=formats), fingerprint=STAMP)


def on_disk(out: Path) -> dict[str, bytes]:
    """Every file under `out` by relative path (folders walked), hidden staging files included."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def manifest_of(out: Path, slug: str = SLUG) -> dict[str, Any]:
    return json.loads((out / f"{slug}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def feed_titles(out: Path) -> list[str]:
    root = ET.parse(write_feed(out, Show(base_url="https://example.org/a/"))).getroot()
    return sorted(item.findtext("title", "") for item in root.iter("item"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """SLUG with every format and `glacier-retreat-survey` with the defaults, in one folder."""
    out = tmp_path_factory.mktemp("sets") / "out"
    build(ARTICLE, out, FORMAT_NAMES)
    build(ARTICLES / "glacier-retreat-survey.md", out, DEFAULT_FORMATS)
    return out


@pytest.fixture
def out(built: Path, tmp_path: Path) -> Path:
    """A private copy of the built folder."""
    return Path(shutil.copytree(built, tmp_path / "out"))


def test_the_manifest_names_every_file_of_the_set_with_its_size_and_hash(out: Path) -> None:
    manifest = manifest_of(out)
    files = {name for name in on_disk(out) if name.split("/")[0] in owned_names(SLUG)}
    daisy = {name for name in files if name.startswith(f"{SLUG}.daisy/")}
    assert {f"{SLUG}.daisy/ncc.html", f"{SLUG}.daisy/master.smil", f"{SLUG}.daisy/{SLUG}.mp3"} <= daisy
    assert {top.split("/")[0] for top in files} == owned_names(SLUG)  # every format of the table made
    assert sorted(e["name"] for e in manifest["files"]) == sorted(files - {f"{SLUG}.json"})
    for entry in manifest["files"]:
        data = (out / entry["name"]).read_bytes()
        assert entry["size"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert manifest["format_version"] == 1 and manifest["fingerprint"] == STAMP and manifest["segments"]
    assert up_to_date(out, SLUG, STAMP, FORMAT_NAMES)
    assert not up_to_date(out, SLUG, STAMP, DEFAULT_FORMATS)  # a set of other formats is not current


def test_a_rebuild_with_fewer_formats_leaves_exactly_the_new_set(
    out: Path, tmp_path: Path, fake_engine: FakeEngine
) -> None:
    for name in FOREIGN:
        (out / name).write_text(f"not ours: {name}", encoding="utf-8")
    (out / f"{SLUG}.daisy" / "notes.txt").write_text("inside our folder", encoding="utf-8")
    glacier = {k: v for k, v in on_disk(out).items() if k.startswith("glacier-retreat-survey.")}

    build(ARTICLE, out, DEFAULT_FORMATS)

    names = set(on_disk(out))
    ours = {f"{SLUG}{s}" for s in (".mp3", ".json", ".qa.json", ".vtt", ".srt", ".chapters.json")}
    assert {n for n in names if n.split("/")[0] in owned_names(SLUG)} == ours
    assert {e["name"] for e in manifest_of(out)["files"]} == ours - {f"{SLUG}.json"}
    for name in FOREIGN:  # files that only look like ours, and the other slug's set, are untouched
        assert (out / name).read_text(encoding="utf-8") == f"not ours: {name}"
    assert {k: v for k, v in on_disk(out).items() if k.startswith("glacier-retreat-survey.")} == glacier
    assert not [n for n in names if n.startswith(".")]  # nothing staged or moved aside is left
    assert up_to_date(out, SLUG, STAMP, DEFAULT_FORMATS)

    build(ARTICLE, out, ("epub",))
    assert {n for n in on_disk(out) if n.split("/")[0] in owned_names(SLUG)} == {
        f"{SLUG}{s}" for s in (".mp3", ".json", ".qa.json", ".epub")
    }


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x55
    path.write_bytes(bytes(data))


def _name_outside(out: Path) -> None:
    """Add to the manifest a real file beside the output folder, with its true size and hash."""
    (out.parent / "x").write_bytes(b"elsewhere")
    entry = {"name": "../x", "size": 9, "sha256": hashlib.sha256(b"elsewhere").hexdigest()}
    manifest = manifest_of(out)
    (out / f"{SLUG}.json").write_text(json.dumps({**manifest, "files": [*manifest["files"], entry]}))


TAMPERS = {
    "mp3 changed, same size": lambda out: _flip_a_byte(out / f"{SLUG}.mp3"),
    "vtt truncated": lambda out: (out / f"{SLUG}.vtt").write_text("WEBVTT\n"),
    "a DAISY file gone": lambda out: (out / f"{SLUG}.daisy" / "ncc.html").unlink(),
    "the EPUB gone": lambda out: (out / f"{SLUG}.epub").unlink(),
    "manifest of an older version (no files)": lambda out: (out / f"{SLUG}.json").write_text(
        json.dumps({k: v for k, v in manifest_of(out).items() if k != "files"})
    ),
    "manifest naming a file outside the set": lambda out: _name_outside(out),
    "manifest unreadable": lambda out: (out / f"{SLUG}.json").write_text("{"),
    "manifest gone (a commit cut short)": lambda out: (out / f"{SLUG}.json").unlink(),
}


@pytest.mark.parametrize("tamper", TAMPERS.values(), ids=TAMPERS.keys())
def test_a_set_that_does_not_match_its_manifest_is_neither_current_nor_in_the_feed(
    out: Path, tamper: Any, tmp_path: Path, fake_engine: FakeEngine
) -> None:
    both = feed_titles(out)
    assert len(both) == 2 and up_to_date(out, SLUG, STAMP, FORMAT_NAMES)
    tamper(out)
    assert not up_to_date(out, SLUG, STAMP, FORMAT_NAMES)
    assert feed_titles(out) == [t for t in both if t.startswith("Survey")]  # only the whole episode

    build(ARTICLE, out, FORMAT_NAMES)  # the next build repairs it
    assert up_to_date(out, SLUG, STAMP, FORMAT_NAMES) and feed_titles(out) == both


def test_a_commit_that_fails_midway_leaves_no_manifest_and_the_next_build_repairs_it(
    out: Path, tmp_path: Path, fake_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace
    moved: list[str] = []

    def fail_on_second(src: Any, dst: Any) -> None:
        if Path(dst).parent == out:  # a rename into the output folder
            if moved:
                raise OSError("the disk went away")
            moved.append(Path(dst).name)
        real(src, dst)

    monkeypatch.setattr(os, "replace", fail_on_second)
    article = write(tmp_path, f"{SLUG}.txt", ARTICLE.read_text(encoding="utf-8").replace("night", "late"))
    with pytest.raises(OSError, match="went away"):
        build(article, out, FORMAT_NAMES)
    assert moved == [f"{SLUG}.mp3"] and not (out / f"{SLUG}.json").exists()
    assert not up_to_date(out, SLUG, STAMP, FORMAT_NAMES)
    assert not [n for n in on_disk(out) if n.startswith(".")]  # the staged rest was removed
    monkeypatch.undo()

    build(article, out, FORMAT_NAMES)
    assert up_to_date(out, SLUG, STAMP, FORMAT_NAMES)


def test_leftovers_are_swept_once_per_run_not_once_per_build(
    tmp_path: Path, fake_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    host = staging._owner().split("-")[0]
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    dead = int(gone.stdout)  # a process that has exited: its leftovers may go
    listings: list[str] = []
    for name in ("listdir", "scandir"):
        real = getattr(os, name)

        def counted(path: Any = ".", _real: Any = real, _name: str = name) -> Any:
            if isinstance(path, str | os.PathLike) and Path(path).resolve() == out.resolve():
                listings.append(_name)
            return _real(path)

        monkeypatch.setattr(os, name, counted)
    (out / f".old.mp3.{host}-{dead}-0badc0de.part").write_text("left by a killed build")
    articles = [
        write(tmp_path, f"story-{k}.txt", f"Story {k} Is Here\n\nA first sentence of story {k}.\n")
        for k in range(4)
    ]
    opts = Options(engine="fake", out_dir=out, use_cache=False)

    old, late = out / f".old.mp3.{host}-{dead}-0badc0de.part", out / f".late.mp3.{host}-{dead}-0badc0de.part"

    produce(articles[0], opts)
    assert len(listings) == 1 and not old.exists()  # swept at the first build
    late.write_text("appeared during the run")
    produce(articles[1], opts)
    produce(articles[2], dataclasses.replace(opts, formats=FORMAT_NAMES))
    assert len(listings) == 1 and late.exists()  # not swept again in this run
    assert all((out / f"story-{k}.mp3").exists() for k in range(3))

    monkeypatch.setattr(
        staging, "RESWEEP_S", 0.0, raising=False
    )  # a long-lived process sweeps again, now and then
    produce(articles[3], opts)
    assert len(listings) == 2 and not late.exists()


def test_a_feed_of_only_unmatched_sets_says_why_and_what_to_do(out: Path) -> None:
    for slug in (SLUG, "glacier-retreat-survey"):  # as an older version wrote them: no `files`
        manifest = {k: v for k, v in manifest_of(out, slug).items() if k != "files"}
        (out / f"{slug}.json").write_text(json.dumps(manifest), encoding="utf-8")
    result = CliRunner().invoke(cli, ["feed", str(out), "--base-url", "https://example.org/a/"])
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert "2 do not match their manifest" in result.output and "build them again" in result.output
    assert not (out / "feed.xml").exists()


def test_a_half_written_set_is_removed_whole_and_nothing_else(tmp_path: Path) -> None:
    """What a batch does for the articles its stopped processes were committing: a slug's files that
    no manifest vouches for go; look-alikes and other slugs stay."""
    from audio_edition.publish.outputs import discard_unverified

    for name in ("s.mp3", "s.vtt", "s-2.mp3", "s.notes.txt", "t.mp3"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "s.daisy").mkdir()
    (tmp_path / "s.daisy" / "ncc.html").write_text("<html/>", encoding="utf-8")
    assert discard_unverified(tmp_path, "s") == ["s.daisy", "s.mp3", "s.vtt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s-2.mp3", "s.notes.txt", "t.mp3"]
