"""Intro and outro music under the voice (ducked while it speaks), and a sting at each new section."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

from audio_edition.audio.ffmpeg import UndecodableError, decode_audio
from audio_edition.audio.loudness import match_level
from audio_edition.errors import InputError
from audio_edition.model import Clip

MUSIC_LEVEL_DB = -22.0  # music alone sits a little under the voice (voice clips: -20 dB)
DUCK_DB = -16.0  # how far music drops while the voice speaks over it
INTRO_LEAD_S = 3.0  # music alone before the first word
RAMP_S = 0.5
FADE_S = 2.0
OUTRO_TAIL_S = 4.0  # music alone after the last word
STING_MAX_S = 1.0


def load_music(path: Path, rate: int) -> Clip:
    """A music file decoded to mono at `rate` and levelled; InputError if it cannot be read
    (AudioError when ffmpeg itself fails: it stalls, say).

    Decoded once per file version and rate (checking media before a build, then mixing, reuse it).
    """
    if not path.is_file():
        raise InputError(f"music file not found: {path}")
    return _decoded(path.resolve(), path.stat().st_mtime_ns, rate)


@functools.lru_cache(maxsize=8)
def _decoded(path: Path, version: int, rate: int) -> Clip:
    try:
        clip = decode_audio(path, rate)
    except UndecodableError as exc:
        raise InputError(f"cannot read music file {path.name}: {exc}") from None
    if clip.duration < 0.2:
        raise InputError(f"music file {path.name} holds no audio")
    return match_level(clip, MUSIC_LEVEL_DB)


def lay_intro(track: np.ndarray, music: Clip, speech_from: float, speech_to: float) -> None:
    """Add `music` from 0: full until the voice starts, ducked under it, faded out after `speech_to`."""
    rate = music.sample_rate
    duck = 10 ** (DUCK_DB / 20)
    points = [
        (0.0, 1.0),
        (speech_from - RAMP_S, 1.0),
        (speech_from, duck),
        (speech_to + RAMP_S, duck),
        (speech_to + RAMP_S + FADE_S, 0.0),
    ]
    _add(track, music.samples, 0, _envelope(points, min(len(music.samples), len(track)), rate))


def lay_outro(track: np.ndarray, music: Clip, speech_from: float, speech_to: float) -> None:
    """Add `music` from just before the closing: ducked under it, then full, then faded out at the end."""
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
    length = min(len(music.samples), len(track) - at)
    _add(track, music.samples, at, _envelope(points, length, rate))


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
