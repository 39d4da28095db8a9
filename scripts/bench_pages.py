"""Score what `audio-edition script` reads from real web pages against human-annotated bodies.

Runs `audio-edition script PAGE --json` over every page of a copy of the public article-extraction
benchmark (default `../shared/realpages`: `html/<hash>.html.gz`, `ground-truth.json`, the benchmark's
own `evaluate.py` and other extractors' stored results in `output/`), takes the text a listener hears
as the article (every segment but the tool's opening and closing, the headline and the standfirst,
joined by newlines), writes it beside the stored results as `output/audio-edition.json` in a work
folder, runs `evaluate.py` there and prints its ranked table. Then, per page (worst first): precision,
recall, trafilatura's recall alone, the runs of words read that are not in the body and the runs of
body not read; the segments that break the "nothing but language" invariant; refused pages; speaker
precision and coverage over the hand-annotated quotations of `tests/data/speakers.json`; and the
whole command's time per page (median and maximum).

    python scripts/bench_pages.py [--pages DIR] [--in-process] [--jobs N] [--worst 15] [--work DIR]

`--in-process` reads every page in this process (quick, for development: no per-page times);
the default runs the command as a user does, one process per page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "realpages"
SPEAKERS = ROOT / "tests" / "data" / "speakers.json"
CONSOLE = Path(sys.executable).with_name("audio-edition")
COMMAND = [str(CONSOLE)] if CONSOLE.exists() else [sys.executable, "-m", "audio_edition.cli"]
NOT_BODY = frozenset({"intro", "outro", "title", "standfirst"})
TOKEN = re.compile(r"\w+")
SHINGLE = 4


@dataclass
class PageResult:
    """What the tool made of one page."""

    key: str
    body: str = ""
    segments: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    seconds: float | None = None


def spoken_body(script: dict[str, Any]) -> str:
    """The text a listener hears as the article: every segment's text but the tool's own and the headline."""
    return "\n".join(s["text"] for s in script["segments"] if s["role"] not in NOT_BODY)


def run_command(key: str, page: Path) -> PageResult:
    """The script of one page from the whole command, as a user runs it."""
    started = time.perf_counter()
    done = subprocess.run([*COMMAND, "script", str(page), "--json"], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        return PageResult(
            key, error=done.stderr.strip().splitlines()[-1:][0] if done.stderr else "?", seconds=seconds
        )
    script = json.loads(done.stdout)
    return PageResult(key, spoken_body(script), script["segments"], seconds=seconds)


def run_in_process(key: str, page: Path) -> PageResult:
    """The script of one page, read in this process (no per-page time)."""
    from audio_edition.errors import AudioEditionError
    from audio_edition.ingest import read_article
    from audio_edition.preview import write_script
    from audio_edition.report import script_as_dict

    try:
        script = script_as_dict(write_script(read_article(page)))
    except AudioEditionError as exc:
        return PageResult(key, error=str(exc))
    return PageResult(key, spoken_body(script), script["segments"])


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text or "")


def shingles(words: list[str]) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1)))


def page_scores(true: str, pred: str) -> tuple[float, float]:
    """(precision, recall) of one page over word 4-shingles, as `evaluate.py` counts them."""
    t, p = shingles(tokens(true)), shingles(tokens(pred))
    tp = sum((t & p).values())
    fp, fn = sum(p.values()) - tp, sum(t.values()) - tp
    if fp == fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def unmatched_runs(words: list[str], other: list[str], least: int = 3) -> list[str]:
    """Runs of `words` that no 4-shingle of `other` covers, at least `least` words long."""
    known = set(shingles(other))
    covered = [False] * len(words)
    for i in range(max(0, len(words) - SHINGLE + 1)):
        if tuple(words[i : i + SHINGLE]) in known:
            for j in range(i, i + SHINGLE):
                covered[j] = True
    runs, run = [], []
    for word, hit in zip(words, covered, strict=True):
        if hit:
            if len(run) >= least:
                runs.append(" ".join(run))
            run = []
        else:
            run.append(word)
    if len(run) >= least:
        runs.append(" ".join(run))
    return runs


def not_language(segments: list[dict[str, Any]]) -> list[str]:
    """Segments the reader should never have let through: code, markup, bare URLs."""
    from audio_edition.text.not_language import looks_like_code

    return [s["text"] for s in segments if looks_like_code(s["text"])]


def speaker_scores(results: dict[str, PageResult]) -> tuple[int, int, int, int, list[str]]:
    """(annotated quotations found, with a speaker, with the right speaker, missed, mistakes) over
    `tests/data/speakers.json`: {page hash: {first five words of the quotation: speaker}}."""
    if not SPEAKERS.exists():
        return 0, 0, 0, 0, []
    annotated = json.loads(SPEAKERS.read_text(encoding="utf-8"))
    found = named = right = missed = 0
    mistakes: list[str] = []
    for key, quotes in annotated.items():
        if key.startswith("_") or key not in results:
            continue
        segs = [s for s in results[key].segments if s["role"] == "quote"]
        for start, speaker in quotes.items():
            want = tokens(start.lower())
            seg = next((s for s in segs if tokens(s["text"].lower())[: len(want)] == want), None)
            if seg is None:
                seg = next((s for s in segs if " ".join(want) in " ".join(tokens(s["text"].lower()))), None)
            if seg is None:
                missed += 1
                continue
            found += 1
            if seg["speaker"]:
                named += 1
                if same_person(seg["speaker"], speaker):
                    right += 1
                else:
                    mistakes.append(f"{key[:8]} “{start}”: {seg['speaker']!r}, annotated {speaker!r}")
    return found, named, right, missed, mistakes


def same_person(said: str, annotated: str) -> bool:
    """A speaker matches the annotation when they share a surname-sized word (the annotation holds
    the fullest name; `None` in it means no speaker should be named)."""
    if not annotated:
        return False
    a = {w.lower() for w in tokens(annotated) if len(w) > 2}
    return bool(a & {w.lower() for w in tokens(said) if len(w) > 2})


def evaluate(pages: Path, work: Path, body: dict[str, str]) -> str:
    """The benchmark's own table, with our output beside the stored ones."""
    (work / "output").mkdir(parents=True, exist_ok=True)
    for stored in (pages / "output").glob("*.json"):
        shutil.copy(stored, work / "output" / stored.name)
    shutil.copy(pages / "ground-truth.json", work / "ground-truth.json")
    ours = {key: {"articleBody": text} for key, text in body.items()}
    (work / "output" / "audio-edition.json").write_text(json.dumps(ours, ensure_ascii=False), "utf-8")
    done = subprocess.run(
        [sys.executable, str(pages / "evaluate.py"), "--n-bootstrap", "200"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    )
    header, *rows = done.stdout.strip().splitlines()
    rows.sort(key=lambda row: -float(m.group(1)) if (m := re.search(r"(\d\.\d+) ±", row)) else 0.0)
    return "\n".join([header, *rows])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES)
    parser.add_argument("--in-process", action="store_true", help="read pages in this process")
    parser.add_argument("--jobs", type=int, default=1, help="pages at once (times are then not comparable)")
    parser.add_argument("--worst", type=int, default=15, help="pages shown in detail")
    parser.add_argument("--work", type=Path, help="keep the scored outputs here")
    parser.add_argument("--only", help="only pages whose hash starts with this")
    args = parser.parse_args()
    if not (args.pages / "ground-truth.json").exists():
        print(f"no benchmark pages at {args.pages}", file=sys.stderr)
        return 2
    truth = json.loads((args.pages / "ground-truth.json").read_text(encoding="utf-8"))
    trafilatura = json.loads((args.pages / "output" / "trafilatura.json").read_text(encoding="utf-8"))
    trafilatura = trafilatura.get("output", trafilatura) if "version" in trafilatura else trafilatura
    keys = sorted(k for k in truth if not args.only or k.startswith(args.only))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for key in keys:
            html = gzip.decompress((args.pages / "html" / f"{key}.html.gz").read_bytes())
            (folder / f"{key}.html").write_bytes(html)
        run = run_in_process if args.in_process else run_command
        with ThreadPoolExecutor(max(1, args.jobs)) as pool:
            results = dict(zip(keys, pool.map(lambda k: run(k, folder / f"{k}.html"), keys), strict=True))
        work = args.work or folder / "score"
        body = {k: results[k].body if k in results else "" for k in truth}
        if not args.only:
            print(evaluate(args.pages, work, body))
    rows = []
    for key in keys:
        true = truth[key]["articleBody"]
        p, r = page_scores(true, results[key].body)
        _, tr = page_scores(true, trafilatura.get(key, {}).get("articleBody", ""))
        rows.append((2 * p * r / (p + r) if p + r else 0.0, p, r, tr, key))
    rows.sort()
    print(f"\nper page, worst {args.worst} (F1, precision, recall, trafilatura's recall alone):")
    for f1, p, r, tr, key in rows[: args.worst]:
        res = results[key]
        print(
            f"\n{key[:12]}  F1 {f1:.3f}  P {p:.3f}  R {r:.3f}  trafilatura R {tr:.3f}"
            + (f"  REFUSED: {res.error}" if res.error else "")
        )
        truth_words, read_words = tokens(truth[key]["articleBody"]), tokens(res.body)
        for run in unmatched_runs(read_words, truth_words)[:6]:
            print(f"   + read, not body: {run[:160]}")
        for run in unmatched_runs(truth_words, read_words)[:4]:
            print(f"   - body, not read: {run[:160]}")
    refused = [k for k in keys if results[k].error]
    lost = [k for f1, p, r, tr, k in rows if r < 0.5 and tr > 0.9]
    bad = {k: not_language(results[k].segments) for k in keys}
    bad = {k: v for k, v in bad.items() if v}
    print(f"\npages: {len(keys)}; refused: {len(refused)}; recall < 0.5 where trafilatura > 0.9: {len(lost)}")
    for key in refused:
        print(f"   refused {key[:12]}: {results[key].error}")
    for key in lost:
        print(f"   lost {key[:12]}")
    print(f"segments that are not language: {sum(len(v) for v in bad.values())}")
    for key, texts in bad.items():
        for text in texts[:3]:
            print(f"   {key[:12]}: {text[:140]}")
    found, named, right, missed, mistakes = speaker_scores(results)
    if found:
        print(
            f"speakers: {found} annotated quotations found ({missed} not found); coverage "
            f"{named / found:.1%}; precision {right / max(1, named):.1%}"
        )
        for line in mistakes:
            print(f"   {line}")
    times = [results[k].seconds for k in keys if results[k].seconds is not None]
    if times:
        print(
            f"whole command per page: median {statistics.median(times):.2f} s, max {max(times):.2f} s"
            + ("" if args.jobs == 1 else f" ({args.jobs} at once: not comparable)")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
