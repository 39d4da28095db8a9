"""Build every article in a folder: skip what is up to date, build the rest in parallel processes,
report each article's fate; one bad article never stops the others."""

from __future__ import annotations

import contextlib
import importlib.util
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from audio_edition.batch_jobs import ArticleResult, Job, Status, build_jobs
from audio_edition.collaborators import Collaborators
from audio_edition.errors import InputError
from audio_edition.fingerprint import fingerprint
from audio_edition.ingest import SUFFIXES
from audio_edition.options import Options
from audio_edition.pipeline import refuse_clashes
from audio_edition.publish.outputs import up_to_date
from audio_edition.publish.slug import slugify
from audio_edition.publish.staging import check_output_folder
from audio_edition.scheduler_address import check_scheduler

BatchProgress = Callable[[int, int, str], None]


@dataclass
class BatchReport:
    """Every article's result and the batch's wall time."""

    results: list[ArticleResult] = field(default_factory=list)
    wall: float = 0.0

    @property
    def total(self) -> int:
        """Articles found."""
        return len(self.results)

    @property
    def failures(self) -> list[str]:
        """`path: message` for each article that failed."""
        return [f"{r.path}: {r.error}" for r in self.results if r.status == "failed"]

    def count(self, status: Status) -> int:
        """How many articles ended with `status`."""
        return sum(1 for r in self.results if r.status == status)

    def table(self) -> str:
        """The summary: built, skipped, failed, audio minutes made, wall time, throughput."""
        minutes = sum(r.audio_seconds for r in self.results if r.status == "built") / 60
        rate = minutes / (self.wall / 60) if self.wall > 0 else 0.0
        rows = [
            ("built", str(self.count("built"))),
            ("skipped (up to date)", str(self.count("skipped"))),
            ("failed", str(self.count("failed"))),
            ("audio made", f"{minutes:.1f} min"),
            ("wall time", f"{self.wall:.1f} s"),
            ("throughput", f"{rate:.1f} audio-min per wall-min"),
        ]
        width = max(len(k) for k, _ in rows)
        return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def find_articles(directory: Path, out_dir: Path) -> list[Path]:
    """Article files under `directory`, recursively, in a stable order (hidden files and OUT left out)."""
    out = out_dir.resolve()
    found = []
    for path in sorted(directory.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in SUFFIXES or not path.suffix:
            continue
        if any(part.startswith(".") for part in path.relative_to(directory).parts):
            continue
        if out == path.resolve().parent or out in path.resolve().parents:
            continue
        found.append(path)
    return found


def slugs(paths: list[Path], directory: Path) -> list[str]:
    """The output name of each article: its path under `directory`, suffix left out, made file-safe
    (`story.txt` -> `story`, `sport/story.md` -> `sport-story`), whatever else the folder holds;
    InputError when two articles would have one name (`story.txt` and `story.md`)."""
    names = [slugify("-".join(p.relative_to(directory).with_suffix("").parts)) for p in paths]
    refuse_clashes(paths, names, "rename one of them, or move it to a folder of its own")
    return names


def run_batch(
    directory: Path,
    options: Options,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    processes: int | None = None,
    progress: BatchProgress | None = None,
    collaborators: Collaborators | None = None,
) -> BatchReport:
    """Build every article under `directory` into `options.out_dir`; up-to-date ones are skipped.

    The rest run in local processes (`processes`, default one per two cores, each synthesising on
    its share of the cores); on a Dask cluster at `scheduler`; or on a local Dask cluster of
    `workers` processes. On Ctrl-C or SIGTERM (KeyboardInterrupt) articles not yet begun are
    cancelled and those in progress stopped; finished ones stay whole.
    """
    check_batch(directory, options, workers=workers, scheduler=scheduler, processes=processes)
    started = time.perf_counter()
    paths = find_articles(directory, options.out_dir)
    if not paths:
        raise InputError(f"no articles in {directory}: it holds no .txt, .md or .html files")
    report = BatchReport()
    todo: list[Job] = []
    for path, slug in zip(paths, slugs(paths, directory), strict=True):
        stamp = fingerprint(path, options)
        if up_to_date(options.out_dir, slug, stamp, options.formats):
            report.results.append(ArticleResult(path, slug, "skipped"))
        else:
            todo.append((path, slug, stamp))
    results = build_jobs(
        todo, options, workers=workers, scheduler=scheduler, processes=processes, collaborators=collaborators
    )
    with contextlib.closing(results):  # an interrupt here, too, stops the processes
        for result in results:
            report.results.append(result)
            if progress:
                progress(len(report.results), len(paths), result.slug)
    report.results.sort(key=lambda r: str(r.path))
    report.wall = time.perf_counter() - started
    return report


def check_batch(
    directory: Path,
    options: Options,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    processes: int | None = None,
    base_url: str | None = None,
) -> None:
    """InputError, before any work (and before `auto` probes Google), for a batch that cannot run:
    a `directory` that is no folder, an output folder that is a file, a runner that cannot be used,
    a feed `base_url` that is no http(s) URL."""
    check_runner(workers=workers, scheduler=scheduler, processes=processes)
    if not directory.exists():
        raise InputError(f"{directory} does not exist: give the folder that holds the articles")
    if not directory.is_dir():
        raise InputError(
            f"{directory} is not a folder: give the folder that holds the articles "
            f"(`audio-edition build {directory}` builds one article)"
        )
    check_output_folder(options.out_dir)
    if base_url is not None:
        from audio_edition.publish.feed import Show, checked_show

        checked_show(Show(base_url))


def check_runner(*, workers: int | None, scheduler: str | None, processes: int | None) -> None:
    """InputError, before any work, when the runner asked for cannot be used: `--processes` with
    Dask, or Dask (`--workers`, `--scheduler`) without the `dask` extra installed."""
    if processes and (workers or scheduler):
        raise InputError("--processes is for local processes: leave it out with --workers or --scheduler")
    if scheduler:
        check_scheduler(scheduler)
    if (workers or scheduler) and importlib.util.find_spec("distributed") is None:
        option = "--workers" if workers else "--scheduler"
        raise InputError(
            f"{option} runs on Dask, which is not installed: pip install 'audio-edition[dask]', "
            "or leave the option out to build in local processes"
        )
