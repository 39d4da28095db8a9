"""Human-readable and JSON renderings of scripts and builds, for the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from audio_edition.languages import INSTALLED
from audio_edition.model import Pronunciation, Script, Segment, Speech
from audio_edition.publish.speakers import quoted_by
from audio_edition.script.speech import speech_text

if TYPE_CHECKING:  # the pipeline loads the audio stack, which printing a script does not need
    from audio_edition.pipeline import Built


def script_as_dict(script: Script) -> dict[str, Any]:
    """The script as JSON-ready data: meta, chapters, segments with speech (its text, and the words
    said by their IPA where an engine takes phonemes) and pauses, dropped lines."""
    meta = script.article.meta
    return {
        "title": meta.title,
        "title_from": meta.title_from,
        "byline": meta.byline,
        "date": meta.date,
        "language": meta.language,
        "chapters": [{"title": c.title, "first_segment": c.first_segment} for c in script.chapters],
        "segments": [
            {
                "index": s.index,
                "role": s.role,
                "voice": s.voice,
                "speaker": s.speaker,
                "text": s.text,
                "speech": s.speech.text,
                "pronounced": [{"alias": p.alias, "ipa": p.ipa} for p in _pronounced(s.speech)],
                "pause_after_ms": s.pause_after_ms,
                "block": s.block,
                "chapter": s.chapter,
            }
            for s in script.segments
        ],
        "dropped": [{"text": d.text, "reason": d.reason} for d in script.article.dropped],
    }


def script_as_text(script: Script) -> str:
    """The script as an editor reads it: chapters, then one line per segment with role and pause."""
    meta = script.article.meta
    spoken = "spoken" if script.article.spoken_title else "not spoken"
    lines = [f"# {meta.title}  (title from {meta.title_from}, {spoken})"]
    if meta.byline or meta.date:
        lines.append(f"  by {meta.byline or '?'}; date {meta.date or '?'}; language {meta.language}")
    for d in script.article.dropped:
        lines.append(f"  dropped ({d.reason}): {d.text}")
    for seg in script.segments:
        if seg.index == script.chapters[seg.chapter].first_segment:
            lines.append(f"\n== chapter {seg.chapter + 1}: {script.chapters[seg.chapter].title}")
        lines.append(
            f"{seg.index:4d} {seg.role:<11} {seg.voice:<8} +{seg.pause_after_ms:>4}ms  {_shown(seg)}"
        )
        says = said_as(seg.speech)
        if says != _plain(seg.text):
            lines.append(f"{'':31}says: {says}")
    return "\n".join(lines)


def build_summary(built: Built) -> str:
    """One line per build: file, length, counts."""
    ep = built.episode
    minutes, seconds = divmod(int(round(ep.duration)), 60)
    quotes = sum(1 for t in ep.timeline if t.segment.role == "quote")
    dropped = len(ep.script.article.dropped)
    made = (
        "audio reused: unchanged"
        if built.reused
        else f"{built.stats.synthesized} synthesized, {built.stats.cached} from cache"
    )
    return (
        f"{built.files[0]}  {minutes}:{seconds:02d}  {counted(len(ep.timeline), 'segment')} "
        f"({quotes} quoted), {counted(len(ep.chapters), 'chapter')}, {dropped} dropped, "
        f"engine {ep.engine} ({made})"
    )


def counted(n: int, noun: str) -> str:
    """`n` and the noun, singular for one: "1 chapter", "3 chapters"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def short_label(text: str, width: int = 40) -> str:
    """`text` in at most `width` characters, cut at a word with "…" when it is longer."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0] if " " in text[: width - 1] else text[: width - 1]
    return cut.rstrip(" ,;:-–—") + "…"


def _shown(segment: Segment) -> str:
    """A segment's written text, after `[Speaker]` when it is a quotation whose speaker is known."""
    speaker = quoted_by(segment)
    return f"[{speaker}] {segment.text}" if speaker else segment.text


def said_as(speech: Speech) -> str:
    """Speech as the script shows it: its text, each pronounced word followed by its IPA in slashes
    (`Keev /kˈiːjɪw/`)."""
    return "".join(p if isinstance(p, str) else f"{p.alias} /{p.ipa}/" for p in speech.pieces)


def _pronounced(speech: Speech) -> list[Pronunciation]:
    return [p for p in speech.pieces if isinstance(p, Pronunciation)]


def _plain(text: str) -> str:
    """Text without quotation marks and extra spaces, to tell when speech differs in substance."""
    return speech_text(text, INSTALLED.undetermined()).text  # no rules: the text as written
