"""The `Language` value: everything the stages need to know of one language, in one place.

A language module (`languages/en.py`, `fr.py`, ... or one in a package of its own, found through
the `audio_edition.languages` entry-point group) defines one `Language`; the registry finds it by
tag (`languages/registry.py`), and the pipeline hands the value down. No stage reads a language's
tables any other way, and no function below the pipeline takes a language tag string.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from audio_edition.languages.dates import english_day
from audio_edition.model import DropReason

Rule = Callable[[str], str]
"""One normalisation rule: speech text in, speech text out."""

LanguageFinder = Callable[[str | None], "Language"]
"""What finds the language of a tag (the registry's `Languages.find`), handed down to stages that
meet a tag while reading (a page's `lang`, a bulletin's articles)."""

SymbolWords = tuple[Mapping[str, str], Mapping[str, str], str]
"""How symbols are said: operators between two figures, before one, and the word for `#`."""


LABEL_TAIL = r"(\s*[:>\-–—|»]+.*)?"
"""What may follow a label on its line: `LIRE AUSSI : Le maire répond`, `Leggi anche >> …`."""
ANYWHERE = True  # a rule safe whatever the article's language
OWN_ONLY = False  # a rule read only in an article known to be in its language


class BoilerplateRule(NamedTuple):
    """A line the page furniture prints (`Lire aussi`), matched against a whole stripped line,
    case-insensitive; `anywhere`: also tried on an article whose language is not known."""

    reason: DropReason
    pattern: str
    anywhere: bool


def boilerplate_rules(*rows: tuple[DropReason, str, bool]) -> tuple[BoilerplateRule, ...]:
    """A language's boilerplate table from its rows: (reason, pattern, `ANYWHERE` or `OWN_ONLY`)."""
    return tuple(BoilerplateRule(*row) for row in rows)


@dataclass(frozen=True)
class Words:
    """One language's words as the speaker model reads them (all lowercase)."""

    code: str
    verbs: frozenset[str]  # said, a déclaré's `déclaré`, sagte, dijo
    according: tuple[tuple[str, ...], ...]  # ("according", "to"), ("selon",), ("de", "acordo", "com")
    after_comma: frozenset[str]  # according-words only after a comma or a quotation (German `so`)
    auxiliaries: frozenset[str]  # between a comma and a participle: `», a déclaré X`, `», ha detto X`
    inverted: frozenset[str]  # pronouns hyphenated after a verb: `dit-il`, `a-t-elle ajouté`
    pronouns: Mapping[str, str]  # subject pronouns with the gender they fit ("x": anyone)
    unnamed: frozenset[str]  # subject pronouns that name nobody (it, we, on, wir)
    skipped: frozenset[str]  # words between a subject and its verb (has, later, a, hat)
    not_subjects: frozenset[str]
    determiners: frozenset[str]
    definite: frozenset[str]  # the definite articles: `the minister` is a role
    days: frozenset[str]
    day_preposition: str  # `on` of `on Monday` ("" when days stand alone)
    phrase_end: frozenset[str]
    role_stops: frozenset[str]
    relatives: frozenset[str]  # words opening a clause after a comma: who, which, his
    stopwords: frozenset[str]  # capitalised words that are no part of a name
    titles: frozenset[str]
    honorifics: Mapping[str, str | None]
    org_words: frozenset[str]
    gendered: Mapping[str, str]  # pronouns that tell a person's gender
    adverb_ending: str  # `ly`: adverbs skipped between subject and verb ("" when none)
    title_cues: frozenset[str] = frozenset()  # words before a work's title, besides the English ones
    speaking_bodies: frozenset[str] = frozenset()  # last words of organisations that speak: ministry
    dotted: frozenset[str] = frozenset()  # words whose full stop ends no sentence in a name (`dr`)
    perfects: frozenset[str] = frozenset()  # participles that attribute only after `have`: written
    have: frozenset[str] = frozenset()  # the auxiliary of those: has, have, had
    neuter: frozenset[str] = frozenset()  # a pronoun that may stand for an organisation that spoke: it
    base: Words | None = (
        None  # the words this language's extend (English's), read when a page is plainly in them
    )


@dataclass(frozen=True, eq=False)
class Language:
    """One language as the stages read it. `tag` is the tag the article or `--lang` gave (`fr-CA`);
    `code` its primary subtag, by which the language was found. Compared by identity: the registry
    gives one value per tag."""

    code: str
    name: str  # in English: "French"
    iso639_2: str  # the three-letter code of ID3 and DAISY frames: "fra" ("und": not known)
    words: Words  # the speaker model's words
    tag: str = ""
    messages: Mapping[str, str] = field(default_factory=dict)  # the sentences the tool adds
    messages_in: str = ""  # the code of the language `messages` are in ("en" for one without its own)
    elided_before_vowel: tuple[str, ...] = ()  # message words elided before a vowel: "de" -> "d'"
    normalization: tuple[Rule, ...] = ()  # the rules that say figures and abbreviations, in order
    symbols: SymbolWords | None = None  # operators said as words (None: left for the engine)
    boilerplate: tuple[BoilerplateRule, ...] = ()  # furniture lines in this language
    reader_words: str = ""  # words showing a line addresses the reader (`notre|newsletter`)
    byline_words: str = ""  # what a byline opens with (`par|propos recueillis par`)
    name_glue: tuple[str, ...] = ()  # the word joining two names in a byline (`et`, `und`)
    dotted: frozenset[str] = frozenset()  # besides English's, words whose full stop ends no sentence (`dott`)
    dialogue_dashes: bool = False  # speech marked with dashes (`—Vamos —dijo—.`)
    punctuation_inside_quotes: bool = True  # `"Go," she said`: the comma belongs to the quotation
    day: Callable[[dt.date], str] = english_day  # a calendar day said in the opening and in text
    written_date: re.Pattern[str] | None = None  # a written date in a dateline (English: `March 3, 2026`)
    espeak_voice: str = ""  # espeak-ng's voice (default: the code)
    gtts_code: str = ""  # Google's language code (default: the code)
    known: bool = True  # False: no module of its own; English words and messages stand in

    @property
    def has_messages(self) -> bool:
        """Whether the tool's sentences are said in this language (else English, with a note)."""
        return self.messages_in == self.code

    def __repr__(self) -> str:
        return f"Language({self.tag or self.code!r})"
