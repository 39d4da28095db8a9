"""Encode the mastered episode and check what the listener gets: loudness and true peak of the
decoded MP3, corrected and encoded again if the encoder moved them off target."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from audio_edition.audio.encode import encode_measured
from audio_edition.audio.loudness import PEAK_CEILING_DB, limit
from audio_edition.audio.quality import TRUE_PEAK_LIMIT_DB
from audio_edition.audio.settings import MasteringSettings
from audio_edition.audio.shape import quantize
from audio_edition.model import Clip, Episode

LOUDNESS_AIM = 0.5  # re-encode when the MP3 is further than this from the target (LU)
ATTEMPTS = 3


@dataclass(frozen=True, eq=False)
class Delivered:
    """The episode as encoded: MP3 bytes (untagged) and what their decoded audio measures."""

    episode: Episode
    mp3: bytes
    loudness: float
    true_peak: float


def deliver(episode: Episode, settings: MasteringSettings) -> Delivered:
    """Encode; if the decoded MP3 misses the loudness target or exceeds the true-peak limit,
    correct the gain and the limiter's ceiling and encode again (at most three encodes)."""
    audio = episode.audio
    ceiling = PEAK_CEILING_DB
    for attempt in range(1, ATTEMPTS + 1):
        mp3, loudness, peak = encode_measured(audio, settings.bitrate, settings.sample_rate)
        over = peak - TRUE_PEAK_LIMIT_DB
        off = settings.loudness - loudness
        if attempt == ATTEMPTS or not np.isfinite(loudness) or (over <= 0 and abs(off) <= LOUDNESS_AIM):
            break
        ceiling -= max(0.0, over + 0.1)
        gained = audio.samples * np.float32(10 ** (off / 20))
        audio = quantize(Clip(limit(gained, audio.sample_rate, ceiling), audio.sample_rate))
    return Delivered(dataclasses.replace(episode, audio=audio), mp3, loudness, peak)
