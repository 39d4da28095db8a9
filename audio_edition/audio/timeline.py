"""Place a script on finished audio: each segment's and chapter's start and end, as an Episode."""

from __future__ import annotations

from collections.abc import Sequence

from audio_edition.model import Clip, Episode, Script, TimedChapter, TimedSegment

__all__ = ["episode_from"]


def episode_from(
    script: Script,
    engine: str,
    audio: Clip,
    times: Sequence[tuple[float, float]],
    *,
    silence: float = 0.0,
    time_scale: float = 1.0,
) -> Episode:
    """An Episode from finished audio and each segment's (start, end) in it; `silence` and
    `time_scale` say how the timeline was laid (for the duration check)."""
    timeline = tuple(TimedSegment(s, a, b) for s, (a, b) in zip(script.segments, times, strict=True))
    return Episode(
        script=script,
        engine=engine,
        timeline=timeline,
        chapters=_chapters(script, timeline, audio.duration),
        audio=audio,
        silence=silence,
        time_scale=time_scale,
    )


def _chapters(
    script: Script, timeline: tuple[TimedSegment, ...], duration: float
) -> tuple[TimedChapter, ...]:
    starts = [0.0 if k == 0 else timeline[c.first_segment].start for k, c in enumerate(script.chapters)]
    ends = starts[1:] + [duration]
    return tuple(
        TimedChapter(c.title, round(a, 3), round(b, 3), c.parent)
        for c, a, b in zip(script.chapters, starts, ends, strict=True)
    )
