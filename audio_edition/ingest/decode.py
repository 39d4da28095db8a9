"""Turn an article file's bytes into clean text, whatever its encoding."""

from __future__ import annotations

import codecs
import dataclasses
import re
import unicodedata

from audio_edition.errors import InputError
from audio_edition.model import Meta

MAX_BYTES = 20 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0/C1 controls except tab and newline; carriage returns are folded into newlines first.
_NOT_TEXT = re.compile("[\ud800-\udfff\ufffe\uffff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff]")


def refuse_oversize(size: int, name: str) -> None:
    """InputError when an article of `size` bytes is over the limit (MAX_BYTES)."""
    if size > MAX_BYTES:
        limit = MAX_BYTES // 1_048_576
        raise InputError(f"{name} is {size // 1_048_576} MB: articles are limited to {limit} MB")


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode article bytes (BOM, UTF-8, UTF-16, else a detected legacy code page) to clean text."""
    refuse_oversize(len(data), name)
    text = _decode(data, name)
    return clean_text(text)


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    utf16 = _bomless_utf16(data[:8192])
    if utf16:
        return data.decode(utf16, errors="replace")
    if _looks_binary(data):
        raise InputError(f"{name} looks like a binary file, not an article: give a .txt or .md file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for bytes that are not UTF-8

    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "utf_16", "cp1250", "cp1251"]).best()
    if best is not None and best.encoding in {"cp1252", "latin_1", "cp1250", "cp1251"}:
        return str(best)
    return data.decode("cp1252", errors="replace")


def _looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes in bulk (BOM-less UTF-16 aside) or many controls."""
    sample = data[:8192]
    if not sample:
        return False
    nul = sample.count(0)
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return nul > len(sample) * 0.01 or controls > len(sample) * 0.10


def _bomless_utf16(sample: bytes) -> str | None:
    """The UTF-16 byte order of mostly-ASCII text written without a BOM, else None."""
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nul > half * 0.6 and even_nul < half * 0.05:
        return "utf-16-le"
    if even_nul > half * 0.6 and odd_nul < half * 0.05:
        return "utf-16-be"
    return None


def clean_text(text: str) -> str:
    """Normalise newlines to LF, compose Unicode (NFC), drop NUL and control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u00a0", " ")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """A metadata field (title, byline, date, source) cleaned as body text is, and more: no lone
    surrogate, no U+FFFE/U+FFFF, white space collapsed to single spaces."""
    return " ".join(_NOT_TEXT.sub("", clean_text(text)).split())


def clean_meta(meta: Meta) -> Meta:
    """`meta` with every text field through `clean_line` (a title left empty becomes "Untitled")."""

    def line(value: str | None) -> str | None:
        return None if value is None else clean_line(value) or None

    return dataclasses.replace(
        meta,
        title=clean_line(meta.title) or "Untitled",
        byline=line(meta.byline),
        date=line(meta.date),
        source=line(meta.source),
    )
