"""The manifest's word times: every written word of a segment, in order, inside the segment, and
the audio at a word's time really says that word (heard again by the recogniser)."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from audio_edition.verify.compare import plain_words

from .conftest import heard_in


def test_every_written_word_is_timed_in_order_inside_its_segment(mended: Any) -> None:
    manifest, _, _, _ = mended
    for segment in manifest["segments"]:
        words = segment["words"]
        assert [w["text"] for w in words] == segment["text"].split()
        floor = segment["start"]
        for word in words:
            assert set(word) == {"text", "start", "end"}
            assert segment["start"] <= word["start"] <= word["end"] <= segment["end"]
            assert word["start"] >= floor
            assert round(word["start"], 3) == word["start"] and round(word["end"], 3) == word["end"]
            floor = word["end"]
        assert words[-1]["end"] - words[0]["start"] > 0.5 * (segment["end"] - segment["start"])


def _heard(word: str, heard: list[str]) -> bool:
    said = "".join(plain_words(word))
    return any(SequenceMatcher(None, said, h).ratio() >= 0.6 for h in plain_words(" ".join(heard)))


def test_the_audio_at_a_words_time_says_that_word(mended: Any) -> None:
    manifest, _, mp3, _ = mended
    candidates = [
        (segment, word)
        for segment in manifest["segments"]
        for word in segment["words"]
        if len("".join(plain_words(word["text"]))) >= 6
    ]
    picked = candidates[:: max(1, len(candidates) // 6)][:6]
    assert len(picked) >= 5
    for segment, word in picked:
        heard = heard_in(mp3, word["start"] - 0.5, word["end"] + 0.5)
        assert _heard(word["text"], heard), (word, heard)
        # and a stretch of the segment away from the word does not say it
        others = [
            w for w in segment["words"] if w["end"] <= word["start"] - 1.0 or w["start"] >= word["end"] + 1.0
        ]
        if others and word["text"].lower() not in segment["text"].lower().replace(
            word["text"].lower(), "", 1
        ):
            far = others[0]
            assert not _heard(word["text"], heard_in(mp3, far["start"] - 0.05, far["end"] + 0.05)), (
                word,
                far,
            )


def test_no_words_without_verification(tmp_path: Any) -> None:
    import json

    from audio_edition.ingest import parse_article
    from audio_edition.options import Options
    from audio_edition.pipeline import produce_article

    options = Options(
        engine="fake", opening=False, formats=(), out_dir=tmp_path / "out", cache_dir=tmp_path / "c"
    )
    produce_article(parse_article("Title\n\nOne sentence to say.\n", name="a.txt"), "a", options)
    manifest = json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))
    assert manifest["segments"] and all("words" not in s for s in manifest["segments"])
    assert "verification" not in json.loads((tmp_path / "out" / "a.qa.json").read_text(encoding="utf-8"))
