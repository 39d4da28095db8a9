"""Measure how long each engine here takes to say short and long texts, per syllable, to set the
quality gate's speech-rate limits (`audio_edition.audio.quality`) from the engines' real spread.

Each text is spoken many times (Piper samples its durations; espeak-ng and the fake engine do
not, so they take fewer repeats), shaped as the mastering step shapes every clip (resampled,
silence trimmed, edges faded), and timed. Prints, per engine and kind of text, the durations and
the seconds per syllable (syllables as the gate counts them: `audio_edition.text.syllables`):
minimum, 5th percentile, median, 95th percentile, maximum.

    python scripts/measure_speech_rates.py [--repeat 25] [--engines piper,espeak,fake]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audio_edition.audio.shape import prepare  # noqa: E402
from audio_edition.text.syllables import syllables  # noqa: E402
from audio_edition.voices.registry import get_engine  # noqa: E402

# Texts as the gate sees them (speech text, after normalisation), by kind.
TEXTS: dict[str, tuple[str, ...]] = {
    "single letter": ("A", "B", "I", "O", "Z", "W"),
    "initialism": ("U S", "E U", "B B C", "U N"),
    "number": ("seven", "forty-two", "nineteen ninety-nine", "three hundred and twelve"),
    "one-word answer": ("No.", "Yes.", "Why?", "Never.", "Kyiv."),
    "short phrase": ("Audio Edition.", "By Marta Okonkwo-Reyes.", "March third, twenty twenty-six."),
    "long sentence": (
        "The union said eighty-seven per cent of members backed the action after the operator "
        "proposed longer night shifts.",
        "Around fourteen thousand people use the ferries each weekday, according to city figures.",
        "We have captains finishing a shift at four in the morning and being called back by noon.",
        "Delegations from both sides met for three hours on Tuesday, and the talks will resume "
        "next week in Istanbul, officials said.",
    ),
}
RATE = 22050


def measure(engine_name: str, repeat: int) -> dict[str, tuple[list[float], list[float]]]:
    """Per kind of text: (durations in seconds, seconds per syllable) over every take."""
    engine = get_engine(engine_name)
    ok, why = engine.available()
    if not ok:
        raise SystemExit(f"{engine_name} is not usable here: {why}")
    voice = engine.default_voices("en")["narrator"]
    out: dict[str, tuple[list[float], list[float]]] = {}
    for kind, texts in TEXTS.items():
        durations: list[float] = []
        per_syllable: list[float] = []
        for text in texts:
            for _ in range(repeat):
                clip = prepare(engine.synthesize(text, voice), RATE)
                durations.append(clip.duration)
                per_syllable.append(clip.duration / max(1, syllables(text)))
        out[kind] = (durations, per_syllable)
    return out


def spread(values: list[float]) -> str:
    """min / p5 / median / p95 / max of `values`, in seconds."""
    ordered = sorted(values)
    q = statistics.quantiles(ordered, n=20) if len(ordered) > 1 else [ordered[0]] * 19
    return (
        f"{ordered[0]:.3f} / {q[0]:.3f} / {statistics.median(ordered):.3f} / {q[-1]:.3f} / {ordered[-1]:.3f}"
    )


def main() -> int:
    """Measure every engine asked for and print a Markdown table per engine."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--repeat", type=int, default=25, help="takes per text for Piper (others: 3)")
    parser.add_argument("--engines", default="piper,espeak,fake")
    args = parser.parse_args()
    for name in args.engines.split(","):
        repeat = args.repeat if name == "piper" else 3
        print(f"\n### {name}: {repeat} takes per text (min / p5 / median / p95 / max)\n")
        print("| texts | takes | seconds | seconds per syllable |")
        print("| --- | ---: | --- | --- |")
        for kind, (durations, per_syllable) in measure(name, repeat).items():
            print(f"| {kind} | {len(durations)} | {spread(durations)} | {spread(per_syllable)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
