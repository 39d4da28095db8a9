"""Resolve the cast: which voice speaks each role, checked before any audio is made."""

from __future__ import annotations

from audio_edition.errors import InputError
from audio_edition.options import Options
from audio_edition.voices.base import VoiceSpec, parse_voice_spec
from audio_edition.voices.registry import get_engine

Cast = dict[str, VoiceSpec]


def resolve_cast(options: Options, language: str) -> Cast:
    """Map `narrator` and `quote` to voice specs: the user's choices, else the engine's defaults."""
    key = options.engine.strip().lower()
    engine = get_engine(key)
    ok, why = engine.available()
    if not ok:
        raise InputError(f"engine '{key}' is not usable here: {why}")
    chosen = {"narrator": options.narrator, "quote": options.quote_voice}
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
    if cast["narrator"] == cast["quote"] and options.quote_voice:
        raise InputError("the quote voice is the narrator's voice: choose a different --quote-voice")
    return cast
