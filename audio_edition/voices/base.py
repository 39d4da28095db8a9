"""The Engine protocol every voice implements, voice parsing (`engine:voice` to a `Voice`), and the
check engines make for the packages they need."""

from __future__ import annotations

import importlib.util
from typing import Any, Protocol, runtime_checkable

from audio_edition.errors import InputError
from audio_edition.languages.language import Language
from audio_edition.languages.tags import language_key
from audio_edition.model import Clip, Speech, Voice


@runtime_checkable
class Engine(Protocol):
    """A speech engine: turns text into a Clip in a named voice."""

    name: str
    version: str
    max_chars: int | None
    max_parallel: int

    def available(self) -> tuple[bool, str]:
        """(usable here, reason when not)."""
        ...

    def default_voices(self, language: Language) -> dict[str, str]:
        """Voice names for the roles `narrator` and `quote` in `language`; InputError if none."""
        ...

    def check_voice(self, voice: str, language: Language) -> None:
        """Raise InputError when `voice` cannot speak `language` here."""
        ...

    def voices(self) -> list[str]:
        """Voices this engine offers here."""
        ...

    def cache_settings(self, voice: str) -> dict[str, Any]:
        """Everything besides text, voice and version that changes this voice's audio (for the cache)."""
        ...

    def synthesize(self, text: str, voice: str) -> Clip:
        """Speak `text` in `voice` (a pronounced word comes as its alias: `Speech.text`)."""
        ...


@runtime_checkable
class Pronouncing(Protocol):
    """An engine that takes phonemes (optional: without it, an engine is given `Speech.text`,
    each pronounced word by its alias)."""

    def synthesize_speech(self, speech: Speech, voice: str) -> Clip:
        """Speak `speech` in `voice`, each pronounced word by its IPA."""
        ...


def spoken(engine: Engine, speech: Speech, voice: str) -> Clip:
    """`speech` said by `engine` in `voice`: its pieces to an engine that takes phonemes, its text
    to the others."""
    if isinstance(engine, Pronouncing):
        return engine.synthesize_speech(speech, voice)
    return engine.synthesize(speech.text, voice)


@runtime_checkable
class LanguageAware(Protocol):
    """An engine that can say which language each of its voices speaks (optional: without it, a
    voice is taken to speak any language)."""

    def voice_language(self, voice: str) -> str | None:
        """The language tag `voice` speaks (`fr`, `en-gb`), or None when it is not known."""
        ...


def speaks(engine: Engine, voice: str, language: Language) -> bool:
    """Whether `voice` of `engine` speaks `language` (by primary subtag); a voice whose language
    the engine does not say is taken to speak any."""
    told = engine.voice_language(voice) if isinstance(engine, LanguageAware) else None
    return told is None or language_key(told) == language.code


@runtime_checkable
class SpeakerPool(Protocol):
    """An engine that can offer voices for recurring speakers (optional: without it, speakers share
    the quote voice)."""

    def speaker_pool(self, language: Language, quote_voice: str) -> list[str]:
        """Voices for speakers of quotations in `language`, most distinct first, beginning near
        `quote_voice`; the narrator is taken out by the caller."""
        ...


def parse_voice_spec(spec: str, default_engine: str) -> Voice:
    """Split `engine:voice`; a bare voice belongs to `default_engine`. Paths keep their colons."""
    text = spec.strip()
    if not text:
        raise InputError("empty voice name: give a voice such as piper:joe")
    head, sep, rest = text.partition(":")
    if sep and head.isidentifier() and len(head) > 1:
        if not rest:
            raise InputError(f"voice '{spec}' names no voice after '{head}:'")
        return Voice(head.lower(), rest)
    return Voice(default_engine, text)


def installed(package: str) -> bool:
    """Whether the top-level `package` can be imported here, found without importing it."""
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):  # a broken or blocked (sys.modules[name] = None) package
        return False
