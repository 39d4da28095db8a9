"""Chapters in a feed item in the two forms apps read when they ignore JSON chapters and ID3: Podlove
Simple Chapters (`psc:chapters`, read by gPodder, Spotify and others) and a list of time stamps in
the item's description (what Apple Podcasts and Spotify show when nothing else is there)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from audio_edition.publish.clocks import Clock, clock

PSC = "http://podlove.org/simple-chapters"
PSC_VERSION = "1.2"


def whole_ms(seconds: float) -> int:
    """A chapter's start in whole milliseconds, cut as the ID3 CHAP frames cut it."""
    return int(float(seconds) * 1000)


def add_psc_chapters(item: ET.Element, chapters: Sequence[dict[str, Any]]) -> None:
    """`<psc:chapters version="1.2">` with a `<psc:chapter start="HH:MM:SS.mmm" title=...>` per
    chapter, in time order, the same starts (to the millisecond) as the ID3 frames."""
    if not chapters:
        return
    ET.register_namespace("psc", PSC)
    holder = ET.SubElement(item, f"{{{PSC}}}chapters", {"version": PSC_VERSION})
    for chapter in sorted(chapters, key=lambda c: float(c["start"])):
        start = clock(whole_ms(chapter["start"]) / 1000, Clock.VTT)
        ET.SubElement(holder, f"{{{PSC}}}chapter", {"start": start, "title": str(chapter["title"])})


def stamp(seconds: float) -> str:
    """A description's time stamp: `MM:SS`, or `H:MM:SS` from an hour, whole seconds cut down."""
    whole = whole_ms(seconds) // 1000
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def described_chapters(description: str, chapters: Sequence[dict[str, Any]]) -> str:
    """`description` followed by a "Chapters:" list, a line per chapter: `MM:SS Title`. Two chapters
    or more only (a one-chapter list says nothing); the first stamp is 00:00, as apps ask."""
    ordered = sorted(chapters, key=lambda c: float(c["start"]))
    if len(ordered) < 2:
        return description
    lines = [f"{stamp(0.0 if k == 0 else c['start'])} {c['title']}" for k, c in enumerate(ordered)]
    return description.rstrip() + "\n\nChapters:\n" + "\n".join(lines)
