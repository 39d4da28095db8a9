"""Engine registry: built-in engines plus any registered through the `audio_edition.engines` entry points.

Engine names are case-insensitive: they are kept, listed and looked up in lower case, so a plugin
registered as `MyTTS` is `--engine MyTTS`, `--engine mytts` and `mytts:VOICE` alike. A plugin that
cannot be loaded or started becomes an engine that is "not usable here" with the reason, so it
breaks neither the other engines nor `audio-edition voices`.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata
from typing import Any

from audio_edition.errors import AudioEditionError, EngineError, InputError
from audio_edition.model import Clip
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
_ENGINE_MEMBERS = ["name", "version", "max_chars", "max_parallel", "available", "default_voices"]
_ENGINE_MEMBERS += ["check_voice", "voices", "cache_settings", "synthesize"]


def register_engine(name: str, factory: Callable[[], Engine], *, replace: bool = False) -> None:
    """Make an engine available under `name`, case-insensitively (tests register fakes the same way
    plugins do); ValueError if the name is taken and `replace` is not set."""
    key = _key(name)
    if key in _FACTORIES and not replace:
        raise ValueError(f"an engine named {name!r} is already registered")
    _FACTORIES[key] = factory
    _INSTANCES.pop(key, None)


def engine_names() -> list[str]:
    """Names of every registered engine, in lower case."""
    _load_plugins()
    return sorted(_FACTORIES)


def get_engine(name: str) -> Engine:
    """The engine registered as `name` (any case), created once per process; InputError when unknown.

    A factory that fails, or makes something that is not an Engine, gives an engine that says why
    it is not usable here instead of an exception."""
    _load_plugins()
    key = _key(name)
    if key not in _FACTORIES:
        choices = ", ".join(["auto", *engine_names()])
        raise InputError(f"unknown engine '{name}': choose one of {choices}")
    if key not in _INSTANCES:
        _INSTANCES[key] = _create(key, _FACTORIES[key])
    return _INSTANCES[key]


def _key(name: str) -> str:
    return name.strip().lower()


def _create(key: str, factory: Callable[[], Engine]) -> Engine:
    try:
        engine = factory()
    except AudioEditionError as exc:
        return _UnusableEngine(key, str(exc))
    except Exception as exc:  # a plugin's import or constructor failing: any error at all
        return _UnusableEngine(key, f"it failed to start ({_described(exc)}): {_advice(factory)}")
    if not isinstance(engine, Engine):
        missing = [n for n in _ENGINE_MEMBERS if not hasattr(engine, n)]
        lacking = f" (no {', '.join(missing)})" if missing else ""
        return _UnusableEngine(key, f"it does not implement the Engine protocol{lacking}: {_advice(factory)}")
    return engine


def _load_plugins() -> None:
    global _PLUGINS_LOADED
    if _PLUGINS_LOADED:
        return
    _PLUGINS_LOADED = True
    for entry in metadata.entry_points(group="audio_edition.engines"):
        if _key(entry.name) not in _FACTORIES:  # built-ins and registered engines win
            _FACTORIES[_key(entry.name)] = _PluginFactory(entry)


class _PluginFactory:
    """Loads an entry point's engine class when the engine is first asked for, not at start-up."""

    def __init__(self, entry: metadata.EntryPoint) -> None:
        self.entry = entry
        self.package = entry.dist.name if entry.dist is not None else entry.value.partition(":")[0]

    def __call__(self) -> Engine:
        try:
            factory = self.entry.load()
        except Exception as exc:  # ImportError, SyntaxError, anything the plugin's module raises
            why = f"its plugin {self.entry.value} cannot be loaded ({_described(exc)})"
            raise _PluginError(f"{why}: {_advice(self)}") from exc
        engine: Engine = factory()
        return engine


class _PluginError(AudioEditionError):
    """A plugin's module could not be imported."""


class _UnusableEngine:
    """Stands in for an engine that could not be loaded or started: not usable, saying why."""

    version = "unknown"
    max_chars: int | None = None
    max_parallel = 1

    def __init__(self, name: str, why: str) -> None:
        self.name, self.why = name, why

    def available(self) -> tuple[bool, str]:
        return False, self.why

    def voices(self) -> list[str]:
        return []

    def default_voices(self, language: str) -> dict[str, str]:
        raise self._error()

    def check_voice(self, voice: str, language: str) -> None:
        raise self._error()

    def cache_settings(self, voice: str) -> dict[str, Any]:
        raise self._error()

    def synthesize(self, text: str, voice: str) -> Clip:
        raise self._error()

    def _error(self) -> EngineError:
        return EngineError(f"engine '{self.name}' is not usable here: {self.why}")


def _described(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _advice(factory: object) -> str:
    package = getattr(factory, "package", None)
    return f"fix or uninstall the package {package}" if package else "fix the code that registered it"
