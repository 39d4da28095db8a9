"""One `follow` run: ask each feed for what changed, fetch the pages of the newest entries to
build, build them through the batch machinery, keep the newest episodes, rewrite the podcast feed,
and remember it all in the state file."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import time
from pathlib import Path
from urllib.parse import urlparse

from audio_edition.batch import BatchProgress, check_runner
from audio_edition.batch_jobs import ArticleResult, Job, build_jobs
from audio_edition.bulletin import produce_bulletin
from audio_edition.errors import AudioEditionError, InputError, one_line
from audio_edition.fingerprint import fingerprint
from audio_edition.follow.articles import article_path, read_entry
from audio_edition.follow.feeds import NotAFeed
from audio_edition.follow.keep import WITH_EPISODE, newest_first, trim
from audio_edition.follow.pages import LATER, prepare
from audio_edition.follow.poll import poll
from audio_edition.follow.recheck import due, recheck
from audio_edition.follow.report import FollowReport
from audio_edition.follow.settings import FollowSettings
from audio_edition.follow.state import (
    PENDING,
    EntryRecord,
    State,
    folder,
    load_state,
    locked,
    remove_traces,
    save_state,
)
from audio_edition.options import SHOW_NAME, Options
from audio_edition.publish.formats import MANIFEST
from audio_edition.publish.outputs import up_to_date


def run_follow(
    feeds: list[str],
    options: Options,
    settings: FollowSettings,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    processes: int | None = None,
    progress: BatchProgress | None = None,
    given: frozenset[str] | None = None,
) -> FollowReport:
    """Build the new and changed entries of `feeds` into `options.out_dir` (see the module).

    The feed channel's settings named in `given` (all of them when None) are kept in the state;
    the others are taken from it, as a previous run set them. A run that could read no feed and
    found nothing before it leaves nothing behind (no state, no lock)."""
    check_follow(feeds, settings, processes, workers, scheduler)
    started = time.perf_counter()
    out_dir = options.out_dir
    report = FollowReport()
    fresh, out_existed = not folder(out_dir).exists(), out_dir.exists()
    clock = RunClock(settings.max_time, report)
    with locked(out_dir):
        state = load_state(out_dir)
        settings = with_channel(settings, state, given)
        try:
            for url in dict.fromkeys(feeds):
                if clock.over():
                    break
                _poll(url, state, out_dir, report, options.allow_private_hosts)
            if not clock.over():
                recent = due(list(state.entries.values()), settings.recheck, dt.datetime.now(dt.UTC))
                recheck(
                    recent,
                    out_dir,
                    report.rechecked,
                    allow_private=options.allow_private_hosts,
                    over=clock.over,
                )
            todo = select(state, out_dir, settings)
            ready = []
            allow = options.allow_private_hosts
            for record, why in prepare(todo, out_dir, report.pages, allow_private=allow, over=clock.over):
                if why is None:
                    ready.append(record)
                elif why == LATER:
                    report.later += 1
                else:
                    _failed(record, why, settings.retries, report, out_dir)
            _build(ready, options, report, settings, (workers, scheduler, processes), progress, clock)
            if settings.makes_bulletin and not clock.over():
                _bulletin(ready, options, settings, report)
            report.removed = len(trim(state, out_dir, settings.keep))
            report.feed = _write_feed(state, options, settings, report)
        finally:
            if not (fresh and _learnt_nothing(state)):
                save_state(out_dir, state)
    if fresh and _learnt_nothing(state):
        remove_traces(out_dir, out_existed)
    report.entries.wall = time.perf_counter() - started
    return report


CHANNEL = ("feed_title", "feed_author", "feed_description", "feed_image", "feed_language", "feed_category",
           "feed_explicit")  # fmt: skip


def with_channel(settings: FollowSettings, state: State, given: frozenset[str] | None) -> FollowSettings:
    """`settings` with the channel's settings not `given` taken from the state (as an earlier run
    gave them), and those given recorded in it."""
    taken = {}
    for name in CHANNEL:
        if given is None or name in given:
            state.channel[name] = getattr(settings, name)
        elif name in state.channel:
            taken[name] = state.channel[name]
    return dataclasses.replace(settings, **taken)


def _learnt_nothing(state: State) -> bool:
    """No feed was read and no entry is known: the state holds nothing worth a file."""
    return not state.feeds and not state.entries


def select(state: State, out_dir: Path, settings: FollowSettings) -> list[EntryRecord]:
    """The entries to build now: pending ones (new, changed, failed; and built ones whose set is
    gone) among the newest `keep`, not older than `since`, newest first, at most `max_new`."""
    for record in state.entries.values():
        if record.status == "built" and not (out_dir / (record.slug + MANIFEST)).exists():
            record.status = "changed"
    live = newest_first([r for r in state.entries.values() if r.status not in ("given-up", "removed")])
    if settings.keep > 0:
        live = live[: settings.keep]  # an older one would be removed as soon as built
    since = settings.since.replace(tzinfo=settings.since.tzinfo or dt.UTC) if settings.since else None
    wanted = [r for r in live if r.status in PENDING and (since is None or _when(r) >= since)]
    return wanted[: settings.max_new]


def check_follow(
    feeds: list[str],
    settings: FollowSettings,
    processes: int | None,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """InputError for options that cannot work together, before anything is fetched."""
    check_runner(workers=workers, scheduler=scheduler, processes=processes)
    base = urlparse(settings.base_url)
    if base.scheme not in ("http", "https") or not base.netloc:
        raise InputError(f"--base-url must be an http(s) URL, not {settings.base_url!r}")
    for url in feeds:
        if urlparse(url).scheme not in ("http", "https"):
            raise InputError(f"cannot follow {url}: give the http or https URL of an RSS or Atom feed")
    from audio_edition.publish.feed import checked_show  # its options, checked before any request

    checked_show(settings.channel("x"))


def _poll(url: str, state: State, out_dir: Path, report: FollowReport, allow_private: bool) -> None:
    """Ask one feed for what changed; its failure becomes a line (exit 2 when it is no feed)."""
    try:
        feed = poll(url, state, out_dir, allow_private=allow_private)
    except NotAFeed as exc:
        report.feed_errors.append((str(exc), 2))
        return
    except InputError as exc:  # unreachable, or an HTTP error: worth trying again later
        report.feed_errors.append((str(exc), 1))
        return
    except Exception as exc:  # any other failure is this feed's alone: the others are still read
        report.feed_errors.append((f"cannot read the feed {url}: {one_line(exc)}", 1))
        return
    if feed is None:
        report.feeds_unchanged += 1
    else:
        report.feeds_read += 1


def _build(
    ready: list[EntryRecord],
    options: Options,
    report: FollowReport,
    settings: FollowSettings,
    where: tuple[int | None, str | None, int | None],
    progress: BatchProgress | None,
    clock: RunClock,
) -> None:
    """Build the entries whose set is not current (as `batch` does), the rest skipped; once the
    run's time is up no new build starts (those not finished are left for the next run)."""
    workers, scheduler, processes = where
    out_dir = options.out_dir
    by_slug = {record.slug: record for record in ready}
    todo: list[Job] = []
    for record in ready:
        path = article_path(out_dir, record.slug)
        stamp = fingerprint(path, options)
        if up_to_date(out_dir, record.slug, stamp, options.formats):
            _done(record, ArticleResult(path, record.slug, "skipped"), report)
        else:
            todo.append((path, record.slug, stamp))
    if todo and clock.over():
        report.later += len(todo)
        return
    results = build_jobs(
        todo, options, workers=workers, scheduler=scheduler, processes=processes, read=read_entry
    )
    with contextlib.closing(results):  # an interrupt or the run's time, too, stops the builds
        for result in results:
            record = by_slug.pop(result.slug)
            if result.status == "failed":
                _failed(record, result.error, settings.retries, report, out_dir)
            else:
                _done(record, result, report)
            if progress:
                progress(report.entries.total, len(ready), record.title or record.slug)
            if by_slug and clock.over():
                report.later += sum(1 for job in todo if job[1] in by_slug)
                break


def _bulletin(
    ready: list[EntryRecord], options: Options, settings: FollowSettings, report: FollowReport
) -> None:
    """Build the bulletin of the entries this run built (newest first), counted as one more
    episode built; its failure is a line and exit 1, the articles' episodes standing."""
    out_dir = options.out_dir
    built = {r.slug for r in report.entries.results if r.status == "built"}
    records = [record for record in ready if record.slug in built]
    if not records:
        return
    started = time.perf_counter()
    if settings.feed_title and options.show == SHOW_NAME:  # the podcast's name, said in its bulletin
        options = dataclasses.replace(options, show=settings.feed_title)
    try:
        articles = [read_entry(article_path(out_dir, record.slug)) for record in records]
        slug, made = produce_bulletin(articles, options, sentences=settings.bulletin_sentences)
    except (AudioEditionError, OSError, ValueError) as exc:
        from audio_edition.cli_errors import explained  # told as the command tells a failure

        said = explained(exc) if isinstance(exc, AudioEditionError) else str(exc)
        cause = " ".join(said.split())
        report.failed.append(f"failed: the bulletin of {len(records)} articles: {cause}")
        path = out_dir / "bulletin"
        report.entries.results.append(ArticleResult(path, "bulletin", "failed", error=cause))
        return
    seconds, audio = time.perf_counter() - started, made.episode.duration
    result = ArticleResult(out_dir / (slug + MANIFEST), slug, "built", seconds, audio)
    report.entries.results.append(result)


def _done(record: EntryRecord, result: ArticleResult, report: FollowReport) -> None:
    record.status, record.attempts, record.error = "built", 0, ""
    report.entries.results.append(result)


def _failed(record: EntryRecord, cause: str, retries: int, report: FollowReport, out_dir: Path) -> None:
    """Count a failed attempt: the entry is tried again on a later run, or given up after `retries`."""
    cause = " ".join(cause.split())
    record.attempts += 1
    record.error = cause
    name = f"{record.title or record.slug} ({record.link or record.key})"
    if record.attempts > retries:
        record.status = "given-up"
        report.given_up.append(f"given up: {name} after {record.attempts} attempts: {cause}")
    else:
        record.status = "failed"
        report.failed.append(f"failed: {name}: {cause} (attempt {record.attempts} of {retries + 1})")
    report.entries.results.append(
        ArticleResult(article_path(out_dir, record.slug), record.slug, "failed", error=cause)
    )


def _write_feed(
    state: State, options: Options, settings: FollowSettings, report: FollowReport
) -> Path | None:
    """Rewrite OUT/feed.xml when this run built or removed an episode (or there is none yet)."""
    from audio_edition.publish.feed import write_feed

    out_dir = options.out_dir
    if not any(r.status in WITH_EPISODE for r in state.entries.values()):
        return None
    if not report.entries.count("built") and not report.removed and (out_dir / "feed.xml").exists():
        return None
    return write_feed(out_dir, settings.channel(options.show))


class RunClock:
    """The run's time against `--max-time`: `over()` is True once it is spent, the first time
    saying so in the report."""

    def __init__(self, seconds: float, report: FollowReport) -> None:
        self.seconds, self.report = seconds, report
        self.start = time.monotonic()

    def over(self) -> bool:
        if time.monotonic() - self.start < self.seconds:
            return False
        if not self.report.stopped:
            self.report.stopped = (
                f"stopped: --max-time {self.seconds:g} s reached; what was not started waits for the next run"
            )
        return True


def _when(record: EntryRecord) -> dt.datetime:
    return dt.datetime.fromisoformat(record.when)
