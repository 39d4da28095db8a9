"""The quality gate, provoked with engines that misbehave: silence, clipping, cut-off, gaps."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from audio_edition.audio.meter import true_peak
from audio_edition.audio.quality import longest_silence
from audio_edition.cli import cli
from audio_edition.model import Clip
from audio_edition.voices import FakeEngine, register_engine
from tests.conftest import ARTICLES

ARTICLE = ARTICLES / "night-train-returns-cp1252.txt"
TARGET = "proud to bring it back"  # the segment each broken engine spoils


class Silent(FakeEngine):
    def synthesize(self, text: str, voice: str) -> Clip:
        clip = super().synthesize(text, voice)
        return Clip(np.zeros_like(clip.samples), clip.sample_rate) if TARGET in text else clip


class Clipped(FakeEngine):
    def synthesize(self, text: str, voice: str) -> Clip:
        clip = super().synthesize(text, voice)
        return Clip(np.clip(clip.samples * 8, -1, 1), clip.sample_rate) if TARGET in text else clip


class CutOff(FakeEngine):
    def synthesize(self, text: str, voice: str) -> Clip:
        clip = super().synthesize(text, voice)
        return Clip(clip.samples[: len(clip.samples) // 4], clip.sample_rate) if TARGET in text else clip


class Gap(FakeEngine):
    def synthesize(self, text: str, voice: str) -> Clip:
        clip = super().synthesize(text, voice)
        if TARGET not in text:
            return clip
        half = len(clip.samples) // 2
        hole = np.zeros(clip.sample_rate * 4, dtype=np.float32)
        return Clip(np.concatenate([clip.samples[:half], hole, clip.samples[half:]]), clip.sample_rate)


class Padded(FakeEngine):
    """Pads the target with three times its length of low hiss (not silence, so not trimmed)."""

    def synthesize(self, text: str, voice: str) -> Clip:
        clip = super().synthesize(text, voice)
        if TARGET not in text:
            return clip
        hiss = np.random.default_rng(1).normal(0, 0.02, len(clip.samples) * 3).astype(np.float32)
        return Clip(np.concatenate([clip.samples, hiss]), clip.sample_rate)


class WrongLanguage(FakeEngine):
    """Speaks the target as a voice of another language does that spells Latin text out letter by
    letter (espeak-ng's Japanese voice takes 3.8 times as long as its English one): 0.275 s a letter."""

    def synthesize(self, text: str, voice: str) -> Clip:
        if TARGET not in text:
            return super().synthesize(text, voice)
        return super().synthesize(" ".join(ch * 5 for ch in text if ch.isalpha()), voice)


@pytest.mark.parametrize(
    ("engine", "check", "says"),
    [
        (Silent, "speech", "no audio"),
        (Clipped, "clipping", "came clipped from the engine"),
        (CutOff, "speech", "cut off?"),
        (Gap, "silence", "longest silence 3.9"),
        (Padded, "speech", "stretched or padded?"),
        (WrongLanguage, "speech", "over the 0.750 s ceiling"),
    ],
    ids=["silence", "clipped", "cut-off", "gap", "padded", "wrong-language"],
)
def test_a_broken_segment_fails_the_build_and_writes_nothing(
    tmp_path: Path, engine: type[FakeEngine], check: str, says: str
) -> None:
    register_engine("broken", engine, replace=True)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", str(ARTICLE), "-o", str(out), "--engine", "broken", "--no-cache"]
    )
    assert result.exit_code == 1
    line = result.output.strip()
    assert "\n" not in line and line.startswith("Error: quality check failed, nothing written:")
    assert f"{check}:" in line and says in line
    if check != "silence":
        assert "segment 5 (“We are proud to bring it back, with new…”)" in line  # named
    assert not out.exists() or list(out.iterdir()) == []


def test_true_peak_sees_peaks_between_samples() -> None:
    rate = 44100
    n = np.arange(rate)
    # a sine at a quarter of the rate, sampled 45 degrees off its crests: samples at 0.707 of the peak
    x = np.sin(2 * np.pi * (rate / 4) * n / rate + np.pi / 4).astype(np.float32)
    sample_peak = 20 * np.log10(np.abs(x).max())
    assert sample_peak == pytest.approx(-3.0, abs=0.1)
    assert true_peak(Clip(x, rate)) == pytest.approx(0.0, abs=0.3)


def test_longest_silence_finds_the_gap() -> None:
    rate = 44100
    tone = (0.3 * np.sin(np.arange(rate) / 5)).astype(np.float32)
    x = np.concatenate([tone, np.zeros(int(rate * 2.5), dtype=np.float32), tone])
    length, start = longest_silence(Clip(x, rate))
    assert length == pytest.approx(2.5, abs=0.02) and start == pytest.approx(1.0, abs=0.02)


def test_duration_check_catches_audio_that_is_not_the_sum_of_its_parts(tmp_path: Path) -> None:
    import dataclasses

    from audio_edition.audio import master
    from audio_edition.audio.quality import check_episode, engine_clipping
    from audio_edition.audio.settings import MasteringSettings
    from audio_edition.ingest import read_article
    from audio_edition.preview import write_script
    from audio_edition.voices.cast import CastSettings
    from audio_edition.voices.synthesize import synthesize
    from tests.tagged import resolve_cast

    settings = MasteringSettings(speed=1.2, intro_music=None)
    script = write_script(read_article(ARTICLE))
    clips = synthesize(script, resolve_cast(CastSettings("fake"), "en"))
    clipped = engine_clipping(clips)
    episode = master(script, clips, settings, engine="fake")
    check = {c.name: c for c in check_episode(episode, clipped, settings).checks}["duration"]
    assert check.passed, check.detail
    rate = episode.audio.sample_rate
    padded = Clip(np.concatenate([episode.audio.samples, np.zeros(rate, np.float32)]), rate)  # 1 s more
    longer = dataclasses.replace(episode, audio=padded)
    check = {c.name: c for c in check_episode(longer, clipped, settings).checks}["duration"]
    assert not check.passed and "against" in check.detail
