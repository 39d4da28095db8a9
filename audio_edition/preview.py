"""The script `build` would speak, without making audio: what `audio-edition script` prints.

It applies every option that changes the script as the pipeline does (`--lang` on the article, the
script settings, `--speaker-voices` roles), and loads no audio library."""

from __future__ import annotations

import dataclasses

from audio_edition.languages import language_for
from audio_edition.model import Article, Script
from audio_edition.options import Options
from audio_edition.script import write_script

__all__ = ["preview_script"]

# Speaker roles (`speaker:NAME`) depend only on who is quoted, not on the engine: the fake engine's
# cast names them without loading a voice.
ROLE_ENGINE = "fake"


def preview_script(article: Article, options: Options) -> Script:
    """The script `build` writes for `article` with `options` (`--lang`, show, opening, quote
    words, lexicon; with `speaker_voices`, recurring speakers on roles of their own)."""
    if options.language:
        article = dataclasses.replace(
            article, meta=dataclasses.replace(article.meta, language=options.language)
        )
    script = write_script(article, options, language=language_for(article.meta.language))
    if not options.speaker_voices:
        return script
    from audio_edition.voices.cast import CastSettings, resolve_cast
    from audio_edition.voices.speaker_voices import assign_speaker_voices

    cast = resolve_cast(CastSettings(ROLE_ENGINE, None, None, True), script.language)
    return assign_speaker_voices(script, cast)[0]
