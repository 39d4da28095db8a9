"""Master an episode: shape each clip, level the voices, stitch with pauses, add music, bring the
whole to target loudness."""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from audio_edition.audio.dynamics import compress
from audio_edition.audio.loudness import encoder_loss_db, match_level, normalize
from audio_edition.audio.music import (
    FADE_S,
    INTRO_LEAD_S,
    OUTRO_TAIL_S,
    lay_intro,
    lay_outro,
    lay_sting,
    load_music,
)
from audio_edition.audio.settings import MasteringSettings
from audio_edition.audio.shape import prepare, quantize_in_place
from audio_edition.audio.stitch import stitch
from audio_edition.audio.tempo import change_tempo
from audio_edition.audio.timeline import episode_from
from audio_edition.model import Clip, Episode, Script

__all__ = ["master", "mastering_rate"]

_CLIP_LEVEL_DB = -20.0
# When this module changes what it makes from the same clips, bump MASTERING_REVISION in
# audio/settings.py: cached episodes are then made again.


def master(script: Script, clips: list[Clip], settings: MasteringSettings, engine: str) -> Episode:
    """Place every clip on one timeline with its structural pause, add music if asked, and bring
    the whole to target loudness. The audio is at `mastering_rate` (the delivery rate with music).

    Consumes `clips`: each is replaced by its shaped form, then released as it is laid on the
    timeline, and the timeline is compressed and levelled where it lies, so at no point do the
    engine's clips and the episode all sit in memory together.
    """
    music = settings.intro_music or settings.outro_music or settings.sting
    rate = settings.sample_rate if music else mastering_rate(clips, settings.sample_rate)
    _shape_all(clips, rate)
    intro = load_music(settings.intro_music, rate, "intro") if settings.intro_music else None
    outro = load_music(settings.outro_music, rate, "outro") if settings.outro_music else None
    sting = load_music(settings.sting, rate, "sting") if settings.sting else None
    lead = settings.lead_in_ms + (int(INTRO_LEAD_S * 1000) if intro else 0)
    tail = max(settings.tail_ms, int((OUTRO_TAIL_S + FADE_S) * 1000)) if outro else settings.tail_ms
    pauses = [s.pause_after_ms for s in script.segments]
    voice, times = stitch(clips, pauses, rate, lead_in_ms=lead, tail_ms=tail, consume=True)
    scale = 1.0
    if settings.speed != 1.0:
        faster = change_tempo(voice, settings.speed)
        scale = faster.duration / voice.duration
        voice, times = faster, [(a * scale, b * scale) for a, b in times]
    track = voice.samples.copy() if (intro or outro or sting) else voice.samples
    del voice
    roles = [s.role for s in script.segments]
    if intro:
        opening = next((k for k, r in enumerate(roles) if r not in ("intro", "title")), 1) - 1
        lay_intro(track, intro, times[0][0], times[max(0, opening)][1])
    if outro:
        closing = next((k for k, r in enumerate(roles) if r == "outro"), len(roles) - 1)
        lay_outro(track, outro, times[closing][0], times[-1][1])
    if sting:
        for k, role in enumerate(roles):
            if role == "heading" and k > 0:
                lay_sting(track, sting, times[k - 1][1], times[k][0])
    target = settings.loudness + encoder_loss_db(settings.bitrate)
    levelled = normalize(compress(Clip(track, rate), in_place=True), target, in_place=True)
    finished = Clip(quantize_in_place(levelled.samples), rate)  # 16-bit, as encoded
    silence = (lead + tail + sum(pauses)) / 1000
    return episode_from(script, engine, finished, times, silence=silence, time_scale=scale)


def mastering_rate(clips: Sequence[Clip], delivery_rate: int) -> int:
    """The rate to master speech at: the rate most of the clips have (the narrator's), when it is
    not above the delivery rate. Voices carry nothing above half their own rate, so mastering at
    it halves the work; the encoder resamples once to the delivery rate. Music needs the full rate."""
    rates = [c.sample_rate for c in clips]
    if not rates:
        return delivery_rate
    common = max(set(rates), key=lambda r: sum(len(c.samples) for c in clips if c.sample_rate == r))
    return common if common <= delivery_rate else delivery_rate


def _shape_all(clips: list[Clip], rate: int) -> None:
    """Replace every clip by itself resampled, trimmed, faded and levelled, on every core (numpy
    and soxr release the GIL)."""

    def shape(k: int) -> None:
        clips[k] = match_level(prepare(clips[k], rate), _CLIP_LEVEL_DB)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(shape, range(len(clips))))
