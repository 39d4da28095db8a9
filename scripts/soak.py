"""Soak the quality gate: build the reference article (also saved as `a.txt`) and every sample
article several times with each engine that runs here, with fresh caches, and count the builds
the gate refuses. Piper samples its durations, so a gate set near an engine's edge fails at
random; this finds it. gTTS speaks through the tests' stand-in for Google (no network), so the
test dependencies must be installed.

    python scripts/soak.py [--takes 5] [--engines piper,espeak,gtts]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audio_edition.errors import AudioEditionError  # noqa: E402
from audio_edition.ingest import read_article  # noqa: E402
from audio_edition.options import Options  # noqa: E402
from audio_edition.pipeline import produce  # noqa: E402

REFERENCE = ROOT.parent / "shared" / "articles" / "peace-talks-istanbul.txt"


def articles(tmp: Path) -> list[Path]:
    """The reference article (as itself and as `a.txt`, when present) and every sample article."""
    found = sorted(p for p in (ROOT / "articles").iterdir() if p.is_file())
    if REFERENCE.exists():
        short = tmp / "a.txt"
        shutil.copyfile(REFERENCE, short)
        found = [REFERENCE, short, *found]
    return found


def soak(engine: str, paths: list[Path], takes: int, tmp: Path) -> tuple[Counter[str], list[str]]:
    """Build each path `takes` times with `engine` and no cache: (outcome counts, failures)."""
    counts: Counter[str] = Counter()
    failures: list[str] = []
    for take in range(takes):
        for path in paths:
            out = tmp / f"{engine}-{take}"
            if engine == "piper" and read_article(path).meta.language.split("-")[0] != "en":
                counts["not its language"] += 1  # the bundled Piper voice speaks English only
                continue
            try:
                produce(path, Options(engine=engine, out_dir=out, use_cache=False))
                counts["passed"] += 1
            except AudioEditionError as exc:
                counts["failed"] += 1
                failures.append(f"{engine} take {take + 1} {path.name}: {exc}")
            shutil.rmtree(out, ignore_errors=True)
    return counts, failures


def main() -> int:
    """Soak every engine asked for; print a Markdown table and every failure; exit 1 on any."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--takes", type=int, default=5)
    parser.add_argument("--engines", default="piper,espeak,gtts")
    args = parser.parse_args()
    rows, failures = [], []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        paths = articles(tmp)
        for engine in args.engines.split(","):
            started = time.perf_counter()
            if engine == "gtts":
                counts, failed = _with_fake_google(lambda e=engine: soak(e, paths, args.takes, tmp))
            else:
                counts, failed = soak(engine, paths, args.takes, tmp)
            minutes = (time.perf_counter() - started) / 60
            cells = [engine, len(paths), args.takes, counts["passed"], counts["failed"]]
            cells += [counts["not its language"], f"{minutes:.1f}"]
            rows.append("| " + " | ".join(str(c) for c in cells) + " |")
            failures += failed
    print("| engine | articles | takes each | builds passed | builds refused | not its language | minutes |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))
    for failure in failures:
        print(f"- {failure}")
    return 1 if failures else 0


def _with_fake_google(run):  # type: ignore[no-untyped-def]
    """Run `run()` with Google answered by the tests' stand-in (real MP3 bytes, no network)."""
    import responses

    from tests.voices.fake_google import FakeGoogle

    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        FakeGoogle().install(mock)
        return run()


if __name__ == "__main__":
    raise SystemExit(main())
