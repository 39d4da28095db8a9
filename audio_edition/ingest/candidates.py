"""A format-neutral line of an article, before its structural role is decided."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Hint = Literal["title", "standfirst", "heading", "blockquote", "attribution", "list-item"] | None


@dataclass(frozen=True)
class Candidate:
    """One paragraph-sized piece of text with what its markup says about it (if anything)."""

    text: str
    hint: Hint = None
