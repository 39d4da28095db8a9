"""Master an episode: shape each clip, level the voices, stitch with pauses, normalise loudness."""

from __future__ import annotations

from collections.abc import Sequence

from audio_edition.audio.dynamics import compress
from audio_edition.audio.loudness import match_level, normalize
from audio_edition.audio.shape import prepare, quantize
from audio_edition.audio.stitch import stitch
from audio_edition.model import Clip, Episode, Script, TimedChapter, TimedSegment
from audio_edition.options import Options

__all__ = ["master", "episode_from", "mastering_settings"]

_CLIP_LEVEL_DB = -20.0
# Bump when mastering changes what it makes from the same clips: cached episodes are then re-made.
MASTERING_REVISION = 2


def mastering_settings(options: Options, pauses: Sequence[int]) -> dict[str, object]:
    """Everything besides the clips that decides the mastered audio (for the episode cache key)."""
    return {
        "revision": MASTERING_REVISION,
        "pauses": list(pauses),
        "lead_in": options.pauses.lead_in,
        "tail": options.pauses.tail,
        "rate": options.sample_rate,
        "loudness": options.loudness,
        "bitrate": options.bitrate,
    }


def master(script: Script, clips: Sequence[Clip], options: Options, engine: str) -> Episode:
    """Place every clip on one timeline with its structural pause and bring it to target loudness."""
    rate = options.sample_rate
    shaped = [match_level(prepare(c, rate), _CLIP_LEVEL_DB) for c in clips]
    pauses = [s.pause_after_ms for s in script.segments]
    audio, times = stitch(
        shaped, pauses, rate, lead_in_ms=options.pauses.lead_in, tail_ms=options.pauses.tail
    )
    finished = quantize(normalize(compress(audio), options.loudness))  # 16-bit, as it will be encoded
    return episode_from(script, engine, finished, times)


def episode_from(script: Script, engine: str, audio: Clip, times: Sequence[tuple[float, float]]) -> Episode:
    """An Episode from finished audio and each segment's (start, end) in it."""
    timeline = tuple(TimedSegment(s, a, b) for s, (a, b) in zip(script.segments, times, strict=True))
    return Episode(
        script=script,
        engine=engine,
        timeline=timeline,
        chapters=_chapters(script, timeline, audio.duration),
        audio=audio,
    )


def _chapters(
    script: Script, timeline: tuple[TimedSegment, ...], duration: float
) -> tuple[TimedChapter, ...]:
    starts = [0.0 if k == 0 else timeline[c.first_segment].start for k, c in enumerate(script.chapters)]
    ends = starts[1:] + [duration]
    return tuple(
        TimedChapter(c.title, round(a, 3), round(b, 3))
        for c, a, b in zip(script.chapters, starts, ends, strict=True)
    )
