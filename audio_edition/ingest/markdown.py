"""Split Markdown into paragraph candidates, keeping what its markup says (headings, quotes, lists)."""

from __future__ import annotations

import re

from audio_edition.ingest.candidates import Candidate, Hint

_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_RULE = re.compile(r"^([-*_])(\s*\1){2,}\s*$")
_LIST = re.compile(r"^(\s*)([-*+]|\d{1,3}[.)])\s+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`+([^`]*)`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>\"'])")
_REFDEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+")
_BOLD_LINE = re.compile(r"^(\*\*|__)(.+)\1$")
_LINK_ONLY = re.compile(r"^[*_]*\[[^\]]+\]\([^)]*\)[*_]*$")


def markdown_candidates(text: str) -> tuple[list[Candidate], list[str]]:
    """Candidates in reading order, and the images/code blocks skipped (for the dropped report)."""
    lines = text.split("\n")
    out: list[Candidate] = []
    skipped: list[str] = []
    para: list[str] = []
    quote: list[str] = []
    in_fence = False

    def flush_para() -> None:
        if para:
            _emit(out, " ".join(para), None)
            para.clear()

    def flush_quote() -> None:
        if quote:
            for piece in _split_quote(quote):
                _emit(out, piece[0], piece[1])
            quote.clear()

    for i, raw in enumerate(lines):
        if _FENCE.match(raw):
            flush_para()
            flush_quote()
            in_fence = not in_fence
            if in_fence:
                skipped.append("code block")
            continue
        if in_fence:
            continue
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            flush_para()
            flush_quote()
            continue
        if stripped.startswith(">"):
            flush_para()
            quote.append(stripped)
            continue
        flush_quote()
        if _REFDEF.match(line):
            continue
        atx = _ATX.match(stripped)
        if atx:
            flush_para()
            level = len(atx.group(1))
            _emit(out, atx.group(2), "title" if level == 1 else "heading")
            continue
        if para and _SETEXT.match(stripped) and len(para) == 1:
            hint: Hint = "title" if stripped.startswith("=") else "heading"
            _emit(out, para.pop(), hint)
            continue
        if _RULE.match(stripped):
            flush_para()
            continue
        listed = _LIST.match(line)
        if listed:
            flush_para()
            item = line[listed.end() :].strip()
            if _LINK_ONLY.match(item):
                skipped.append(f"link: {inline_text(item)}")
                continue
            para.append(item)
            flush_para_as_item(out, para)
            continue
        bold = _BOLD_LINE.match(stripped)
        after_title = bool(out) and all(c.hint == "title" for c in out)
        if (
            bold
            and not para
            and not after_title
            and _is_last_of_block(lines, i)
            and not bold.group(2).rstrip().endswith(".")
        ):
            _emit(out, bold.group(2), "heading")
            continue
        para.append(stripped)
    flush_para()
    flush_quote()
    skipped.extend(f"image: {m}" if m else "image" for m in _images(text))
    return out, skipped


def flush_para_as_item(out: list[Candidate], para: list[str]) -> None:
    """Emit a list item as its own candidate."""
    _emit(out, " ".join(para), "list-item")
    para.clear()


def _is_last_of_block(lines: list[str], i: int) -> bool:
    return i + 1 >= len(lines) or not lines[i + 1].strip()


def _split_quote(lines: list[str]) -> list[tuple[str, Hint]]:
    """A `>` block: paragraphs split at empty `>` lines; a final `— Name` line is the attribution."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        body = re.sub(r"^(>\s?)+", "", line).strip()
        if body:
            paragraphs[-1].append(body)
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [p for p in paragraphs if p]
    pieces: list[tuple[str, Hint]] = []
    for p in paragraphs:
        if len(p) > 1 and re.match(r"^(—|–|--|-|~)\s*\S", p[-1]):
            pieces.append((" ".join(p[:-1]), "blockquote"))
            pieces.append((p[-1], "attribution"))
        elif re.match(r"^(—|–|--|~)\s*\S", p[0]) and len(p) == 1 and pieces:
            pieces.append((p[0], "attribution"))
        else:
            pieces.append((" ".join(p), "blockquote"))
    return pieces


def _emit(out: list[Candidate], text: str, hint: Hint) -> None:
    clean = inline_text(text)
    if clean:
        out.append(Candidate(text=clean, hint=hint))


def _images(text: str) -> list[str]:
    return [m.group(1).strip() for m in _IMAGE.finditer(text)]


def inline_text(text: str) -> str:
    """Markdown inline markup reduced to the words a listener should hear."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _TAG.sub("", text)
    for _ in range(3):
        text = _EMPHASIS.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    return " ".join(text.split())
