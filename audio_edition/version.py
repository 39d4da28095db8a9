"""The version of audio-edition, in one place every floor may read (the package top, the
User-Agent of fetches, the NCC's generator), from the installed package's metadata."""

from __future__ import annotations

from functools import cache

__all__ = ["version"]


@cache
def version() -> str:
    """The installed package's version ("0.0.0" in a source tree that is not installed)."""
    from importlib import metadata

    try:
        return metadata.version("audio-edition")
    except metadata.PackageNotFoundError:
        return "0.0.0"
