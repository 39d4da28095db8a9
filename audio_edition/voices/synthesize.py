"""Speak every segment of a script with its cast voice: one engine call per segment."""

from __future__ import annotations

from collections.abc import Callable

from audio_edition.errors import EngineError
from audio_edition.model import Clip, Script
from audio_edition.voices import get_engine
from audio_edition.voices.cast import Cast

Progress = Callable[[int, int], None]


def synthesize(script: Script, cast: Cast, progress: Progress | None = None) -> list[Clip]:
    """One clip per segment, in order; EngineError names a segment that came back without audio."""
    clips: list[Clip] = []
    total = len(script.segments)
    for seg in script.segments:
        spec = cast[seg.voice]
        clip = get_engine(spec.engine).synthesize(seg.speech, spec.voice)
        if clip.duration <= 0.0:
            raise EngineError(f"segment {seg.index} (“{seg.text[:50]}”) came back without audio from {spec}")
        clips.append(clip)
        if progress:
            progress(len(clips), total)
    return clips
