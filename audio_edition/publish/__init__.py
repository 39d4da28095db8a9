"""The publish stage: an Episode becomes its set of files (see `episode_files.publish`). Names are
imported on first use, so reading the formats table or a slug loads no writer and no tagger."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from audio_edition.publish.episode_files import publish
    from audio_edition.publish.manifest import manifest
    from audio_edition.publish.slug import slugify

__all__ = ["publish", "slugify", "manifest"]
_HOMES = {
    "publish": "audio_edition.publish.episode_files",
    "slugify": "audio_edition.publish.slug",
    "manifest": "audio_edition.publish.manifest",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'audio_edition.publish' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
