"""How a batch's article jobs run: each built by `build_one` (one bad article a failed result, never
a stopped batch), in this process, in local processes (spawned, Ctrl-C left to this one, ended at
once when stopped) or on a Dask cluster; `batch` and `follow` run theirs through `build_jobs`."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from audio_edition.collaborators import Collaborators
from audio_edition.errors import AudioEditionError, InputError, one_line
from audio_edition.ingest import read_article
from audio_edition.model import Article
from audio_edition.options import Options
from audio_edition.pipeline import produce_article
from audio_edition.publish.outputs import discard_unverified

Status = Literal["built", "skipped", "failed"]
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
