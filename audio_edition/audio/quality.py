"""The quality gate: check a mastered episode before anything is written, and report why not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from audio_edition.audio.meter import measure
from audio_edition.audio.settings import MasteringSettings
from audio_edition.model import Clip, Episode, segment_label
from audio_edition.options import Options
from audio_edition.voices.phonemes import plain

# Speech rate bounds (words per minute at --speed 1) for segments of four words or more.
MIN_WPM, MAX_WPM = 70.0, 420.0
# Shorter segments ("Audio Edition.", a name) must last between these (seconds).
SHORT_MIN_S, SHORT_MAX_S = 0.2, 3.5
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
    settings: MasteringSettings | Options,
    measured: tuple[float, float] | None = None,
) -> QualityReport:
    """Run every check on the finished audio; `clipped` says, per segment, whether the engine's
    raw clip came clipped (see `engine_clipping`).

    `measured` is (loudness, true peak) of the decoded MP3 when known: what the listener gets,
    after the encoder; otherwise both are measured on the episode's audio. `settings` may also be
    a build's whole `Options` (its mastering settings are taken from it).
    """
    settings = MasteringSettings.of(settings)
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
        seg = timed.segment
        seconds = timed.end - timed.start
        words = spoken_words(seg.speech)
        if seconds <= 0:
            problem = "no audio"
        elif words >= 4:
            wpm = words / seconds * 60
            low, high = MIN_WPM * speed, MAX_WPM * speed
            problem = f"{wpm:.0f} words/min" if not low <= wpm <= high else ""
            if problem:
                problem += " (cut off?)" if wpm > high else " (stretched or padded?)"
        else:
            problem = (
                f"{seconds:.2f} s for {words} words" if not SHORT_MIN_S <= seconds <= SHORT_MAX_S else ""
            )
        if problem:
            bad.append(seg.index)
            faults.append(f"{segment_label(seg)} {problem}")
    detail = ", ".join(faults) if faults else f"{len(episode.timeline)} segments at plausible speech rates"
    return Check("speech", not faults, detail, tuple(bad))


def spoken_words(speech: str) -> int:
    """Words an engine says for `speech`: a lexicon mark counts as its alias, a lone symbol not at all."""
    return sum(1 for word in plain(speech).split() if any(ch.isalnum() for ch in word))


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
