"""The batch fingerprint: an article is rebuilt exactly when something its edition is made from
changed (its text, a lexicon, music, cover, engine or voice version), whatever the file's path."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import wave
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from audio_edition import fingerprint as fp
from audio_edition.batch import run_batch
from audio_edition.options import Options
from audio_edition.script import lexicon
from audio_edition.voices import FakeEngine, get_engine

SLUGS = ["ferry", "harbour", "market"]
TEXT = "{title} news\n\nThe mayor of Kyiv spoke to the {title} committee on Monday.\n"


@dataclass(frozen=True)
class Desk:
    """Three articles, the files their editions use, and the options of their batch."""

    articles: Path
    work: Path  # the current folder
    lexicon: Path
    shipped: Path
    music: Path
    cover: Path
    options: Options


def write_tone(path: Path, freq: float) -> Path:
    """Six seconds of a sine tone (more than the intro before the voice) as a 16-bit mono WAV."""
    rate = 8000
    t = np.arange(6 * rate) / rate
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((0.3 * 32767 * np.sin(2 * np.pi * freq * t)).astype("<i2").tobytes())
    return path


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_engine: FakeEngine) -> Desk:
    work = tmp_path / "work"
    articles = tmp_path / "articles"
    work.mkdir()
    articles.mkdir()
    monkeypatch.chdir(work)
    for slug in SLUGS:
        (articles / f"{slug}.txt").write_text(TEXT.format(title=slug.title()), encoding="utf-8")
    shipped = tmp_path / "shipped.json"
    shipped.write_bytes(resources.files("audio_edition").joinpath("data", "news_names.json").read_bytes())
    monkeypatch.setattr(lexicon, "shipped_file", lambda: shipped, raising=False)
    own = tmp_path / "own.toml"
    own.write_text('Kyiv = "Keev"\n', encoding="utf-8")
    cover = tmp_path / "cover.png"
    cover.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    music = write_tone(tmp_path / "intro.wav", 660.0)
    options = Options(
        engine="fake",
        out_dir=tmp_path / "out",
        cache_dir=tmp_path / "cache",
        lexicon=own,
        intro_music=music,
        cover=cover,
        formats=(),
    )
    return Desk(articles, work, own, shipped, music, cover, options)


class Steps:
    """Batch runs after each edit, each with the articles it should have rebuilt; checked at the
    end, so that one run shows every input that is not noticed."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.wrong: list[str] = []

    def expect(self, what: str, rebuilt: list[str], options: Options | None = None) -> None:
        report = run_batch(self.desk.articles, options or self.desk.options, processes=1)
        assert report.failures == []
        assert sorted(r.slug for r in report.results) == SLUGS
        got = sorted(r.slug for r in report.results if r.status == "built")
        assert got == sorted(r.slug for r in report.results if r.status != "skipped")
        if got != rebuilt:
            self.wrong.append(f"{what}: rebuilt {got}, expected {rebuilt}")


def spoken_seconds(desk: Desk, slug: str) -> float:
    """How long the article's body sentence (the one naming Kyiv) lasts in its manifest."""
    manifest = json.loads((desk.options.out_dir / f"{slug}.json").read_text(encoding="utf-8"))
    body = next(s for s in manifest["segments"] if "Kyiv" in s["text"])
    return float(body["end"] - body["start"])


def test_each_edited_input_rebuilds_exactly_the_articles_made_from_it(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = Steps(desk)
    steps.expect("the first build", SLUGS)
    steps.expect("nothing changed", [])
    article = desk.articles / "harbour.txt"
    article.write_text(TEXT.format(title="Harbour").replace("Monday", "Tuesday"), encoding="utf-8")
    steps.expect("one article's text", ["harbour"])

    before = spoken_seconds(desk, "ferry")
    desk.lexicon.write_text('Kyiv = "Keeeeeeeeeeeeeev"\n', encoding="utf-8")
    steps.expect("the --lexicon file's content", SLUGS)
    if spoken_seconds(desk, "ferry") < before + 0.3:
        steps.wrong.append("the edited --lexicon entry was not spoken")
    desk.lexicon.write_bytes(desk.lexicon.read_bytes())  # the same content, another time
    os.utime(desk.lexicon, ns=(0, 0))
    steps.expect("the --lexicon file rewritten unchanged", [])
    (desk.work / "lexicon.toml").write_text('Monday = "Moonday"\n', encoding="utf-8")
    steps.expect("a lexicon.toml in the current folder, with --lexicon given", [])

    write_tone(desk.music, 440.0)
    steps.expect("the intro music's content", SLUGS)
    desk.cover.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x01" * 64)
    steps.expect("the cover's content", SLUGS)
    names = json.loads(desk.shipped.read_text(encoding="utf-8"))
    names["added"] = {"Committee": {"alias": "Komity", "ipa": "kəˈmɪti"}}
    desk.shipped.write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")
    steps.expect("the shipped lexicon", SLUGS)
    monkeypatch.setattr(FakeEngine, "version", "2")
    steps.expect("the engine's version", SLUGS)
    steps.expect("nothing changed since", [])
    assert steps.wrong == []


def test_a_lexicon_in_the_current_folder_counts_when_no_lexicon_is_given(desk: Desk) -> None:
    steps = Steps(desk)
    options = dataclasses.replace(desk.options, lexicon=None, intro_music=None, cover=None)
    steps.expect("the first build", SLUGS, options)
    found = desk.work / "lexicon.toml"
    found.write_text('Kyiv = "Keev"\n', encoding="utf-8")
    steps.expect("a lexicon.toml appearing in the current folder", SLUGS, options)
    steps.expect("nothing changed", [], options)
    found.write_text('Kyiv = "Kiev"\n', encoding="utf-8")  # the same size
    steps.expect("its content", SLUGS, options)
    found.unlink()
    steps.expect("its removal", SLUGS, options)
    assert steps.wrong == []


def test_files_count_by_content_not_path_and_a_missing_one_is_no_error(desk: Desk, tmp_path: Path) -> None:
    article = desk.articles / "ferry.txt"
    stamp = fp.fingerprint(article, desk.options)
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    copies = {
        name: moved / Path(getattr(desk.options, name)).name for name in ("lexicon", "intro_music", "cover")
    }
    for name, copy in copies.items():
        shutil.copy(getattr(desk.options, name), copy)
    assert fp.fingerprint(article, dataclasses.replace(desk.options, **copies)) == stamp
    gone = dataclasses.replace(desk.options, cover=tmp_path / "no-such-cover.png")
    assert fp.fingerprint(article, gone) != stamp
    assert fp.fingerprint(article, gone) == fp.fingerprint(article, gone)


@pytest.mark.parametrize(
    ("engine", "fallback", "changed"),
    [("auto", None, "piper"), ("auto", None, "gtts"), ("fake", "gtts", "gtts")],
)
def test_the_version_of_every_engine_the_build_may_use_counts(
    desk: Desk, monkeypatch: pytest.MonkeyPatch, engine: str, fallback: str | None, changed: str
) -> None:
    options = dataclasses.replace(desk.options, engine=engine, fallback=fallback)
    article = desk.articles / "ferry.txt"
    stamp = fp.fingerprint(article, options)
    monkeypatch.setattr(get_engine(changed), "version", "0.0-test")
    assert fp.fingerprint(article, options) != stamp


def test_a_voice_model_file_counts(desk: Desk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A Piper voice named by path is keyed as the segment cache keys it (its size and time)."""
    model = tmp_path / "voice.onnx"
    model.write_bytes(b"model one")
    options = dataclasses.replace(desk.options, engine="piper", narrator=f"piper:{model}", quote_voice="joe")
    article = desk.articles / "ferry.txt"
    stamp = fp.fingerprint(article, options)
    model.write_bytes(b"model two, longer")
    assert fp.fingerprint(article, options) != stamp


def test_a_shared_file_is_hashed_once_while_unchanged_and_an_edit_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cover = tmp_path / "cover.png"
    cover.write_bytes(b"one")
    read: list[Path] = []
    real = fp.file_digest
    monkeypatch.setattr(fp, "file_digest", lambda path: read.append(path) or real(path))
    first = fp.shared_digest(cover)
    assert fp.shared_digest(cover) == first and len(read) == 2  # just written: not trusted yet
    monkeypatch.setattr(fp, "SETTLED_NS", -(10**12))  # as if it had been written long ago
    assert [fp.shared_digest(cover) for _ in range(3)] == [first] * 3 and len(read) == 3
    cover.write_bytes(b"two, longer")  # (a same-size edit in the same clock tick needs the wait)
    assert fp.shared_digest(cover) != first


def test_a_same_size_edit_at_the_same_mtime_is_seen(tmp_path: Path) -> None:
    cover = tmp_path / "cover.png"
    cover.write_bytes(b"one")
    then = cover.stat().st_mtime_ns
    first = fp.shared_digest(cover)
    cover.write_bytes(b"two")
    os.utime(cover, ns=(then, then))
    assert fp.shared_digest(cover) != first
    assert fp.shared_digest(tmp_path / "missing.png") == fp.MISSING
