"""Time `script` (read and write the script of an article, no audio) against input size for each
text shape a hostile page could send, and print seconds per MB: a stage that is linear in its input
keeps that figure flat as the size grows.

    python scripts/bench_linear.py                 # 10 KB to 1 MB
    python scripts/bench_linear.py --max-mb 20     # up to the 20 MB limit (slow: minutes per shape)
    python scripts/bench_linear.py --shape curly   # one shape
"""

from __future__ import annotations

import argparse
import hashlib
import time
from collections.abc import Callable

from audio_edition.errors import AudioEditionError
from audio_edition.ingest import parse_article
from audio_edition.preview import write_script


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: unit * max(1, size // len(unit))


def _runs(size: int) -> str:
    """Distinct 65-character runs (no two alike), a space between them."""
    count = max(1, size // 66)
    return " ".join(hashlib.sha256(str(k).encode()).hexdigest() + "x" for k in range(count))


def _lines(size: int) -> str:
    """One-line paragraphs, each naming someone."""
    unit = "Anna Berg{k} said the ferry runs again.\n"
    return "".join(unit.format(k=k) for k in range(max(1, size // len(unit))))


# Each shape: a title line, then the body. The names are the issue's.
SHAPES: dict[str, Callable[[int], str]] = {
    "comment": _repeat("<!-- "),
    "runs": _runs,
    "curly": _repeat("“a ”b „c «d "),
    "lines": _lines,
    "sentences": _repeat("The harbour ferry runs again from Monday, the operator said. "),
}


def article(shape: str, size: int) -> str:
    """The article of `shape` of about `size` characters."""
    return "Ferry strike ends\n\nThe harbour ferry runs again, the operator said. " + SHAPES[shape](size)


def time_script(text: str) -> tuple[float, str]:
    """Seconds to read `text` as a plain-text article and write its script, and "" (or the one-line
    error when it is refused)."""
    started = time.perf_counter()
    try:
        write_script(parse_article(text, name="bench.txt", fmt="text"))
    except AudioEditionError as exc:
        return time.perf_counter() - started, f"refused: {exc}"
    return time.perf_counter() - started, ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-mb", type=float, default=1.0, help="largest size, in MB (limit: 20)")
    parser.add_argument("--shape", choices=sorted(SHAPES), action="append", help="only this shape")
    args = parser.parse_args()
    sizes = [10_000, 100_000, 1_000_000, 4_000_000, 10_000_000, 20_000_000]
    sizes = [s for s in sizes if s <= args.max_mb * 1_000_000]
    print(f"{'shape':<10} {'size':>8} {'seconds':>8} {'s per MB':>9}")
    for shape in args.shape or list(SHAPES):
        for size in sizes:
            text = article(shape, size)
            seconds, refused = time_script(text)
            mb = len(text.encode("utf-8")) / 1_000_000
            print(f"{shape:<10} {mb:>6.2f}MB {seconds:>8.2f} {seconds / mb:>9.2f} {refused}", flush=True)


if __name__ == "__main__":
    main()
