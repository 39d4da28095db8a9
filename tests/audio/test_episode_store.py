"""The episode store and the reuse path: what a warm rebuild imports, how much memory reading a
stored episode costs, and the statistics the store reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from audio_edition.audio.episode_store import EpisodeStore
from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.voices.fake import FakeEngine
from tests.conftest import ARTICLES, ROOT

MASTERING_LIBRARIES = {"scipy", "soxr", "pyloudnorm", "pydub"}


def _fresh(code: str) -> str:
    """stdout of `code` run in a fresh interpreter from the project folder."""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout


def test_the_reuse_path_imports_no_mastering_library() -> None:
    """The pipeline, the audio stage's face and its light parts load none of scipy, soxr,
    pyloudnorm or pydub: a warm rebuild never masters, so it never pays for them."""
    loaded = _fresh(
        "import sys, json\n"
        "import audio_edition.pipeline, audio_edition.audio\n"
        "import audio_edition.audio.episode_store, audio_edition.audio.settings\n"
        "import audio_edition.audio.timeline\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    assert MASTERING_LIBRARIES.isdisjoint(json.loads(loaded))


def test_the_face_names_are_the_stage_functions_once_every_module_is_loaded() -> None:
    """No name of `audio_edition.audio` is shadowed by a submodule of the same name."""
    kinds = _fresh(
        "import importlib, pkgutil, audio_edition.audio as a\n"
        "for m in pkgutil.iter_modules(a.__path__):\n"
        "    importlib.import_module('audio_edition.audio.' + m.name)\n"
        "print(' '.join(type(getattr(a, n)).__name__ for n in a.__all__))\n"
    )
    assert "module" not in kinds.split()


def _long_article(path: Path) -> Path:
    """About six minutes of the fake voice: a sample article told three times, each paragraph
    changed so none is dropped as a repeat."""
    text = (ARTICLES / "glacier-retreat-survey.md").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip() and not p.startswith(("#", "---"))]
    body = [
        f"{p} That was paragraph {k} of telling {n}."
        for n in ("one", "two", "three", "four")
        for k, p in enumerate(paragraphs, 1)
    ]
    path.write_text("Six Minutes of Glaciers\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    return path


_WARM_REBUILD = """
import json, resource, sys
from pathlib import Path
from audio_edition.ingest import read_article
from audio_edition.options import Options
from audio_edition.pipeline import produce_article
article, cache, out = sys.argv[1:]
read = read_article(article)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
built = produce_article(read, "long", Options(engine="fake", out_dir=Path(out), cache_dir=Path(cache)))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"reused": built.reused, "minutes": built.episode.duration / 60, "extra_kb": peak - before}))
"""


def test_a_warm_rebuild_costs_little_more_memory_than_the_episode_itself(
    tmp_path: Path, fake_engine: FakeEngine
) -> None:
    """The stored episode is read a chunk at a time into float32 (5.3 MB a minute at 22.05 kHz,
    plus the MP3): the whole warm rebuild stays within docs/sound.md's 8 MB per audio minute, where
    float64 copies of the whole entry cost about 27 MB a minute."""
    article = _long_article(tmp_path / "long.txt")
    cache, out = tmp_path / "cache", tmp_path / "out"
    produce(article, Options(engine="fake", out_dir=out, cache_dir=cache))
    done = subprocess.run(
        [sys.executable, "-c", _WARM_REBUILD, str(article), str(cache), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    warm = json.loads(done.stdout)
    assert warm["reused"] and warm["minutes"] > 5
    assert warm["extra_kb"] / 1024 <= 8 * warm["minutes"], warm


def test_a_reused_build_reports_the_clips_its_stored_episode_was_made_from(
    tmp_path: Path, fake_engine: FakeEngine
) -> None:
    """The statistics of a reused build come from the episode entry (written by the build that
    spoke it), not from recounting the script."""
    opts = Options(engine="fake", out_dir=tmp_path / "out", cache_dir=tmp_path / "cache")
    first = produce(ARTICLES / "night-train-returns-cp1252.txt", opts)
    store = EpisodeStore(tmp_path / "cache")
    (entry,) = store.entries()
    stored = store.get(entry.stem)
    assert stored is not None and stored.clips == first.stats.unique == 8
    second = produce(ARTICLES / "night-train-returns-cp1252.txt", opts)
    assert second.reused and len(fake_engine.calls) == 8
    assert (second.stats.segments, second.stats.unique, second.stats.cached) == (first.stats.segments, 8, 8)
    assert second.stats.synthesized == 0
