"""Runs of characters that are not words (hashes, code blobs, encoding accidents, rules like `---`)
taken out of the blocks to read, and blocks that are not language (code, markup, a bare web address)
left out, each listed as dropped."""

from __future__ import annotations

import re

from audio_edition.model import Block, Dropped, DropReason
from audio_edition.text.not_language import looks_like_code
from audio_edition.text.unspaced import is_unspaced_prose

# A "word" longer than this (no spaces, not a web address) is a hash, a code blob or an encoding
# accident: it is left out of the reading and listed as dropped.
MAX_WORD_CHARS = 64
_LONG_RUN = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")
_ADDRESS = re.compile(r"^[(\[<\"'“‘]*(https?://|www\.)", re.IGNORECASE)


_LINK = re.compile(r"^[(\[<\"'“‘]*(https?://|www\.|pic\.twitter\.com/|t\.co/)\S+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


# A publishing system's shortcode with attributes, or its closing tag: [button link="…"], [/button].
_SHORTCODE = re.compile(
    r"\[(?:[a-z_][\w-]*(?:\s+[\w-]+\s*=\s*(?:\"[^\"\]]*\"|'[^'\]]*'))+|/[a-z_][\w-]*)\s*/?\]"
)


def without_shortcodes(text: str) -> tuple[str, list[str]]:
    """The text without the shortcodes a publishing system left in it (markup, never words)."""
    codes = _SHORTCODE.findall(text)
    return (" ".join(_SHORTCODE.sub(" ", text).split()), codes) if codes else (text, [])


def without_bare_links(text: str) -> tuple[str, list[str]]:
    """The text without web addresses that stand outside its sentences (at its start, or after a
    sentence's end: `... in 2019. https://t.co/x`; and a post's `pic.twitter.com/x` anywhere), and
    those links. An address inside a sentence (`visit www.example.org.`) is part of it."""
    words = text.split(" ")
    links = []
    for k, word in enumerate(words):
        if not _LINK.match(word):
            continue
        before = next((w for w in reversed(words[:k]) if w), "")
        if not before or _SENTENCE_END.search(before) or "pic.twitter.com/" in word.lower():
            links.append(word)
            words[k] = ""
    return (" ".join(w for w in words if w), links) if links else (text, [])


def without_unreadable_runs(blocks: list[Block]) -> tuple[list[Block], list[Dropped]]:
    """Blocks with over-long runs of non-space characters removed (UNREADABLE); blocks left without a
    letter or digit go too (NO_WORDS): there is nothing in them to say."""
    kept: list[Block] = []
    dropped: list[Dropped] = []
    for block in blocks:
        text, codes = without_shortcodes(block.text)
        dropped.extend(Dropped(code, DropReason.CODE) for code in codes)
        if looks_like_code(text):
            dropped.append(Dropped(text, DropReason.CODE))
            continue
        source, cut = text, 0

        def unreadable(match: re.Match[str]) -> str:
            nonlocal cut
            run = match.group(0)
            if _ADDRESS.match(run) or is_unspaced_prose(run):
                return run
            dropped.append(Dropped(f"{run[:40]}… ({len(run)} characters)", DropReason.UNREADABLE))
            cut += 1
            return " "

        text = _LONG_RUN.sub(unreadable, source)  # one pass (a replace per run was quadratic)
        text = " ".join(text.split()) if cut or text != block.text else text
        text, links = without_bare_links(text)
        dropped.extend(Dropped(link, DropReason.LINK) for link in links)
        if looks_like_code(text):
            dropped.append(Dropped(text, DropReason.CODE))
        elif any(ch.isalnum() for ch in text):
            kept.append(Block(block.kind, text, block.listed))
        elif text.strip():
            dropped.append(Dropped(text.strip(), DropReason.NO_WORDS))
    return kept, dropped
