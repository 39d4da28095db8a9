"""Build every article in a folder: skip what is up to date, build the rest in parallel processes,
report each article's fate; one bad article never stops the others."""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.util
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from audio_edition.collaborators import Collaborators
from audio_edition.errors import AudioEditionError, InputError, one_line
from audio_edition.fingerprint import fingerprint
from audio_edition.ingest import SUFFIXES, read_article
from audio_edition.model import Article
from audio_edition.options import Options
from audio_edition.pipeline import produce_article, refuse_clashes
from audio_edition.publish.outputs import discard_unverified, up_to_date
from audio_edition.publish.slug import slugify
from audio_edition.publish.staging import check_output_folder
from audio_edition.scheduler_address import check_scheduler

Status = Literal["built", "skipped", "failed"]
BatchProgress = Callable[[int, int, str], None]
Job = tuple[Path, str, str]  # an article's file, its slug and its fingerprint (`fingerprint.py`)
Reader = Callable[[Path], Article]  # how a job's file becomes an article (a module-level function)
Work = tuple[Reader, Collaborators | None]  # how every job is read, and built


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
    """The output name of each article: its path under `directory`, suffix left out, made file-safe
    (`story.txt` -> `story`, `sport/story.md` -> `sport-story`), whatever else the folder holds;
    InputError when two articles would have one name (`story.txt` and `story.md`)."""
    names = [slugify("-".join(p.relative_to(directory).with_suffix("").parts)) for p in paths]
    refuse_clashes(paths, names, "rename one of them, or move it to a folder of its own")
    return names


def build_one(
    path: Path,
    slug: str,
    options: Options,
    read: Reader = read_article,
    stamp: str | None = None,
    crew: Collaborators | None = None,
) -> ArticleResult:
    """Build one article (read from `path` by `read`; its fingerprint `stamp` recorded in its
    manifest; the pipeline's collaborators `crew`); any error (but an interrupt) becomes a failed
    result."""
    started = time.perf_counter()
    try:
        built = produce_article(read(path), slug, options, fingerprint=stamp, collaborators=crew)
    except AudioEditionError as exc:
        from audio_edition.cli_errors import explained  # a failed article is told as the command tells it

        return ArticleResult(path, slug, "failed", time.perf_counter() - started, error=explained(exc))
    except Exception as exc:  # any other failure is this article's alone: the others are built
        return ArticleResult(path, slug, "failed", time.perf_counter() - started, error=one_line(exc))
    return ArticleResult(path, slug, "built", time.perf_counter() - started, built.episode.duration)


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


def build_jobs(
    todo: list[Job],
    options: Options,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    processes: int | None = None,
    read: Reader = read_article,
    collaborators: Collaborators | None = None,
) -> Generator[ArticleResult, None, None]:
    """The jobs' results as they finish, from wherever they run (as `run_batch` runs them), each
    built with the pipeline's `collaborators` (pickled to the processes that run them); close the
    generator to stop them."""
    if not todo:
        return _nothing()
    work = (read, collaborators)
    if scheduler or workers:
        return _on_dask(todo, options, scheduler, workers or 1, work)
    cores = os.cpu_count() or 1
    # Each process already synthesises on every core it is given (threads), so fewer, wider
    # processes win: on 2 cores one process beat two by 25 % (scripts/bench_batch.py).
    count = max(1, min(processes or cores // 2, len(todo)))
    if count == 1:
        return (build_one(path, slug, options, read, stamp, collaborators) for path, slug, stamp in todo)
    jobs = options.jobs or max(1, cores // count)
    return _in_processes(todo, dataclasses.replace(options, jobs=jobs), count, work)


def _nothing() -> Generator[ArticleResult, None, None]:
    yield from ()


def _in_processes(
    todo: list[Job], options: Options, count: int, work: Work
) -> Generator[ArticleResult, None, None]:
    """Run the jobs with `options` on `count` local processes (of `options.jobs` synthesis threads each).

    If the caller stops early (an interrupt), jobs not yet begun are cancelled and the processes
    terminated at once: what they were building is lost (a half-committed set is removed, their
    staging files are swept by the next build).
    """
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"))
    finished: set[str] = set()
    try:
        with _spared_ctrl_c():  # the processes start during the first submits
            futures = [
                pool.submit(build_one, path, slug, options, work[0], stamp, work[1])
                for path, slug, stamp in todo
            ]
        for future in as_completed(futures):
            result = future.result()
            finished.add(result.slug)
            yield result
    except BrokenProcessPool:
        _terminate(pool)
        _discard_unfinished(todo, options.out_dir, finished)
        raise AudioEditionError(
            "a batch process died while building (killed, or out of memory): articles finished "
            "before it are complete; run the same command again (--processes 1 uses less memory)"
        ) from None
    except BaseException:
        _terminate(pool)
        _discard_unfinished(todo, options.out_dir, finished)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _discard_unfinished(todo: list[Job], out_dir: Path, finished: set[str]) -> None:
    """After stopping the processes: an article they were committing may have some new files in
    place without its manifest; remove such half-written sets, so each article is whole or absent."""
    for _path, slug, _stamp in todo:
        if slug not in finished:
            discard_unverified(out_dir, slug)


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Cancel the pool's queued jobs and end its processes now, not when their jobs are done."""
    # Python 3.14 has pool.terminate_workers(); before it the processes are only in _processes.
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        process.terminate()
    for process in workers:
        process.join(timeout=10)


@contextlib.contextmanager
def _spared_ctrl_c() -> Iterator[None]:
    """Processes started inside ignore SIGINT for good: a terminal sends Ctrl-C to every process
    of the command, and this one stops them itself. (An ignored signal stays ignored in a child,
    and Python leaves it so.) This process ignores it meanwhile too: for a local Dask cluster, the
    seconds it takes to start."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before if before is not None else signal.default_int_handler)


def _on_dask(
    todo: list[Job], options: Options, scheduler: str | None, workers: int, work: Work
) -> Generator[ArticleResult, None, None]:
    """Run the article jobs on a Dask cluster (at `scheduler`, else a local one of `workers` processes).

    If the caller stops early (an interrupt), the jobs are cancelled, and a local cluster is shut
    down, its processes with it; on a remote cluster a job already running goes on to its end.
    """
    from distributed import Client, LocalCluster
    from distributed import as_completed as dask_completed

    cluster = client = None
    futures: list[Any] = []
    dask_log = logging.getLogger("distributed")
    level = dask_log.level
    finished: set[str] = set()
    stopped = False
    try:
        try:
            if scheduler:
                client = Client(scheduler, timeout="15s")
            else:
                with _spared_ctrl_c():
                    cluster = LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        silence_logs=logging.CRITICAL,  # workers report through results, not logs
                    )
                client = Client(cluster)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        futures = [
            client.submit(build_one, path, slug, options, work[0], stamp, work[1], pure=False)
            for path, slug, stamp in todo
        ]
        for future in dask_completed(futures):
            result = future.result()
            finished.add(result.slug)
            yield result
    except BaseException:
        stopped = True
        if client is not None:
            # what Dask logs about the work being cancelled ("Couldn't gather keys") is noise now
            dask_log.setLevel(logging.CRITICAL)
            client.cancel(futures, force=True)
        raise
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
            if stopped:  # its workers are gone: no set is still being committed
                _discard_unfinished(todo, options.out_dir, finished)
        dask_log.setLevel(level)
