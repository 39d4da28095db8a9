"""Runs of characters that are not words (hashes, code blobs, encoding accidents, rules like `---`)
taken out of the blocks to read, and listed as dropped."""

from __future__ import annotations

import re

from audio_edition.model import Block, Dropped, DropReason

# A "word" longer than this (no spaces, not a web address) is a hash, a code blob or an encoding
# accident: it is left out of the reading and listed as dropped.
MAX_WORD_CHARS = 64
_LONG_RUN = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")
_ADDRESS = re.compile(r"^[(\[<\"'“‘]*(https?://|www\.)", re.IGNORECASE)


def without_unreadable_runs(blocks: list[Block]) -> tuple[list[Block], list[Dropped]]:
    """Blocks with over-long runs of non-space characters removed (UNREADABLE); blocks left without a
    letter or digit go too (NO_WORDS): there is nothing in them to say."""
    kept: list[Block] = []
    dropped: list[Dropped] = []
    for block in blocks:
        cut = 0

        def unreadable(match: re.Match[str]) -> str:
            nonlocal cut
            run = match.group(0)
            if _ADDRESS.match(run):
                return run
            dropped.append(Dropped(f"{run[:40]}… ({len(run)} characters)", DropReason.UNREADABLE))
            cut += 1
            return " "

        text = _LONG_RUN.sub(unreadable, block.text)  # one pass (a replace per run was quadratic)
        text = " ".join(text.split()) if cut else block.text
        if any(ch.isalnum() for ch in text):
            kept.append(Block(block.kind, text))
        elif text.strip():
            dropped.append(Dropped(text.strip(), DropReason.NO_WORDS))
    return kept, dropped
