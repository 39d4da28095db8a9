"""Compose the stages: read -> script -> synthesize -> master -> publish."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from audio_edition.audio import master
from audio_edition.ingest import read_article
from audio_edition.model import Article, Episode
from audio_edition.options import Options
from audio_edition.publish import publish, slugify
from audio_edition.script import write_script
from audio_edition.voices.cast import resolve_cast
from audio_edition.voices.synthesize import Progress, synthesize


@dataclass(frozen=True)
class Built:
    """What one build produced."""

    episode: Episode
    files: tuple[Path, ...]


def slug_for(path: str | Path) -> str:
    """The output name of an article: its file name, made file-safe."""
    return slugify(Path(path).stem)


def produce_article(article: Article, slug: str, options: Options, progress: Progress | None = None) -> Built:
    """Turn an already-read article into published files."""
    script = write_script(article, options)
    cast = resolve_cast(options, article.meta.language)
    clips = synthesize(script, cast, progress)
    episode = master(script, clips, options, engine=cast["narrator"].engine)
    return Built(episode, tuple(publish(episode, slug, options)))


def produce(
    path: str | Path, options: Options | None = None, progress: Callable[[int, int], None] | None = None
) -> Built:
    """Read the article at `path` and build its audio edition into `options.out_dir`."""
    opts = options or Options()
    return produce_article(read_article(path), slug_for(path), opts, progress)
