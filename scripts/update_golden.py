"""Regenerate tests/data/golden/*.json from the sample articles (review the diff before committing)."""

from __future__ import annotations

import json
from pathlib import Path

from audio_edition.ingest import read_article
from audio_edition.model import Segment
from audio_edition.preview import write_script

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Write one golden script per sample article: role, text (and speaker) of every segment, and chapters."""
    out = ROOT / "tests" / "data" / "golden"
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(p for p in (ROOT / "articles").iterdir() if p.is_file()):
        script = write_script(read_article(path))
        data = {
            "title": script.article.meta.title,
            "chapters": [c.title for c in script.chapters],
            "segments": [golden_row(s) for s in script.segments],
            "dropped": [d.text for d in script.article.dropped],
        }
        target = out / f"{path.name}.json"
        target.write_text(_dump(data), encoding="utf-8")
        print(target.relative_to(ROOT))


def golden_row(segment: Segment) -> list[str]:
    """A segment as its golden file lists it: role and text, and the speaker of a quotation."""
    return [segment.role, segment.text] + ([segment.speaker] if segment.speaker else [])


def _dump(data: dict[str, object]) -> str:
    """JSON with one segment per line, so diffs show exactly which segment changed."""
    lines = ["{"]
    items = list(data.items())
    for k, (key, value) in enumerate(items):
        comma = "," if k < len(items) - 1 else ""
        if isinstance(value, list) and value:
            rows = [json.dumps(v, ensure_ascii=False) for v in value]
            lines.append(f" {json.dumps(key)}: [")
            lines += [f"  {row}," for row in rows[:-1]] + [f"  {rows[-1]}", f" ]{comma}"]
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    return "\n".join(lines) + "\n}\n"


if __name__ == "__main__":
    main()
