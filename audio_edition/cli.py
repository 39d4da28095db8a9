"""The `audio-edition` command: parses options, calls the library, turns errors into one line."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from audio_edition.cli_errors import FailingGroup, Failure, terminate
from audio_edition.cli_options import (
    DEFAULT_CACHE_SIZE,
    SIZE,
    article_argument,
    build_options,
    follow_options,
    follow_settings,
    options_from,
    script_options,
    script_options_from,
    shown_size,
)
from audio_edition.options import SHOW_NAME, Options

if TYPE_CHECKING:
    from audio_edition.collaborators import Collaborators

# The library is imported inside each command, so `--help` and the light commands (`script`,
# `voices`) start without loading the audio stack.


@click.group(cls=FailingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.version_option(package_name="audio-edition")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn news articles into podcast-style audio editions."""
    ctx.meta["debug"] = debug


@cli.command()
@click.argument("articles", nargs=-1, required=True)
@build_options
def build(articles: tuple[str, ...], quiet: bool, **settings: Any) -> None:
    """Build an audio edition (MP3, manifest, QA report) for each ARTICLE (.txt, .md, .html or URL)."""
    from audio_edition.ingest import read_article
    from audio_edition.pipeline import article_language, produce_article, resolve_engine, slugs_for
    from audio_edition.publish.staging import check_output_folder
    from audio_edition.report import build_summary
    from audio_edition.voices.auto import require_google

    options = options_from(settings)
    names = slugs_for(articles)
    check_output_folder(options.out_dir)  # media were checked with the options
    read = [
        (read_article(article_argument(a), allow_private=options.allow_private_hosts), slug)
        for a, slug in zip(articles, names, strict=True)
    ]
    require_google(options.engine, options.fallback)
    told = ""
    for article, slug in read:
        resolved, chose = resolve_engine(options, article_language(options, article))
        if chose and chose != told and not quiet:
            click.echo(chose, err=True)
            told = chose
        with _progress(quiet, article.meta.title) as progress:
            built = produce_article(article, slug, resolved, progress, collaborators=_collaborators())
        for note in built.notes:
            click.echo(note, err=True)
        if not quiet:
            click.echo(build_summary(built))


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path))
@build_options
@click.option(
    "--processes",
    type=click.IntRange(1, 256),
    help="Build in N local processes (default: one per two cores; each synthesises on its share).",
)
@click.option(
    "--workers", type=click.IntRange(1, 256), help="Start a local Dask cluster of N worker processes."
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run on the Dask cluster at ADDRESS (tls://host:8786, or tcp://127.0.0.1:8786).",
)
@click.option("--base-url", help="Regenerate OUT/feed.xml for this URL after the batch.")
def batch(
    directory: Path,
    quiet: bool,
    processes: int | None,
    workers: int | None,
    scheduler: str | None,
    base_url: str | None,
    **settings: Any,
) -> None:
    """Build every article under DIRECTORY (recursively); unchanged ones are skipped.

    Articles run in local processes (--processes N; by default one per two cores, each
    synthesising on its share of them), or on Dask: --workers N starts a local cluster, --scheduler
    ADDRESS uses a running one (share --cache-dir between its workers). Ctrl-C stops every article
    not yet finished."""
    from audio_edition.batch import check_batch, run_batch

    options = options_from(settings)
    check_batch(
        directory, options, workers=workers, scheduler=scheduler, processes=processes, base_url=base_url
    )
    _tell_the_probe(options, quiet)
    _warn_of(scheduler)
    report = run_batch(
        directory,
        options,
        workers=workers,
        scheduler=scheduler,
        processes=processes,
        progress=None if quiet else _batch_progress(),
        collaborators=_collaborators(),
    )
    if not quiet:
        click.echo(report.table())
    for failure in report.failures:
        click.echo(f"failed: {failure}", err=True)
    if base_url:
        from audio_edition.publish.feed import Show, write_feed

        path = write_feed(options.out_dir, Show(base_url), warn=_warn)
        if not quiet:
            click.echo(f"feed: {path}")
    if report.failures:
        raise Failure(f"{len(report.failures)} of {report.total} articles failed (listed above)", 1)


@cli.command()
@click.argument("feeds", nargs=-1, required=True)
@build_options
@follow_options
def follow(
    feeds: tuple[str, ...],
    quiet: bool,
    processes: int | None,
    workers: int | None,
    scheduler: str | None,
    **settings: Any,
) -> None:
    """Build each new or changed article of the FEEDS (RSS or Atom URLs) into OUT; keep OUT/feed.xml
    current.

    Feeds are asked only for what changed since the last run (the state is in OUT/.follow); an
    entry that carries its whole article is built from it, else its page is fetched. Builds run as
    `batch` runs them. Exit 0 when all went well or nothing was new, 1 when an entry or a feed
    failed (tried again next run), 2 for bad usage or a feed that is no feed."""
    from audio_edition.follow.runner import check_follow, run_follow

    following, given = follow_settings(settings)
    options = options_from(settings)
    check_follow(list(feeds), following, processes, workers, scheduler)
    _tell_the_probe(options, quiet)
    _warn_of(scheduler)
    report = run_follow(
        list(feeds),
        options,
        following,
        workers=workers,
        scheduler=scheduler,
        processes=processes,
        progress=None if quiet else _batch_progress(),
        given=given,
    )
    if not quiet and (report.feeds_read or report.feeds_unchanged):  # no table of zeros
        click.echo(report.table())
        if report.feed:
            click.echo(f"feed: {report.feed}")
    for line in report.problems():
        click.echo(line, err=True)
    outcome = report.outcome()
    if outcome:
        raise Failure(*outcome)


def _warn_of(scheduler: str | None) -> None:
    """Print the warning a plain-TCP scheduler on another machine deserves."""
    from audio_edition.scheduler_address import scheduler_warning

    warning = scheduler_warning(scheduler)
    if warning:
        click.echo(warning, err=True)


def _batch_progress() -> Any:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, name: str) -> None:
        click.echo(f"\r[{done}/{total}] {name[:60]:<60}", err=True, nl=done == total)

    return show


@cli.command()
@click.argument("article")
@click.option("--json", "as_json", is_flag=True, help="Print the script as JSON.")
@script_options
def script(article: str, as_json: bool, **settings: Any) -> None:
    """Print ARTICLE's segmented script (roles, voices, pauses) as `build` with the same options
    would speak it, without making audio."""
    from audio_edition.ingest import read_article
    from audio_edition.preview import preview_script
    from audio_edition.report import script_as_dict, script_as_text

    options = script_options_from(settings)
    read = read_article(article_argument(article), allow_private=options.allow_private_hosts)
    written = preview_script(read, options, _collaborators())
    if as_json:
        click.echo(json.dumps(script_as_dict(written), ensure_ascii=False, indent=2))
    else:
        click.echo(script_as_text(written))


@cli.command()
@click.option("--lang", metavar="CODE", help="Only voices that speak this language (fr, de-AT, ...).")
def voices(lang: str | None) -> None:
    """List engines and their voices, and whether each is usable here."""
    from audio_edition.languages import language_for
    from audio_edition.voices.listing import engine_listings

    for listing in engine_listings(language_for(lang) if lang else None):
        for line in listing.lines():
            click.echo(line)


@cli.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--base-url", required=True, help="Where OUT is published, e.g. https://example.org/audio.")
@click.option("--title", default=SHOW_NAME, show_default=True, help="Podcast title.")
@click.option("--author", default=SHOW_NAME, show_default=True, help="Podcast author.")
@click.option(
    "--description", default="News articles read aloud.", show_default=True, help="Podcast summary."
)
@click.option("--image", help="URL of the podcast artwork (1400-3000 px square).")
@click.option("--feed-language", "--language", "language", help="Feed language (default: the episodes').")
@click.option("--category", default="News", show_default=True, help="Apple Podcasts category.")
@click.option("--explicit", is_flag=True, help="Mark the podcast explicit.")
def feed(
    out: Path,
    base_url: str,
    title: str,
    author: str,
    description: str,
    image: str | None,
    language: str | None,
    category: str,
    explicit: bool,
) -> None:
    """Write OUT/feed.xml, an RSS podcast feed of the episodes built into OUT."""
    from audio_edition.publish.feed import Show, write_feed

    show = Show(base_url, title, author, description, image, language, category, explicit)
    click.echo(write_feed(out, show, warn=_warn))


@cli.group()
def cache() -> None:
    """Inspect, bound or empty the cache (segments and episodes)."""


@cache.command("info")
@click.option("--cache-dir", type=click.Path(path_type=Path), help="Segment cache folder.")
def cache_info(cache_dir: Path | None) -> None:
    """Show where the cache is, how many segments it holds and their size."""
    from audio_edition.build_cache import cache_to_inspect

    info = cache_to_inspect(cache_dir).info()
    click.echo(f"{info.root}: {info.counts()}, {info.bytes / 1_048_576:.1f} MB")


@cache.command("clear")
@click.option("--cache-dir", type=click.Path(path_type=Path), help="Segment cache folder.")
def cache_clear(cache_dir: Path | None) -> None:
    """Delete every cached segment."""
    from audio_edition.build_cache import cache_to_inspect

    info = cache_to_inspect(cache_dir).clear()
    click.echo(f"removed {info.counts(' and ')} ({info.bytes / 1_048_576:.1f} MB) from {info.root}")


@cache.command("prune")
@click.option("--cache-dir", type=click.Path(path_type=Path), help="Segment cache folder.")
@click.option(
    "--max-size",
    type=SIZE,
    default=DEFAULT_CACHE_SIZE,
    show_default=shown_size(DEFAULT_CACHE_SIZE),
    metavar="SIZE",
    help="Keep at most this much (500M, 2G), removing the least recently used entries first.",
)
def cache_prune(cache_dir: Path | None, max_size: int) -> None:
    """Remove the least recently used entries until the cache holds at most SIZE."""
    from audio_edition.build_cache import cache_to_inspect

    store = cache_to_inspect(cache_dir)
    removed = store.prune(max_size)
    left = store.info()
    click.echo(
        f"removed {removed.counts(' and ')} ({removed.bytes / 1_048_576:.1f} MB) from {left.root}; "
        f"{left.counts()}, {left.bytes / 1_048_576:.1f} MB left"
    )


def _warn(line: str) -> None:
    """A warning line on stderr."""
    click.echo(line, err=True)


def _tell_the_probe(options: Options, quiet: bool) -> None:
    """Print which way `auto` went (once, for a run of many articles, each of which then has its
    engine chosen for its own language); stop at once when `gtts` was asked and Google is not
    reachable."""
    from audio_edition.pipeline import resolve_engine
    from audio_edition.voices.auto import require_google

    require_google(options.engine, options.fallback)
    _english, chose = resolve_engine(options)
    if chose and not quiet:
        click.echo(chose, err=True)


class _progress:
    """A progress bar on an interactive terminal; silent otherwise."""

    def __init__(self, quiet: bool, label: str) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        from audio_edition.report import short_label

        self.label = short_label(label, 40)
        self.bar: Any = None

    def __enter__(self) -> Any:
        return self.update if self.enabled else None

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _collaborators() -> Any:
    """The collaborators `main` was handed (None: the stages' own steps), for `build`, `batch`
    and `script`."""
    return click.get_current_context().find_root().obj


def main(collaborators: Collaborators | None = None) -> None:
    """Console-script entry point. SIGTERM is handled like Ctrl-C: temporary files are removed.
    `collaborators` (a test harness's) reach the pipeline of `build`, `batch` and `script`."""
    signal.signal(signal.SIGTERM, terminate)
    cli(prog_name="audio-edition", obj=collaborators)


if __name__ == "__main__":
    main()
