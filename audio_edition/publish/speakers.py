"""Who speaks each segment: the narrator, or a quotation's speaker (`Segment.speaker`) when known."""

from __future__ import annotations

from audio_edition.model import Episode, Segment

NARRATOR = "Narrator"
UNKNOWN_SPEAKER = "Quote"


def quoted_by(segment: Segment) -> str | None:
    """The speaker of a quotation segment with its spaces tidied; None for other roles or when unknown."""
    if segment.role != "quote" or segment.speaker is None:
        return None
    return " ".join(segment.speaker.split()) or None


def voice_label(segment: Segment) -> str:
    """The caption voice of a segment: its quotation's speaker, "Quote" when unknown, else "Narrator"."""
    if segment.role != "quote":
        return NARRATOR
    return quoted_by(segment) or UNKNOWN_SPEAKER


def speakers(episode: Episode) -> list[str]:
    """The caption voice of every segment on the episode's timeline, in order."""
    return [voice_label(timed.segment) for timed in episode.timeline]
