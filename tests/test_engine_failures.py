"""Engine failures are typed: the engine says what happened and its cause, the command line words
what to do about it (a build's one line, a batch's line for the article), and `--fallback` warns
without advice to do what it did."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.batch_jobs import build_one
from audio_edition.cli import cli
from audio_edition.errors import EngineFailure, FailureCause
from audio_edition.model import Clip
from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.voices import FakeEngine, register_engine
from tests.conftest import ARTICLES

ARTICLE = ARTICLES / "awkward-quotes.txt"
ADVICE = "; wait a while or use --engine piper"


class RateLimited(FakeEngine):
    """Says a few segments, then is told to slow down for good."""

    def synthesize(self, text: str, voice: str) -> Clip:
        if len(self.calls) > 2:
            raise EngineFailure("the service said slow down", FailureCause.RATE_LIMITED, "limited")
        return super().synthesize(text, voice)


@pytest.fixture
def limited() -> None:
    register_engine("limited", RateLimited, replace=True)


def test_the_command_line_adds_the_advice_for_the_cause(tmp_path: Path, limited: None) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(ARTICLE), "-o", str(out), "--engine", "limited"])
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith("Error: segment ") and line.endswith(f"the service said slow down{ADVICE}")
    assert not out.exists() or list(out.iterdir()) == []


def test_a_batch_records_the_failure_as_the_command_tells_it(tmp_path: Path, limited: None) -> None:
    options = Options(engine="limited", out_dir=tmp_path / "out", use_cache=False)
    result = build_one(ARTICLE, "awkward", options)
    assert result.status == "failed" and result.error.endswith(f"the service said slow down{ADVICE}")


def test_the_fallback_warning_says_what_failed_without_advice(
    tmp_path: Path, fake_engine: FakeEngine
) -> None:
    register_engine("limited", RateLimited, replace=True)
    options = Options(engine="limited", fallback="fake", out_dir=tmp_path / "out", use_cache=False)
    built = produce(ARTICLE, options)
    (warning,) = [n for n in built.notes if n.startswith("warning: ")]
    assert warning.endswith("the service said slow down; the whole episode uses fake instead (--fallback)")
    assert json.loads(built.files[1].read_text(encoding="utf-8"))["engine"] == "fake"
