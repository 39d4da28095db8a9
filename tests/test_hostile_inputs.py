"""Stored and given things that are not what they should be: a damaged cache entry, a hand-edited
follow state, hostile front matter, an article that raises what no stage expected. Each is a clear
error or is made again; none is a traceback."""

from __future__ import annotations

import dataclasses
import json
import math
import time
from pathlib import Path

import pytest

from audio_edition.audio.episode_store import EpisodeStore
from audio_edition.batch_jobs import build_one
from audio_edition.errors import InputError
from audio_edition.follow.state import load_state
from audio_edition.ingest.frontmatter import split_front_matter
from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.voices.fake import FakeEngine
from tests.conftest import ARTICLES

ARTICLE = ARTICLES / "night-train-returns-cp1252.txt"


@pytest.mark.parametrize("damage", ["too few", "nan"])
def test_a_stored_episode_with_bad_times_is_made_again(
    tmp_path: Path, fake_engine: FakeEngine, damage: str
) -> None:
    opts = Options(engine="fake", out_dir=tmp_path / "out", cache_dir=tmp_path / "cache")
    produce(ARTICLE, opts)
    store = EpisodeStore(tmp_path / "cache")
    (entry,) = store.entries()
    stored = store.get(entry.stem)
    assert stored is not None
    times = stored.times[:-1] if damage == "too few" else [(math.nan, math.nan), *stored.times[1:]]
    store.put(entry.stem, dataclasses.replace(stored, times=times))  # a valid hash, wrong contents
    again = produce(ARTICLE, opts)
    assert not again.reused and len(again.episode.timeline) == len(stored.times)
    assert all(math.isfinite(t.start) for t in again.episode.timeline)


def _state(tmp_path: Path, entry: dict[str, object]) -> Path:
    out = tmp_path / "out"
    (out / ".follow").mkdir(parents=True)
    record = {
        "key": "k",
        "slug": "ferry-12345678",
        "link": "",
        "title": "t",
        "when": "2026-03-04T09:00:00+00:00",
    }
    data = {"version": 1, "feeds": {}, "entries": {"k": {**record, "digest": "", **entry}}}
    (out / ".follow" / "state.json").write_text(json.dumps(data), encoding="utf-8")
    return out


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ({"attempts": "3"}, "attempts has the wrong type (str)"),
        ({"feeds": "http://a"}, "feeds has the wrong type (str)"),
        ({"status": "done"}, "unknown status 'done'"),
        ({"slug": "../../etc/passwd"}, "slug '../../etc/passwd' is not a plain file name"),
        ({"slug": "/tmp/x"}, "is not a plain file name"),
        ({"when": "yesterday"}, "when 'yesterday' is no date"),
        ({"full": 1}, "full has the wrong type (int)"),
    ],
)
def test_a_hand_edited_state_is_a_clear_error(tmp_path: Path, entry: dict[str, object], said: str) -> None:
    out = _state(tmp_path, entry)
    with pytest.raises(InputError) as caught:
        load_state(out)
    message = str(caught.value)
    assert said in message and "remove it to start afresh" in message and "\n" not in message


def test_a_valid_state_still_reads(tmp_path: Path) -> None:
    state = load_state(_state(tmp_path, {"attempts": 2, "feeds": ["https://example.org/rss"]}))
    assert state.entries["https://example.org/rss k"].attempts == 2


BOMB = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "title: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "---\nBody.\n"
)


def test_yaml_aliases_in_front_matter_are_refused_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=r"front matter uses YAML aliases \(\*name\): write each value out"):
        split_front_matter(BOMB, "bomb.md")
    assert time.monotonic() - started < 0.5


def test_front_matter_fields_are_capped_and_cleaned() -> None:
    fields, _ = split_front_matter('---\ntitle: "Ferry\\x01 strike\\uFFFE ' + "a" * 5000 + '"\n---\nBody\n')
    assert fields["title"].startswith("Ferry strike") and len(fields["title"]) <= 1000
    with pytest.raises(InputError, match="longer than 64 KB"):
        split_front_matter("---\ntitle: " + "a" * 70_000 + "\n---\nBody\n")


def test_a_lone_surrogate_in_front_matter_is_an_input_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from audio_edition.cli import cli

    article = tmp_path / "odd.md"
    article.write_text('---\ntitle: "\\ud800"\n---\nThe ferry runs again from Monday.\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(article), "-o", str(tmp_path / "out"), "--engine", "fake"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        "Error: odd.md: front matter field title holds U+D800, which is no character: fix the escape"
    )


def test_any_failure_of_one_article_is_its_own_line(tmp_path: Path) -> None:
    def read(path: Path) -> object:
        raise RuntimeError("something\nno stage expected")

    result = build_one(ARTICLE, "night", Options(engine="fake", out_dir=tmp_path), read)  # type: ignore[arg-type]
    assert result.status == "failed"
    assert result.error == "unexpected RuntimeError: something no stage expected"


def _dead_pid() -> int:
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_scratch_folders_of_killed_encodes_are_swept(tmp_path: Path) -> None:
    import os

    from audio_edition.audio.scratch import sweep_scratch

    dead = tmp_path / f"audio-edition-{_dead_pid()}-k1"
    mine = tmp_path / f"audio-edition-{os.getpid()}-k2"
    old, fresh, other = tmp_path / "audio-edition-old", tmp_path / "audio-edition-new", tmp_path / "other-1"
    for folder in (dead, mine, old, fresh, other):
        folder.mkdir()
        (folder / "episode.mp3").write_bytes(b"x")
    os.utime(old, (time.time() - 2 * 86_400,) * 2)
    assert sorted(sweep_scratch(tmp_path)) == sorted([dead, old])
    assert mine.exists() and fresh.exists() and other.exists()


def test_part_files_of_killed_cache_writes_are_swept(tmp_path: Path) -> None:
    import os

    from audio_edition.store import FileStore

    folder = tmp_path / "segments"
    (folder / "ab").mkdir(parents=True)
    stale, fresh = folder / "ab" / ".tmp1.part", folder / "ab" / ".tmp2.part"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"being written")
    os.utime(stale, (time.time() - 7200,) * 2)
    FileStore(tmp_path, folder, ".seg", fan_out=True)
    assert not stale.exists() and fresh.exists()


def test_part_files_of_a_killed_follow_run_are_swept_under_the_lock(tmp_path: Path) -> None:
    from audio_edition.follow.state import locked

    home = tmp_path / "out" / ".follow"
    (home / "articles").mkdir(parents=True)
    parts = [home / ".state.json.1a2b3c4d.part", home / "articles" / ".ferry-1.json.5e6f7a8b.part"]
    for part in parts:
        part.write_text("{half")
    kept = home / "articles" / "ferry-1.json"
    kept.write_text("{}")
    with locked(tmp_path / "out"):
        assert not any(part.exists() for part in parts) and kept.exists()


def test_a_version_1_state_is_keyed_by_feed_and_guid_with_its_slugs_kept(tmp_path: Path) -> None:
    record = {"key": "g-1", "slug": "ferry-1234abcd", "link": "https://x.example/f", "title": "Ferry"}
    record |= {"when": "2026-03-04T09:00:00+00:00", "digest": "d", "feeds": ["https://x.example/rss"]}
    (tmp_path / ".follow").mkdir()
    data = {"version": 1, "feeds": {}, "entries": {"g-1": record}}
    (tmp_path / ".follow" / "state.json").write_text(json.dumps(data), encoding="utf-8")
    state = load_state(tmp_path)
    (key,) = state.entries
    assert key == "https://x.example/rss g-1" and state.entries[key].slug == "ferry-1234abcd"


@pytest.mark.parametrize("address", ["http://10.0.0.5:8786", "10.0.0.5:8786", "tcp://", "ws://host:1"])
def test_a_scheduler_address_is_tcp_or_tls(address: str) -> None:
    from audio_edition.scheduler_address import check_scheduler

    with pytest.raises(InputError, match="give the Dask scheduler as tcp://HOST:PORT"):
        check_scheduler(address)


@pytest.mark.parametrize(
    ("address", "warned"),
    [
        ("tcp://10.0.0.5:8786", True),
        ("tcp://scheduler.newsroom.example:8786", True),
        ("tcp://127.0.0.1:8786", False),
        ("tcp://localhost:8786", False),
        ("tcp://[::1]:8786", False),
        ("tls://scheduler.newsroom.example:8786", False),
        (None, False),
    ],
)
def test_a_plain_tcp_scheduler_elsewhere_is_warned_of(address: str | None, warned: bool) -> None:
    from audio_edition.scheduler_address import check_scheduler, scheduler_warning

    if address:
        check_scheduler(address)
    warning = scheduler_warning(address)
    assert (warning is not None) == warned
    if warning:
        assert warning.startswith(f"warning: --scheduler {address} is neither loopback nor TLS")


def test_batch_warns_of_a_plain_tcp_scheduler_elsewhere(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from audio_edition.cli import cli

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Ferry\n\nThe ferry runs again from Monday.\n", encoding="utf-8")
    args = ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--engine", "fake"]
    result = CliRunner().invoke(cli, [*args, "--scheduler", "tcp://192.0.2.1:8786"])
    assert "warning: --scheduler tcp://192.0.2.1:8786 is neither loopback nor TLS" in result.output
