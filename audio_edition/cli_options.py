"""The options `build`, `batch` and `follow` share, `follow`'s own, and their conversion into `Options`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from audio_edition.follow.settings import FollowSettings
from audio_edition.options import BITRATES, Options, format_size, parse_size
from audio_edition.publish.formats import FORMAT_NAMES, parse_formats


def shown_size(size: int) -> str:
    """A size as `--help` shows it (`2G`)."""
    return format_size(size)


class SizeType(click.ParamType):
    """A size such as 500M or 2G, as bytes."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return parse_size(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


SIZE = SizeType()
DEFAULT_CACHE_SIZE = Options().cache_max_size

# Every default shown and used here is the one `Options` (or `FollowSettings`) has: their only home.
DEFAULTS = Options()
FOLLOWING = FollowSettings()

ALLOW_PRIVATE_HOSTS = click.option(
    "--allow-private-hosts",
    is_flag=True,
    help="Also fetch from loopback, private and link-local addresses (your own network); "
    "refused by default, as a feed or page could point at your intranet.",
)


_SCRIPT_OPTIONS = [
    click.option(
        "--lang", "language", metavar="CODE", help="Article language (overrides front matter), e.g. fr."
    ),
    click.option(
        "--min-quote-words",
        type=click.IntRange(1, 100),
        default=DEFAULTS.min_quote_words,
        show_default=True,
        help="Shorter quotations stay in the narrator's voice.",
    ),
    click.option("--show", default=DEFAULTS.show, show_default=True, help="Show name, spoken and tagged."),
    click.option("--no-opening", is_flag=True, help="No spoken opening or closing."),
    click.option("--lexicon", type=click.Path(path_type=Path), help="Pronunciation lexicon (.toml or .pls)."),
    click.option(
        "--no-default-lexicon", is_flag=True, help="Do not use the shipped pronunciations of news names."
    ),
    click.option(
        "--speaker-voices",
        is_flag=True,
        help="Give each recurring speaker of quotations a voice of their own.",
    ),
    ALLOW_PRIVATE_HOSTS,
]

_BUILD_OPTIONS = [
    click.option(
        "-o",
        "--out",
        "out_dir",
        type=click.Path(path_type=Path),
        default=DEFAULTS.out_dir,
        show_default=True,
        help="Folder to write the episode files into.",
    ),
    click.option(
        "--engine",
        default=DEFAULTS.engine,
        envvar="AUDIO_EDITION_ENGINE",
        show_default=True,
        show_envvar=True,
        help=(
            "auto (gTTS when Google answers: the text is then sent to Google; else an offline voice "
            "for the language), gtts, piper (offline), espeak, fake (a test tone), or a plugin engine."
        ),
    ),
    click.option("--narrator", metavar="VOICE", help="Narrator voice, e.g. piper:joe or gtts:en@com."),
    click.option("--quote-voice", metavar="VOICE", help="Voice for quotations, e.g. piper:joe+bright."),
    click.option(
        "--fallback", metavar="ENGINE", help="If the engine fails, build the whole episode with this one."
    ),
    click.option(
        "--verify",
        type=click.Choice(["on", "strict"]),
        is_flag=False,
        flag_value="on",
        help="Hear every segment with a recogniser, speak again what came out wrong, time every word "
        "(needs audio-edition[verify]); strict: fail when a segment is still wrong.",
    ),
    click.option(
        "--verify-model",
        type=click.Path(path_type=Path),
        metavar="DIR",
        help="A CTranslate2 Whisper model folder for --verify (default: the bundled tiny.en, English only).",
    ),
    click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Segments synthesised at once."),
    click.option("--cache-dir", type=click.Path(path_type=Path), help="Segment cache folder."),
    click.option("--no-cache", is_flag=True, help="Neither read nor write the segment cache."),
    click.option(
        "--cache-max-size",
        type=SIZE,
        default=DEFAULT_CACHE_SIZE,
        show_default=shown_size(DEFAULT_CACHE_SIZE),
        metavar="SIZE",
        help="Bound of the cache (500M, 2G; 0: none): after each build the least recently used entries go.",
    ),
    click.option(
        "--bitrate",
        type=click.Choice(BITRATES),
        default=DEFAULTS.bitrate,
        show_default=True,
        help="MP3 bitrate.",
    ),
    click.option(
        "--loudness",
        type=click.FloatRange(-36, -8),
        default=DEFAULTS.loudness,
        show_default=True,
        help="Integrated loudness target in LUFS.",
    ),
    click.option(
        "--speed",
        type=click.FloatRange(0.5, 2.0),
        default=DEFAULTS.speed,
        show_default=True,
        help="Speaking speed; pitch is kept.",
    ),
    click.option("--intro-music", type=click.Path(path_type=Path), help="Music under the opening."),
    click.option("--outro-music", type=click.Path(path_type=Path), help="Music under the closing."),
    click.option("--sting", type=click.Path(path_type=Path), help="Short sound between sections."),
    click.option("--cover", type=click.Path(path_type=Path), help="Cover art (JPEG or PNG) for the MP3."),
    click.option(
        "--formats",
        default=",".join(("mp3", *DEFAULTS.formats)),
        show_default=True,
        help=f"Files beside the MP3 and manifest: {', '.join(FORMAT_NAMES)}, or all.",
    ),
    click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors."),
    ALLOW_PRIVATE_HOSTS,
]


def build_options(func: Any) -> Any:
    """The options `build`, `batch` and `follow` share: `script`'s, and those of the audio."""
    for option in reversed(_BUILD_OPTIONS + _SCRIPT_OPTIONS):
        func = option(func)
    return func


def script_options(func: Any) -> Any:
    """The options that change the script (`script` takes them all, as `build` does)."""
    for option in reversed(_SCRIPT_OPTIONS):
        func = option(func)
    return func


def script_options_from(settings: dict[str, Any]) -> Options:
    """Options from `script`'s settings (the language tag checked)."""
    return Options(
        language=_language(settings["language"]),
        min_quote_words=settings["min_quote_words"],
        show=settings["show"],
        opening=not settings["no_opening"],
        lexicon=settings["lexicon"],
        default_lexicon=not settings["no_default_lexicon"],
        speaker_voices=settings["speaker_voices"],
        allow_private_hosts=settings["allow_private_hosts"],
    )


_FOLLOW_OPTIONS = [
    click.option("--base-url", required=True, help="Where OUT is published, e.g. https://example.org/audio."),
    click.option(
        "--max-new",
        type=click.IntRange(1, 10_000),
        default=FOLLOWING.max_new,
        show_default=True,
        help="Build at most N entries per run, newest first (the rest wait for the next run).",
    ),
    click.option(
        "--since",
        type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]),
        metavar="DATE",
        help="Ignore entries dated before DATE (UTC).",
    ),
    click.option(
        "--keep",
        type=click.IntRange(0, 100_000),
        default=FOLLOWING.keep,
        show_default=True,
        help="Keep the newest N episodes in OUT, removing older ones' files (0: keep all).",
    ),
    click.option(
        "--retries",
        type=click.IntRange(0, 100),
        default=FOLLOWING.retries,
        show_default=True,
        help="Try an entry that failed again on N later runs, then give it up.",
    ),
    click.option(
        "--recheck",
        type=click.FloatRange(0, 365),
        metavar="DAYS",
        default=FOLLOWING.recheck,
        show_default=True,
        help="Ask the pages of entries this recent again each run; rebuild those corrected (0: never).",
    ),
    click.option(
        "--max-time",
        type=click.FloatRange(1, 7 * 86400),
        metavar="SECONDS",
        default=FOLLOWING.max_time,
        show_default=True,
        help="Start no new request or build after SECONDS (the rest waits for the next run).",
    ),
    click.option(
        "--bulletin",
        is_flag=True,
        help="Also make one episode of the run's new articles: the headlines, then each article.",
    ),
    click.option(
        "--bulletin-sentences",
        type=click.IntRange(1, 1000),
        metavar="N",
        help="Read each article of the bulletin as its first N sentences and first quotation "
        "(implies --bulletin).",
    ),
    # The channel's settings: each kept in OUT/.follow with the state, so a later run without it
    # keeps what an earlier one set (None here: not given).
    click.option("--title", "feed_title", help="Podcast title in feed.xml (default: the show; kept)."),
    click.option("--author", "feed_author", help="Podcast author in feed.xml (default: the show; kept)."),
    click.option(
        "--description",
        "feed_description",
        help=f"Podcast summary in feed.xml (default: {FOLLOWING.feed_description!r}; kept).",
    ),
    click.option("--image", "feed_image", help="URL of the podcast artwork (1400-3000 px square; kept)."),
    click.option("--feed-language", "feed_language", help="Feed language (default: the episodes'; kept)."),
    click.option(
        "--category",
        "feed_category",
        help=f"Apple Podcasts category (default: {FOLLOWING.feed_category}; kept).",
    ),
    click.option(
        "--explicit/--not-explicit",
        "feed_explicit",
        default=None,
        help="Mark the podcast explicit, or not (default: not; kept).",
    ),
    click.option(
        "--processes",
        type=click.IntRange(1, 256),
        help="Build in N local processes (default: one per two cores; each synthesises on its share).",
    ),
    click.option(
        "--workers", type=click.IntRange(1, 256), help="Start a local Dask cluster of N worker processes."
    ),
    click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="Run on the Dask cluster at ADDRESS (tls://host:8786, or tcp://127.0.0.1:8786).",
    ),
]


def follow_options(func: Any) -> Any:
    """`follow`'s own options: the podcast's URL, how much one run does, where builds run."""
    for option in reversed(_FOLLOW_OPTIONS):
        func = option(func)
    return func


def follow_settings(settings: dict[str, Any]) -> tuple[FollowSettings, frozenset[str]]:
    """The FollowSettings among the command-line settings, taken out of them (a channel setting
    not given keeps its default), and the names of the channel settings given."""
    import dataclasses

    mine = {f.name: settings.pop(f.name) for f in dataclasses.fields(FollowSettings)}
    given = frozenset(k for k, v in mine.items() if k.startswith("feed_") and v is not None)
    return FollowSettings(**{k: v for k, v in mine.items() if v is not None}), given


def options_from(settings: dict[str, Any]) -> Options:
    """Options from the shared command-line settings (validated, media checked)."""
    from audio_edition.pipeline import check_media
    from audio_edition.voices import get_engine

    renamed = {"no_cache", "no_opening", "no_default_lexicon", "formats"}
    settings = {**settings, "language": _language(settings["language"])}
    options = Options(
        **{k: v for k, v in settings.items() if k not in renamed},
        use_cache=not settings["no_cache"],
        opening=not settings["no_opening"],
        default_lexicon=not settings["no_default_lexicon"],
        formats=_formats(settings["formats"]),
    )
    check_media(options)
    if options.verify:
        from audio_edition.verify.setup import check_verify

        check_verify(options)
    for name in {options.engine, options.fallback} - {None, "auto"}:
        get_engine(str(name))
    return options


def article_argument(text: str) -> str | Path:
    """An article given on the command line: a URL as it is, else a path."""
    from audio_edition.ingest.fetch import is_url

    return text if is_url(text) else Path(text)


def _language(tag: str | None) -> str | None:
    """A --lang value checked as a language tag (InputError naming some tags when it is not one)."""
    if tag is None:
        return None
    from audio_edition.errors import InputError
    from audio_edition.languages.tags import check_language_tag

    try:
        return check_language_tag(tag)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _formats(text: str) -> tuple[str, ...]:
    try:
        return parse_formats(text)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
