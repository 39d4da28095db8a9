"""Intro and outro music under the voice (ducked while it speaks), and a sting at each new section."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

import numpy as np

from audio_edition.audio.beds import extend
from audio_edition.audio.ffmpeg import UndecodableError, decode_audio
from audio_edition.audio.loudness import match_level
from audio_edition.audio.quality import SILENCE_DB, longest_silence
from audio_edition.audio.shape import trim
from audio_edition.errors import InputError
from audio_edition.model import Clip

Role = Literal["intro", "outro", "sting"]

MUSIC_LEVEL_DB = -22.0  # music alone sits a little under the voice (voice clips: -20 dB)
DUCK_DB = -16.0  # how far music drops while the voice speaks over it
INTRO_LEAD_S = 3.0  # music alone before the first word
RAMP_S = 0.5
FADE_S = 2.0
OUTRO_TAIL_S = 4.0  # music alone after the last word
STING_MAX_S = 1.0
BED_MIN_S = 1.0  # the least sound an intro or outro file must hold (it is looped to length)
STING_MIN_S = 0.2  # the least sound a sting must hold
BED_GAP_MAX_S = 1.0  # the longest silence inside an intro or outro file (alone, it fails the gate)
_EDGE_DB = 50.0  # edge silence: this far below the file's peak
_FLOOR_DB = -80.0  # a file peaking below this holds no sound


def load_music(path: Path, rate: int, role: Role = "intro") -> Clip:
    """A music file decoded to mono at `rate`, edge silence trimmed, levelled; InputError (before
    any synthesis) if it cannot be read or cannot serve as `role` (AudioError when ffmpeg itself
    fails: it stalls, say).

    Decoded once per file version and rate (checking media before a build, then mixing, reuse it).
    """
    if not path.is_file():
        raise InputError(f"music file not found: {path}")
    clip = _decoded(path.resolve(), path.stat().st_mtime_ns, rate)
    least = STING_MIN_S if role == "sting" else BED_MIN_S
    need = "a sting needs" if role == "sting" else "intro and outro music need"
    if clip.duration < least:
        held = f"only {clip.duration:.2f} s of sound" if clip.duration > 0 else "no sound"
        raise InputError(f"{role} music file {path.name} holds {held}: {need} at least {least:g} s")
    if role != "sting":
        gap, at = longest_silence(clip, SILENCE_DB)
        if gap > BED_GAP_MAX_S:
            raise InputError(
                f"{role} music file {path.name} falls silent for {gap:.1f} s at {at:.1f} s: intro and outro "
                f"music may pause at most {BED_GAP_MAX_S:g} s, or the quality gate refuses the episode"
            )
    return clip


@functools.lru_cache(maxsize=8)
def _decoded(path: Path, version: int, rate: int) -> Clip:
    try:
        clip = decode_audio(path, rate)
    except UndecodableError as exc:
        raise InputError(f"cannot read music file {path.name}: {exc}") from None
    peak = float(np.abs(clip.samples).max()) if len(clip.samples) else 0.0
    if peak < 10 ** (_FLOOR_DB / 20):
        return Clip(clip.samples[:0], rate)
    sound = trim(clip, threshold_db=20 * np.log10(peak) - _EDGE_DB)
    return match_level(Clip(sound.samples * np.float32(0.5 / peak), rate), MUSIC_LEVEL_DB)


def lay_intro(track: np.ndarray, music: Clip, speech_from: float, speech_to: float) -> None:
    """Add `music` from 0 (looped to length): full until the voice starts, ducked under it, faded
    out after `speech_to`."""
    rate = music.sample_rate
    duck = 10 ** (DUCK_DB / 20)
    points = [
        (0.0, 1.0),
        (speech_from - RAMP_S, 1.0),
        (speech_from, duck),
        (speech_to + RAMP_S, duck),
        (speech_to + RAMP_S + FADE_S, 0.0),
    ]
    length = min(len(track), int((speech_to + RAMP_S + FADE_S) * rate))
    _add(track, extend(music, length / rate).samples, 0, _envelope(points, length, rate))


def lay_outro(track: np.ndarray, music: Clip, speech_from: float, speech_to: float) -> None:
    """Add `music` from just before the closing (looped to length): ducked under it, then full, then
    faded out at the end."""
    rate = music.sample_rate
    start = max(0.0, speech_from - RAMP_S * 2)
    duck = 10 ** (DUCK_DB / 20)
    end = len(track) / rate
    points = [
        (0.0, 0.0),
        (RAMP_S, duck),
        (speech_to - start, duck),
        (speech_to - start + RAMP_S, 1.0),
        (end - start - FADE_S, 1.0),
        (end - start, 0.0),
    ]
    at = int(start * rate)
    length = len(track) - at
    _add(track, extend(music, length / rate).samples, at, _envelope(points, length, rate))


def lay_sting(track: np.ndarray, sting: Clip, gap_from: float, gap_to: float) -> None:
    """Centre a short sound (cut to 1 s, faded) in the silence between two sections."""
    rate = sting.sample_rate
    length = min(len(sting.samples), int(STING_MAX_S * rate), int((gap_to - gap_from) * rate * 0.8))
    if length <= 0:
        return
    seconds = length / rate
    points = [(0.0, 1.0), (seconds * 0.7, 1.0), (seconds, 0.0)]
    at = int(((gap_from + gap_to) / 2 - seconds / 2) * rate)
    _add(track, sting.samples, max(0, at), _envelope(points, length, rate))


def _envelope(points: list[tuple[float, float]], length: int, rate: int) -> np.ndarray:
    times = np.arange(length, dtype=np.float64) / rate
    xs = np.maximum.accumulate(np.array([p[0] for p in points]))
    return np.interp(times, xs, [p[1] for p in points]).astype(np.float32)


def _add(track: np.ndarray, samples: np.ndarray, at: int, gain: np.ndarray) -> None:
    n = min(len(gain), len(samples), len(track) - at)
    if n > 0:
        track[at : at + n] += samples[:n] * gain[:n]
