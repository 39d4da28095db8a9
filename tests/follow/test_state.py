"""The follower's state file: saved atomically, read back whole, a damaged one refused; one run at a
time; `follow --help` loads nothing heavy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audio_edition.errors import AudioEditionError, InputError
from audio_edition.follow.state import EntryRecord, FeedRecord, State, load_state, locked, save_state
from tests.test_imports import AUDIO_STACK, ENGINE_AND_PAGE, command, loaded_by


def test_state_is_saved_atomically_and_read_back(tmp_path: Path) -> None:
    state = State(
        {"https://x.example/feed": FeedRecord('"abc"', "Wed, 04 Mar 2026 09:00:00 GMT", "Courier")},
        {
            "g-1": EntryRecord(
                "g-1", "ferry-1234abcd", "https://x.example/f", "Ferry", "2026-03-04T09:00:00+00:00", "d"
            )
        },
    )
    save_state(tmp_path, state)
    assert load_state(tmp_path) == state
    assert [p.name for p in (tmp_path / ".follow").iterdir()] == ["state.json"]  # no temporary file left
    data = json.loads((tmp_path / ".follow" / "state.json").read_text())
    assert data["feeds"]["https://x.example/feed"]["etag"] == '"abc"'
    assert {k: data["entries"]["g-1"][k] for k in ("slug", "status", "attempts")} == {
        "slug": "ferry-1234abcd",
        "status": "new",
        "attempts": 0,
    }


def test_a_missing_state_is_empty_and_a_damaged_one_refused(tmp_path: Path) -> None:
    assert load_state(tmp_path) == State()
    (tmp_path / ".follow").mkdir()
    for text in ("{not json", '{"version": 1, "feeds": {}, "entries": {"k": {"slug": 3}}}', '{"version": 9}'):
        (tmp_path / ".follow" / "state.json").write_text(text)
        with pytest.raises(InputError, match="remove it to start afresh"):
            load_state(tmp_path)


def test_one_run_at_a_time(tmp_path: Path) -> None:
    with locked(tmp_path):
        with pytest.raises(AudioEditionError, match="another follow run"), locked(tmp_path):
            pass
    with locked(tmp_path):  # released
        pass


def test_follow_help_loads_no_heavy_library() -> None:
    assert loaded_by(command("follow", "--help")) & (AUDIO_STACK | ENGINE_AND_PAGE | {"feedparser"}) == set()
