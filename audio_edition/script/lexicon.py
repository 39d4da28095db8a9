"""Pronunciation lexicons: how to say names and words an engine gets wrong ("Zelenskyy" -> "Zelensky").

Two forms: a simple TOML file (`word = "alias"` or `word = { alias = "...", ipa = "..." }`) and the
W3C Pronunciation Lexicon Specification (PLS) XML. Aliases reach every engine; IPA reaches the
engines that take phonemes (Piper), the others speaking the alias. A shipped lexicon of frequent
news names (`audio_edition/data/news_names.json`, JSON so that a script run parses it in under a
millisecond where TOML took 11 ms) sits under the user's own.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from audio_edition.errors import InputError
from audio_edition.model import Pronunciation

PLS = "{http://www.w3.org/2005/01/pronunciation-lexicon}"
DEFAULT_NAMES = ("lexicon.toml", "lexicon.pls")
SHIPPED = "news_names.json"
# Final sounds after which a possessive 's is said /ᵻz/ (sibilants) or /s/ (other voiceless ones).
_SIBILANT_END = "szʃʒ"  # also the end of tʃ and dʒ
_VOICELESS_END = "ptkfθ"
_IPA_MARKS = "ˈˌː "


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


def lexicon_files(user: Path | None, use_default: bool = True) -> tuple[Path | None, Path | None]:
    """The files a build's lexicon is read from: the user's (`user`, else one found in the current
    folder; None when neither) and the shipped one (None when `use_default` is False)."""
    return user or default_lexicon(), shipped_file() if use_default else None


def lexicon_for(user: Path | None, use_default: bool = True) -> tuple[Entry, ...]:
    """The entries a build uses: the user's lexicon (`user`, else one found in the current folder)
    over the shipped news names unless `use_default` is False, with possessives of IPA entries."""
    path, shipped = lexicon_files(user, use_default)
    own = load_lexicon(path) if path is not None else ()
    return with_possessives(merged(own, shipped_lexicon() if shipped is not None else ()))


def merged(own: tuple[Entry, ...], base: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """`own` entries followed by those of `base` whose grapheme (any case) `own` does not have."""
    taken = {_key(e.grapheme) for e in own}
    return own + tuple(e for e in base if _key(e.grapheme) not in taken)


def shipped_file() -> Path:
    """Where the lexicon shipped with the package lives (package data beside the modules)."""
    return Path(__file__).resolve().parent.parent / "data" / SHIPPED


def shipped_lexicon() -> tuple[Entry, ...]:
    """The entries of the lexicon shipped with the package (read each time, parsed once per content)."""
    return _shipped_entries(shipped_file().read_bytes())


@functools.lru_cache(maxsize=2)
def _shipped_entries(raw: bytes) -> tuple[Entry, ...]:
    return tuple(e for _, entries in shipped_categories(raw) for e in entries)


def shipped_categories(raw: bytes) -> list[tuple[str, tuple[Entry, ...]]]:
    """(category, entries) per top-level object of a shipped-lexicon JSON document, whose entries
    take the TOML lexicon's value forms (`"alias"` or `{"alias": ..., "ipa": ...}`)."""
    data = json.loads(raw.decode("utf-8"))
    return [(name, tuple(_entry(w, v, SHIPPED) for w, v in table.items())) for name, table in data.items()]


def with_possessives(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The entries plus, for each IPA entry, its possessive ("Kyiv's" said /…vz/ as one word),
    unless the lexicon says that possessive itself."""
    taken = {_key(e.grapheme) for e in entries}
    wanted = (e for e in entries if e.ipa and _ends_in_letter(e) and _key(f"{e.grapheme}'s") not in taken)
    return entries + tuple(possessive(e) for e in wanted)


def possessive(entry: Entry) -> Entry:
    """The entry for `grapheme's`: the IPA ending as its last sound asks, the alias with 's."""
    ipa = (entry.ipa or "").rstrip()
    alias = f"{entry.alias or entry.grapheme}'s"
    return Entry(f"{entry.grapheme}'s", alias=alias, ipa=ipa + _possessive_ending(ipa))


def _possessive_ending(ipa: str) -> str:
    """/ᵻz/ after a sibilant, /s/ after another voiceless sound, /z/ otherwise."""
    last = ipa.rstrip(_IPA_MARKS)[-1:]
    if last in _SIBILANT_END:
        return "ᵻz"
    return "s" if last in _VOICELESS_END else "z"


def load_lexicon(path: Path) -> tuple[Entry, ...]:
    """The entries of a TOML or PLS lexicon as the file holds them now (read on every call, parsed
    once per content, so an edit is seen at once); InputError naming the problem when malformed."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read lexicon {path}: {exc.strerror or exc}") from None
    return _parsed(raw, path.suffix.lower() in (".pls", ".xml"), path.name)


@functools.lru_cache(maxsize=16)
def _parsed(raw: bytes, pls: bool, name: str) -> tuple[Entry, ...]:
    return _from_pls(raw, name) if pls else _from_toml(raw, name)


def _from_toml(raw: bytes, name: str) -> tuple[Entry, ...]:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"lexicon {name} is not valid TOML: {exc}") from None
    return tuple(_entry(word, value, name) for word, value in data.items())


def _entry(word: str, value: object, name: str) -> Entry:
    """One lexicon entry: `"alias"` or `{ alias = "…", ipa = "…" }`; InputError otherwise."""
    if isinstance(value, str):
        return Entry(word, alias=value)
    if (
        isinstance(value, dict)
        and value
        and set(value) <= {"alias", "ipa"}
        and all(isinstance(v, str) and v.strip() for v in value.values())
    ):
        return Entry(word, alias=value.get("alias"), ipa=value.get("ipa"))
    raise InputError(f'lexicon {name}: "{word}" must be "alias" or {{ alias = "…", ipa = "…" }}')


def _from_pls(raw: bytes, name: str) -> tuple[Entry, ...]:
    """PLS entries, parsed by defusedxml refusing any DTD: no entity is ever expanded."""
    import defusedxml  # only PLS lexicons need an XML parser
    import defusedxml.ElementTree as SafeET

    try:
        root = SafeET.fromstring(raw, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise InputError(
            f"lexicon {name} declares entities (a <!DOCTYPE> DTD): remove the declaration, PLS needs none"
        ) from None
    except SafeET.ParseError as exc:
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


def apply_lexicon(text: str, entries: tuple[Entry, ...]) -> tuple[str | Pronunciation, ...]:
    """The text as pieces: every whole-word occurrence of a grapheme (any case, possessive kept)
    replaced by its alias, or by a `Pronunciation` (its IPA and alias) when the entry has IPA,
    which Piper speaks as phonemes and others as the alias; the text between as plain strings.

    Graphemes are tried longest first, only at words they can start with (indexed by their first
    word), so the cost follows the text, not the size of the lexicon."""
    if not entries:
        return _pieces([text])
    index = _index_of(entries)
    if index is None:
        return _pieces([text])
    out: list[str | Pronunciation] = []
    done = 0
    for word in _WORD.finditer(text):
        start = word.start()
        if start < done:
            continue
        candidates = index.get(word.group().lower())
        if candidates is None:
            continue
        pattern, said = candidates.compiled()
        found = pattern.match(text, start)
        if found is None:
            continue
        out += (text[done:start], said[(found.lastindex or 1) - 1])
        done = found.end()
    return _pieces([*out, text[done:]])


def _pieces(parts: list[str | Pronunciation]) -> tuple[str | Pronunciation, ...]:
    """`parts` with neighbouring strings joined and empty ones left out."""
    out: list[str | Pronunciation] = []
    for part in parts:
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] += part
        elif part:
            out.append(part)
    return tuple(out)


# A run of word characters not preceded by one: where a grapheme can begin.
_WORD = re.compile(r"(?<!\w)\w+")
_FIRST_WORD = re.compile(r"\w+")


@dataclass
class _Candidates:
    """The graphemes that start with one word, longest first, and what each is said as; their
    pattern is compiled when the word is first met (a lexicon has hundreds, a text meets few)."""

    keys: list[str]
    said: list[str | Pronunciation]
    _pattern: re.Pattern[str] | None = None

    def compiled(self) -> tuple[re.Pattern[str], list[str | Pronunciation]]:
        if self._pattern is None:
            alternatives = "|".join(f"({_grapheme_pattern(k)})" for k in self.keys)
            self._pattern = re.compile(rf"(?:{alternatives})(?!\w)", re.IGNORECASE)
        return self._pattern, self.said


_known: dict[int, tuple[tuple[Entry, ...], dict[str, _Candidates] | None]] = {}


def _index_of(entries: tuple[Entry, ...]) -> dict[str, _Candidates] | None:
    """`_compiled(entries)`, found by the tuple's identity first: hashing a lexicon of a thousand
    entries for every segment cost more than the lookup it served."""
    known = _known.get(id(entries))
    if known is not None and known[0] is entries:
        return known[1]
    if len(_known) >= 8:
        _known.clear()
    index = _known[id(entries)] = (entries, _compiled(entries))
    return index[1]


@functools.lru_cache(maxsize=8)
def _compiled(entries: tuple[Entry, ...]) -> dict[str, _Candidates] | None:
    """Per first word of the graphemes (lower case), the graphemes it can start, each matched as a
    whole word, longest first; the first entry for a grapheme wins."""
    by_key: dict[str, str | Pronunciation] = {}
    for entry in entries:
        if (entry.alias or entry.ipa) and _key(entry.grapheme) not in by_key:
            alias = entry.alias or entry.grapheme
            by_key[_key(entry.grapheme)] = Pronunciation(alias, entry.ipa) if entry.ipa else alias
    groups: dict[str, _Candidates] = {}
    for key in sorted(by_key, key=len, reverse=True):
        first = _FIRST_WORD.match(key)
        if first is None:  # a grapheme that starts with no letter or digit is never a whole word
            continue
        group = groups.setdefault(first.group(), _Candidates([], []))
        group.keys.append(key)
        group.said.append(by_key[key])
    return groups or None


def _grapheme_pattern(key: str) -> str:
    """A grapheme key as a pattern: any apostrophe for an apostrophe, any run of spaces for a space."""
    return "".join("['’]" if ch == "'" else r"\s+" if ch == " " else re.escape(ch) for ch in key)


def _key(grapheme: str) -> str:
    """A grapheme as it is matched: lower case, one kind of apostrophe, single spaces."""
    return " ".join(grapheme.replace("’", "'").split()).lower()


def _ends_in_letter(entry: Entry) -> bool:
    return entry.grapheme[-1:].isalpha() and not entry.grapheme.endswith(("'s", "’s"))
