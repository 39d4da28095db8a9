"""Resolve the cast: which voice speaks each role, checked before any audio is made."""

from __future__ import annotations

from dataclasses import dataclass

from audio_edition.errors import InputError
from audio_edition.languages.language import Language
from audio_edition.voices.base import VoiceSpec, parse_voice_spec
from audio_edition.voices.registry import get_engine

Cast = dict[str, VoiceSpec]


@dataclass(frozen=True)
class CastSettings:
    """What the cast is chosen from: the engine (a registered engine's name: `auto` is chosen by
    the pipeline before a cast is), the voices the user asked for (None: the engine's defaults),
    and whether recurring speakers get voices of their own (`voices.speaker_voices`)."""

    engine: str
    narrator: str | None = None
    quote_voice: str | None = None
    speaker_voices: bool = False


def resolve_cast(settings: CastSettings, language: Language) -> Cast:
    """Map `narrator` and `quote` to voice specs: the user's choices, else the engine's defaults
    for `language`."""
    key = settings.engine.strip().lower()
    engine = get_engine(key)
    ok, why = engine.available()
    if not ok:
        raise InputError(f"engine '{key}' is not usable here: {why}")
    chosen = {"narrator": settings.narrator, "quote": settings.quote_voice}
    cast: Cast = {}
    defaults: dict[str, str] | None = None
    for role, spec in chosen.items():
        if spec:
            cast[role] = parse_voice_spec(spec, key)
        else:
            if defaults is None:
                defaults = engine.default_voices(language)
            cast[role] = VoiceSpec(key, defaults[role])
    for resolved in cast.values():
        voice_engine = get_engine(resolved.engine)
        ok, why = voice_engine.available()
        if not ok:
            raise InputError(f"voice '{resolved}' is not usable here: {why}")
        voice_engine.check_voice(resolved.voice, language)
    if cast["narrator"] == cast["quote"] and settings.quote_voice:
        raise InputError("the quote voice is the narrator's voice: choose a different --quote-voice")
    return cast
