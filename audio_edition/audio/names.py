"""Where each name the audio stage's face (`audio_edition.audio`) offers lives; each is imported
when first read, so reading the timeline or the settings loads neither numpy nor scipy."""

from __future__ import annotations

from importlib import import_module
from typing import Any

# name -> module that defines it. No name may also be a module of the package: importing
# `audio_edition.audio.X` sets the package's attribute X to that module (hence `mastering.py`
# holds `master`, `delivery.py` holds `deliver`).
HOMES = {
    "master": "audio_edition.audio.mastering",
    "mastering_rate": "audio_edition.audio.mastering",
    "episode_from": "audio_edition.audio.timeline",
    "mastering_settings": "audio_edition.audio.settings",
    "MASTERING_REVISION": "audio_edition.audio.settings",
    "MasteringSettings": "audio_edition.audio.settings",
    "deliver": "audio_edition.audio.delivery",
    "check_episode": "audio_edition.audio.quality",
    "engine_clipping": "audio_edition.audio.quality",
    "load_music": "audio_edition.audio.music",
    "EpisodeStore": "audio_edition.audio.episode_store",
    "Mastered": "audio_edition.audio.episode_store",
}


def stage_attribute(name: str) -> Any:
    """`audio_edition.audio.<name>`, imported from its home on first use (PEP 562)."""
    home = HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'audio_edition.audio' has no attribute {name!r}")
    return getattr(import_module(home), name)
