"""What the pipeline calls to do a build's work, handed to it as one value: a caller (a test
harness) pauses or replaces a step by giving its own, never by patching a module."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from audio_edition.audio.settings import MasteringSettings
    from audio_edition.languages.language import Language
    from audio_edition.model import Article, Clip, Episode, Script
    from audio_edition.publish.settings import PublishSettings
    from audio_edition.script.settings import ScriptSettings
    from audio_edition.voices.decoding import Decoder

# The steps' shapes: each is the stage's own entry point by default.
ScriptWriter = Callable[..., "Script"]  # (article, settings, *, language) -> Script
Master = Callable[["Script", "list[Clip]", "MasteringSettings", str], "Episode"]
Publisher = Callable[["Episode", str, "PublishSettings", bytes, "dict[str, Any]"], "list[Path]"]


def _write_script(article: Article, settings: ScriptSettings, *, language: Language) -> Script:
    from audio_edition.script import write_script

    return write_script(article, settings, language=language)


def _master(script: Script, clips: list[Clip], settings: MasteringSettings, engine: str) -> Episode:
    from audio_edition.audio.mastering import master

    return master(script, clips, settings, engine)


def _publish(
    episode: Episode, slug: str, settings: PublishSettings, mp3: bytes, qa: dict[str, Any]
) -> list[Path]:
    from audio_edition.publish.episode_files import publish

    return publish(episode, slug, settings, mp3, qa)


def _decode(data: bytes, sample_rate: int, what: str) -> Clip:
    from audio_edition.audio.ffmpeg import decode_audio_bytes

    return decode_audio_bytes(data, sample_rate, what)


@dataclass(frozen=True)
class Collaborators:
    """The script writer, the mastering (`audio.master`), the publisher (`publish.publish`) and the
    decoder the voices stage is given for an engine's compressed audio (gTTS's MP3; ffmpeg's,
    from the audio stage). Each is imported when first called, so the value costs nothing to make."""

    write_script: ScriptWriter = _write_script
    master: Master = _master
    publish: Publisher = _publish
    decoder: Decoder = _decode
