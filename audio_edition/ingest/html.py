"""Read a news web page with trafilatura: the article's title, byline, date, language and body
(headings, paragraphs, block quotes, lists) without navigation, ads, share bars or comments."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from audio_edition.errors import InputError
from audio_edition.ingest.candidates import Candidate, Hint

_LANG = re.compile(r"<html[^>]*\slang=[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def html_candidates(page: str, name: str) -> tuple[dict[str, str], list[Candidate]]:
    """(metadata fields, candidates in reading order) of the article in `page`."""
    import trafilatura

    extracted = trafilatura.extract(
        page,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
    )
    if not extracted:
        raise InputError(f"{name}: no article text found on the page: is it a news article?")
    root = ET.fromstring(extracted)
    fields = {k: " ".join(v.split()) for k in ("title", "author", "date") if (v := root.get(k))}
    if "author" in fields:
        fields["byline"] = fields.pop("author").replace(";", " and ")
    lang = _LANG.search(page[:5000])
    if lang:
        fields["language"] = lang.group(1).lower()
    main = root.find("main")
    return fields, list(_walk(main)) if main is not None else []


def _walk(element: ET.Element, inside_quote: bool = False) -> list[Candidate]:
    out: list[Candidate] = []
    for child in element:
        text = " ".join("".join(child.itertext()).split())
        if child.tag == "head":
            hint: Hint = "title" if child.get("rend") == "h1" else "heading"
            out.append(Candidate(text, hint)) if text else None
        elif child.tag == "quote":
            paragraphs = [p for p in child if p.tag == "p"]
            if paragraphs:
                out += [Candidate(" ".join("".join(p.itertext()).split()), "blockquote") for p in paragraphs]
            elif text:
                out.append(Candidate(text, "blockquote"))
        elif child.tag == "list":
            out += [
                Candidate(" ".join("".join(i.itertext()).split()), "list-item")
                for i in child
                if i.tag == "item"
            ]
        elif child.tag in ("p", "item") and text:
            out.append(Candidate(text, "blockquote" if inside_quote else None))
        elif len(child):
            out += _walk(child, inside_quote)
    return [c for c in out if c.text]


def drop_repeats(cands: list[Candidate]) -> tuple[list[Candidate], list[str]]:
    """Pull-quotes and repeated paragraphs are spoken once: a candidate whose words already stand in
    an earlier or later paragraph is dropped. Returns (kept, dropped texts)."""
    words = [_words(c.text) for c in cands]
    kept, dropped = [], []
    for k, cand in enumerate(cands):
        mine = words[k]
        repeated = mine and any(
            j != k and len(words[j]) > len(mine) and mine in words[j] for j in range(len(cands))
        )
        duplicate = mine and mine in (words[j] for j in range(k))
        if cand.hint in ("blockquote", None) and (repeated or duplicate):
            dropped.append(cand.text)
        else:
            kept.append(cand)
    return kept, dropped


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
