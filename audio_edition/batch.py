"""Build every article in a folder: skip what is up to date, build the rest in parallel processes,
report each article's fate; one bad article never stops the others."""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from audio_edition.errors import AudioEditionError, InputError
from audio_edition.fingerprint import fingerprint
from audio_edition.ingest import SUFFIXES, read_article
from audio_edition.options import Options
from audio_edition.pipeline import produce_article
from audio_edition.publish.outputs import up_to_date
from audio_edition.publish.slug import slugify

Status = Literal["built", "skipped", "failed"]
BatchProgress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ArticleResult:
    """What became of one article."""

    path: Path
    slug: str
    status: Status
    seconds: float = 0.0
    audio_seconds: float = 0.0
    error: str = ""


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
    """A distinct output name per article: its file name, with its folder when two would clash."""
    plain = [slugify(p.stem) for p in paths]
    return [
        slug if plain.count(slug) == 1 else slugify("-".join(p.relative_to(directory).with_suffix("").parts))
        for p, slug in zip(paths, plain, strict=True)
    ]


def build_one(path: Path, slug: str, options: Options) -> ArticleResult:
    """Build one article; library errors become a failed result (the batch goes on)."""
    started = time.perf_counter()
    try:
        built = produce_article(read_article(path), slug, options)
    except AudioEditionError as exc:
        return ArticleResult(path, slug, "failed", time.perf_counter() - started, error=str(exc))
    return ArticleResult(path, slug, "built", time.perf_counter() - started, built.episode.duration)


def run_batch(
    directory: Path,
    options: Options,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    processes: int | None = None,
    progress: BatchProgress | None = None,
) -> BatchReport:
    """Build every article under `directory` into `options.out_dir`; up-to-date ones are skipped.

    The rest run in local processes (`processes`, default one per two cores, each synthesising on
    its share of the cores); on a Dask cluster at `scheduler`; or on a local Dask cluster of
    `workers` processes.
    """
    if not directory.is_dir():
        raise InputError(f"{directory} is not a folder: give the folder that holds the articles")
    started = time.perf_counter()
    paths = find_articles(directory, options.out_dir)
    if not paths:
        raise InputError(f"no articles in {directory}: it holds no .txt, .md or .html files")
    report = BatchReport()
    todo: list[tuple[Path, str, Options]] = []
    for path, slug in zip(paths, slugs(paths, directory), strict=True):
        stamp = fingerprint(path, options)
        if up_to_date(options.out_dir, slug, stamp, options.formats):
            report.results.append(ArticleResult(path, slug, "skipped"))
        else:
            todo.append((path, slug, dataclasses.replace(options, fingerprint=stamp)))
    cores = os.cpu_count() or 1
    # Each process already synthesises on every core it is given (threads), so fewer, wider
    # processes win: on 2 cores one process beat two by 25 % (scripts/bench_batch.py).
    count = max(1, min(processes or cores // 2, len(todo) or 1))
    done = len(report.results)
    if todo and (scheduler or workers):
        for result in _on_dask(todo, scheduler, workers or 1):
            report.results.append(result)
            done += 1
            if progress:
                progress(done, len(paths), result.slug)
    elif count == 1:
        for path, slug, opts in todo:
            report.results.append(build_one(path, slug, opts))
            done += 1
            if progress:
                progress(done, len(paths), slug)
    else:
        per_worker = dataclasses.replace(options, jobs=options.jobs or max(1, cores // count))
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = [
                pool.submit(build_one, path, slug, dataclasses.replace(opts, jobs=per_worker.jobs))
                for path, slug, opts in todo
            ]
            for future in as_completed(futures):
                result = future.result()
                report.results.append(result)
                done += 1
                if progress:
                    progress(done, len(paths), result.slug)
    report.results.sort(key=lambda r: str(r.path))
    report.wall = time.perf_counter() - started
    return report


def _on_dask(
    todo: list[tuple[Path, str, Options]], scheduler: str | None, workers: int
) -> Iterator[ArticleResult]:
    """Run the article jobs on a Dask cluster (at `scheduler`, else a local one of `workers` processes)."""
    from distributed import Client, LocalCluster
    from distributed import as_completed as dask_completed

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="15s")
        else:
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        futures = [client.submit(build_one, path, slug, opts, pure=False) for path, slug, opts in todo]
        for future in dask_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
