"""What starting costs: in a fresh interpreter, the text stages and the command line load none of the
audio stack, so `--help`, `build --help` and `script` start at once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ARTICLES

ROOT = Path(__file__).resolve().parent.parent
# Loaded only by the stages that make or measure audio.
AUDIO_STACK = {"numpy", "scipy", "onnxruntime", "soxr", "pyloudnorm", "mutagen"}
# Loaded only when an engine speaks or a page is read.
ENGINE_AND_PAGE = {"gtts", "requests", "piper", "trafilatura", "lxml", "pydub"}
REPORT = """
import json, sys
print(json.dumps(sorted({m.partition('.')[0] for m in sys.modules})), file=sys.__stdout__)
"""


def loaded_by(code: str) -> set[str]:
    """The top-level packages in `sys.modules` after running `code` in a fresh interpreter here."""
    done = subprocess.run(
        [sys.executable, "-c", code + REPORT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def command(*args: str) -> str:
    """Code that runs `audio-edition ARGS` as the console script does, then carries on."""
    return (
        f"import sys\nsys.argv = ['audio-edition', *{list(args)!r}]\nfrom audio_edition.cli import main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert exit.code in (0, None), exit.code\n"
    )


@pytest.mark.parametrize(
    ("module", "banned"),
    [
        ("audio_edition", AUDIO_STACK | ENGINE_AND_PAGE),
        pytest.param("audio_edition.ingest", AUDIO_STACK),
        pytest.param("audio_edition.script", AUDIO_STACK),
        pytest.param("audio_edition.cli", AUDIO_STACK | ENGINE_AND_PAGE),
    ],
)
def test_importing_a_light_module_loads_no_heavy_library(module: str, banned: set[str]) -> None:
    assert loaded_by(f"import {module}") & banned == set()


@pytest.mark.parametrize(
    "args",
    [("--help",), ("build", "--help"), ("feed", "--help")],
    ids=["help", "build-help", "feed-help"],
)
def test_help_loads_no_heavy_library(args: tuple[str, ...]) -> None:
    assert loaded_by(command(*args)) & (AUDIO_STACK | ENGINE_AND_PAGE) == set()


def test_script_of_a_text_article_loads_no_audio_stack() -> None:
    article = ARTICLES / "harbour-ferry-strike.txt"
    assert loaded_by(command("script", str(article))) & AUDIO_STACK == set()


def test_the_package_names_load_on_first_use() -> None:
    """The lazy top-level names are the real objects, and `__version__` and `dir()` still answer."""
    code = (
        "import audio_edition, audio_edition.pipeline, audio_edition.errors\n"
        "assert 'Options' in dir(audio_edition) and 'produce' in dir(audio_edition)\n"
        "assert audio_edition.produce is audio_edition.pipeline.produce\n"
        "assert audio_edition.InputError is audio_edition.errors.InputError\n"
        "assert audio_edition.__version__.count('.') >= 2\n"
    )
    loaded_by(code)


def test_command_line_defaults_are_the_options_defaults() -> None:
    """Every default `build`, `script` and `feed` show is the library's own (a guard: one home each)."""
    from dataclasses import fields

    from audio_edition.cli import cli
    from audio_edition.options import Options
    from audio_edition.publish.feed import Show

    defaults = Options()
    names = {f.name for f in fields(Options)}
    build = {p.name: p.default for p in cli.commands["build"].params}
    shared = {name: value for name, value in build.items() if name in names and name != "formats"}
    assert shared == {name: getattr(defaults, name) for name in shared}
    assert {"out_dir", "engine", "min_quote_words", "bitrate", "loudness", "speed", "show"} <= set(shared)
    assert build["formats"] == ",".join(("mp3", *defaults.formats))
    script = {p.name: p.default for p in cli.commands["script"].params}
    assert script["min_quote_words"] == defaults.min_quote_words
    feed = {p.name: p.default for p in cli.commands["feed"].params}
    show = Show("https://example.org")
    assert feed["title"] == feed["author"] == show.title == show.author == defaults.show
    assert (feed["description"], feed["category"]) == (show.description, show.category)
