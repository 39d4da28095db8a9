"""The episode's text laid out for reading: chapters of headings and paragraphs of timed sentences.

Shared by the EPUB, DAISY and read-along outputs, so all three show the same text with the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from audio_edition.model import Episode, TimedSegment
from audio_edition.publish.speakers import quoted_by
from audio_edition.publish.xml_text import escape


@dataclass(frozen=True)
class Part:
    """A heading or a paragraph: its kind (h1, h2, p, blockquote, intro) and its timed sentences."""

    kind: str
    sentences: tuple[TimedSegment, ...]


@dataclass(frozen=True)
class Section:
    """One chapter: its title, start and end (seconds) and its parts."""

    number: int
    title: str
    start: float
    end: float
    parts: tuple[Part, ...]

    @property
    def spoken(self) -> float:
        """Seconds of audio its sentences take (the clips an overlay plays)."""
        return sum(t.end - t.start for part in self.parts for t in part.sentences)


def sections(episode: Episode) -> list[Section]:
    """The episode's chapters, each a list of parts; sentences keep their timeline times."""
    out: list[Section] = []
    blocks = episode.script.article.blocks
    for number, chapter in enumerate(episode.chapters):
        members = [t for t in episode.timeline if t.segment.chapter == number]
        parts: list[Part] = []
        for timed in members:
            seg = timed.segment
            kind = {"title": "h1", "heading": "h2", "intro": "intro", "outro": "intro"}.get(seg.role)
            if kind is None:
                kind = (
                    "blockquote"
                    if 0 <= seg.block < len(blocks) and blocks[seg.block].kind == "blockquote"
                    else "p"
                )
            same_block = parts and seg.block >= 0 and parts[-1].sentences[-1].segment.block == seg.block
            if same_block and kind in ("p", "blockquote") and parts[-1].kind == kind:
                parts[-1] = Part(kind, parts[-1].sentences + (timed,))
            else:
                parts.append(Part(kind, (timed,)))
        out.append(Section(number + 1, chapter.title, chapter.start, chapter.end, tuple(parts)))
    return out


def sentence_id(timed: TimedSegment) -> str:
    """The id every output uses for a sentence."""
    return f"s{timed.segment.index}"


def part_html(part: Part, *, classes: bool = True) -> str:
    """A part as XHTML: a heading or paragraph of `<span id="sN">` sentences; with `classes`, quotations
    are marked and their known speakers labelled (see `speaker_label`)."""
    spans = _sentences(part.sentences) if classes else " ".join(_span(t) for t in part.sentences)
    if part.kind in ("h1", "h2"):
        return f"<{part.kind}>{spans}</{part.kind}>"
    if part.kind == "blockquote":
        return f"<blockquote><p>{spans}</p></blockquote>"
    if part.kind == "intro":
        return f'<p class="programme">{spans}</p>' if classes else f"<p>{spans}</p>"
    return f"<p>{spans}</p>"


def _sentences(sentences: tuple[TimedSegment, ...]) -> str:
    """Sentence spans with voice classes; a speaker label before a quotation whose speaker differs from
    the previous quotation's in the part (narration between, as in `“…,” he said, “…”`, keeps it)."""
    out: list[str] = []
    label, previous = "", None
    for timed in sentences:
        speaker = quoted_by(timed.segment)
        if speaker and speaker != previous:
            label = f"who{timed.segment.index}"
            out.append(speaker_label(label, speaker))
        out.append(_span(timed, _voice(timed, label if speaker else "")))
        if timed.segment.role == "quote":
            previous = speaker
    return " ".join(out)


def speaker_label(label_id: str, speaker: str) -> str:
    """A speaker's label: shown, small, before their quotation; hidden from screen readers, which get
    it instead as the description of each quoted sentence ("Quotation from NAME"), so no word is
    added to the text read aloud or to the sentences the media overlays point at. (Not `<cite>`,
    which HTML keeps for titles of works, nor `title`, which touch and most screen readers ignore.)"""
    return (
        f'<span class="speaker" id="{label_id}" aria-hidden="true">'
        f'<span class="visually-hidden">Quotation from </span>{escape(speaker)}</span>'
    )


def _span(timed: TimedSegment, attributes: str = "") -> str:
    return f'<span id="{sentence_id(timed)}"{attributes}>{escape(timed.segment.text)}</span>'


def _voice(timed: TimedSegment, label_id: str) -> str:
    if timed.segment.role != "quote":
        return ""
    speaker = quoted_by(timed.segment)
    if not speaker:
        return ' class="quote"'
    return f' class="quote" data-speaker="{escape(speaker)}" aria-describedby="{label_id}"'
