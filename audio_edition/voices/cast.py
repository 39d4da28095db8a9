"""Resolve the cast: which voice speaks each role, checked before any audio is made; and, unchecked,
every voice a cast may speak with (what a build's fingerprint covers)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from audio_edition.errors import InputError
from audio_edition.languages.language import Language
from audio_edition.model import Voice
from audio_edition.voices.base import SpeakerPool, parse_voice_spec
from audio_edition.voices.registry import described, get_engine


@dataclass(frozen=True, eq=False)
class Cast(Mapping[str, Voice]):
    """Which voice speaks each cast role (`narrator`, `quote`, a recurring speaker's role), in
    order: read as a mapping, equal to any mapping with the same roles and voices, never changed."""

    roles: tuple[tuple[str, Voice], ...]
    _by_role: dict[str, Voice] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_role", dict(self.roles))

    @classmethod
    def of(cls, voices: Mapping[str, Voice]) -> Cast:
        """The cast of `voices` (role -> voice), in their order."""
        return cls(tuple(voices.items()))

    def __getitem__(self, role: str) -> Voice:
        return self._by_role[role]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_role)

    def __len__(self) -> int:
        return len(self._by_role)


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
    ok, why = get_engine(key).available()
    if not ok:
        raise InputError(f"engine '{key}' is not usable here: {why}")
    cast = _chosen(settings, language)
    for resolved in cast.values():
        voice_engine = get_engine(resolved.engine)
        ok, why = voice_engine.available()
        if not ok:
            raise InputError(f"voice '{resolved}' is not usable here: {why}")
        voice_engine.check_voice(resolved.voice, language)
    if cast["narrator"] == cast["quote"] and settings.quote_voice:
        raise InputError("the quote voice is the narrator's voice: choose a different --quote-voice")
    return cast


def cast_voices(settings: CastSettings, language: Language) -> list[Voice]:
    """Every voice a cast of `settings` may speak with in `language`, unchecked: the narrator, the
    quote voice and, with speaker voices, the quote engine's speaker pool (what `resolve_cast` and
    `assign_speaker_voices` choose from). Loads no voice model; errors as the engines raise them."""
    cast = _chosen(settings, language)
    found = list(cast.values())
    quote = cast["quote"]
    pool_engine = get_engine(quote.engine)
    if settings.speaker_voices and isinstance(pool_engine, SpeakerPool):
        found += [Voice(quote.engine, voice) for voice in pool_engine.speaker_pool(language, quote.voice)]
    return found


def _chosen(settings: CastSettings, language: Language) -> Cast:
    """Each role's voice: the user's choice, else the engine's default for `language`."""
    key = settings.engine.strip().lower()
    chosen = {"narrator": settings.narrator, "quote": settings.quote_voice}
    defaults = {} if all(chosen.values()) else get_engine(key).default_voices(language)
    return Cast.of(
        {
            role: described(parse_voice_spec(spec, key) if spec else Voice(key, defaults[role]))
            for role, spec in chosen.items()
        }
    )
