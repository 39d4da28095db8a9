"""Benchmark a newsroom's volume: batch throughput and peak memory.

- Throughput of a batch of 20 articles (the samples, each copy made unique so nothing is shared
  through the cache), in audio-minutes per wall-minute: one process, local processes (one per
  core), a Dask LocalCluster (one worker per core). Piper, cold caches, measured in one run.
- Peak memory (max RSS of a fresh process) building articles of 10, 30 and 60 minutes of audio.

    python scripts/bench_batch.py [--articles 20] [--write BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from audio_edition.batch import run_batch
from audio_edition.options import Options

ROOT = Path(__file__).resolve().parent.parent


def newsroom(folder: Path, count: int) -> None:
    """`count` unique UTF-8 articles made from the plain-text and Markdown samples."""
    samples = []
    for path in sorted((ROOT / "articles").iterdir()):
        if path.suffix in (".txt", ".md"):
            try:
                samples.append((path, path.read_text(encoding="utf-8")))
            except UnicodeDecodeError:
                continue  # the cp1252 and UTF-16 samples
    for k in range(count):
        source, text = samples[k % len(samples)]
        unique = f"{text.rstrip()}\n\nThis is edition number {k + 1} of the batch.\n"
        (folder / f"{source.stem}-{k + 1}{source.suffix}").write_text(unique, encoding="utf-8")


def throughput(folder: Path, mode: str, work: Path) -> tuple[float, float]:
    """(audio minutes per wall minute, wall seconds) for one batch mode, from cold caches."""
    opts = Options(engine="piper", out_dir=work / f"out-{mode}", cache_dir=work / f"cache-{mode}", formats=())
    kwargs = {
        "one process": {"processes": 1},
        "local processes": {},
        "Dask LocalCluster": {"workers": os.cpu_count() or 1},
    }[mode]
    report = run_batch(folder, opts, **kwargs)  # type: ignore[arg-type]
    assert not report.failures, report.failures
    minutes = sum(r.audio_seconds for r in report.results) / 60
    return minutes / (report.wall / 60), report.wall


# VmHWM, not ru_maxrss: on Linux ru_maxrss survives exec, so a child would report its parent's peak
PEAK = """
import re, sys
from pathlib import Path
from audio_edition.options import Options
from audio_edition.pipeline import produce
out = Path(sys.argv[2])
options = Options(engine="fake", out_dir=out, cache_dir=out / ("cache-" + Path(sys.argv[1]).stem), formats=())
built = produce(Path(sys.argv[1]), options)
status = Path("/proc/self/status").read_text()
print(built.episode.duration, re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))
"""


def peak_memory(minutes: int, work: Path) -> tuple[float, float]:
    """(audio minutes, peak RSS in MB) of a fresh process building an article of about `minutes`."""
    paragraph = textwrap.fill(
        "The council met again on Tuesday to discuss the harbour plan, and members asked "
        "for more time to read the engineers' report before any vote. " * 3,
        1000,
    )
    article = work / f"long-{minutes}.txt"
    # the fake engine speaks ~2.6 paragraphs a minute at its pace
    article.write_text("A Long Council Report\n" + "\n".join([paragraph] * int(minutes * 2.6)) + "\n")
    out = subprocess.run(
        [sys.executable, "-c", PEAK, str(article), str(work / "long-out")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]) / 60, int(out[1]) / 1024


def main() -> int:
    """Run both benchmarks and print (and optionally append) the Markdown tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp())
    try:
        folder = work / "articles"
        folder.mkdir()
        newsroom(folder, args.articles)
        lines = [
            f"### Batch of {args.articles} articles, Piper, cold caches, {os.cpu_count()} cores",
            "",
            "| mode | wall s | audio-min per wall-min | ratio |",
            "| --- | ---: | ---: | ---: |",
        ]
        base = None
        for mode in ("one process", "local processes", "Dask LocalCluster"):
            rate, wall = throughput(folder, mode, work)
            base = base or rate
            lines.append(f"| {mode} | {wall:.1f} | {rate:.1f} | {rate / base:.2f} x one process |")
        lines += [
            "",
            "### Peak memory (fake engine, a fresh process per article)",
            "",
            "| audio minutes | peak RSS MB |",
            "| ---: | ---: |",
        ]
        for minutes in (10, 30, 60):
            audio, peak = peak_memory(minutes, work)
            lines.append(f"| {audio:.0f} | {peak:.0f} |")
        report = "\n".join(lines) + "\n"
        print(report)
        if args.write:
            with args.write.open("a", encoding="utf-8") as handle:
                handle.write("\n" + report)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
