"""Read an article file (.txt, .md, .html) or page into an `Article`: decoded, cleaned, structured.

Each format's reader is imported on the path that needs it: a text article never loads the Markdown
parser, YAML, trafilatura or lxml.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from audio_edition.errors import InputError
from audio_edition.ingest.candidates import Candidate
from audio_edition.ingest.decode import clean_meta, decode_bytes, refuse_oversize
from audio_edition.ingest.fetch import Fetched, fetch, is_url
from audio_edition.ingest.plaintext import plain_candidates
from audio_edition.ingest.structure import Found, find_structure
from audio_edition.ingest.unreadable import MAX_WORD_CHARS, without_unreadable_runs
from audio_edition.languages.registry import INSTALLED, Languages
from audio_edition.model import Article, Block, Dropped, DropReason, Meta

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    "": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def web_format(page: Fetched) -> str:
    """How a fetched page is read, by its content type: `text/markdown` as Markdown, `text/plain`
    as text (or by the address's suffix, `.md`, `.html`, as a file is), anything else as a web page."""
    kind = page.content_type.split(";", 1)[0].strip().lower()
    if kind in ("text/markdown", "text/x-markdown"):
        return "markdown"
    if kind == "text/plain":
        return SUFFIXES.get(PurePosixPath(urlparse(page.url).path).suffix.lower(), "text")
    return "html"


# Hints for a mistaken argument: a feed's address given to `build`, a web address without its scheme.
_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]")
FOLLOW_HINT = "follow its articles with `audio-edition follow URL -o OUT --base-url URL_OF_OUT`"
_HOST = re.compile(r"(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/", re.IGNORECASE)


def read_article(
    path: str | Path, *, allow_private: bool = False, languages: Languages = INSTALLED
) -> Article:
    """Read and structure the article at `path` (a file or an http(s) URL; a private address only
    when `allow_private`), its stated language found in `languages`; InputError if unusable."""
    if isinstance(path, str) and is_url(path):
        name = path.rstrip("/").rsplit("/", 1)[-1] or "page"
        page = fetch(path, allow_private=allow_private)
        if _FEED.search(page.body[:2000]):
            raise InputError(f"{path} is a news feed (RSS or Atom), not an article: {FOLLOW_HINT}")
        return parse_article(
            decode_bytes(page.body, name), name=name, fmt=web_format(page), source=path, languages=languages
        )
    p = Path(path)
    if not p.exists():
        if _HOST.match(str(path)):
            raise InputError(f"article not found: {p}: for a web page give its whole address, https://{path}")
        raise InputError(f"article not found: {p} (check the path)")
    if p.is_dir():
        raise InputError(
            f"{p} is a folder: give an article file (.txt, .md or .html), "
            f"or build every article in it with `audio-edition batch {p}`"
        )
    suffix = p.suffix.lower()
    fmt = SUFFIXES.get(suffix)
    if fmt is None:
        raise InputError(f"{p.name}: unsupported file type '{suffix}': give a .txt, .md or .html article")
    try:
        refuse_oversize(p.stat().st_size, p.name)  # before the file is read into memory
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {p}: {exc.strerror or exc}") from None
    return parse_article(decode_bytes(data, p.name), name=p.name, fmt=fmt, source=str(p), languages=languages)


def _ends_a_sentence(line: str) -> bool:
    """Whether a lone line is text rather than a headline: it ends as a sentence does (`.`, `!`,
    `?`, `…`, before closing quotes), or is no headline at all (over 200 characters, or a run of
    characters longer than any word, left for the unreadable check), as `Just A Title Here` is not."""
    if len(line) > 200 or any(len(word) > MAX_WORD_CHARS for word in line.split()):
        return True
    return line.rstrip().rstrip("\"'’”»)]").endswith((".", "!", "?", "…"))


def parse_article(
    text: str,
    *,
    name: str = "article.txt",
    fmt: str = "text",
    source: str | None = None,
    languages: Languages = INSTALLED,
) -> Article:
    """Structure already-decoded article text; `fmt` is 'text', 'markdown' or 'html'. The language
    the page states (its `lang`, its front matter) is found in `languages`, whose rules and words
    read it; a page that states none is read with every language's safe rules."""
    if not text.strip():
        raise InputError(f"{name} is empty: there is nothing to read")
    fields, cands, dropped = _candidates(text, fmt, name, languages)
    stated = fields.get("language")
    found = find_structure(
        cands,
        title=fields.get("title"),
        explicit_headings=fmt in ("markdown", "html"),
        language=languages.find(stated) if stated else None,
    )
    if (
        not found.blocks
        and found.title_from == "first-line"
        and found.title
        and _ends_a_sentence(found.title)
    ):
        found.blocks.append(Block("paragraph", found.title))  # a one-sentence article is its own body
        found.title = found.title_from = None
    if not found.blocks:
        what = "every line was boilerplate" if found.dropped or dropped else "it holds only a title"
        raise InputError(f"{name} has no article text to read: {what}")
    title = fields.get("title") or found.title or _title_from_name(name)
    title_from = "front-matter" if "title" in fields else (found.title_from or "file-name")
    meta = Meta(
        title=title,
        byline=fields.get("byline") or found.byline,
        date=fields.get("date") or found.date,
        language=fields.get("language", "en"),
        source=fields.get("source") or source,
        title_from=title_from,  # type: ignore[arg-type]
    )
    meta = clean_meta(meta)  # fields cleaned as body text is: no control reaches a file
    dropped = found.dropped + dropped + _superseded_meta_lines(found, fields)
    blocks, unreadable = without_unreadable_runs([Block(b.kind, b.text, b.listed) for b in found.blocks])
    if not blocks:
        raise InputError(f"{name} has no article text to read: only runs of characters that are not words")
    return Article(meta=meta, blocks=tuple(blocks), dropped=tuple(dropped + unreadable))


def _candidates(
    text: str, fmt: str, name: str, languages: Languages
) -> tuple[dict[str, str], list[Candidate], list[Dropped]]:
    """(fields, candidates, what the reader left out) of the text in format `fmt`."""
    if fmt == "html":
        from audio_edition.ingest.html import html_candidates  # trafilatura and lxml
        from audio_edition.ingest.repeats import drop_repeats  # pySBD

        fields, cands, dropped = html_candidates(text, name)
        cands, repeats = drop_repeats(cands, languages.find(fields.get("language")))
        return fields, cands, dropped + repeats
    if fmt == "markdown":
        from audio_edition.ingest.frontmatter import split_front_matter  # YAML
        from audio_edition.ingest.markdown import markdown_candidates  # markdown-it-py

        fields, body = split_front_matter(text, name)
        cands, skipped = markdown_candidates(body)
        return fields, cands, skipped
    return {}, plain_candidates(text), []


def _superseded_meta_lines(found: Found, fields: dict[str, str]) -> list[Dropped]:
    """Byline and date lines of the text that gave way to the page's or the front matter's own."""
    out = []
    if found.byline_line and "byline" in fields and found.byline != fields["byline"]:
        out.append(Dropped(found.byline_line, DropReason.BYLINE))
    if found.date_line and "date" in fields and found.date != fields["date"]:
        out.append(Dropped(found.date_line, DropReason.DATELINE))
    return out


def _title_from_name(name: str) -> str:
    stem = Path(name).stem
    words = re.sub(r"[-_.]+", " ", stem).split()
    return " ".join(w[:1].upper() + w[1:] for w in words) or "Untitled"
