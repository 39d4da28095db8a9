"""Engine registry: engines by name, each imported when it is first asked for.

Built-in engines are registered by name with where to find them (`module:Class`), and plugins
through the `audio_edition.engines` entry points; neither is imported until `get_engine` needs it,
so listing or choosing engines costs nothing until one speaks. What credits say of an engine and
its voices (its title, the file suffix of a voice model named by path) is kept here beside it
(`described`), so no later stage knows an engine by name. Engine names are case-insensitive:
they are kept, listed and looked up in lower case, so a plugin registered as `MyTTS` is
`--engine MyTTS`, `--engine mytts` and `mytts:VOICE` alike. An engine that cannot be loaded or
started becomes an engine that is "not usable here" with the reason, so it breaks neither the other
engines nor `audio-edition voices`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from audio_edition.errors import AudioEditionError, EngineError, InputError
from audio_edition.languages.language import Language
from audio_edition.model import Clip, Voice
from audio_edition.voices.base import Engine

GROUP = "audio_edition.engines"


@dataclass(frozen=True)
class BuiltinEngine:
    """An engine that comes with audio-edition: where its class is (`module:attribute`), how credits
    name it, and the file suffix of a voice model named by path (dropped from the credit)."""

    target: str
    title: str
    model_suffix: str = ""


BUILTIN_ENGINES: dict[str, BuiltinEngine] = {
    "piper": BuiltinEngine("audio_edition.voices.piper_engine:PiperEngine", "Piper", ".onnx"),
    "gtts": BuiltinEngine("audio_edition.voices.gtts_engine:GttsEngine", "Google Translate (gTTS)"),
    "espeak": BuiltinEngine("audio_edition.voices.espeak_engine:EspeakEngine", "eSpeak NG"),
    "fake": BuiltinEngine("audio_edition.voices.fake:FakeEngine", "fake"),
}
# The built-in engine classes as attributes of `audio_edition.voices`, loaded when first read.
ENGINE_CLASSES = {e.target.rpartition(":")[2]: e.target for e in BUILTIN_ENGINES.values()}

_INSTANCES: dict[str, Engine] = {}
_PLUGINS_LOADED = False
_ENGINE_MEMBERS = ["name", "version", "max_chars", "max_parallel", "available", "default_voices"]
_ENGINE_MEMBERS += ["check_voice", "voices", "cache_settings", "synthesize"]


class _Deferred:
    """An engine factory named by where it lives (`module:attribute`), imported on its first call."""

    def __init__(self, entry: metadata.EntryPoint, package: str, kind: str) -> None:
        self.entry, self.package, self.kind = entry, package, kind

    def __call__(self) -> Engine:
        try:
            factory = self.entry.load()
        except Exception as exc:  # ImportError, SyntaxError, anything the module raises
            why = f"its {self.kind} {self.entry.value} cannot be loaded ({_described(exc)})"
            raise _PluginError(f"{why}: {_advice(self)}") from exc
        engine: Engine = factory()
        return engine


def _builtin(name: str, value: str) -> _Deferred:
    return _Deferred(metadata.EntryPoint(name=name, value=value, group=GROUP), "audio-edition", "module")


def _plugin(entry: metadata.EntryPoint) -> _Deferred:
    package = entry.dist.name if entry.dist is not None else entry.value.partition(":")[0]
    return _Deferred(entry, package, "plugin")


_FACTORIES: dict[str, Callable[[], Engine]] = {
    name: _builtin(name, entry.target) for name, entry in BUILTIN_ENGINES.items()
}


def register_engine(name: str, factory: Callable[[], Engine], *, replace: bool = False) -> None:
    """Make an engine available under `name`, case-insensitively (tests register fakes the same way
    plugins do); ValueError if the name is taken and `replace` is not set."""
    key = _key(name)
    if key in _FACTORIES and not replace:
        raise ValueError(f"an engine named {name!r} is already registered")
    _FACTORIES[key] = factory
    _INSTANCES.pop(key, None)


def engine_names() -> list[str]:
    """Names of every registered engine, in lower case (nothing is imported to list them)."""
    _load_plugins()
    return sorted(_FACTORIES)


def get_engine(name: str) -> Engine:
    """The engine registered as `name` (any case), imported and created once per process;
    InputError when unknown.

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


def engine_class(attribute: str) -> Any:
    """A built-in engine class by its class name (`PiperEngine`), imported now: what
    `audio_edition.voices.PiperEngine` gives. AttributeError for any other name."""
    if attribute not in ENGINE_CLASSES:
        raise AttributeError(f"module 'audio_edition.voices' has no attribute {attribute!r}")
    return metadata.EntryPoint(name=attribute, value=ENGINE_CLASSES[attribute], group=GROUP).load()


def described(voice: Voice) -> Voice:
    """`voice` with what credits say of it: its engine's title (a built-in's, a plugin engine's
    `title` attribute, else its name) and its label (a voice named by path: the file's name,
    without the engine's model suffix)."""
    entry = BUILTIN_ENGINES.get(voice.engine)
    title = entry.title if entry else str(getattr(_INSTANCES.get(voice.engine), "title", voice.engine))
    label = voice.voice.rsplit("/", 1)[-1]
    if entry and entry.model_suffix:
        label = label.removesuffix(entry.model_suffix)
    return dataclasses.replace(voice, title=title, label=label)


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
    for entry in metadata.entry_points(group=GROUP):
        if _key(entry.name) not in _FACTORIES:  # built-ins and registered engines win
            _FACTORIES[_key(entry.name)] = _plugin(entry)


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

    def default_voices(self, language: Language) -> dict[str, str]:
        raise self._error()

    def check_voice(self, voice: str, language: Language) -> None:
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
