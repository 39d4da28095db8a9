"""The segment cache: keys, verification, atomic writes, unwritable folders, CLI commands."""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from audio_edition.audio.shape import quantize
from audio_edition.cli import cli
from audio_edition.errors import EngineError
from audio_edition.model import Clip, Pronunciation, Speech, Voice
from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.store import EntryFormat, FileStore
from audio_edition.voices import FakeEngine, register_engine
from audio_edition.voices.cache import SegmentCache, default_cache_dir
from tests.conftest import ARTICLES


def clip(seconds: float = 0.5) -> Clip:
    t = np.arange(int(seconds * 22050), dtype=np.float32) / 22050
    return Clip((0.4 * np.sin(2 * np.pi * 200 * t)).astype(np.float32), 22050)


def test_default_location_follows_the_environment(tmp_path: Path) -> None:
    assert default_cache_dir({"AUDIO_EDITION_CACHE": str(tmp_path)}) == tmp_path
    assert default_cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "audio-edition"
    assert default_cache_dir({}) == Path.home() / ".cache" / "audio-edition"


def test_key_changes_with_every_input() -> None:
    engine = FakeEngine()
    hello = Speech.of("Hello there.")
    base = SegmentCache.key(engine, Voice("fake", "narrator"), hello)
    assert base == SegmentCache.key(engine, Voice("fake", "narrator"), hello)
    assert base != SegmentCache.key(engine, Voice("fake", "quote"), hello)
    assert base != SegmentCache.key(engine, Voice("fake", "narrator"), Speech.of("Hello there!"))
    slower = FakeEngine()
    slower.ms_per_char = 80
    assert base != SegmentCache.key(slower, Voice("fake", "narrator"), hello)
    newer = FakeEngine()
    newer.version = "2"
    assert base != SegmentCache.key(newer, Voice("fake", "narrator"), hello)
    said_as_ipa = Speech(("Hello ", Pronunciation("there", "ðɛɹ"), "."))
    assert base != SegmentCache.key(engine, Voice("fake", "narrator"), said_as_ipa)


def test_keys_are_those_of_earlier_versions_so_cached_clips_are_still_found() -> None:
    """The keys the segment cache had when a pronounced word travelled inside the speech text."""
    engine, narrator = FakeEngine(), Voice("fake", "narrator")
    plain = SegmentCache.key(engine, narrator, Speech.of("Hello there."))
    assert plain == "6e9eb8b83fc01e753ccd561cdfdba6f035ad5a2dffd9f1070c1efd8e9cc4a870"
    kyiv = Speech(("Talks in ", Pronunciation("Keev", "kˈiːjɪw"), "."))
    assert SegmentCache.key(engine, narrator, kyiv) == (
        "f4c88e482507f9b2a30e5028450dc556c09ae6ce8f5f7fedee9424a5e340e419"
    )


def test_round_trip_is_exact_after_quantizing(tmp_path: Path) -> None:
    store = SegmentCache(tmp_path)
    original = quantize(clip())
    store.put("ab" * 32, original)
    back = store.get("ab" * 32)
    assert back is not None and back.sample_rate == 22050
    assert np.array_equal(back.samples, original.samples)
    assert not list(store.path("ab" * 32).parent.glob(".*.part"))  # no temporary left


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage"])
def test_a_damaged_entry_is_never_used_and_is_removed(tmp_path: Path, damage: str) -> None:
    store = SegmentCache(tmp_path)
    store.put("cd" * 32, clip())
    path = store.path("cd" * 32)
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data[-10] ^= 0xFF
    else:
        data = bytearray(b"not a clip at all")
    path.write_bytes(bytes(data))
    assert store.get("cd" * 32) is None
    assert not path.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_cache_turns_itself_off(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        store = SegmentCache(tmp_path / "c")
        store.put("ef" * 32, clip())
        assert not store.writable and "not writable" in (store.warning or "")
    finally:
        tmp_path.chmod(0o700)


def test_cache_that_is_a_file_turns_itself_off(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache should be")
    store = SegmentCache(blocker)
    store.put("ef" * 32, clip())
    assert not store.writable and "not writable" in (store.warning or "")


def test_build_with_a_broken_cache_still_builds_and_warns(tmp_path: Path, fake_engine: FakeEngine) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("x")
    built = produce(
        ARTICLES / "night-train-returns-cp1252.txt",
        Options(engine="fake", out_dir=tmp_path / "out", cache_dir=blocker),
    )
    assert built.files[0].exists()
    assert any("not writable" in note for note in built.notes)


class Counting(FakeEngine):
    """The fake engine, counting its calls; with `refuse` set, any call fails the build."""

    refuse = False

    def synthesize(self, text: str, voice: str) -> Clip:
        if self.refuse:
            raise EngineError(f"the engine was called on a path that must not call it: {text[:40]}")
        return super().synthesize(text, voice)


@pytest.fixture
def counting() -> Counting:
    engine = Counting()
    register_engine("fake", lambda: engine, replace=True)
    return engine


def test_unchanged_article_reuses_the_mastered_episode_on_disk(tmp_path: Path, counting: Counting) -> None:
    """The episode entry alone rebuilds it: with every segment entry deleted, no engine call is made
    and the MP3 is the first build's, byte for byte."""
    cache = tmp_path / "cache"
    opts = Options(engine="fake", out_dir=tmp_path / "out", cache_dir=cache)
    first = produce(ARTICLES / "night-train-returns-cp1252.txt", opts)
    mp3 = first.files[0].read_bytes()
    assert len(counting.calls) == first.stats.unique == 8 and not first.reused
    assert len(list((cache / "episodes").glob("*.episode"))) == 1
    shutil.rmtree(cache / "segments")
    counting.refuse = True
    second = produce(ARTICLES / "night-train-returns-cp1252.txt", opts)
    assert second.reused and len(counting.calls) == 8
    assert second.files[0].read_bytes() == mp3
    assert np.array_equal(first.episode.audio.samples, second.episode.audio.samples)


def test_without_the_episode_entry_the_segment_entries_on_disk_are_read(
    tmp_path: Path, counting: Counting
) -> None:
    """With the mastered episode gone, every clip comes from its segment entry (none is spoken)
    and mastering them again gives the same MP3."""
    cache = tmp_path / "cache"
    opts = Options(engine="fake", out_dir=tmp_path / "out", cache_dir=cache)
    first = produce(ARTICLES / "glacier-retreat-survey.md", opts)
    mp3 = first.files[0].read_bytes()
    entries = sorted((cache / "segments").glob("*/*.clip"))
    assert len(entries) == first.stats.unique == first.stats.synthesized == len(counting.calls)
    shutil.rmtree(cache / "episodes")
    counting.refuse = True
    second = produce(ARTICLES / "glacier-retreat-survey.md", opts)
    assert not second.reused and len(counting.calls) == len(entries)
    assert second.stats.cached == len(entries) and second.stats.synthesized == 0
    assert sorted((cache / "segments").glob("*/*.clip")) == entries
    assert np.array_equal(first.episode.audio.samples, second.episode.audio.samples)
    assert second.files[0].read_bytes() == mp3


def test_no_cache_neither_reads_nor_writes(tmp_path: Path, fake_engine: FakeEngine) -> None:
    opts = Options(engine="fake", out_dir=tmp_path / "out", cache_dir=tmp_path / "cache", use_cache=False)
    produce(ARTICLES / "night-train-returns-cp1252.txt", opts)
    produce(ARTICLES / "night-train-returns-cp1252.txt", opts)
    assert not (tmp_path / "cache").exists()
    assert len(fake_engine.calls) == 2 * 8  # six article segments, the opening and the closing


def test_identical_sentences_are_spoken_once(tmp_path: Path, fake_engine: FakeEngine) -> None:
    from audio_edition.ingest import parse_article
    from audio_edition.pipeline import produce_article

    article = parse_article("Repeat Title\nSame words here.\nOther words here.\nSame words here.\n")
    opts = Options(engine="fake", out_dir=tmp_path, use_cache=False, opening=False)
    built = produce_article(article, "r", opts)
    assert built.stats.segments == 4 and built.stats.unique == 3
    assert len(fake_engine.calls) == 3


def test_cache_info_and_clear_commands(tmp_path: Path, fake_engine: FakeEngine) -> None:
    cache = tmp_path / "cache"
    produce(
        ARTICLES / "night-train-returns-cp1252.txt",
        Options(engine="fake", out_dir=tmp_path / "out", cache_dir=cache),
    )
    runner = CliRunner()
    info = runner.invoke(cli, ["cache", "info", "--cache-dir", str(cache)])
    assert info.exit_code == 0 and ": 8 segments, 1 episode," in info.output
    cleared = runner.invoke(cli, ["cache", "clear", "--cache-dir", str(cache)])
    assert cleared.exit_code == 0 and cleared.output.startswith("removed 8 segments and 1 episode (")
    again = runner.invoke(cli, ["cache", "info", "--cache-dir", str(cache)])
    assert ": 0 segments," in again.output


def test_cache_location_from_environment(
    tmp_path: Path, fake_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDIO_EDITION_CACHE", str(tmp_path / "env-cache"))
    produce(ARTICLES / "night-train-returns-cp1252.txt", Options(engine="fake", out_dir=tmp_path / "out"))
    assert len(list((tmp_path / "env-cache" / "segments").glob("*/*.clip"))) == 8


RAW = EntryFormat(b"TEST", struct.Struct("<I"))


def test_the_file_store_round_trips_and_deletes_and_counts_a_foreign_entry(tmp_path: Path) -> None:
    """The store both caches sit on: an entry comes back as written; one filed under another
    key fails its digest, is deleted and counted."""
    store = FileStore(tmp_path, tmp_path / "things", ".thing", fan_out=True)
    store.put("ab" * 32, RAW, (5,), lambda: [b"hel", b"lo"])
    assert store.path("ab" * 32) == tmp_path / "things" / "ab" / f"{'ab' * 32}.thing"
    assert store.get("ab" * 32, RAW, lambda fields, body: (fields, body.read(fields[0]))) == ((5,), b"hello")
    foreign = store.path("cd" * 32)
    foreign.parent.mkdir()
    shutil.copyfile(store.path("ab" * 32), foreign)
    assert store.get("cd" * 32, RAW, lambda fields, body: body.read(fields[0])) is None
    assert store.damaged == [foreign.name] and not foreign.exists()


def test_a_segment_entry_in_the_layout_of_earlier_versions_is_read(tmp_path: Path) -> None:
    """The layout on disk did not change: magic, rate, count, SHA-256 of key and payload, samples."""
    key = "ef" * 32
    payload = np.array([0, 16384, -32767, 32767], dtype="<i2").tobytes()
    digest = hashlib.sha256(key.encode("ascii") + b"\0" + payload).digest()
    path = tmp_path / "segments" / key[:2] / f"{key}.clip"
    path.parent.mkdir(parents=True)
    path.write_bytes(struct.pack("<4sIQ32s", b"AEC2", 22050, 4, digest) + payload)
    back = SegmentCache(tmp_path).get(key)
    assert back is not None and back.sample_rate == 22050 and back.samples.dtype == np.float32
    expected = np.array([0, 16384, -32767, 32767], dtype=np.float32) / np.float32(32767)
    assert np.array_equal(back.samples, expected)
