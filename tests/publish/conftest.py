"""One build with every format, shared by the publishing tests (fake engine: quick, deterministic)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from audio_edition.audio.ffmpeg import decode_audio
from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.publish.formats import FORMAT_NAMES
from tests.conftest import ARTICLES
from tests.publish.attributed import attributed  # noqa: F401 - a fixture for the speaker tests
from tests.publish.player_site import news_site  # noqa: F401 (a fixture for the player tests)
from tests.publish.test_readalong_axe import axe, browser  # noqa: F401 (fixtures, shared by the browser tests)


@pytest.fixture(scope="module")
def everything(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """`harbour-ferry-strike` built with --formats all; the manifest and decoded audio alongside."""
    out = tmp_path_factory.mktemp("all")
    built = produce(
        ARTICLES / "harbour-ferry-strike.txt",
        Options(engine="fake", out_dir=out, use_cache=False, formats=FORMAT_NAMES),
    )
    slug = "harbour-ferry-strike"
    return {
        "out": out,
        "slug": slug,
        "files": built.files,
        "manifest": json.loads((out / f"{slug}.json").read_text(encoding="utf-8")),
        "duration": decode_audio(out / f"{slug}.mp3").duration,
    }


@pytest.fixture(scope="module")
def built_player(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`harbour-ferry-strike` built with --formats player; its `S.player.js`."""
    out = tmp_path_factory.mktemp("player")
    options = Options(engine="fake", out_dir=out, use_cache=False, formats=("player",))
    produce(ARTICLES / "harbour-ferry-strike.txt", options)
    return out / "harbour-ferry-strike.player.js"
