"""Compose the stages: read -> script -> cast -> (reuse a stored episode, or synthesize -> master
-> deliver -> check) -> publish.

The audio stage is reached through its face (`audio_edition.audio`), whose names import their
modules when first used: reusing a stored episode loads neither scipy, soxr nor pyloudnorm;
making one loads them with `master`. The steps a caller may pause or replace (the script writer,
mastering, publishing, the decoder) are its `Collaborators`, handed in.
"""

from __future__ import annotations

import dataclasses
import functools
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from audio_edition import audio
from audio_edition.audio.episode_store import Mastered, episode_key
from audio_edition.audio.ffmpeg import ffmpeg_exe
from audio_edition.audio.settings import MasteringSettings, mastering_settings
from audio_edition.audio.timeline import episode_from
from audio_edition.build_cache import BuildCache
from audio_edition.collaborators import Collaborators
from audio_edition.errors import EngineError, InputError, QualityError
from audio_edition.ingest import read_article
from audio_edition.ingest.fetch import is_url
from audio_edition.languages import language_for
from audio_edition.languages.language import Language
from audio_edition.model import Article, Clip, Episode, Script
from audio_edition.options import Options
from audio_edition.publish import slugify
from audio_edition.publish.id3 import read_cover
from audio_edition.script.messages import CatalogueFallback, fallback_note
from audio_edition.stage_settings import StageSettings
from audio_edition.store import default_cache_dir
from audio_edition.voices import get_engine
from audio_edition.voices.auto import engine_choice
from audio_edition.voices.cache import SegmentCache
from audio_edition.voices.cast import Cast, CastSettings, resolve_cast
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

    def __repr__(self) -> str:
        mp3 = next((f for f in self.files if f.suffix == ".mp3"), None)
        return (
            f"Built({str(mp3) if mp3 else '-'!r}, {len(self.files)} files, "
            f"{self.episode.duration:.1f} s, reused={self.reused})"
        )


def slug_for(path: str | Path) -> str:
    """The output name of an article: its file name (a URL's last path part), made file-safe."""
    text = str(path)
    if is_url(text):
        parts = [p for p in urlparse(text).path.split("/") if p]
        return slugify(Path(parts[-1]).stem if parts else urlparse(text).netloc)
    return slugify(Path(path).stem)


def slugs_for(arguments: Sequence[str]) -> list[str]:
    """The output name of each article argument: its own (`slug_for`), whatever else is on the
    command line, so an article keeps its name and feed guid; InputError, before any audio is
    made, when two would be written under one name (`a/story.txt` and `b/story.txt`)."""
    names = [slug_for(a) for a in arguments]
    refuse_clashes(list(arguments), names, "build them into different -o folders, or rename one")
    return names


def refuse_clashes(articles: Sequence[str | Path], names: Sequence[str], remedy: str) -> None:
    """InputError naming the first two articles that would be written under one name."""
    first: dict[str, str | Path] = {}
    for article, name in zip(articles, names, strict=True):
        if name in first:
            raise InputError(f"{first[name]} and {article} would both be written as {name}.*: {remedy}")
        first[name] = article


def article_language(options: Options, article: Article) -> Language:
    """The language `article` is built in: `--lang`, else the tag it states (English when none),
    found once here and handed down to every stage."""
    return language_for(options.language or article.meta.language)


def resolve_engine(options: Options, language: Language | None = None) -> tuple[Options, str]:
    """Options with `auto` replaced by the engine it chose for an article in `language` (`--lang`'s
    or English's when None), and the reason (empty when not auto)."""
    language = language or language_for(options.language)
    choice = engine_choice(options.engine, language, options.narrator)
    return dataclasses.replace(options, engine=choice.engine), choice.sentence


def open_cache(options: Options) -> BuildCache | None:
    """The build cache (segments and episodes) the options ask for, or None with --no-cache."""
    return BuildCache(options.cache_dir or default_cache_dir()) if options.use_cache else None


def produce_article(
    article: Article,
    slug: str,
    options: Options,
    progress: Progress | None = None,
    *,
    fingerprint: str | None = None,
    collaborators: Collaborators | None = None,
) -> Built:
    """Turn an already-read article into published files (MP3 and manifest); its `fingerprint`
    (a batch's) is recorded in the manifest; `collaborators` default to the stages' own steps.

    With the cache on, an unchanged article reuses its mastered audio (no engine call, no
    re-encoding); a changed one re-synthesises only the segments whose speech changed.
    """
    crew = collaborators or Collaborators()
    check_media(options)
    language = article_language(options, article)
    opts, chose = resolve_engine(options, language)
    if opts.language:
        article = dataclasses.replace(article, meta=dataclasses.replace(article.meta, language=opts.language))
    stages = StageSettings.from_options(opts, fingerprint)
    with warnings.catch_warnings():  # told once, as a note of the build, not as a Python warning
        warnings.simplefilter("ignore", CatalogueFallback)
        script = crew.write_script(article, stages.script, language=language)
    fallback = fallback_note(script.language) if stages.script.opening else None
    notes = [n for n in (chose, fallback) if n]
    return _produce(script, slug, opts, stages, notes, progress, crew)


def produce_script(
    script: Script,
    slug: str,
    options: Options,
    progress: Progress | None = None,
    *,
    collaborators: Collaborators | None = None,
) -> Built:
    """Turn a script written elsewhere (a bulletin's) into published files as `produce_article`
    does once it has written its own: the engine chosen for the script's language, then a stored
    episode or synthesis, mastering, delivery and the quality check, then publish."""
    check_media(options)
    opts, chose = resolve_engine(options, script.language)
    stages = StageSettings.from_options(opts)
    crew = collaborators or Collaborators()
    return _produce(script, slug, opts, stages, [chose] if chose else [], progress, crew)


def _produce(
    script: Script,
    slug: str,
    opts: Options,
    stages: StageSettings,
    notes: list[str],
    progress: Progress | None,
    crew: Collaborators,
) -> Built:
    """Cast `script`, reuse its stored episode (or make and store one), and publish it as `slug`."""
    cache = open_cache(opts)
    cast = resolve_cast(stages.cast, script.language)
    if stages.cast.speaker_voices:
        script, cast = assign_speaker_voices(script, cast)
    key = _episode_key(script, cast, stages.mastering, opts) if cache is not None else ""
    reused = cache.episodes.get(key, len(script.segments)) if cache is not None else None
    if reused is not None:
        stats = SynthesisStats(len(script.segments), unique=reused.clips, cached=reused.clips)
        episode = episode_from(script, cast["narrator"].engine, reused.audio, reused.times)
        episode = credited(episode, cast)
        mp3, qa = reused.mp3, reused.qa
    else:
        stats = SynthesisStats(segments=len(script.segments))
        episode, mp3, qa = _make(script, cast, opts, stages, (cache, key), stats, notes, progress, crew)
    if opts.verify:  # the words recognition timed go to the manifest; strict refuses a wrong segment
        from audio_edition.verify.report import with_words

        episode, qa = with_words(episode, qa, opts.verify == "strict")
    if cache is not None:
        notes.extend(cache.notes())
    files = tuple(crew.publish(episode, slug, stages.publishing, mp3, qa))
    if cache is not None and opts.cache_max_size:
        cache.prune(opts.cache_max_size)  # after the build, so its own entries are the newest
    return Built(episode, files, stats, tuple(notes), reused is not None)


def _make(
    script: Script,
    cast: Cast,
    opts: Options,
    stages: StageSettings,
    store: tuple[BuildCache | None, str],
    stats: SynthesisStats,
    notes: list[str],
    progress: Progress | None,
    crew: Collaborators,
) -> tuple[Episode, bytes, dict[str, object]]:
    """Speak, master, deliver and check the episode, and store it under `store` (the cache and
    the cast's episode key): (episode, untagged MP3, QA report). QualityError when the check
    fails: nothing is stored or written."""
    cache, key = store
    clips, spoken_by = _speak(script, cast, opts, stages.cast, cache, stats, notes, progress, crew)
    verified = None
    if opts.verify:  # every clip heard, the wrong ones spoken again (in `clips`), before mastering
        from audio_edition.verify.setup import verify_clips

        verified = verify_clips(script, clips, spoken_by, opts, stages.cast, cache, notes, crew.decoder)
    clipped = audio.engine_clipping(clips)
    mastering = stages.mastering
    episode = crew.master(script, clips, mastering, spoken_by["narrator"].engine)  # consumes clips
    delivered = audio.deliver(episode, mastering)
    episode, mp3 = credited(delivered.episode, spoken_by), delivered.mp3
    report = audio.check_episode(episode, clipped, mastering, (delivered.loudness, delivered.true_peak))
    if not report.passed:
        raise QualityError(f"quality check failed, nothing written: {report.summary()}")
    qa = report.as_dict()
    if verified is not None:
        qa.update(verified.qa(episode))
    if cache is not None:  # filed under the cast that spoke it (the fallback engine's, if it did)
        times = [(t.start, t.end) for t in episode.timeline]
        if spoken_by != cast:
            key = _episode_key(script, spoken_by, mastering, opts)
        cache.episodes.put(key, Mastered(episode.audio, times, mp3, qa, clips=stats.unique))
    return episode, mp3, qa


def credited(episode: Episode, cast: Cast) -> Episode:
    """`episode` with the voice that spoke each cast role."""
    return dataclasses.replace(episode, voices=tuple(cast.items()))


def check_media(options: Options) -> None:
    """Refuse a cover that is no image, or music files that are missing, unreadable or too short
    for their part, and an AUDIO_EDITION_FFMPEG that names no program, before any audio is made."""
    ffmpeg_exe()
    if options.cover is not None:
        read_cover(options.cover)
    music = (("intro", options.intro_music), ("outro", options.outro_music), ("sting", options.sting))
    for role, path in music:
        if path is not None:
            audio.load_music(path, options.sample_rate, role)


def _episode_key(script: Script, cast: Cast, mastering: MasteringSettings, opts: Options) -> str:
    keys = [
        SegmentCache.key(get_engine(cast[s.voice].engine), cast[s.voice], s.speech) for s in script.segments
    ]
    key = episode_key(keys, mastering_settings(mastering, [s.pause_after_ms for s in script.segments]))
    if opts.verify:  # a verified episode is never an unverified build's, nor the reverse
        from audio_edition.verify.setup import verified_key

        key = verified_key(key, opts)
    return key


def _speak(
    script: Script,
    cast: Cast,
    opts: Options,
    cast_settings: CastSettings,
    cache: BuildCache | None,
    stats: SynthesisStats,
    notes: list[str],
    progress: Progress | None,
    crew: Collaborators,
) -> tuple[list[Clip], Cast]:
    """Synthesise with the cast; on failure, the whole episode with --fallback if asked (`opts`
    gives the jobs and the fallback engine). Engines that receive compressed audio (gTTS) decode
    it with the collaborators' decoder."""
    segments = cache.segments if cache is not None else None
    speak = functools.partial(synthesize, cache=segments, jobs=opts.jobs, stats=stats, decoder=crew.decoder)
    try:
        return speak(script, cast, progress), cast
    except EngineError as exc:
        if not opts.fallback or opts.fallback == opts.engine:
            raise
        said = str(exc).rstrip(". ")  # what failed: what to do about it is the command line's to say
        notes.append(f"warning: {said}; the whole episode uses {opts.fallback} instead (--fallback)")
    fallback = dataclasses.replace(cast_settings, engine=opts.fallback, narrator=None, quote_voice=None)
    cast = resolve_cast(fallback, script.language)
    if fallback.speaker_voices:
        script, cast = assign_speaker_voices(script, cast)
    return speak(script, cast, progress), cast


def produce(
    path: str | Path,
    options: Options | None = None,
    progress: Progress | None = None,
    *,
    fingerprint: str | None = None,
    collaborators: Collaborators | None = None,
) -> Built:
    """Read the article at `path` (a str or Path, or a URL) and build its audio edition into
    `options.out_dir`, named as `build` names it (`fingerprint` and `collaborators` as for
    `produce_article`)."""
    opts = options or Options()
    source: str | Path = path if is_url(str(path)) else Path(path)
    article, slug = read_article(source), slug_for(source)
    return produce_article(
        article, slug, opts, progress, fingerprint=fingerprint, collaborators=collaborators
    )
