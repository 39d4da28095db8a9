"""audio-edition: turn a news article into a podcast-style audio edition.

The public names are loaded on first use (PEP 562), so importing one stage (`audio_edition.script`,
say) or starting the command costs only what that stage imports, not the whole audio stack.
"""

from __future__ import annotations

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from audio_edition.errors import (
        AudioEditionError,
        AudioError,
        EngineError,
        EngineFailure,
        FailureCause,
        InputError,
        OutputError,
        QualityError,
    )
    from audio_edition.ingest import parse_article, read_article
    from audio_edition.model import (
        Article,
        Block,
        Chapter,
        Clip,
        Episode,
        Meta,
        Pronunciation,
        Script,
        Segment,
        Speech,
        Voice,
    )
    from audio_edition.options import Options, Pauses
    from audio_edition.pipeline import Built, produce, produce_article
    from audio_edition.preview import write_script
    from audio_edition.voices import Engine, get_engine, register_engine

    __version__: str

# Where each public name lives: the module it is imported from on first use.
_HOMES = {
    "audio_edition.errors": (
        "AudioEditionError",
        "AudioError",
        "EngineError",
        "EngineFailure",
        "FailureCause",
        "InputError",
        "OutputError",
        "QualityError",
    ),
    "audio_edition.ingest": ("parse_article", "read_article"),
    "audio_edition.model": (
        "Article",
        "Block",
        "Chapter",
        "Clip",
        "Episode",
        "Meta",
        "Pronunciation",
        "Script",
        "Segment",
        "Speech",
        "Voice",
    ),
    "audio_edition.options": ("Options", "Pauses"),
    "audio_edition.pipeline": ("Built", "produce", "produce_article"),
    "audio_edition.preview": ("write_script",),
    "audio_edition.voices": ("Engine", "get_engine", "register_engine"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

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
    "EngineFailure",
    "Episode",
    "FailureCause",
    "InputError",
    "Meta",
    "Options",
    "OutputError",
    "Pauses",
    "Pronunciation",
    "QualityError",
    "Script",
    "Segment",
    "Speech",
    "Voice",
    "get_engine",
    "parse_article",
    "produce",
    "produce_article",
    "read_article",
    "register_engine",
    "write_script",
]


def __getattr__(name: str) -> object:
    """A public name, imported from its home module on first use and kept; `__version__` is
    `version.version()`."""
    if name == "__version__":
        from audio_edition.version import version

        value: object = version()
    elif name in _HOME_OF:
        value = getattr(_importlib.import_module(_HOME_OF[name]), name)
    else:
        raise AttributeError(f"module 'audio_edition' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """Every public name, loaded or not, beside what the module already holds."""
    return sorted(set(globals()) | set(__all__) | {"__version__"})
