"""`auto` offline picks a voice that speaks the article's language, and `voices --lang` lists them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from audio_edition.cli import cli
from audio_edition.errors import InputError
from audio_edition.languages.tags import language_key
from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.voices import register_engine
from audio_edition.voices.registry import get_engine
from tests.tagged import engine_choice, speaks

FRENCH = """---
title: Le marché couvert ouvre ses portes
language: fr
---

La mairie a inauguré samedi un marché couvert sur la place du Port.
Les commerçants attendaient ce jour depuis trois ans.

« Nous sommes enfin chez nous », a déclaré Marc Lefèvre, président de l'association des marchands.
"""


class StubEspeak:
    """An espeak engine as the choice sees it: installed or not, with the languages given."""

    name = "espeak"
    version = "stub"
    max_chars = None
    max_parallel = 1

    def __init__(self, installed: bool, languages: tuple[str, ...]) -> None:
        self.installed, self.languages = installed, languages

    def available(self) -> tuple[bool, str]:
        return (True, "") if self.installed else (False, "not installed: apt-get install espeak-ng")

    def voices(self) -> list[str]:
        return list(self.languages)

    def voice_language(self, voice: str) -> str | None:
        return voice.partition("+")[0]

    def default_voices(self, language: str) -> dict[str, str]:
        return {"narrator": language, "quote": f"{language}+f3"}

    def check_voice(self, voice: str, language: str) -> None:
        return None

    def cache_settings(self, voice: str) -> dict[str, Any]:
        return {}

    def synthesize(self, text: str, voice: str) -> Any:
        raise AssertionError("not spoken in these tests")


def _espeak(installed: bool, *languages: str) -> None:
    register_engine("espeak", lambda: StubEspeak(installed, languages), replace=True)


@pytest.mark.parametrize(
    ("tag", "primary"), [("fr", "fr"), ("fr-CA", "fr"), ("pt_BR", "pt"), (" DE-at", "de"), ("en-gb", "en")]
)
def test_primary_language(tag: str, primary: str) -> None:
    assert language_key(tag) == primary


def test_offline_english_keeps_the_bundled_piper_voice() -> None:
    _espeak(True, "en-us", "fr")
    choice = engine_choice("auto", "en-GB")  # the test guard makes every Google lookup fail
    assert choice.engine == "piper"
    assert choice.sentence.endswith("using the offline voice")


def test_offline_french_takes_espeak_when_it_speaks_french() -> None:
    _espeak(True, "en-us", "fr-be", "de")
    choice = engine_choice("auto", "fr")
    assert choice.engine == "espeak"
    assert choice.sentence.endswith("using espeak-ng, which speaks 'fr'")


def test_offline_french_with_a_named_piper_voice_takes_piper() -> None:
    _espeak(True, "fr")
    assert engine_choice("auto", "fr", "piper:/voices/fr_FR-siwis-medium.onnx").engine == "piper"


@pytest.mark.parametrize("espeak", [(False, "fr"), (True, "en-us", "de")])
def test_offline_french_without_a_french_voice_names_both_remedies(espeak: tuple[Any, ...]) -> None:
    _espeak(*espeak)
    with pytest.raises(InputError) as caught:
        engine_choice("auto", "fr")
    message = str(caught.value)
    assert "'fr'" in message and "apt-get install espeak-ng" in message
    assert "--narrator piper:/path/voice.onnx" in message


def test_a_named_engine_is_never_second_guessed() -> None:
    _espeak(False)
    assert engine_choice("piper", "fr").engine == "piper"


def test_piper_reads_a_named_models_language_from_its_config(tmp_path: Path) -> None:
    model = tmp_path / "fr_FR-siwis-medium.onnx"
    model.write_bytes(b"")
    (tmp_path / "fr_FR-siwis-medium.onnx.json").write_text(
        json.dumps({"language": {"code": "fr_FR"}}), encoding="utf-8"
    )
    piper = get_engine("piper")
    assert speaks(piper, str(model), "fr") and not speaks(piper, str(model), "de")
    assert speaks(piper, "joe+bright", "en") and not speaks(piper, "joe", "fr")
    assert speaks(piper, str(tmp_path / "unknown.onnx"), "fi")  # no config: not known, not refused


def test_voices_lang_lists_only_voices_that_speak_it() -> None:
    _espeak(True, "en-us", "fr", "fr-be", "de")
    result = CliRunner().invoke(cli, ["voices", "--lang", "fr"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    listed = {lines[i].split(" ")[0]: lines[i + 1].strip() for i in range(0, len(lines), 2)}
    assert listed["espeak"] == "espeak:fr, espeak:fr-be"
    assert listed["piper"] == "(no voices)"  # the bundled voice speaks English
    gtts = listed["gtts"].split(", ")
    assert gtts and all(v.startswith(("gtts:fr@", "gtts:fr-CA@")) for v in gtts)
    everything = CliRunner().invoke(cli, ["voices"]).output
    assert "espeak:de" in everything and "piper:joe" in everything


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (CI installs it)")
def test_a_french_article_builds_offline_with_auto_on_espeak(tmp_path: Path) -> None:
    article = tmp_path / "marche.md"
    article.write_text(FRENCH, encoding="utf-8")
    built = produce(article, Options(engine="auto", out_dir=tmp_path / "out", use_cache=False))
    manifest = json.loads((tmp_path / "out" / "marche.json").read_text(encoding="utf-8"))
    assert manifest["engine"] == "espeak" and str(built.episode.narrator).startswith("espeak:fr")
    assert built.episode.duration > 5.0
