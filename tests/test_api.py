"""The public API: `__all__` names exactly what the package exports, and each name resolves."""

from __future__ import annotations

import importlib

import pytest

import audio_edition

MODULES = [
    "audio_edition",
    "audio_edition.ingest",
    "audio_edition.script",
    "audio_edition.voices",
    "audio_edition.audio",
    "audio_edition.publish",
]


@pytest.mark.parametrize("name", MODULES)
def test_all_is_honest(name: str) -> None:
    module = importlib.import_module(name)
    exported = module.__all__
    assert len(exported) == len(set(exported))
    for item in exported:
        assert hasattr(module, item), f"{name}.__all__ names missing {item}"


def test_top_level_exports_every_stage() -> None:
    for stage in ("read_article", "write_script", "produce", "register_engine"):
        assert stage in audio_edition.__all__
    assert audio_edition.__version__
