"""Benchmark `--verify`: what hearing costs against speaking, how many segments are spoken again,
and how intelligible the episode is against the best the voice does.

For each engine (Piper three fresh builds, espeak-ng one: it says a text the same way every time),
in one process: a fresh `--verify` build of ARTICLE (empty cache), timing the synthesis of its
first takes (`synthesize`) and the verification (`verify_clips`: model load, hearing, every take
spoken again and heard) in the same build; the share of segments spoken again; and the body's
word error rate, heard two ways: per segment as the build heard it (the QA report), and the body
of the finished MP3 heard whole in one pass. Beside it, in the same run: a fresh build without
`--verify` (the episode as it was before), and the baseline, the engine reading all the body's
speech text in one call, heard whole the same way and scored against the same words.

With `--samples`, instead: every English sample of `articles/` built once with `--verify` and
Piper, each one's segments, segments spoken again, segments still wrong and body word error rate.

With `--spread ENGINE`: the spread of takes the thresholds are set from, the word error rate of
every segment of the reference (two takes) and four English samples (one take), as a build hears
them (first takes, before any is spoken again): percentiles, and the worst.

    python scripts/bench_verify.py [ARTICLE] [--runs 3] [--engines piper,espeak] [--samples] [--spread ENGINE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

import audio_edition.pipeline as pipeline
import audio_edition.verify.setup as verify_setup
from audio_edition.audio.ffmpeg import decode_audio
from audio_edition.ingest import read_article
from audio_edition.model import Clip
from audio_edition.options import Options
from audio_edition.script import write_script
from audio_edition.verify.compare import heard_words, reference_tokens, score
from audio_edition.verify.recognizer import RATE
from audio_edition.verify.report import OPENING_CLOSING
from audio_edition.voices import get_engine
from audio_edition.voices.cast import CastSettings, resolve_cast

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "articles" / "peace-talks-istanbul.txt"


def timed(module: Any, name: str, spent: list[float]) -> Callable[[], None]:
    """Wrap `module.name` so each call's seconds are added to `spent`; returns the undo."""
    real = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    setattr(module, name, wrapper)
    return lambda: setattr(module, name, real)


def heard_whole(samples: np.ndarray) -> list[str]:
    """Every word the recogniser hears in 16 kHz audio, in one pass (30-second windows in turn)."""
    model = verify_setup.recognizer(verify_setup.default_model_dir(), "en")
    return [w.word.strip() for w in model._words(samples.astype(np.float32))]


def body_wer(words: list[str], speech: str) -> float:
    meant = reference_tokens(speech)
    return score(meant, heard_words(words, meant)).rate


def build(article: Path, engine: str, verify: bool) -> dict[str, Any]:
    """One fresh build (its own empty cache): seconds synthesising and verifying, the QA report,
    and the body of its MP3 heard whole."""
    synth: list[float] = []
    check: list[float] = []
    undo = [timed(pipeline, "synthesize", synth), timed(verify_setup, "verify_clips", check)]
    verify_setup.recognizer.cache_clear()  # the model loaded afresh, as in a new process
    with tempfile.TemporaryDirectory() as tmp:
        options = Options(
            engine=engine,
            verify="on" if verify else None,
            formats=(),
            out_dir=Path(tmp),
            cache_dir=Path(tmp) / "c",
        )
        start = time.perf_counter()
        built = pipeline.produce(article, options)
        total = time.perf_counter() - start
        for u in undo:
            u()
        qa = json.loads((Path(tmp) / f"{article.stem}.qa.json").read_text(encoding="utf-8"))
        audio = decode_audio(Path(tmp) / f"{article.stem}.mp3", RATE).samples
    body = [t for t in built.episode.timeline if t.segment.role not in OPENING_CLOSING]
    stretch = audio[int(body[0].start * RATE) : int(body[-1].end * RATE) + RATE // 4]
    speech = " ".join(t.segment.speech for t in body)
    return {
        "synthesis": sum(synth),
        "verification": sum(check),
        "total": total,
        "qa": qa.get("verification"),
        "whole": body_wer(heard_whole(stretch), speech),
    }


def baseline(article: Path, engine: str) -> float:
    """The engine reading the body's speech text in one call, heard whole: its word error rate."""
    options = Options(engine=engine)
    script = write_script(read_article(article), options)
    speech = " ".join(s.speech for s in script.segments if s.role not in OPENING_CLOSING)
    spec = resolve_cast(CastSettings.from_options(options), "en")["narrator"]
    clip = get_engine(engine).synthesize(speech, spec.voice)
    import soxr

    samples = np.asarray(soxr.resample(clip.samples, clip.sample_rate, RATE), dtype=np.float32)
    return body_wer(heard_whole(Clip(samples, RATE).samples), speech)


def samples() -> None:
    """Every English sample built with `--verify` (Piper): what its report says."""
    from audio_edition.text.languages import primary_subtag

    folder = Path(__file__).resolve().parents[1] / "articles"
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html")):
        if primary_subtag(read_article(path).meta.language or "en") != "en":
            continue
        with tempfile.TemporaryDirectory() as tmp:
            options = Options(
                engine="piper", verify="on", formats=(), out_dir=Path(tmp), cache_dir=Path(tmp) / "c"
            )
            pipeline.produce(path, options)
            found = json.loads((Path(tmp) / f"{path.stem}.qa.json").read_text(encoding="utf-8"))[
                "verification"
            ]
        print(
            f"{path.name}: {len(found['segments'])} segments, spoken again {found['segments_respoken']}, "
            f"still wrong {len(found['segments_wrong'])}, body WER {found['body_word_error_rate']:.3f}",
            flush=True,
        )


def spread(engine: str, article: Path) -> None:
    """Each segment's word error rate over takes of the reference and four samples."""
    from audio_edition.verify.boundaries import settle
    from audio_edition.voices.synthesize import synthesize

    options = Options(engine=engine)
    folder = Path(__file__).resolve().parents[1] / "articles"
    paths = [article, article, *sorted(folder.glob("*.txt"))[:4]]
    model = verify_setup.recognizer(verify_setup.default_model_dir(), "en")
    rates: list[tuple[float, int, str]] = []
    for path in paths:
        script = write_script(read_article(path), options)
        clips = synthesize(script, resolve_cast(CastSettings.from_options(options), "en"))
        meant = [reference_tokens(s.speech) for s in script.segments]
        heard = settle(model.hear(clips), meant, [c.duration for c in clips])
        for seg, m, h in zip(script.segments, meant, heard, strict=True):
            found = score(m, heard_words([w.text for w in h], m))
            rates.append((found.rate, found.errors, seg.text[:50]))
    ordered = sorted(r for r, _, _ in rates)
    marks = ", ".join(
        f"p{q}: {ordered[max(0, round(q / 100 * len(ordered)) - 1)]:.3f}" for q in (50, 90, 95, 98)
    )
    print(f"{engine}: {len(rates)} segments; {marks}; max {ordered[-1]:.3f}")
    for rate, errors, text in sorted(rates, reverse=True)[:5]:
        print(f"  {rate:.3f} ({errors} errors) {text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=REFERENCE)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engines", default="piper,espeak")
    parser.add_argument("--samples", action="store_true", help="every English sample, once each")
    parser.add_argument("--spread", metavar="ENGINE", help="the spread of takes thresholds are set from")
    args = parser.parse_args()
    if args.spread:
        spread(args.spread, args.article)
        return
    if args.samples:
        samples()
        return
    for engine in args.engines.split(","):
        runs = args.runs if engine == "piper" else 1
        rows = []
        for run in range(runs):
            verified = build(args.article, engine, True)
            plain = build(args.article, engine, False)
            base = baseline(args.article, engine)
            qa = verified["qa"]
            segments = len(qa["segments"])
            again = qa["segments_respoken"]
            ratio = verified["verification"] / verified["synthesis"]
            rows.append(verified)
            print(
                f"{engine} run {run + 1}: synthesis {verified['synthesis']:.1f} s, verification "
                f"{verified['verification']:.1f} s ({ratio:.2f}x), build {verified['total']:.1f} s "
                f"(unverified {plain['total']:.1f} s); spoken again {again}/{segments} "
                f"({again / segments:.1%}), still wrong {len(qa['segments_wrong'])}; body WER per "
                f"segment {qa['body_word_error_rate']:.3f}, heard whole: verified {verified['whole']:.3f}, "
                f"unverified {plain['whole']:.3f}, one call {base:.3f} "
                f"(verified - one call {verified['whole'] - base:+.3f})",
                flush=True,
            )
        ratios = [r["verification"] / r["synthesis"] for r in rows]
        median, most = statistics.median(ratios), max(ratios)
        print(f"{engine}: verification / synthesis median {median:.2f}x, max {most:.2f}x")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
