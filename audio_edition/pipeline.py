"""Compose the stages: read -> script -> synthesize -> master -> publish."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from audio_edition.audio import master
from audio_edition.errors import EngineError
from audio_edition.ingest import read_article
from audio_edition.model import Article, Clip, Episode, Script
from audio_edition.options import Options
from audio_edition.publish import publish, slugify
from audio_edition.script import write_script
from audio_edition.voices.auto import choose_engine
from audio_edition.voices.cache import SegmentCache, default_cache_dir
from audio_edition.voices.cast import resolve_cast
from audio_edition.voices.synthesize import Progress, SynthesisStats, synthesize


@dataclass(frozen=True)
class Built:
    """What one build produced, and what the user should be told about it."""

    episode: Episode
    files: tuple[Path, ...]
    stats: SynthesisStats = field(default_factory=SynthesisStats)
    notes: tuple[str, ...] = ()


def slug_for(path: str | Path) -> str:
    """The output name of an article: its file name, made file-safe."""
    return slugify(Path(path).stem)


def resolve_engine(options: Options) -> tuple[Options, str]:
    """Options with `auto` replaced by the engine it chose, and the reason (empty when not auto)."""
    name, why = choose_engine(options.engine)
    return dataclasses.replace(options, engine=name), (why if options.engine == "auto" else "")


def open_cache(options: Options) -> SegmentCache | None:
    """The segment cache the options ask for, or None with --no-cache."""
    return SegmentCache(options.cache_dir or default_cache_dir()) if options.use_cache else None


def produce_article(article: Article, slug: str, options: Options, progress: Progress | None = None) -> Built:
    """Turn an already-read article into published files (MP3 and manifest)."""
    opts, chose = resolve_engine(options)
    if opts.language:
        article = dataclasses.replace(article, meta=dataclasses.replace(article.meta, language=opts.language))
    script = write_script(article, opts)
    cache = open_cache(opts)
    stats = SynthesisStats()
    notes = [chose] if chose else []
    clips, engine = _speak(script, opts, cache, stats, notes, progress)
    if cache is not None and cache.warning:
        notes.append(f"warning: {cache.warning}")
    episode = master(script, clips, opts, engine=engine)
    return Built(episode, tuple(publish(episode, slug, opts)), stats, tuple(notes))


def _speak(
    script: Script,
    opts: Options,
    cache: SegmentCache | None,
    stats: SynthesisStats,
    notes: list[str],
    progress: Progress | None,
) -> tuple[list[Clip], str]:
    """Synthesise with the chosen engine; on failure, the whole episode with --fallback if asked."""
    language = script.article.meta.language
    cast = resolve_cast(opts, language)
    try:
        return synthesize(script, cast, progress, cache=cache, jobs=opts.jobs, stats=stats), cast[
            "narrator"
        ].engine
    except EngineError as exc:
        if not opts.fallback or opts.fallback == opts.engine:
            raise
        notes.append(f"warning: {exc}; the whole episode uses {opts.fallback} instead")
    fallback = dataclasses.replace(opts, engine=opts.fallback, narrator=None, quote_voice=None)
    cast = resolve_cast(fallback, language)
    return synthesize(script, cast, progress, cache=cache, jobs=opts.jobs, stats=stats), cast[
        "narrator"
    ].engine


def produce(path: str | Path, options: Options | None = None, progress: Progress | None = None) -> Built:
    """Read the article at `path` and build its audio edition into `options.out_dir`."""
    opts = options or Options()
    return produce_article(read_article(path), slug_for(path), opts, progress)
