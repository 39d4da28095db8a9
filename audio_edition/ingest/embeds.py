"""Posts embedded from social networks, one rule everywhere: inside the article, a post is read as a
quotation (its text, in the quote voice) signed by its author's name, without its links, handles or
date; outside the article it is not read, and is listed as dropped.

An embed is a `blockquote` the networks' embed codes mark by class (`twitter-tweet`,
`instagram-media`, `tiktok-embed`...), or any `blockquote` whose last line signs it with a handle
and a date: `— Name (@handle) November 20, 2019`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from audio_edition.ingest.candidates import Candidate
from audio_edition.ingest.pagetree import is_inside, letters, text_of
from audio_edition.model import Dropped, DropReason

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_EMBED_CLASS = re.compile(
    r"\b(twitter-tweet|twitter-video|instagram-media|tiktok-embed|bluesky-embed|mastodon-embed|"
    r"threads-post|text-post-media|fb-post|reddit-embed)",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(
    r"[—–-]\s*(?P<name>[^—–(@\n]{1,80}?)\s*\(@(?P<handle>\w{1,40})\)\s*(?P<date>.{0,40})$"
)
_HANDLE_ONLY = re.compile(r"^[—–-]?\s*@\w{1,40}$")
_LINK = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.IGNORECASE)
_TRAILING_HANDLES = re.compile(r"(\s*[@#]\w+)+\s*$")


@dataclass(frozen=True)
class Embed:
    """A post embedded in the page: its element, the text to read and its author's name."""

    element: HtmlElement
    text: str
    author: str


def find_embeds(root: HtmlElement) -> list[Embed]:
    """The page's embedded posts, in page order (an embed inside another counts once)."""
    found: list[Embed] = []
    for quote in root.iter("blockquote"):
        if any(is_inside(quote, e.element) for e in found):
            continue
        embed = _read_embed(quote)
        if embed is not None:
            found.append(embed)
    return found


def place_embeds(
    embeds: list[Embed],
    blocks: list[HtmlElement],
    cands: list[Candidate],
    located: list[int | None],
    body: HtmlElement | None,
) -> tuple[list[Candidate], list[int | None], list[Dropped]]:
    """The article's candidates with each embedded post inside the article read where it stands (what
    the extractor took of it replaced), and the posts outside it listed as dropped."""
    if not embeds:
        return cands, located, []
    dropped: list[Dropped] = []
    for embed in embeds:
        inside = {k for k, at in enumerate(located) if _taken_from(embed, cands[k], at, blocks)}
        cands = [c for k, c in enumerate(cands) if k not in inside]
        located = [at for k, at in enumerate(located) if k not in inside]
        if body is None or not is_inside(embed.element, body) or not embed.text:
            if inside or (body is not None and is_inside(embed.element, body)):
                dropped.append(Dropped(_label(embed), DropReason.EMBED))
            continue
        at = _block_index(blocks, embed.element)
        later = (k for k, where in enumerate(located) if where is not None and at is not None and where > at)
        k = next(later, len(cands))
        post = [Candidate(embed.text, "blockquote")]
        if embed.author:
            post.append(Candidate(f"— {embed.author}", "attribution"))
        cands = cands[:k] + post + cands[k:]
        located = located[:k] + [at] * len(post) + located[k:]
    return cands, located, dropped


def _taken_from(embed: Embed, cand: Candidate, at: int | None, blocks: list[HtmlElement]) -> bool:
    """Whether the extractor took `cand` from the embed: its block is inside it, or (loose text such
    as the signature, found in no block) its letters stand in the embed's."""
    if at is not None:
        return is_inside(blocks[at], embed.element)
    key = letters(cand.text)
    return len(key) >= 8 and key in letters(text_of(embed.element))


def _read_embed(quote: HtmlElement) -> Embed | None:
    marked = bool(_EMBED_CLASS.search(f"{quote.get('class') or ''} {quote.get('data-embed') or ''}"))
    lines = [text_of(p) for p in quote.iter("p")] or [text_of(quote)]
    whole = text_of(quote)
    signature = _SIGNATURE.search(whole)
    if not marked and signature is None:
        return None
    author = " ".join(signature.group("name").split()) if signature else ""
    body = [line for line in lines if line and not _SIGNATURE.search(line) and not _HANDLE_ONLY.match(line)]
    if signature and not quote.findall(".//p"):
        body = [whole[: signature.start()]]
    text = " ".join(_TRAILING_HANDLES.sub("", _LINK.sub("", line)).strip() for line in body)
    return Embed(quote, " ".join(text.split()), author)


def _block_index(blocks: list[HtmlElement], element: HtmlElement) -> int | None:
    """The index of the first text block inside `element`, or of the first one after it."""
    key = letters(text_of(element))[:40]
    for i, block in enumerate(blocks):
        if is_inside(block, element) or (key and letters(text_of(block)).startswith(key)):
            return i
    return None


def _label(embed: Embed) -> str:
    """How a post that is not read is listed: `embedded post by Name: its text…`."""
    text = embed.text if len(embed.text) <= 80 else embed.text[:79].rstrip() + "…"
    who = f" by {embed.author}" if embed.author else ""
    return f"embedded post{who}: {text}" if text else f"embedded post{who}"
