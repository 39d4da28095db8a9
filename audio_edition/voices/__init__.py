"""Engine registry: built-in engines plus any registered through the `audio_edition.engines` entry points."""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata

from audio_edition.errors import InputError
from audio_edition.voices.base import Engine, VoiceSpec, parse_voice_spec
from audio_edition.voices.espeak_engine import EspeakEngine
from audio_edition.voices.fake import FakeEngine
from audio_edition.voices.gtts_engine import GttsEngine
from audio_edition.voices.piper_engine import PiperEngine

__all__ = [
    "Engine",
    "VoiceSpec",
    "parse_voice_spec",
    "register_engine",
    "engine_names",
    "get_engine",
    "EspeakEngine",
    "FakeEngine",
    "GttsEngine",
    "PiperEngine",
]

_FACTORIES: dict[str, Callable[[], Engine]] = {
    "piper": PiperEngine,
    "gtts": GttsEngine,
    "espeak": EspeakEngine,
    "fake": FakeEngine,
}
_INSTANCES: dict[str, Engine] = {}
_PLUGINS_LOADED = False


def register_engine(name: str, factory: Callable[[], Engine], *, replace: bool = False) -> None:
    """Make an engine available under `name` (tests register fakes the same way plugins do)."""
    if name in _FACTORIES and not replace:
        raise ValueError(f"an engine named {name!r} is already registered")
    _FACTORIES[name] = factory
    _INSTANCES.pop(name, None)


def engine_names() -> list[str]:
    """Names of every registered engine."""
    _load_plugins()
    return sorted(_FACTORIES)


def get_engine(name: str) -> Engine:
    """The engine registered as `name`, created once per process; InputError when unknown."""
    _load_plugins()
    key = name.strip().lower()
    if key not in _FACTORIES:
        choices = ", ".join(["auto", *engine_names()])
        raise InputError(f"unknown engine '{name}': choose one of {choices}")
    if key not in _INSTANCES:
        _INSTANCES[key] = _FACTORIES[key]()
    return _INSTANCES[key]


def _load_plugins() -> None:
    global _PLUGINS_LOADED
    if _PLUGINS_LOADED:
        return
    _PLUGINS_LOADED = True
    for entry in metadata.entry_points(group="audio_edition.engines"):
        if entry.name not in _FACTORIES:
            _FACTORIES[entry.name] = entry.load()
