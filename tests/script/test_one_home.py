"""The script stage keeps each fact in one place and needs nothing above it: no engine, no audio;
its own libraries (num2words, pySBD) load when first used."""

from __future__ import annotations

import ast
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from audio_edition.defaults import Pauses
from audio_edition.model import Meta
from audio_edition.preview import write_script
from audio_edition.script.lexicon import Entry
from audio_edition.script.names import sentences, tokenize
from audio_edition.script.opening import credit_line
from audio_edition.script.settings import ScriptSettings
from tests.tagged import cut_pieces, normalize, speech_text

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "audio_edition" / "script"
HIGHER = ("audio_edition.voices", "audio_edition.audio", "audio_edition.publish", "audio_edition.pipeline")
# The script stage is imported with the package face stubbed out, so only its own imports count.
FRESH = """
import importlib.util, json, sys, types
spec = importlib.util.find_spec("audio_edition")
face = types.ModuleType("audio_edition")
face.__path__ = list(spec.submodule_search_locations)
sys.modules["audio_edition"] = face
import audio_edition.script
before = sorted(sys.modules)
from audio_edition.languages import language_for
from audio_edition.script.normalize import normalize
from audio_edition.text.sentences import sentence_spans
english = language_for("en")
normalize("the 1st at 9:30 am", english); sentence_spans("One. Two.", english)
print(json.dumps([before, sorted(sys.modules)]))
"""


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("module", sorted(SCRIPT.glob("*.py")), ids=lambda p: p.name)
def test_no_script_module_imports_a_higher_stage(module: Path) -> None:
    assert {n for n in _imported(module) if n.startswith(HIGHER)} == set()


def test_importing_the_script_stage_loads_no_engine_nor_audio_and_its_own_libraries_lazily() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FRESH], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    before, after = (set(names) for names in json.loads(done.stdout.splitlines()[-1]))
    # (the audio stack as a whole is tests/test_imports.py's: model and options are not this stage's)
    tops = {m.partition(".")[0] for m in before}
    assert tops & {"num2words", "pysbd", "onnxruntime", "piper", "gtts"} == set()
    assert {m for m in before if m.startswith(("audio_edition.voices", "audio_edition.audio"))} == set()
    assert {"num2words", "pysbd"} <= {m.partition(".")[0] for m in after}  # loaded once used


def test_the_speech_keeps_the_lexicon_pronunciation_the_engines_read() -> None:
    from audio_edition.model import Pronunciation

    entries = (Entry("Kyiv", "Keev", "kˈiːjɪw"),)
    said = speech_text("Talks in Kyiv — on 2026-04-14.", "en", entries)
    assert said.pieces == ("Talks in ", Pronunciation("Keev", "kˈiːjɪw"), ", on April 14, 2026.")
    assert said.text == "Talks in Keev, on April 14, 2026."


@pytest.mark.parametrize("tag", ["en", "fr", "de", "es", "it", "pt"])
def test_one_date_rule_speaks_for_the_opening_and_the_normaliser(tag: str) -> None:
    """The opening says a date as the language's normaliser says an ISO date in running text (before
    its figures are spelled): one rule, `Language.day`."""
    from audio_edition.languages import language_for

    language = language_for(tag)
    dates = next(rule for rule in language.normalization if rule.__name__ == "dates")
    for iso in ("2026-02-11", "2026-03-01", "2025-12-31"):
        said = language.day(dt.date.fromisoformat(iso))
        assert credit_line(Meta(title="T", date=f"{iso}T08:00:00Z"), language) == f"{said}."
        assert dates(f"on {iso}, then") == f"on {said}, then"
    assert (
        credit_line(Meta(title="T", date="2026-02-30"), language) == "2026-02-30."
    )  # no such day: as written


def test_every_abbreviation_the_table_says_is_said() -> None:
    from audio_edition.languages.abbreviations import SPOKEN

    said = {short: normalize(f"with {short} Ruiz") for short in SPOKEN}
    assert said == {short: f"with {full} Ruiz" for short, full in SPOKEN.items()}


def test_the_full_stop_of_a_tabled_abbreviation_ends_no_sentence() -> None:
    from audio_edition.languages.abbreviations import DOTTED_WORDS

    counted = {
        w: len(sentences(tokenize(f"She met {w.capitalize()}. Ruiz at noon. He left."))) for w in DOTTED_WORDS
    }
    assert counted == dict.fromkeys(DOTTED_WORDS, 2)


def test_the_table_holds_the_title_abbreviations_the_name_finder_knew() -> None:
    from audio_edition.languages.abbreviations import DOTTED_WORDS, SAID

    known = set("mr mrs ms dr prof st rev gen col capt lt sgt sen gov rep jr sr mt no vs".split())
    assert known <= DOTTED_WORDS
    assert all(short.endswith(".") or short == "Cllr" for short in SAID)


def test_pause_kinds_are_typed_and_keep_their_names_and_lengths() -> None:
    from audio_edition.script.drafts import Pause

    pauses = Pauses()
    assert [p.value for p in Pause] == [
        "clause",
        "sentence",
        "paragraph",
        "title",
        "heading",
        "section",
        "end",
    ]
    assert [p.millis(pauses) for p in Pause] == [150, 400, 750, 1000, 700, 1300, 0]
    pieces = cut_pieces("One thing, “a long quoted stretch of words here,” she said. Two.", [])
    assert {type(p.ends) for p in pieces} == {Pause}
    assert [p.ends for p in pieces] == [Pause.SENTENCE, Pause.SENTENCE]


def test_a_script_still_pauses_by_structure() -> None:
    from audio_edition.ingest import parse_article

    article = parse_article("Title Here\n\nFirst paragraph. Second sentence.\n\nLast paragraph.\n")
    segments = write_script(article, ScriptSettings(show="Radio")).segments
    pauses = Pauses()
    assert [(s.role, s.pause_after_ms) for s in segments] == [
        ("intro", pauses.sentence),
        ("title", pauses.title),
        ("narration", pauses.sentence),
        ("narration", pauses.paragraph),
        ("narration", pauses.section),
        ("outro", 0),
    ]
