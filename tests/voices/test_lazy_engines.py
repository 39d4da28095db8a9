"""Engines are registered by name and imported when first asked for; the voices stage imports no
higher stage; `auto`'s choice is a value, not a sentence to parse."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

VOICES = Path(__file__).resolve().parents[2] / "audio_edition" / "voices"
HEAVY = {"onnxruntime", "piper", "gtts", "requests"}
ENGINE_MODULES = {
    f"audio_edition.voices.{m}" for m in ("piper_engine", "gtts_engine", "espeak_engine", "fake")
}
HIGHER = ("audio_edition.audio", "audio_edition.publish", "audio_edition.pipeline", "audio_edition.cli")
HIGHER += ("audio_edition.batch", "audio_edition.report", "audio_edition.fingerprint")

SNAPSHOTS = """
import json, sys

def loaded():
    return sorted(m for m in sys.modules if m.split('.')[0] in {heavy} or m in {engines})

import audio_edition.voices
from audio_edition.voices import engine_names, get_engine
names = engine_names()
after_import = loaded()
engine = get_engine("piper")
usable = engine.available()[0]
after_piper = loaded()
from audio_edition.voices import GttsEngine
after_class = loaded()
print(json.dumps([names, after_import, usable, after_piper, after_class, GttsEngine.__module__]))
"""


def test_importing_voices_loads_no_engine_until_one_is_asked_for() -> None:
    script = SNAPSHOTS.format(heavy=sorted(HEAVY), engines=sorted(ENGINE_MODULES))
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    names, after_import, usable, after_piper, after_class, module = json.loads(done.stdout)
    assert {"piper", "gtts", "espeak", "fake"} <= set(names)
    assert after_import == []  # listing the engines imported none of them
    assert usable  # the bundled voice is installed here...
    assert after_piper == ["audio_edition.voices.piper_engine"]  # ...and telling so needs no onnxruntime
    assert "audio_edition.voices.gtts_engine" in after_class and not HEAVY & set(after_class)
    assert module == "audio_edition.voices.gtts_engine"


def test_no_voices_module_imports_a_later_stage_even_inside_a_function() -> None:
    offenders = []
    for path in sorted(VOICES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.name}: {n}" for n in names if n.startswith(HIGHER)]
    assert offenders == []


def test_engine_choice_is_a_value(fake_engine: object) -> None:
    from audio_edition.voices.auto import AUTO_ENGINES, EngineChoice, engines_for
    from tests.tagged import engine_choice

    assert engine_choice(" Fake ") == EngineChoice("fake", "as asked", "")
    assert not engine_choice("fake").by_auto
    offline = engine_choice("auto")  # the test guard makes every Google lookup fail
    assert offline.engine == "piper" and offline.by_auto
    assert offline.reason.startswith("Google is not reachable (") and offline.reason.endswith(")")
    assert offline.sentence == f"auto: {offline.reason}, using the offline voice"
    assert offline.engine in engines_for("auto") == AUTO_ENGINES
    assert engines_for(" Fake ") == ("fake",)
