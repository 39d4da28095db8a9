"""Verification as the build reports it: the QA section, the word times, `--verify strict`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from audio_edition.errors import QualityError
from audio_edition.model import Episode, Script, TimedWord, segment_label
from audio_edition.verify.records import Checked
from audio_edition.verify.timing import timed_words

OPENING_CLOSING = ("intro", "outro")  # the tool's own sentences: not the article's body
WORD_TIMES = "word_times"  # the stored QA's key for the timed words (moved to the manifest)


@dataclass(frozen=True)
class Verification:
    """What recognition found for each segment of a build, and where each kept take begins."""

    script: Script
    model: str
    strict: bool
    checked: tuple[Checked, ...]
    leads: tuple[float, ...]  # seconds mastering trims from each clip's start

    def wrong(self) -> list[int]:
        """Indexes of the segments still wrong after their tries."""
        return [k for k, c in enumerate(self.checked) if not c.passed]

    def refuse_wrong(self) -> None:
        """With `--verify strict`, QualityError naming the first segment still wrong."""
        wrong = self.wrong()
        if self.strict and wrong:
            raise QualityError(strict_message(self.script, wrong[0], self.checked[wrong[0]].as_report()))

    def qa(self, episode: Episode) -> dict[str, Any]:
        """The QA report's `verification` section, and every segment's words timed on the episode
        (under `word_times`, which the pipeline moves to the manifest)."""
        body = [
            c
            for c, s in zip(self.checked, self.script.segments, strict=True)
            if s.role not in OPENING_CLOSING
        ]
        words = sum(c.words for c in body)
        report = {
            "model": self.model,
            "strict": self.strict,
            "body_word_error_rate": round(sum(c.errors for c in body) / words, 4) if words else 0.0,
            "segments_respoken": sum(1 for c in self.checked if len(c.takes) > 1),
            "segments_wrong": self.wrong(),
            "segments": [{"index": k, **c.as_report()} for k, c in enumerate(self.checked)],
        }
        timed = [
            timed_words(
                t.segment.text,
                list(c.heard),
                lead=lead,
                start=t.start,
                end=t.end,
                scale=episode.time_scale,
            )
            for t, c, lead in zip(episode.timeline, self.checked, self.leads, strict=True)
        ]
        return {"verification": report, WORD_TIMES: [[[w.text, w.start, w.end] for w in ws] for ws in timed]}


def strict_message(script: Script, index: int, found: dict[str, Any]) -> str:
    """The one line `--verify strict` fails with, naming the segment and what was heard."""
    tries = len(found["takes"])
    return (
        f"verification failed, nothing written: {segment_label(script.segments[index])} was heard as "
        f"“{found['heard'][:60]}” (word error rate {found['error']:.2f} after {tries} "
        f"take{'s' if tries != 1 else ''}); give --fallback ENGINE or leave out strict"
    )


def with_words(episode: Episode, qa: dict[str, Any], strict: bool) -> tuple[Episode, dict[str, Any]]:
    """The episode with its timed words taken from a verified build's QA report, and the report
    without them; with `strict`, QualityError when a segment of it was still wrong."""
    from dataclasses import replace

    if WORD_TIMES not in qa:
        return episode, qa
    found = qa.get("verification", {})
    if strict and found.get("segments_wrong"):
        k = found["segments_wrong"][0]
        raise QualityError(strict_message(episode.script, k, found["segments"][k]))
    words = tuple(tuple(TimedWord(str(t), float(a), float(b)) for t, a, b in seg) for seg in qa[WORD_TIMES])
    rest = {k: v for k, v in qa.items() if k != WORD_TIMES}
    return replace(episode, words=words), rest
