"""What a build starts from, as plain data below every stage: each default that the options and a
stage's settings share has its one home here, as have the pauses after each kind of break."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The show's name: spoken in the opening and closing, the MP3's artist and album, the feed's title
# and author unless told otherwise.
SHOW_NAME = "Audio Edition"
OUT_DIR = Path("output")  # where a build writes its set of files
# The formats made beside the MP3 and manifest unless told otherwise (names in `publish/formats.py`).
DEFAULT_FORMATS = ("vtt", "srt", "chapters")
BITRATE = "96k"
SAMPLE_RATE = 44100
LOUDNESS = -16.0  # LUFS, integrated
SPEED = 1.0
MIN_QUOTE_WORDS = 4  # shorter quotations stay in the narrator's voice


@dataclass(frozen=True)
class Pauses:
    """Silence after a segment, in milliseconds, chosen by structure (longer = bigger break)."""

    clause: int = 150
    sentence: int = 400
    paragraph: int = 750
    title: int = 1000
    heading: int = 700
    section: int = 1300
    lead_in: int = 300
    tail: int = 1000
