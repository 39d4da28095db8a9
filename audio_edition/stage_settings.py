"""A build's Options become each stage's settings here, once per build, at the top: no stage reads
Options (nor imports them). What belongs to one article, its fingerprint, is given beside them."""

from __future__ import annotations

from dataclasses import dataclass

from audio_edition.audio.settings import MasteringSettings, pause_times
from audio_edition.options import Options, settings_from
from audio_edition.publish.settings import PublishSettings
from audio_edition.script.settings import ScriptSettings
from audio_edition.voices.cast import CastSettings

__all__ = ["StageSettings"]


@dataclass(frozen=True)
class StageSettings:
    """What each stage reads of one build's Options, derived once: the script writer's, the
    cast's, the audio stage's (master, deliver, check; the episode key) and the publisher's."""

    script: ScriptSettings
    cast: CastSettings
    mastering: MasteringSettings
    publishing: PublishSettings

    @classmethod
    def from_options(cls, options: Options, fingerprint: str | None = None) -> StageSettings:
        """Each stage's settings of a build (`auto` already replaced by the chosen engine), the
        article's `fingerprint` (a batch's) recorded by the publisher."""
        return cls(
            settings_from(ScriptSettings, options),
            settings_from(CastSettings, options),
            settings_from(MasteringSettings, options, **pause_times(options.pauses)),
            settings_from(PublishSettings, options, fingerprint=fingerprint),
        )
