"""Change speaking speed without changing pitch (ffmpeg's atempo, WSOLA-based)."""

from __future__ import annotations

from audio_edition.audio.ffmpeg import filter_audio
from audio_edition.errors import AudioError
from audio_edition.model import Clip


def change_tempo(clip: Clip, factor: float) -> Clip:
    """The clip played `factor` times faster (0.5-2.0), pitch unchanged."""
    if factor == 1.0 or len(clip.samples) == 0:
        return clip
    if not 0.5 <= factor <= 2.0:
        raise AudioError(f"speed {factor:g} is outside 0.5-2.0")
    return filter_audio(clip, f"atempo={factor:.4f}", "the tempo change")
