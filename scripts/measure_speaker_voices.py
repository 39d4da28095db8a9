"""Measure an engine's speaker voices: are they told apart, and do they stay intelligible?

For each voice, the same news sentences are spoken and measured: median pitch (Hz, by
autocorrelation, as the tests measure it), spectral centroid (Hz, the brightness of the timbre,
over active frames at 16 kHz) and ASR word accuracy (percent of written words that offline speech
recognition, pocketsphinx, hears back), beside the narrator's voice on the same sentences.

    python scripts/measure_speaker_voices.py [--engine piper|espeak] [--lang en] [--takes 1]
                                             [--voices joe,joe+bright] [--ratios 0.84,1.22]

Without --voices it measures the narrator, then the engine's speaker pool. `--ratios` (Piper
only) adds candidate pitch ratios as ad hoc variants named `xRATIO`, for choosing new variants.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audio_edition.audio.shape import resample  # noqa: E402
from audio_edition.model import Clip  # noqa: E402
from audio_edition.voices import get_engine  # noqa: E402
from audio_edition.voices.base import Engine, SpeakerPool  # noqa: E402
from tests.audio_checks import median_pitch  # noqa: E402

SENTENCES = (
    "The harbour ferries will run again on Monday morning, the operator said.",
    "We have offered to meet the union at any time this week.",
    "The council will vote on the new budget before the end of the month.",
    "Prices for food and energy rose faster than anyone had expected.",
    "There is no reason to believe that the talks will fail.",
    "Our members are tired of working long night shifts without a break.",
    "The company said it would not comment on the report until next year.",
    "Families living near the river were told to leave their homes tonight.",
    "We are ready to sign an agreement as soon as the other side is.",
    "The minister promised that every school would have a nurse by the spring.",
)
ASR_RATE = 16000


@dataclass(frozen=True)
class Row:
    """One voice's measurements."""

    voice: str
    pitch: float
    centroid: float
    accuracy: float


def level(samples: np.ndarray) -> np.ndarray:
    """Samples scaled to an RMS of -20 dBFS, so thresholds mean the same for every engine."""
    rms = float(np.sqrt(np.mean(np.square(samples.astype(np.float64))))) if len(samples) else 0.0
    return (samples * (0.1 / rms)).astype(np.float32) if rms > 0 else samples


def spectral_centroid(samples: np.ndarray, rate: int) -> float:
    """Mean spectral centroid (Hz) over 32 ms frames louder than -35 dBFS."""
    frame = int(0.032 * rate)
    window = np.hanning(frame)
    freqs = np.fft.rfftfreq(frame, 1 / rate)
    found = []
    for i in range(0, len(samples) - frame, frame // 2):
        chunk = samples[i : i + frame].astype(np.float64)
        if np.sqrt(np.mean(chunk**2)) < 0.018:
            continue
        spectrum = np.abs(np.fft.rfft(chunk * window))
        if spectrum.sum() > 0:
            found.append(float((freqs * spectrum).sum() / spectrum.sum()))
    return float(np.mean(found)) if found else 0.0


def words(text: str) -> list[str]:
    """The lower-case words of `text`."""
    return re.findall(r"[a-z']+", text.lower())


def heard(decoder: object, clip: Clip) -> list[str]:
    """What pocketsphinx hears in a 16 kHz clip."""
    pcm = (np.clip(clip.samples, -1, 1) * 32767).astype("<i2")
    decoder.start_utt()  # type: ignore[attr-defined]
    decoder.process_raw(pcm.tobytes(), full_utt=True)  # type: ignore[attr-defined]
    decoder.end_utt()  # type: ignore[attr-defined]
    hyp = decoder.hyp()  # type: ignore[attr-defined]
    return words(hyp.hypstr) if hyp else []


def accuracy(written: list[str], said: list[str]) -> tuple[int, int]:
    """(written words heard, written words), counting repeated words as often as they occur."""
    have = Counter(said)
    return sum(min(n, have[w]) for w, n in Counter(written).items()), len(written)


def measure(engine: Engine, voice: str, takes: int, decoder: object) -> Row:
    """Speak every sentence `takes` times in `voice` and measure pitch, timbre and intelligibility."""
    clips: list[Clip] = []
    right = total = 0
    for _ in range(takes):
        for sentence in SENTENCES:
            clip = resample(engine.synthesize(sentence, voice), ASR_RATE)
            clip = Clip(level(clip.samples), ASR_RATE)
            clips.append(clip)
            got, of = accuracy(words(sentence), heard(decoder, clip))
            right, total = right + got, total + of
    joined = np.concatenate([c.samples for c in clips])
    return Row(
        voice, median_pitch(joined, ASR_RATE), spectral_centroid(joined, ASR_RATE), 100 * right / total
    )


def voices_to_measure(engine: Engine, tag: str, ratios: list[float]) -> list[str]:
    """The narrator, then the speaker pool, then any ad hoc Piper ratios."""
    from audio_edition.languages import language_for

    language = language_for(tag)
    cast = engine.default_voices(language)
    pool = (
        engine.speaker_pool(language, cast["quote"]) if isinstance(engine, SpeakerPool) else [cast["quote"]]
    )
    extra = []
    if ratios:
        from audio_edition.voices import piper_engine

        for ratio in ratios:
            piper_engine.VARIANTS[f"x{ratio:g}"] = ratio
            extra.append(f"joe+x{ratio:g}")
    return list(dict.fromkeys([cast["narrator"], *pool, *extra]))


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table, pitch also relative to the first row (the narrator)."""
    base = rows[0].pitch or 1.0
    out = ["| voice | median pitch Hz | vs narrator | spectral centroid Hz | ASR word accuracy % |"]
    out.append("| --- | ---: | ---: | ---: | ---: |")
    for row in rows:
        cells = [row.voice, f"{row.pitch:.0f}", f"{row.pitch / base:.2f}", f"{row.centroid:.0f}"]
        out.append(f"| {' | '.join(cells)} | {row.accuracy:.0f} |")
    return "\n".join(out)


def main() -> None:
    """Parse arguments, measure every voice, print the table."""
    import pocketsphinx

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", default="piper")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--takes", type=int, default=1)
    parser.add_argument("--voices", default="")
    parser.add_argument("--ratios", default="")
    args = parser.parse_args()
    engine = get_engine(args.engine)
    ok, why = engine.available()
    if not ok:
        sys.exit(f"{args.engine} is not usable here: {why}")
    ratios = [float(r) for r in args.ratios.split(",") if r.strip()]
    names = [v for v in args.voices.split(",") if v] or voices_to_measure(engine, args.lang, ratios)
    decoder = pocketsphinx.Decoder(samprate=ASR_RATE, loglevel="FATAL")
    rows = []
    for name in names:
        rows.append(measure(engine, name, args.takes, decoder))
        print(f"measured {name}", file=sys.stderr)
    print(table(rows))


if __name__ == "__main__":
    main()
