"""The script `build` would speak, without making audio: what `audio-edition script` prints.

It applies every option that changes the script as the pipeline does (`--lang` on the article, the
script settings, `--speaker-voices` roles), and loads no audio library."""

from __future__ import annotations

import dataclasses

from audio_edition.collaborators import Collaborators
from audio_edition.languages.registry import INSTALLED, Languages
from audio_edition.model import Article, Script
from audio_edition.options import Options, settings_from
from audio_edition.script import writer
from audio_edition.script.settings import ScriptSettings

__all__ = ["preview_script", "write_script"]

# Speaker roles (`speaker:NAME`) depend only on who is quoted, not on the engine: the fake engine's
# cast names them without loading a voice.
ROLE_ENGINE = "fake"


def preview_script(
    article: Article,
    options: Options,
    collaborators: Collaborators | None = None,
    languages: Languages = INSTALLED,
) -> Script:
    """The script `build` writes for `article` with `options` (`--lang`, show, opening, quote
    words, lexicon; with `speaker_voices`, recurring speakers on roles of their own), by the
    collaborators' script writer as the pipeline's, in the language found in `languages`."""
    if options.language:
        article = dataclasses.replace(
            article, meta=dataclasses.replace(article.meta, language=options.language)
        )
    write = (collaborators or Collaborators()).write_script
    language = languages.find(article.meta.language)
    script = write(article, settings_from(ScriptSettings, options), language=language)
    if not options.speaker_voices:
        return script
    from audio_edition.voices.cast import CastSettings, resolve_cast
    from audio_edition.voices.speaker_voices import assign_speaker_voices

    cast = resolve_cast(CastSettings(ROLE_ENGINE, None, None, True), script.language)
    return assign_speaker_voices(script, cast)[0]


def write_script(
    article: Article, options: Options | ScriptSettings | None = None, *, languages: Languages = INSTALLED
) -> Script:
    """The script stage's `write_script` as the library's users call it (`audio_edition.write_script`):
    with a build's Options (None: the defaults; or the stage's own settings), in the language
    `--lang` or the article states, found in `languages` as a build finds it."""
    opts = options or Options()
    settings = opts if isinstance(opts, ScriptSettings) else settings_from(ScriptSettings, opts)
    tag = opts.language if isinstance(opts, Options) and opts.language else article.meta.language
    return writer.write_script(article, settings, language=languages.find(tag))
