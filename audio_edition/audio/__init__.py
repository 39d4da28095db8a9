"""The audio stage: master the clips into an episode (`master`), encode and measure it
(`deliver`), check it (`check_episode`), and keep it (`EpisodeStore`).

Each name is imported from its module when first read (see `names.HOMES`), so the stage's light
parts (the timeline, the mastering settings, the episode store) cost nothing heavy to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audio_edition.audio.names import stage_attribute as __getattr__  # noqa: F401  (PEP 562)

if TYPE_CHECKING:
    from audio_edition.audio.delivery import deliver
    from audio_edition.audio.episode_store import EpisodeStore, Mastered
    from audio_edition.audio.mastering import master, mastering_rate
    from audio_edition.audio.music import load_music
    from audio_edition.audio.quality import check_episode, engine_clipping
    from audio_edition.audio.settings import MASTERING_REVISION, MasteringSettings, mastering_settings
    from audio_edition.audio.timeline import episode_from

__all__ = [
    "MASTERING_REVISION",
    "EpisodeStore",
    "Mastered",
    "MasteringSettings",
    "check_episode",
    "deliver",
    "engine_clipping",
    "episode_from",
    "load_music",
    "master",
    "mastering_rate",
    "mastering_settings",
]
