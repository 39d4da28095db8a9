"""The sample article with its quotations attributed by hand (`Segment.speaker`), built in every format."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from audio_edition import pipeline
from audio_edition.collaborators import Collaborators
from audio_edition.languages import Language
from audio_edition.model import Article, Script, Segment
from audio_edition.options import Options
from audio_edition.preview import write_script
from audio_edition.publish.formats import FORMAT_NAMES
from audio_edition.script import writer
from audio_edition.script.settings import ScriptSettings
from tests.conftest import ARTICLES

SLUG = "harbour-ferry-strike"
HOSTILE = 'Ana "A&B" <b>Ruiz</b>'  # a name with markup: escaped in every output
SPEAKERS = {  # a phrase of each quotation -> who said it; "disappointing" stays unattributed
    "captains finishing": "Deidre Fallon",
    "offered to meet": HOSTILE,
    "forty minutes": "Olu  Mensah",  # spaces are tidied
}


def with_speakers(script: Script) -> Script:
    """The script with the speakers above set on its quote segments."""

    def named(seg: Segment) -> Segment:
        who = next((name for phrase, name in SPEAKERS.items() if phrase in seg.text), None)
        return dataclasses.replace(seg, speaker=who) if seg.role == "quote" else seg

    return dataclasses.replace(script, segments=tuple(named(s) for s in script.segments))


def attributed_script(
    article: Article, settings: ScriptSettings | None = None, *, language: Language | None = None
) -> Script:
    """`write_script` (the stage's, given the pipeline's `language`; else as the library's users call
    it), then the speakers set by hand."""
    if language is not None:
        return with_speakers(writer.write_script(article, settings, language=language))
    return with_speakers(write_script(article, settings))


# The pipeline's collaborators with that script writer.
ATTRIBUTED = Collaborators(write_script=attributed_script)


def expected_speaker(segment: dict[str, Any]) -> str | None:
    """The tidied speaker a manifest segment's quotation should show, if any."""
    return next((" ".join(n.split()) for p, n in SPEAKERS.items() if p in segment["text"]), None)


@pytest.fixture(scope="module")
def attributed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The article built with --formats all through the real pipeline, its quotations attributed."""
    out = tmp_path_factory.mktemp("speakers")
    pipeline.produce(
        ARTICLES / f"{SLUG}.txt",
        Options(engine="fake", out_dir=out, use_cache=False, formats=FORMAT_NAMES),
        collaborators=ATTRIBUTED,
    )
    manifest = json.loads((out / f"{SLUG}.json").read_text(encoding="utf-8"))
    return {"out": out, "slug": SLUG, "manifest": manifest, "segments": manifest["segments"]}
