"""The quality gate: check a mastered episode before anything is written, and report why not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from audio_edition.audio.meter import measure
from audio_edition.audio.settings import MasteringSettings
from audio_edition.model import Clip, Episode, segment_label
from audio_edition.text.syllables import syllables

# Speech rate bounds at --speed 1, per syllable of the speech text (`text.syllables`), set from
# the engines' measured spread (scripts/measure_speech_rates.py; README "The quality gate"):
# Piper and espeak-ng say 0.16-0.33 s a syllable, so a segment of LONG_SYLLABLES or more must
# take 0.09-0.75 s a syllable: under half the fastest take is cut off, over twice the slowest
# is stretched or padded. Shorter segments (a letter, "No.", a name) vary more in proportion:
# they must take at least SHORT_FLOOR_S a syllable and at most SHORT_CEILING_S plus
# SHORT_PER_SYLLABLE_S a syllable.
LONG_SYLLABLES = 6
MIN_S_PER_SYLLABLE, MAX_S_PER_SYLLABLE = 0.09, 0.75
SHORT_FLOOR_S = 0.07
SHORT_CEILING_S, SHORT_PER_SYLLABLE_S = 1.0, 0.5
SILENCE_DB = -50.0
SILENCE_SLACK_S = 0.5
LOUDNESS_TOLERANCE = 1.0
TRUE_PEAK_LIMIT_DB = -1.0
CLIP_LEVEL = 0.999


@dataclass(frozen=True)
class Check:
    """One check: its verdict, a short account, and the segments at fault."""

    name: str
    passed: bool
    detail: str
    segments: tuple[int, ...] = ()


@dataclass(frozen=True)
class QualityReport:
    """Every check, and the measurements they rest on."""

    checks: tuple[Check, ...]
    measurements: dict[str, float] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        """True when every check passed."""
        return all(c.passed for c in self.checks)

    def summary(self) -> str:
        """One line naming every failed check and what it found."""
        return "; ".join(f"{c.name}: {c.detail}" for c in self.checks if not c.passed)

    def as_dict(self) -> dict[str, Any]:
        """The report as written to `S.qa.json`."""
        return {
            "passed": bool(self.passed),
            "measurements": {k: round(float(v), 3) for k, v in self.measurements.items()},
            "checks": [
                {"name": c.name, "passed": bool(c.passed), "detail": c.detail, "segments": list(c.segments)}
                for c in self.checks
            ],
        }


def check_episode(
    episode: Episode,
    clipped: Sequence[bool],
    settings: MasteringSettings,
    measured: tuple[float, float] | None = None,
) -> QualityReport:
    """Run every check on the finished audio; `clipped` says, per segment, whether the engine's
    raw clip came clipped (see `engine_clipping`).

    `measured` is (loudness, true peak) of the decoded MP3 when known: what the listener gets,
    after the encoder; otherwise both are measured on the episode's audio.
    """
    audio = episode.audio
    loudness, peak = measured if measured is not None else measure(audio)
    longest, at = longest_silence(audio)
    checks = (
        _speech_rate(episode, settings.speed),
        _silence(longest, at, settings),
        _clipping(episode, clipped),
        Check(
            "loudness",
            bool(np.isfinite(loudness)) and abs(loudness - settings.loudness) <= LOUDNESS_TOLERANCE,
            f"{loudness:.1f} LUFS integrated (target {settings.loudness:g} ± {LOUDNESS_TOLERANCE:g})",
        ),
        Check("true peak", peak <= TRUE_PEAK_LIMIT_DB, f"{peak:.1f} dBTP (limit {TRUE_PEAK_LIMIT_DB:g})"),
        _duration(episode),
    )
    measurements = {
        "duration": audio.duration,
        "loudness_lufs": loudness,
        "true_peak_dbtp": peak,
        "longest_silence_s": longest,
    }
    return QualityReport(checks, measurements)


def longest_silence(clip: Clip, threshold_db: float = SILENCE_DB) -> tuple[float, float]:
    """(length, start) in seconds of the longest run of 10 ms frames below `threshold_db`."""
    frame = max(1, clip.sample_rate // 100)
    usable = len(clip.samples) - len(clip.samples) % frame
    if usable == 0:
        return 0.0, 0.0
    frames = clip.samples[:usable].reshape(-1, frame)
    power = np.einsum("ij,ij->i", frames, frames, dtype=np.float32) / np.float32(frame)
    quiet = np.concatenate([[False], power < 10 ** (threshold_db / 10), [False]])
    edges = np.flatnonzero(np.diff(quiet.astype(np.int8)))
    if len(edges) == 0:
        return 0.0, 0.0
    starts, ends = edges[0::2], edges[1::2]
    k = int(np.argmax(ends - starts))
    return float((ends[k] - starts[k]) * frame / clip.sample_rate), float(
        starts[k] * frame / clip.sample_rate
    )


def _speech_rate(episode: Episode, speed: float) -> Check:
    faults: list[str] = []
    bad: list[int] = []
    for timed in episode.timeline:
        problem = rate_problem(timed.segment.speech.text, timed.end - timed.start, speed)
        if problem:
            bad.append(timed.segment.index)
            faults.append(f"{segment_label(timed.segment)} {problem}")
    detail = ", ".join(faults) if faults else f"{len(episode.timeline)} segments at plausible speech rates"
    return Check("speech", not faults, detail, tuple(bad))


def rate_problem(speech: str, seconds: float, speed: float = 1.0) -> str:
    """What is wrong with `seconds` of audio for `speech` (the text said, a pronounced word by its
    alias) at `speed` (measured value and the limit it broke), or "" when it is a plausible length."""
    if seconds <= 0:
        return "no audio"
    count = syllables(speech)
    if count >= LONG_SYLLABLES:
        per = seconds / count
        low, high = MIN_S_PER_SYLLABLE / speed, MAX_S_PER_SYLLABLE / speed
        if per < low:
            return f"{per:.3f} s a syllable over {count} syllables, under the {low:.3f} s floor (cut off?)"
        if per > high:
            return (
                f"{per:.3f} s a syllable over {count} syllables, over the {high:.3f} s ceiling "
                "(stretched or padded?)"
            )
        return ""
    low = SHORT_FLOOR_S * max(1, count) / speed
    high = (SHORT_CEILING_S + SHORT_PER_SYLLABLE_S * count) / speed
    if seconds < low:
        return f"{seconds:.2f} s for {count} syllables, under the {low:.2f} s floor (cut off?)"
    if seconds > high:
        return f"{seconds:.2f} s for {count} syllables, over the {high:.2f} s ceiling (stretched or padded?)"
    return ""


def _silence(longest: float, at: float, settings: MasteringSettings) -> Check:
    allowed = max(settings.longest_pause_ms, settings.lead_in_ms, settings.tail_ms) / 1000 / settings.speed
    allowed += SILENCE_SLACK_S
    ok = longest <= allowed
    return Check("silence", ok, f"longest silence {longest:.2f} s at {at:.1f} s (allowed {allowed:.2f} s)")


def engine_clipping(clips: Sequence[Clip]) -> list[bool]:
    """For each raw clip from the engine: whether it has a run of samples at full scale."""
    return [_clipped_run(clip.samples) for clip in clips]


def _clipping(episode: Episode, clipped: Sequence[bool]) -> Check:
    bad = [seg for seg, hot in zip(episode.script.segments, clipped, strict=False) if hot]
    x, step = episode.audio.samples, 1 << 20  # a chunk at a time: no episode-long temporaries
    final = sum(int(np.count_nonzero(np.abs(x[a : a + step]) >= CLIP_LEVEL)) for a in range(0, len(x), step))
    detail = (
        ", ".join(f"{segment_label(seg)} came clipped from the engine" for seg in bad)
        if bad
        else (f"{final} samples at full scale in the episode" if final else "no clipping")
    )
    return Check("clipping", not bad and final == 0, detail, tuple(seg.index for seg in bad))


def _clipped_run(x: np.ndarray, run: int = 3) -> bool:
    """True when `run` or more consecutive samples sit at full scale."""
    hot = np.abs(x) >= CLIP_LEVEL
    if int(hot.sum()) < run:
        return False
    window = np.convolve(hot.astype(np.int8), np.ones(run, dtype=np.int8), mode="valid")
    return bool(np.any(window >= run))


def _duration(episode: Episode) -> Check:
    rate = episode.audio.sample_rate
    speech = sum(t.end - t.start for t in episode.timeline)
    expected = speech + episode.silence * episode.time_scale
    actual = episode.audio.duration
    tolerance = (len(episode.timeline) + 2) / rate + (0.02 if episode.time_scale != 1.0 else 0.0)
    ok = abs(actual - expected) <= tolerance
    inside = all(0 <= t.start <= t.end <= actual for t in episode.timeline)
    ordered = all(a.end <= b.start for a, b in zip(episode.timeline, episode.timeline[1:], strict=False))
    detail = f"{actual:.3f} s against {expected:.3f} s of speech, pauses, lead-in and tail"
    if not inside or not ordered:
        detail += "; segments overlap or fall outside the audio"
    return Check("duration", ok and inside and ordered, detail)
