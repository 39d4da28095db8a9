"""Time stamps: the one clock formatter the captions, the EPUB overlays and DAISY write with."""

from __future__ import annotations

from enum import Enum


class Clock(Enum):
    """The ways a point in the audio is written (examples: 1 h 2 min 3.456 s)."""

    VTT = "vtt"  # 01:02:03.456, WebVTT cue times
    SRT = "srt"  # 01:02:03,456, SubRip cue times
    SMIL = "smil"  # 1:02:03.456, a SMIL full clock value (EPUB media overlays)
    HMS = "hms"  # 01:02:03, whole seconds (DAISY ncc.html and SMIL durations)
    SECONDS = "seconds"  # 3723.456s, a SMIL timecount (DAISY clips)


# hours' digits (at least), the mark before the fraction, digits of the fraction
_SHAPE = {Clock.VTT: (2, ".", 3), Clock.SRT: (2, ",", 3), Clock.SMIL: (1, ".", 3), Clock.HMS: (2, "", 0)}


def clock(seconds: float, form: Clock) -> str:
    """`seconds` written as `form` asks. Clock forms round to the nearest millisecond (or whole
    second for HMS) first, halves to even, so 59.9995 s is 00:01:00.000; a timecount keeps three
    decimals as Python's format does (59.9995 s is 59.999s)."""
    if form is Clock.SECONDS:
        return f"{seconds:.3f}s"
    hour_digits, mark, digits = _SHAPE[form]
    scale = 10**digits
    units = int(round(seconds * scale))
    hours, rest = divmod(units, 3600 * scale)
    minutes, rest = divmod(rest, 60 * scale)
    secs, fraction = divmod(rest, scale)
    tail = f"{mark}{fraction:0{digits}d}" if digits else ""
    return f"{hours:0{hour_digits}d}:{minutes:02d}:{secs:02d}{tail}"
