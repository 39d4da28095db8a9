"""A language is one module: Dutch, from a package outside audio-edition (`tests/data/plugin_language`,
found through the `audio_edition.languages` entry-point group), builds a Dutch article of its own
offline with espeak-ng; and a regional tag (`fr-CA`) works wherever its language does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from mutagen.id3 import ID3

from audio_edition.languages import language_for
from tests.conftest import ARTICLES

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "tests" / "data" / "plugin_language"
needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")


def _run(*args: str, plugin: bool, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if plugin:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PLUGIN), env.get("PYTHONPATH")]))
    command = [sys.executable, "-m", "audio_edition.cli", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def _manifest(out: Path, slug: str) -> dict[str, Any]:
    return json.loads((out / f"{slug}.json").read_text(encoding="utf-8"))


def test_without_the_package_dutch_is_a_stand_in_of_english_words_and_messages() -> None:
    dutch = language_for("nl")
    assert not dutch.known and not dutch.has_messages and dutch.iso639_2 == "und"


@needs_espeak
def test_a_language_from_another_package_builds_an_edition_in_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = _run(
        "build", str(PLUGIN / "pont.md"), "--engine", "espeak", "--no-cache", "-o", str(out),
        plugin=True, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    manifest = _manifest(out, "pont")
    said = {s["role"]: s["text"] for s in reversed(manifest["segments"])}  # first of each role
    assert manifest["language"] == "nl" and manifest["engine"] == "espeak"
    assert manifest["voices"]["narrator"].startswith("espeak:nl")
    assert "Door Anna de Vries. 3 maart 2026." in [s["text"] for s in manifest["segments"]]  # opening
    assert said["outro"].startswith("U luisterde naar De pont vaart weer")  # closing, in Dutch
    assert "warning" not in done.stderr + done.stdout  # no English fallback note
    quote = next(s for s in manifest["segments"] if s["role"] == "quote")
    assert quote["text"].startswith("„We zijn blij") and quote["speaker"] == "Pieter Jansen"
    assert [d["text"] for d in manifest["dropped"]] == ["Lees ook: Nieuwe brug pas in 2031"]
    listed = _run("script", str(PLUGIN / "pont.md"), "--json", plugin=True, cwd=tmp_path)
    speech = [s["speech"] for s in json.loads(listed.stdout)["segments"]]
    assert "De reparatie kostte tweehonderdvijftigduizend euro." in speech  # its numbers
    assert any("drie maart tweeduizendzesentwintig" in s for s in speech)  # its date
    transcript = ID3(out / "pont.mp3").getall("USLT")[0]
    assert transcript.lang == "nld"


@needs_espeak
def test_a_regional_tag_builds_with_its_languages_voice_and_code(tmp_path: Path) -> None:
    out = tmp_path / "out"
    article = ARTICLES / "marche-couvert-brestville.md"
    done = _run(
        "build", str(article), "--engine", "espeak", "--lang", "fr-CA", "--no-cache", "-o", str(out),
        plugin=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    manifest = _manifest(out, article.stem)
    assert manifest["language"] == "fr-CA"
    assert manifest["voices"]["narrator"].startswith("espeak:fr+")
    assert ID3(out / f"{article.stem}.mp3").getall("USLT")[0].lang == "fra"
    assert not [s for s in manifest["segments"] if s["text"].startswith("You have been listening")]


@pytest.mark.parametrize("tag", ["fr", "fr-CA", "FR", "fr_BE", "de-AT", "es-MX", "it-CH", "pt-BR", "en-GB"])
def test_a_regional_tag_finds_its_languages_module(tag: str) -> None:
    language = language_for(tag)
    bare = language_for(tag[:2].lower())
    assert language.known and language.tag == tag
    assert (language.code, language.iso639_2, language.messages) == (bare.code, bare.iso639_2, bare.messages)
    assert language.normalization == bare.normalization and language.words is bare.words
