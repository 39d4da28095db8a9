"""Faults injected into Piper's takes are heard, spoken again and right in the final episode (real
recognition with Whisper tiny.en); the cache keeps the verified take; strict refuses what stays
wrong; the fallback engine speaks what its own voice cannot."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from audio_edition.errors import QualityError
from audio_edition.verify.recognizer import Recognizer
from audio_edition.verify.takes import threshold

from .conftest import CLEAN, FAULTS, SILENT, build, faulty_piper, heard_score, options_in, silence


def _segment(manifest: dict[str, Any], sentence: str) -> int:
    return next(k for k, s in enumerate(manifest["segments"]) if s["text"] == sentence)


@pytest.mark.parametrize(
    "sentence", list(FAULTS), ids=["another sentence", "first half", "silence", "german voice"]
)
def test_each_fault_is_heard_spoken_again_and_right_in_the_episode(mended: Any, sentence: str) -> None:
    manifest, qa, mp3, asked = mended
    k = _segment(manifest, sentence)
    found = qa["verification"]["segments"][k]
    assert asked[sentence] >= 2
    assert found["takes"][0]["error"] > threshold("piper")  # the faulty take was heard as wrong
    assert len(found["takes"]) >= 2 and found["passed"]
    assert found["error"] <= threshold("piper")
    segment = manifest["segments"][k]
    again = heard_score(mp3, segment["start"] - 0.1, segment["end"] + 0.1, sentence)
    assert again.rate <= threshold("piper"), (sentence, again)


def test_a_good_take_is_heard_once_and_the_report_covers_the_body(mended: Any) -> None:
    manifest, qa, _, _ = mended
    found = qa["verification"]
    clean = found["segments"][_segment(manifest, CLEAN)]
    assert len(clean["takes"]) == 1 and clean["passed"] and clean["heard"]
    assert len(found["segments"]) == len(manifest["segments"])
    assert found["segments_respoken"] >= 4 and found["segments_wrong"] == []
    assert 0.0 <= found["body_word_error_rate"] <= threshold("piper")
    assert found["model"].startswith("whisper tiny.en")


def test_the_cache_keeps_the_verified_take(
    mended: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild whose episode is gone takes the kept takes from the segment cache and their
    verification from its records: no engine call, no clip heard, the same report."""
    manifest, qa, mp3, _ = mended
    cache = mp3.parent.parent / "cache"
    shutil.rmtree(cache / "episodes")
    heard: list[int] = []
    real = Recognizer.hear
    monkeypatch.setattr(Recognizer, "hear", lambda self, clips: heard.append(len(clips)) or real(self, clips))
    options = options_in(mp3.parent.parent, out_dir=tmp_path)
    with faulty_piper(FAULTS) as asked:  # a fresh take would be faulty again
        again, qa_again, mp3_again = build(options)
    assert asked == {s: 0 for s in FAULTS} and sum(heard) == 0
    assert qa_again["verification"]["segments"] == qa["verification"]["segments"]
    k = _segment(again, SILENT)
    segment = again["segments"][k]
    assert heard_score(mp3_again, segment["start"] - 0.1, segment["end"] + 0.1, SILENT).rate <= threshold(
        "piper"
    )


def test_strict_refuses_a_segment_still_wrong_naming_it(tmp_path: Path) -> None:
    with faulty_piper({SILENT: silence}, times=99) as asked, pytest.raises(QualityError) as error:
        build(options_in(tmp_path, verify="strict"))
    message = str(error.value)
    assert "nothing written" in message and "Repairs to the northern pier" in message
    assert "after " in message and " takes" in message and "\n" not in message
    assert asked[SILENT] == 3  # the first take and two more
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_the_fallback_engine_speaks_what_the_voice_cannot(tmp_path: Path) -> None:
    with faulty_piper({SILENT: silence}, times=99):
        manifest, qa, mp3 = build(options_in(tmp_path, fallback="espeak"))
    k = _segment(manifest, SILENT)
    found = qa["verification"]["segments"][k]
    engines = [t["engine"] for t in found["takes"]]
    # Piper's silent takes (a take the same as one tried is not heard again), then espeak-ng's
    assert engines[0] == "piper" and engines[-1] == "espeak" and set(engines[:-1]) == {"piper"}, found
    assert found["passed"], found
    segment = manifest["segments"][k]
    assert heard_score(mp3, segment["start"] - 0.1, segment["end"] + 0.1, SILENT).rate <= threshold("espeak")
