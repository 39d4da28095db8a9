"""The sentences the tool adds (opening, closing, credits) in the article's language, and English with
a warning for a language without a catalogue."""

from __future__ import annotations

import re
import string
import warnings

import pytest

from audio_edition.languages import language_for
from audio_edition.model import Meta
from audio_edition.script import opening as spoken
from audio_edition.script.drafts import Draft
from audio_edition.script.messages import CatalogueFallback
from audio_edition.script.messages import fallback_note as _fallback_note
from audio_edition.script.messages import message as _message

NATIVE = ("en", "fr", "de", "es", "it", "pt")


def catalogue() -> dict[str, dict[str, str]]:
    """Each language's own messages, as its module holds them."""
    return {code: dict(language_for(code).messages) for code in NATIVE}


def languages() -> tuple[str, ...]:
    return tuple(code for code in NATIVE if language_for(code).has_messages)


def message(key: str, tag: str, **fields: str) -> str:
    return _message(key, language_for(tag), **fields)


def fallback_note(tag: str) -> str | None:
    return _fallback_note(language_for(tag))


def opening(meta: Meta, show: str, title_is_text: bool) -> list[Draft]:
    return spoken.opening(meta, language_for(meta.language), show, title_is_text)


def closing(meta: Meta, show: str) -> list[Draft]:
    return spoken.closing(meta, language_for(meta.language), show)


def credit_line(meta: Meta) -> str:
    return spoken.credit_line(meta, language_for(meta.language))


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_catalogue_speaks_six_languages_with_every_message_and_its_fields() -> None:
    assert set(NATIVE) <= set(languages())
    english = catalogue()["en"]
    for lang in languages():
        assert catalogue()[lang].keys() == english.keys(), lang
        for key, template in catalogue()[lang].items():
            assert _fields(template) == _fields(english[key]), (lang, key)


def test_english_is_said_as_before() -> None:
    meta = Meta(title="Ferry strike", byline="Jane Doe", date="2026-02-11", language="en")
    assert [d.text for d in opening(meta, "Radio", True)] == [
        "Radio.",
        "Ferry strike",
        "By Jane Doe. February 11, 2026.",
    ]
    assert closing(meta, "Radio")[0].text == (
        "You have been listening to Ferry strike, from Radio. This edition was read by a synthetic voice."
    )
    assert credit_line(Meta(title="T", byline="by Jane Doe")) == "by Jane Doe."
    assert closing(Meta(title="-->"), "")[0].text == "This edition was read by a synthetic voice."


SAID = {
    "fr": (
        "Par Claire Dubois. 3 mars 2026.",
        "Vous venez d'écouter La grève, de Radio Ville. Cette édition a été lue par une voix de synthèse.",
    ),
    "de": (
        "Von Claire Dubois. 3. März 2026.",
        "Sie hörten La grève, von Radio Ville. Diese Ausgabe wurde von einer synthetischen Stimme gelesen.",
    ),
    "es": (
        "Por Claire Dubois. 3 de marzo de 2026.",
        "Acaban de escuchar La grève, de Radio Ville. Esta edición ha sido leída por una voz sintética.",
    ),
    "it": (
        "Di Claire Dubois. 3 marzo 2026.",
        "Avete ascoltato La grève, di Radio Ville. Questa edizione è stata letta da una voce sintetica.",
    ),
    "pt": (
        "Por Claire Dubois. 3 de março de 2026.",
        "Acabou de ouvir La grève, de Radio Ville. Esta edição foi lida por uma voz sintética.",
    ),
}


@pytest.mark.parametrize("lang", sorted(SAID))
def test_the_opening_and_closing_speak_the_article_language(lang: str) -> None:
    meta = Meta(title="La grève", byline="Claire Dubois", date="2026-03-03T08:00:00Z", language=f"{lang}-XX")
    credit, said = SAID[lang]
    with warnings.catch_warnings():
        warnings.simplefilter("error", CatalogueFallback)
        assert credit_line(meta) == credit
        assert closing(meta, "Radio Ville")[0].text == said
        assert [d.text for d in opening(meta, "Radio Ville", True)][0] == "Radio Ville."


def test_a_byline_written_with_its_word_is_not_said_twice() -> None:
    assert credit_line(Meta(title="T", byline="Par Claire Dubois", language="fr")) == "Par Claire Dubois."
    assert credit_line(Meta(title="T", byline="von Anna Schmidt", language="de")) == "von Anna Schmidt."


def test_french_elides_de_before_a_vowel_and_says_the_first_of_the_month_as_premier() -> None:
    meta = Meta(title="La grève", date="2026-03-01", language="fr")
    assert closing(meta, "Info Matin")[0].text.startswith("Vous venez d'écouter La grève, d'Info Matin.")
    assert credit_line(meta) == "1er mars 2026."
    assert message("listened_show", "fr", show="Arte") == "Vous venez d'écouter Arte."


def test_a_language_without_a_catalogue_falls_back_to_english_with_a_warning() -> None:
    meta = Meta(title="De staking", byline="Jan Jansen", date="2026-03-03", language="nl")
    with pytest.warns(CatalogueFallback, match="no messages in language 'nl'"):
        said = closing(meta, "Radio")[0].text
    assert said.startswith("You have been listening to De staking, from Radio.")
    assert fallback_note("nl-BE") == (
        "warning: no messages in language 'nl': the opening and closing are spoken in English"
    )
    assert fallback_note("fr-CA") is None and fallback_note("en") is None


def test_every_message_is_a_sentence_or_a_field_filled_in() -> None:
    for lang in NATIVE:
        for key, template in catalogue()[lang].items():
            filled = template.format(**dict.fromkeys(_fields(template), "X"))
            assert re.search(r"\w", filled), (lang, key)
