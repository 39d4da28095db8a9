"""WebVTT and SubRip transcripts from the episode's timeline: a cue per sentence, split to fit."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from audio_edition.model import Episode
from audio_edition.publish.clocks import Clock, clock
from audio_edition.publish.speakers import speakers

VTT_LINE = 65
VTT_LINES = 2
SRT_LINE = 32
SRT_LINES = 2


@dataclass(frozen=True)
class Cue:
    """Text shown from `start` to `end` (seconds), spoken by `speaker`."""

    start: float
    end: float
    lines: tuple[str, ...]
    speaker: str


def cues(episode: Episode, width: int, max_lines: int) -> list[Cue]:
    """Cues of at most `max_lines` lines of `width` characters; a long segment becomes several cues,
    timed in proportion to their length. No cue runs past the audio."""
    out: list[Cue] = []
    for timed, speaker in zip(episode.timeline, speakers(episode), strict=True):
        lines = textwrap.wrap(" ".join(timed.segment.text.split()), width, break_long_words=True) or [""]
        groups = [lines[k : k + max_lines] for k in range(0, len(lines), max_lines)]
        total = sum(len(" ".join(g)) for g in groups) or 1
        at = timed.start
        for group in groups:
            share = (timed.end - timed.start) * len(" ".join(group)) / total
            end = min(at + share, episode.duration)
            out.append(Cue(round(at, 3), round(end, 3), tuple(group), speaker))
            at = end
    return out


def webvtt(episode: Episode) -> str:
    """The transcript as WebVTT with `<v Speaker>` voice spans, lines of at most 65 characters."""
    parts = ["WEBVTT", ""]
    for k, cue in enumerate(cues(episode, VTT_LINE, VTT_LINES), start=1):
        text = "\n".join(_vtt_escape(line) for line in cue.lines)
        parts += [
            str(k),
            f"{clock(cue.start, Clock.VTT)} --> {clock(cue.end, Clock.VTT)}",
            f"<v {_vtt_escape(cue.speaker)}>{text}",
            "",
        ]
    return "\n".join(parts)


def subrip(episode: Episode) -> str:
    """The transcript as SubRip: at most two lines of 32 characters per cue, markup made inert."""
    parts = []
    for k, cue in enumerate(cues(episode, SRT_LINE, SRT_LINES), start=1):
        times = f"{clock(cue.start, Clock.SRT)} --> {clock(cue.end, Clock.SRT)}"
        parts += [str(k), times, *(_srt_safe(line) for line in cue.lines), ""]
    return "\n".join(parts)


def _srt_safe(text: str) -> str:
    """SubRip has no escapes, and players read `<i>`, `<font ...>` and `{\\an8}` in it: angle
    brackets become their single-guillemet look-alikes, and a brace no longer opens an override."""
    return text.replace("<", "‹").replace(">", "›").replace("{", "(").replace("}", ")")


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
