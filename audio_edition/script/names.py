"""People's names in running text: tokens, sentences, name runs, and names cleaned of titles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from audio_edition.text.abbreviations import DOTTED_WORDS

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+|\S")
_PREFIXED = re.compile(r"(?:al|el|ad|as|bin|ibn|d|l)[-'’][^\W\d_]", re.IGNORECASE)

PARTICLES = frozenset("de da di du del della der den van von la le bin ibn al el ter ten zu dos das".split())
DETERMINERS = frozenset({"the", "a", "an"})
HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": None, "dr": None, "prof": None, "sir": "m",
    "dame": "f", "lord": "m", "lady": "f", "madam": "f", "madame": "f", "monsieur": "m", "herr": "m",
    "frau": "f", "rev": None, "reverend": None,
}  # fmt: skip
TITLES = frozenset(
    """president vice prime minister secretary spokesperson spokesman spokeswoman chancellor chief
    director chairman chairwoman chair senator governor mayor king queen prince princess pope general
    colonel captain commander ambassador envoy commissioner deputy foreign defence defense former acting
    head leader judge professor doctor representative congressman congresswoman speaker councillor
    councilor officer sergeant lieutenant admiral marshal coach manager founder premier emperor
    archbishop bishop cardinal sen gov gen col capt lt sgt rep master harbor harbour sheriff detective
    inspector superintendent supt det insp attorney justice rabbi imam principal dean alderman
    councilman councilwoman assemblyman assemblywoman delegate trooper constable treasurer auditor
    comptroller whip sheikh emir ayatollah patriarch corporal major cllr executive ceo chairperson
    minister-president president-elect secretary-general director-general governor-general teacher
    trucker nurse driver farmer student resident commuter lawyer activist analyst economist historian
    scientist researcher engineer pilot worker owner shopkeeper fisherman fisher baker chef singer
    actor actress artist author writer novelist poet journalist reporter photographer campaigner
    organiser organizer volunteer voter shopper parent pensioner retiree veteran witness survivor
    neighbour neighbor landlord tenant firefighter paramedic surgeon midwife priest pastor vicar
    meteorologist forecaster climatologist geologist glaciologist spokesperson""".split()
)
STOPWORDS = frozenset(
    """the a an this that these those in on at for with from by of to after before while when where
    despite meanwhile recently however but and or if as yet so also then now today yesterday tomorrow
    last earlier later commenting according speaking asked his her their its our my your we i he she
    they it although though since because until during under over among between following like unlike
    both each every some many most such what which who why how here there still even just only instead
    indeed overall finally initially separately elsewhere nevertheless moreover furthermore read
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
ORG_WORDS = frozenset(
    """office council ministry department committee agency party union bank group university court
    house company corporation corp inc ltd association institute foundation commission parliament
    assembly government army forces police service news times post security network press media
    organisation organization federation league club fund board authority embassy kremlin pentagon
    congress senate nations states republic kingdom city county province region street square""".split()
)
ABBREVIATIONS = DOTTED_WORDS  # `Dr.`, `Mrs.`: the full stop ends no sentence


@dataclass(frozen=True)
class Token:
    """A word, a punctuation mark, or (when `quote` >= 0) a whole span of quotation `quote`."""

    text: str
    start: int
    quote: int = -1
    terminal: bool = False  # a quotation span whose words end with . ! ? or …

    @property
    def word(self) -> str:
        """The token's text if it is a word of running text, else the empty string."""
        return self.text if self.quote < 0 and self.text[0].isalpha() else ""


@dataclass(frozen=True)
class Name:
    """A person's name as written, with what the words before it said about them."""

    words: tuple[str, ...]
    gender: str | None = None  # "m" or "f", from an honorific
    role: str | None = None  # the title before the name, lowercased ("president")
    honorific: bool = False

    @property
    def text(self) -> str:
        """The name as one string."""
        return " ".join(self.words)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words (letters, inner hyphens and apostrophes), numbers and single punctuation marks."""
    return [Token(m.group(), offset + m.start()) for m in _TOKEN.finditer(text)]


def is_possessive(word: str) -> bool:
    """`Ukraine’s`, `Peskov's`."""
    return len(word) > 2 and word[-2:] in ("’s", "'s")


def bare(word: str) -> str:
    """A word without a possessive ending or trailing dot."""
    return (word[:-2] if is_possessive(word) else word).rstrip(".")


def capitalised(word: str) -> bool:
    """A word that can be part of a name: capitalised, an acronym, or `al-Assad`, `d’Estaing`."""
    return bool(word) and (word[0].isupper() or bool(_PREFIXED.match(word)))


def _acronym(word: str) -> bool:
    return len(bare(word)) > 1 and bare(word).isupper()


def _joins(tokens: Sequence[Token], j: int) -> bool:
    """Token `j` can sit inside a name run (a name word, a particle, or the dot of `Dr.` or `J.`)."""
    word = tokens[j].word
    if word:
        return capitalised(word) or word in PARTICLES
    if tokens[j].text != "." or j == 0:
        return False
    before = tokens[j - 1].word
    return before[:1].isupper() and (len(before) == 1 or before.lower() in ABBREVIATIONS)


def name_run(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The token range [lo, hi) of the run of name words around token `i`, if `i` is a name word."""
    if not capitalised(tokens[i].word):
        return None
    lo, hi = i, i + 1
    while lo > 0 and _joins(tokens, lo - 1) and not is_possessive(tokens[lo - 1].text):
        lo -= 1
    while hi < len(tokens) and _joins(tokens, hi) and not is_possessive(tokens[hi - 1].text):
        hi += 1
    while tokens[lo].word in PARTICLES or tokens[lo].text == ".":
        lo += 1
    while tokens[hi - 1].word in PARTICLES or tokens[hi - 1].text == ".":
        hi -= 1
    return lo, hi


def run_words(tokens: Sequence[Token], lo: int, hi: int) -> list[str]:
    """The words of a run, dots joined to the word before them (`Dr.`, `J.`)."""
    words: list[str] = []
    for token in tokens[lo:hi]:
        if token.text == "." and words:
            words[-1] += "."
        else:
            words.append(token.text)
    return words


def clean_name(words: Sequence[str]) -> Name | None:
    """The person's name in a run of capitalised words, leaving out titles, honorifics and function words.

    Honorifics (`Dr.`, `Mrs`) are left out of the name but remembered as gender; a title (`US President`)
    is remembered as the role. Returns None for organisations, bare titles and runs after `The`.
    """
    cut, gender, role, honorific, determiner = -1, None, None, False, False
    for k, word in enumerate(words[:-1]):
        key = bare(word).lower()
        if key in HONORIFICS or key in TITLES or key in STOPWORDS or _acronym(word):
            cut, gender, honorific = k, HONORIFICS.get(key), key in HONORIFICS
            role = key if key in TITLES else None
            determiner = key in DETERMINERS
    name = list(words[cut + 1 :])
    name[-1] = name[-1][:-2] if is_possessive(name[-1]) else name[-1]
    keys = [w.lower() for w in name]
    if determiner or not name or any(k in ORG_WORDS for k in keys):
        return None
    if len(name) == 1 and (keys[0] in TITLES or keys[0] in STOPWORDS or _acronym(name[0])):
        return None
    if sum(k not in PARTICLES for k in keys) > 4:
        return None
    return Name(tuple(name), gender, role, honorific)


def name_at(tokens: Sequence[Token], i: int) -> tuple[Name | None, int, int] | None:
    """The cleaned name of the run around token `i` with the run's bounds, if `i` is a name word."""
    run = name_run(tokens, i)
    if run is None:
        return None
    lo, hi = run
    name = clean_name(run_words(tokens, lo, hi))
    after_the = lo > 0 and tokens[lo - 1].word.lower() in DETERMINERS
    if name is not None and after_the and name.role is None and not name.honorific:
        name = None  # "the Kremlin", "the Guardian"
    return name, lo, hi


def sentences(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token ranges [lo, hi) of the sentences of a block's running text."""
    out: list[tuple[int, int]] = []
    lo = 0
    for i in range(len(tokens)):
        if _ends_sentence(tokens, i):
            out.append((lo, i + 1))
            lo = i + 1
    if lo < len(tokens):
        out.append((lo, len(tokens)))
    return out


def _ends_sentence(tokens: Sequence[Token], i: int) -> bool:
    """A full stop (not of `Dr.` or an initial) or a quotation ending in one, before a new sentence."""
    token = tokens[i]
    if token.quote >= 0:
        if not token.terminal:
            return False
    elif token.text not in ".!?…" or (token.text == "." and _joins(tokens, i)):
        return False
    if i + 1 == len(tokens):
        return True
    nxt = tokens[i + 1]
    return nxt.quote >= 0 or nxt.text[0].isupper() or nxt.text in "(“‘\"'"
