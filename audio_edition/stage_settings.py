"""A build's Options become each stage's settings here, once, at the top: no stage reads Options
(nor imports them). What belongs to one article, its fingerprint, is given beside the options."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, TypeVar

from audio_edition.audio.settings import MasteringSettings, pause_times
from audio_edition.model import Article, Script
from audio_edition.options import Options
from audio_edition.publish.settings import PublishSettings
from audio_edition.script import write_script as _write
from audio_edition.script.settings import ScriptSettings
from audio_edition.voices.cast import CastSettings

__all__ = ["StageSettings", "settings_from", "write_script"]

_Settings = TypeVar("_Settings")


def settings_from(cls: type[_Settings], options: Options, **derived: Any) -> _Settings:
    """A stage's settings from a build's options: each field of `cls` named as an option takes that
    option's value; the others come from `derived`."""
    names = {f.name for f in dataclasses.fields(cls)} - derived.keys()  # type: ignore[arg-type]
    return cls(**{name: getattr(options, name) for name in names}, **derived)


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


def write_script(article: Article, options: Options | None = None) -> Script:
    """The script stage's `write_script` as the library's users call it (`audio_edition.write_script`):
    with a build's Options (None: the defaults), whose script settings it is given."""
    return _write(article, settings_from(ScriptSettings, options or Options()))
