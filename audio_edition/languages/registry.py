"""Find a `Language` by tag, lazily, as engines are found: the built-in languages by module, others
through the `audio_edition.languages` entry-point group (an entry point names a `Language` value).

`language_for(tag)` is the one reading of a tag into a language: `fr-CA`, `pt_BR` and `FR` find the
module of their primary subtag, and the value returned carries the tag as given. A tag no module
speaks for gets a stand-in: its own code and tag, English's words and messages, no rules of its own.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
from typing import TYPE_CHECKING

from audio_edition.languages.language import Language

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint
from audio_edition.languages.tags import language_key

GROUP = "audio_edition.languages"
BUILT_IN = {code: f"audio_edition.languages.{code}" for code in ("en", "fr", "de", "es", "it", "pt")}
# Languages without a module whose writers mark speech with dialogue dashes (as Spanish does).
_DIALOGUE_DASHES = frozenset({"ca", "gl"})


class Languages:
    """The installed languages: the built-in ones and those of the entry-point group, each module
    imported the first time a tag of it is asked for."""

    def __init__(self, extra: dict[str, Language] | None = None) -> None:
        self._extra = dict(extra or {})
        self._found: dict[str, Language | None] = {}

    def codes(self) -> tuple[str, ...]:
        """The codes of every language with a module (built in, added, or installed as a plugin)."""
        return tuple(dict.fromkeys([*BUILT_IN, *self._extra, *(ep.name for ep in _plugins())]))

    def find(self, tag: str | None) -> Language:
        """The language of `tag` (English when None or empty), carrying `tag` as given."""
        code = language_key(tag)
        found = self._module(code)
        language = found if found is not None else self._stand_in(code)
        given = (tag or "").strip() or code
        return language if language.tag == given else dataclasses.replace(language, tag=given)

    def every(self) -> tuple[Language, ...]:
        """The built-in and added languages (each module imported; a plugin's only once a tag of it
        was found, as reading the entry points costs a command 30-90 ms): what an article whose
        language is not known is read with where a rule is safe in any language."""
        codes = dict.fromkeys([*BUILT_IN, *self._extra, *self._found])
        return tuple(lang for code in codes if (lang := self._module(code)) is not None)

    def undetermined(self) -> Language:
        """The language of text said as written: no rules, English words and messages (`und`, the
        tag for an undetermined language), found without looking for a module."""
        return self._stand_in("und")

    def _module(self, code: str) -> Language | None:
        if code not in self._found:
            self._found[code] = self._load(code)
        return self._found[code]

    def _load(self, code: str) -> Language | None:
        if code in self._extra:
            language = self._extra[code]
        elif code in BUILT_IN:
            language = importlib.import_module(BUILT_IN[code]).LANGUAGE
        else:
            plugin = next((ep for ep in _plugins() if ep.name == code), None)
            if plugin is None:
                return None
            language = plugin.load()
        return _completed(language, self._english())

    def _english(self) -> Language:
        return importlib.import_module(BUILT_IN["en"]).LANGUAGE  # type: ignore[no-any-return]

    def _stand_in(self, code: str) -> Language:
        english = self._english()
        return Language(
            code=code,
            name=code,
            iso639_2="und",
            words=english.words,
            tag=code,
            messages=english.messages,
            messages_in="en",
            dotted=english.dotted,
            dialogue_dashes=code in _DIALOGUE_DASHES,
            punctuation_inside_quotes=False,
            known=False,
        )


def _completed(language: Language, english: Language) -> Language:
    """`language` with what it leaves out taken from English: messages it has no sentence for."""
    if language.code == "en" or language.messages_in:
        return language
    own = bool(language.messages)
    return dataclasses.replace(
        language,
        messages={**english.messages, **language.messages},
        messages_in=language.code if own else "en",
    )


@functools.cache
def _plugins() -> tuple[EntryPoint, ...]:
    """The entry points of the group, read once (importlib.metadata, 30 ms, only when a tag has no
    built-in module or every language is asked for)."""
    from importlib.metadata import entry_points

    return tuple(entry_points(group=GROUP))


INSTALLED = Languages()
"""The languages of this installation."""


@functools.cache
def language_for(tag: str | None) -> Language:
    """The installed language of `tag` (see `Languages.find`)."""
    return INSTALLED.find(tag)
