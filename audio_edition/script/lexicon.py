"""Pronunciation lexicons: how to say names and words an engine gets wrong ("Zelenskyy" -> "Zelensky").

Two forms: a simple TOML file (`word = "alias"` or `word = { alias = "...", ipa = "..." }`) and the
W3C Pronunciation Lexicon Specification (PLS) XML. Aliases reach every engine; IPA reaches the
engines that take phonemes (Piper), the others speaking the alias.
"""

from __future__ import annotations

import functools
import re
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from audio_edition.errors import InputError
from audio_edition.voices.phonemes import mark

PLS = "{http://www.w3.org/2005/01/pronunciation-lexicon}"
DEFAULT_NAMES = ("lexicon.toml", "lexicon.pls")


@dataclass(frozen=True)
class Entry:
    """How one written word is said."""

    grapheme: str
    alias: str | None = None
    ipa: str | None = None


def default_lexicon(folder: Path | None = None) -> Path | None:
    """`lexicon.toml` or `lexicon.pls` in `folder` (the current folder by default), if there."""
    base = folder or Path.cwd()
    return next((base / n for n in DEFAULT_NAMES if (base / n).is_file()), None)


def lexicon_for(user: Path | None, use_default: bool = True) -> tuple[Entry, ...]:
    """The entries a build uses: the user's lexicon (`user`, else one found in the current folder)."""
    path = user or default_lexicon()
    return load_lexicon(path) if path is not None else ()


@functools.lru_cache(maxsize=16)
def load_lexicon(path: Path) -> tuple[Entry, ...]:
    """The entries of a TOML or PLS lexicon; InputError naming the problem when it is malformed."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read lexicon {path}: {exc.strerror or exc}") from None
    if path.suffix.lower() in (".pls", ".xml"):
        return _from_pls(raw, path.name)
    return _from_toml(raw, path.name)


def _from_toml(raw: bytes, name: str) -> tuple[Entry, ...]:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"lexicon {name} is not valid TOML: {exc}") from None
    entries = []
    for word, value in data.items():
        if isinstance(value, str):
            entries.append(Entry(word, alias=value))
        elif (
            isinstance(value, dict)
            and value
            and set(value) <= {"alias", "ipa"}
            and all(isinstance(v, str) and v.strip() for v in value.values())
        ):
            entries.append(Entry(word, alias=value.get("alias"), ipa=value.get("ipa")))
        else:
            raise InputError(f'lexicon {name}: "{word}" must be "alias" or {{ alias = "…", ipa = "…" }}')
    return tuple(entries)


def _from_pls(raw: bytes, name: str) -> tuple[Entry, ...]:
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise InputError(f"lexicon {name} is not valid PLS XML: {exc}") from None
    if root.tag != f"{PLS}lexicon":
        raise InputError(f"lexicon {name} is not a PLS lexicon (no <lexicon> in the PLS namespace)")
    entries = []
    for lexeme in root.iter(f"{PLS}lexeme"):
        alias = lexeme.findtext(f"{PLS}alias")
        ipa = lexeme.findtext(f"{PLS}phoneme")
        for grapheme in lexeme.iter(f"{PLS}grapheme"):
            if grapheme.text:
                entries.append(Entry(grapheme.text.strip(), alias=alias, ipa=ipa))
    return tuple(entries)


def apply_lexicon(text: str, entries: tuple[Entry, ...]) -> str:
    """Replace every whole-word occurrence of a grapheme (any case, possessive kept) by its alias;
    a word with IPA becomes `⟦IPA|alias⟧`, which Piper speaks as phonemes and others as the alias."""
    for entry in entries:
        if not (entry.alias or entry.ipa):
            continue
        said = entry.alias or entry.grapheme
        replacement = mark(entry.ipa, said) if entry.ipa else said
        pattern = rf"(?<!\w){re.escape(entry.grapheme)}(?!\w)"
        text = re.sub(pattern, replacement.replace("\\", r"\\"), text, flags=re.IGNORECASE)
    return text
