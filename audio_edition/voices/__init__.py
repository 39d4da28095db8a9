"""The voices stage: the engine registry (`registry`), voices (`base`), the cast, synthesis.

Engines are imported when first asked for; the built-in engine classes (`PiperEngine`, ...) are
attributes of this package that import their module when first read (`registry.engine_class`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audio_edition.model import Voice
from audio_edition.voices.base import Engine, parse_voice_spec
from audio_edition.voices.decoding import decoding_with
from audio_edition.voices.registry import (
    _FACTORIES,  # noqa: F401 (tests reset the registry through it)
    _INSTANCES,  # noqa: F401
    engine_names,
    get_engine,
    register_engine,
)
from audio_edition.voices.registry import engine_class as __getattr__  # noqa: F401 (lazy classes)

if TYPE_CHECKING:
    from audio_edition.voices.espeak_engine import EspeakEngine
    from audio_edition.voices.fake import FakeEngine
    from audio_edition.voices.gtts_engine import GttsEngine
    from audio_edition.voices.piper_engine import PiperEngine

__all__ = [
    "Engine",
    "Voice",
    "parse_voice_spec",
    "register_engine",
    "engine_names",
    "get_engine",
    "decoding_with",
    "EspeakEngine",
    "FakeEngine",
    "GttsEngine",
    "PiperEngine",
]
