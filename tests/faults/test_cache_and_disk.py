"""Cache faults (damaged, truncated, foreign entries; two builds at once on one cache) and disk
faults (output folder unusable, disk full, cache unwritable)."""

from __future__ import annotations

import errno
import os
import pathlib
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.cli import cli
from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.voices.cache import SegmentCache
from audio_edition.voices.fake import FakeEngine
from tests.conftest import ARTICLES
from tests.faults.launch import harness_command, run, start

ARTICLE = ARTICLES / "glacier-retreat-survey.md"


def test_damaged_and_foreign_entries_are_made_again_reported_and_never_used(
    tmp_path: Path, fake_engine: FakeEngine
) -> None:
    cache = tmp_path / "cache"
    opts = Options(engine="fake", out_dir=tmp_path / "out", cache_dir=cache)
    first = produce(ARTICLE, opts)
    mp3 = first.files[0].read_bytes()
    clips = sorted(cache.glob("segments/*/*.clip"))
    (episode,) = cache.glob("episodes/*.episode")
    assert len(clips) >= 5
    clips[0].write_bytes(clips[0].read_bytes()[:100])  # truncated
    flipped = bytearray(clips[1].read_bytes())
    flipped[len(flipped) // 2] ^= 0x40
    clips[1].write_bytes(bytes(flipped))  # one bit changed
    shutil.copyfile(clips[3], clips[2])  # foreign: a valid entry filed under another key
    clips[4].write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(64))  # not ours at all
    episode.write_bytes(episode.read_bytes()[:-1])  # the mastered episode, one byte short
    calls = len(fake_engine.calls)

    second = produce(ARTICLE, opts)

    assert len(fake_engine.calls) - calls == 4  # exactly the four damaged segments spoken again
    assert "warning: 5 damaged cache entries were found and made again" in second.notes
    assert second.files[0].read_bytes() == mp3  # nothing damaged reached the episode
    third = produce(ARTICLE, opts)
    assert third.reused and not any("damaged" in n for n in third.notes)


def _build(article: Path, out: Path, cache: Path, marker: Path) -> subprocess.Popen[str]:
    args = ["build", str(article), "-o", str(out), "--engine", "fake", "--cache-dir", str(cache)]
    return start(harness_command("none", marker, *args))


def test_two_builds_at_once_on_one_cache_do_not_corrupt_it(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    # two articles sharing their spoken opening and closing: both write those entries at once
    jobs = [_build(ARTICLE, tmp_path / f"out{k}", cache, tmp_path / f"m{k}") for k in range(2)] + [
        _build(ARTICLES / "harbour-ferry-strike.txt", tmp_path / "out2", cache, tmp_path / "m2")
    ]
    for job in jobs:
        _, err = job.communicate(timeout=180)
        assert job.returncode == 0, err
    store = SegmentCache(cache)
    entries = list(cache.glob("segments/*/*.clip"))
    assert entries and all(store.get(p.stem) is not None for p in entries)
    assert not store.damaged and not list(cache.rglob(".*.part"))  # no temporary left behind
    again = _build(ARTICLE, tmp_path / "out3", cache, tmp_path / "m3")
    _, err = again.communicate(timeout=180)
    assert again.returncode == 0, err
    assert not (tmp_path / "m3.calls").exists()  # every segment came from the shared cache
    assert (tmp_path / "out0" / "glacier-retreat-survey.mp3").read_bytes() == (
        tmp_path / "out3" / "glacier-retreat-survey.mp3"
    ).read_bytes()


def _cli_build(tmp_path: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["build", str(ARTICLE), "--engine", "fake", "--cache-dir", str(tmp_path / "cache"), *extra]
    )
    return result.exit_code, result.output


def test_disk_full_while_writing_the_episode_fails_in_one_line_and_leaves_nothing(
    tmp_path: Path, fake_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    real = pathlib.Path.write_bytes

    def full(self: Path, data: bytes) -> int:  # type: ignore[override]
        if self.parent == out:
            real(self, data[: len(data) // 3])  # the device fills a third of the way in
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real(self, data)

    monkeypatch.setattr(pathlib.Path, "write_bytes", full)
    code, output = _cli_build(tmp_path, "-o", str(out))
    assert code == 1
    lines = output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: disk full while writing in {out}")
    assert "Traceback" not in output
    assert list(out.iterdir()) == []  # the partial file was removed


def test_a_full_disk_under_the_cache_only_turns_the_cache_off(
    tmp_path: Path, fake_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.fdopen

    def full(fd: int, *args: object, **kwargs: object) -> object:
        os.close(fd)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fdopen", full)
    built = produce(ARTICLE, Options(engine="fake", out_dir=tmp_path / "out", cache_dir=tmp_path / "cache"))
    monkeypatch.setattr(os, "fdopen", real)
    assert built.files[0].exists()
    assert any("not writable (No space left on device): building without it" in n for n in built.notes)
    assert not list((tmp_path / "cache").rglob(".*.part"))


def test_an_output_folder_that_cannot_be_written_fails_in_one_line(
    tmp_path: Path, fake_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "locked"
    out.mkdir()
    real = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == out and mode == os.W_OK else real(p, mode)
    )
    code, output = _cli_build(tmp_path, "-o", str(out))
    assert code == 2
    assert output.strip() == f"Error: output folder {out} is not writable: choose another -o folder"


def test_an_output_path_under_a_file_fails_in_one_line(tmp_path: Path, fake_engine: FakeEngine) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file")
    code, output = _cli_build(tmp_path, "-o", str(blocker / "out"))
    assert code == 2 and output.count("\n") == 1 and "is a file" in output


def _without_override(args: list[str], marker: Path) -> subprocess.CompletedProcess[str]:
    """Run a build where permissions hold: as root, without the capability to override them."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root without setpriv: permissions cannot be made to hold")
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    return run([*prefix, *harness_command("none", marker, *args)])


@pytest.mark.parametrize("where", ["folder", "parent"])
def test_an_output_folder_without_write_permission_fails_in_one_line(tmp_path: Path, where: str) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    out = locked if where == "folder" else locked / "out"
    locked.chmod(0o555)
    try:
        args = ["build", str(ARTICLE), "-o", str(out), "--engine", "fake", "--cache-dir", str(tmp_path / "c")]
        result = _without_override(args, tmp_path / "marker")
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2, result.stderr
    expected = "is not writable" if where == "folder" else "permission denied"
    assert result.stderr.count("\n") == 1 and expected in result.stderr, result.stderr
    assert list(locked.iterdir()) == []


def test_a_cache_folder_without_write_permission_builds_without_it(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o555)
    try:
        out = tmp_path / "out"
        args = ["build", str(ARTICLE), "-o", str(out), "--engine", "fake", "--cache-dir", str(cache)]
        result = _without_override(args, tmp_path / "marker")
    finally:
        cache.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert "not writable (Permission denied): building without it" in result.stderr
    assert (out / "glacier-retreat-survey.mp3").stat().st_size > 10_000
    assert list(cache.iterdir()) == []


def test_a_really_full_disk_fails_in_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    """The output folder is a 300 kB tmpfs (mounted in a private user and mount namespace), so
    the MP3 write itself runs out of space; what the folder holds afterwards is listed from inside."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare")
    out = tmp_path / "small"
    out.mkdir()
    args = ["build", str(ARTICLE), "-o", str(out), "--engine", "fake", "--cache-dir", str(tmp_path / "cache")]
    build = harness_command("none", tmp_path / "marker", *args)
    script = (
        f'mount -t tmpfs -o size=300k tmpfs "{out}" || exit 99; '
        f'{" ".join(build)}; code=$?; echo "left: $(ls -A "{out}" | tr "\\n" " ")"; exit $code'
    )
    result = run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script])
    if result.returncode == 99 or "unshare:" in result.stderr:
        pytest.skip(f"namespaces not available here: {result.stderr.strip()[:80]}")
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"Error: disk full while writing in {out}: nothing was written; "
        "free some space or choose another -o folder"
    ]
    assert result.stdout.strip() == "left:"  # the partial MP3 was removed


def test_disk_full_while_tagging_fails_in_one_line_and_leaves_nothing(
    tmp_path: Path, fake_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mutagen.id3
    from mutagen import MutagenError

    def full(self: object, *args: object, **kwargs: object) -> None:
        raise MutagenError(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))  # as mutagen wraps it

    monkeypatch.setattr(mutagen.id3.ID3, "save", full)
    out = tmp_path / "out"
    code, output = _cli_build(tmp_path, "-o", str(out))
    assert code == 1
    assert output.strip() == (
        f"Error: disk full while writing in {out}: nothing was written; "
        "free some space or choose another -o folder"
    )
    assert list(out.iterdir()) == []
