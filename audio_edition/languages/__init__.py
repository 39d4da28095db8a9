"""The languages: one module per language (`en.py`, `fr.py`, ...), each defining one `Language`;
`language_for(tag)` finds one through the registry (`registry.py`). Names load on first use."""

from __future__ import annotations

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from audio_edition.languages.language import Language, LanguageFinder
    from audio_edition.languages.registry import INSTALLED, Languages, language_for

_HOME_OF = {
    "Language": "audio_edition.languages.language",
    "LanguageFinder": "audio_edition.languages.language",
    "INSTALLED": "audio_edition.languages.registry",
    "Languages": "audio_edition.languages.registry",
    "language_for": "audio_edition.languages.registry",
}
__all__ = ["INSTALLED", "Language", "LanguageFinder", "Languages", "language_for"]


def __getattr__(name: str) -> _typing.Any:
    if name not in _HOME_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(_HOME_OF[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
