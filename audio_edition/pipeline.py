"""Compose the stages: read -> script -> synthesize -> master -> publish."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from audio_edition.audio import episode_from, master, mastering_settings
from audio_edition.audio.deliver import deliver
from audio_edition.audio.music import load_music
from audio_edition.audio.quality import check_episode, engine_clipping
from audio_edition.errors import EngineError, QualityError
from audio_edition.ingest import read_article
from audio_edition.ingest.fetch import is_url
from audio_edition.model import Article, Clip, Episode, Script
from audio_edition.options import Options
from audio_edition.publish import publish, slugify
from audio_edition.publish.id3 import read_cover
from audio_edition.script import write_script
from audio_edition.voices import get_engine
from audio_edition.voices.auto import choose_engine
from audio_edition.voices.cache import Mastered, SegmentCache, default_cache_dir, episode_key
from audio_edition.voices.cast import Cast, resolve_cast
from audio_edition.voices.speaker_voices import assign_speaker_voices
from audio_edition.voices.synthesize import Progress, SynthesisStats, synthesize


@dataclass(frozen=True)
class Built:
    """What one build produced, and what the user should be told about it."""

    episode: Episode
    files: tuple[Path, ...]
    stats: SynthesisStats = field(default_factory=SynthesisStats)
    notes: tuple[str, ...] = ()
    reused: bool = False


def slug_for(path: str | Path) -> str:
    """The output name of an article: its file name (a URL's last path part), made file-safe."""
    text = str(path)
    if is_url(text):
        parts = [p for p in urlparse(text).path.split("/") if p]
        return slugify(Path(parts[-1]).stem if parts else urlparse(text).netloc)
    return slugify(Path(path).stem)


def resolve_engine(options: Options) -> tuple[Options, str]:
    """Options with `auto` replaced by the engine it chose, and the reason (empty when not auto)."""
    name, why = choose_engine(options.engine)
    return dataclasses.replace(options, engine=name), (why if options.engine == "auto" else "")


def open_cache(options: Options) -> SegmentCache | None:
    """The segment cache the options ask for, or None with --no-cache."""
    return SegmentCache(options.cache_dir or default_cache_dir()) if options.use_cache else None


def produce_article(article: Article, slug: str, options: Options, progress: Progress | None = None) -> Built:
    """Turn an already-read article into published files (MP3 and manifest).

    With the cache on, an unchanged article reuses its mastered audio (no engine call, no
    re-encoding); a changed one re-synthesises only the segments whose speech changed.
    """
    check_media(options)
    opts, chose = resolve_engine(options)
    if opts.language:
        article = dataclasses.replace(article, meta=dataclasses.replace(article.meta, language=opts.language))
    script = write_script(article, opts)
    cache = open_cache(opts)
    stats = SynthesisStats(segments=len(script.segments))
    notes = [chose] if chose else []
    cast = resolve_cast(opts, script.article.meta.language)
    if opts.speaker_voices:
        script, cast = assign_speaker_voices(script, cast)
    key = _episode_key(script, cast, opts) if cache is not None else ""
    reused = cache.get_episode(key) if cache is not None else None
    if reused is not None:
        stats.unique = stats.cached = len({(cast[s.voice], s.speech) for s in script.segments})
        episode = episode_from(script, cast["narrator"].engine, reused.audio, reused.times)
        mp3, qa = reused.mp3, reused.qa
    else:
        clips, spoken_by = _speak(script, cast, opts, cache, stats, notes, progress)
        clipped = engine_clipping(clips)
        episode = master(script, clips, opts, engine=spoken_by["narrator"].engine)  # consumes clips
        delivered = deliver(episode, opts)
        episode, mp3 = delivered.episode, delivered.mp3
        report = check_episode(episode, clipped, opts, (delivered.loudness, delivered.true_peak))
        if not report.passed:
            raise QualityError(f"quality check failed, nothing written: {report.summary()}")
        qa = report.as_dict()
        if cache is not None:
            times = [(t.start, t.end) for t in episode.timeline]
            if spoken_by != cast:  # the fallback engine spoke it: file it under its own key
                key = _episode_key(script, spoken_by, opts)
            cache.put_episode(key, Mastered(episode.audio, times, mp3, qa))
    if cache is not None and cache.warning:
        notes.append(f"warning: {cache.warning}")
    if cache is not None and cache.damaged:
        notes.append(f"warning: {len(cache.damaged)} damaged cache entries were found and made again")
    files = tuple(publish(episode, slug, opts, mp3, qa))
    return Built(episode, files, stats, tuple(notes), reused is not None)


def check_media(options: Options) -> None:
    """Refuse a cover that is no image, or music files that are missing, before any audio is made."""
    if options.cover is not None:
        read_cover(options.cover)
    for path in (options.intro_music, options.outro_music, options.sting):
        if path is not None:
            load_music(path, options.sample_rate)


def _episode_key(script: Script, cast: Cast, opts: Options) -> str:
    keys = [
        SegmentCache.key(get_engine(cast[s.voice].engine), cast[s.voice], s.speech) for s in script.segments
    ]
    return episode_key(keys, mastering_settings(opts, [s.pause_after_ms for s in script.segments]))


def _speak(
    script: Script,
    cast: Cast,
    opts: Options,
    cache: SegmentCache | None,
    stats: SynthesisStats,
    notes: list[str],
    progress: Progress | None,
) -> tuple[list[Clip], Cast]:
    """Synthesise with the cast; on failure, the whole episode with --fallback if asked."""
    try:
        return synthesize(script, cast, progress, cache=cache, jobs=opts.jobs, stats=stats), cast
    except EngineError as exc:
        if not opts.fallback or opts.fallback == opts.engine:
            raise
        notes.append(f"warning: {exc}; the whole episode uses {opts.fallback} instead")
    fallback = dataclasses.replace(opts, engine=opts.fallback, narrator=None, quote_voice=None)
    cast = resolve_cast(fallback, script.article.meta.language)
    if opts.speaker_voices:
        script, cast = assign_speaker_voices(script, cast)
    return synthesize(script, cast, progress, cache=cache, jobs=opts.jobs, stats=stats), cast


def produce(path: str | Path, options: Options | None = None, progress: Progress | None = None) -> Built:
    """Read the article at `path` and build its audio edition into `options.out_dir`."""
    opts = options or Options()
    return produce_article(read_article(path), slug_for(path), opts, progress)
