"""Ingest, the first stage: an article file (.txt, .md, .html) or page read into an `Article`.

The reader is `ingest/reader.py`; this face re-exports what the other stages and users call.
"""

from __future__ import annotations

from audio_edition.ingest.reader import SUFFIXES, parse_article, read_article
from audio_edition.ingest.unreadable import MAX_WORD_CHARS

__all__ = ["MAX_WORD_CHARS", "SUFFIXES", "parse_article", "read_article"]
