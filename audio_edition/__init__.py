"""audio-edition: turn a news article into a podcast-style audio edition."""

from __future__ import annotations

from importlib import metadata

from audio_edition.errors import (
    AudioEditionError,
    AudioError,
    EngineError,
    InputError,
    OutputError,
    QualityError,
)
from audio_edition.ingest import parse_article, read_article
from audio_edition.model import Article, Block, Chapter, Clip, Episode, Meta, Script, Segment
from audio_edition.options import Options, Pauses
from audio_edition.pipeline import Built, produce, produce_article
from audio_edition.script import write_script
from audio_edition.voices import Engine, get_engine, register_engine

try:
    __version__ = metadata.version("audio-edition")
except metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

__all__ = [
    "Article",
    "AudioEditionError",
    "AudioError",
    "Block",
    "Built",
    "Chapter",
    "Clip",
    "Engine",
    "EngineError",
    "Episode",
    "InputError",
    "Meta",
    "Options",
    "OutputError",
    "Pauses",
    "QualityError",
    "Script",
    "Segment",
    "get_engine",
    "parse_article",
    "produce",
    "produce_article",
    "read_article",
    "register_engine",
    "write_script",
]
