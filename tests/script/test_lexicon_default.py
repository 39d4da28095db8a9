"""The shipped lexicon of news names: used by default, overridden entry by entry, possessives kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from audio_edition.ingest import parse_article
from audio_edition.model import Pronunciation
from audio_edition.preview import write_script
from audio_edition.script import lexicon
from audio_edition.script.lexicon import Entry, apply_lexicon, lexicon_for, load_lexicon, shipped_lexicon
from audio_edition.script.settings import ScriptSettings

TEXT = "Talks in Kyiv\nKyiv's mayor met Zelenskyy in Kyiv on Monday.\n"


def test_shipped_lexicon_has_hundreds_of_names_each_with_ipa_and_alias() -> None:
    entries = shipped_lexicon()
    assert len(entries) >= 300
    assert all(e.ipa and e.alias for e in entries)
    assert len({e.grapheme.casefold() for e in entries}) == len(entries)  # no name twice


def test_default_lexicon_is_used_unless_turned_off() -> None:
    kyiv = next(e for e in shipped_lexicon() if e.grapheme == "Kyiv")
    said = write_script(parse_article(TEXT), ScriptSettings(opening=False)).segments[1].speech
    assert Pronunciation(kyiv.alias or "", kyiv.ipa or "") in said.pieces
    off = ScriptSettings(opening=False, default_lexicon=False)
    plain = write_script(parse_article(TEXT), off).segments[1].speech
    assert not plain.pronounced
    assert plain.text == "Kyiv's mayor met Zelenskyy in Kyiv on Monday."


def test_user_entry_overrides_the_shipped_one(tmp_path: Path) -> None:
    own = tmp_path / "lexicon.toml"
    own.write_text('Kyiv = "Keev"\n', encoding="utf-8")
    entries = lexicon_for(own, use_default=True)
    assert [e.alias for e in entries if e.grapheme.casefold() == "kyiv"] == ["Keev"]
    assert any(e.grapheme == "Zelenskyy" for e in entries)  # the rest of the shipped names stay
    assert apply_lexicon("kyiv and KYIV", entries) == ("Keev and Keev",)


def test_possessive_of_an_ipa_entry_ends_as_its_last_sound_asks() -> None:
    entries = lexicon_for(None, use_default=True)
    kyivs = next(e for e in entries if e.grapheme == "Kyiv's")
    assert kyivs.ipa and kyivs.ipa.endswith("z")
    said = apply_lexicon("Kyiv's mayor", entries)
    assert said[0] == Pronunciation(kyivs.alias or "", kyivs.ipa) and said[1:] == (" mayor",)


def test_text_without_a_listed_name_is_unchanged() -> None:
    """The shipped names are one compiled pattern; a sentence naming none of them is left alone."""
    entries = lexicon_for(None, use_default=True)
    assert apply_lexicon("The ferry left at noon.", entries) == ("The ferry left at noon.",)


def test_an_edited_lexicon_is_read_afresh_in_the_same_process(tmp_path: Path) -> None:
    """A long-lived process sees an edit, even one of the same size with the same mtime."""
    own = tmp_path / "lexicon.toml"
    own.write_text('Kyiv = "Keev"\n', encoding="utf-8")
    assert load_lexicon(own) == (Entry("Kyiv", alias="Keev"),)
    then = own.stat().st_mtime_ns
    own.write_text('Kyiv = "Kiev"\n', encoding="utf-8")
    os.utime(own, ns=(then, then))
    assert load_lexicon(own) == (Entry("Kyiv", alias="Kiev"),)
    assert [e.alias for e in lexicon_for(own) if e.grapheme == "Kyiv"] == ["Kiev"]
    own.write_text('Odesa = "Oh-dessa"\n', encoding="utf-8")
    assert load_lexicon(own) == (Entry("Odesa", alias="Oh-dessa"),)


def test_an_edited_shipped_lexicon_is_read_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "news_names.json"
    shipped.write_text('{"places": {"Kyiv": {"alias": "Keev", "ipa": "ˈkiːɪv"}}}', encoding="utf-8")
    monkeypatch.setattr(lexicon, "shipped_file", lambda: shipped)
    assert [e.alias for e in shipped_lexicon()] == ["Keev"]
    shipped.write_text('{"places": {"Kyiv": {"alias": "Kiev", "ipa": "ˈkiːɪv"}}}', encoding="utf-8")
    assert [e.alias for e in shipped_lexicon()] == ["Kiev"]
    assert lexicon.lexicon_files(None, use_default=True)[1] == shipped
    assert lexicon.lexicon_files(None, use_default=False)[1] is None
