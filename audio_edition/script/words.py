"""The word classes the speaker model reads, per language: English here, the others loaded on first use.

`Words` holds what `names`, `subjects`, `people` and `attribution` need to know of a language: its
speech verbs, the words that say `according to`, its pronouns, determiners, titles, honorifics and
the capitalised words that open sentences but are nobody's name. English is built here from the
tables that were always the model's; French, German, Spanish, Italian and Portuguese come from
`words_languages.py`, read the first time an article in one of them is attributed. Every other
language falls back to English (its names and quotation marks still count; its verbs do not).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from audio_edition.script.speech_verbs import SPEECH_VERBS
from audio_edition.text.abbreviations import DOTTED_BY_LANGUAGE, DOTTED_WORDS
from audio_edition.text.languages import language_key


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
    dotted: frozenset[str] = DOTTED_WORDS  # words whose full stop ends no sentence in a name (`dr`)
    perfects: frozenset[str] = frozenset()  # participles that attribute only after `have`: written
    have: frozenset[str] = frozenset()  # the auxiliary of those: has, have, had
    neuter: frozenset[str] = frozenset()  # a pronoun that may stand for an organisation that spoke: it


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": None, "dr": None, "prof": None, "sir": "m",
    "dame": "f", "lord": "m", "lady": "f", "madam": "f", "madame": "f", "monsieur": "m", "herr": "m",
    "frau": "f", "rev": None, "reverend": None,
}  # fmt: skip

ENGLISH = Words(
    code="en",
    verbs=SPEECH_VERBS,
    according=(("according", "to"),),
    after_comma=frozenset(),
    auxiliaries=frozenset(),
    inverted=frozenset(),
    pronouns={"he": "m", "she": "f", "they": "x"},
    unnamed=_set("it we i you"),
    skipped=_set(
        """has have had was is also later then again once earlier previously further still often would
        will could did does last since just already"""
    ),
    not_subjects=_set(
        """the a an of in on for to his her their its our my your this that as and or but with by from
        at was were be been being"""
    ),
    determiners=_set("the a an"),
    definite=_set("the"),
    days=_set("monday tuesday wednesday thursday friday saturday sunday"),
    day_preposition="on",
    phrase_end=_set("of who which that on in at and"),
    role_stops=_set("of who which that on in at and for from with"),
    relatives=_set("who which his her their"),
    stopwords=_set(
        """the a an this that these those in on at for with from by of to after before while when where
        despite meanwhile recently however but and or if as yet so also then now today yesterday
        tomorrow last earlier later commenting according speaking asked his her their its our my your we
        i he she they it although though since because until during under over among between following
        like unlike both each every some many most such what which who why how here there still even just
        only instead indeed overall finally initially separately elsewhere nevertheless moreover
        furthermore read monday tuesday wednesday thursday friday saturday sunday"""
    ),
    titles=_set(
        """president vice prime minister secretary spokesperson spokesman spokeswoman chancellor chief
        director chairman chairwoman chair senator governor mayor king queen prince princess pope general
        colonel captain commander ambassador envoy commissioner deputy foreign defence defense former
        acting head leader judge professor doctor representative congressman congresswoman speaker
        councillor councilor officer sergeant lieutenant admiral marshal coach manager founder premier
        emperor archbishop bishop cardinal sen gov gen col capt lt sgt rep master harbor harbour sheriff
        detective inspector superintendent supt det insp attorney justice rabbi imam principal dean
        alderman councilman councilwoman assemblyman assemblywoman delegate trooper constable treasurer
        auditor comptroller whip sheikh emir ayatollah patriarch corporal major cllr executive ceo
        chairperson minister-president president-elect secretary-general director-general
        governor-general teacher trucker nurse driver farmer student resident commuter lawyer activist
        analyst economist historian scientist researcher engineer pilot worker owner shopkeeper fisherman
        fisher baker chef singer actor actress artist author writer novelist poet journalist reporter
        photographer campaigner organiser organizer volunteer voter shopper parent pensioner retiree
        veteran witness survivor neighbour neighbor landlord tenant firefighter paramedic surgeon midwife
        priest pastor vicar meteorologist forecaster climatologist geologist glaciologist"""
    ),
    honorifics=_HONORIFICS,
    org_words=_set(
        """office council ministry department committee agency party union bank group university court
        house company corporation corp inc ltd association institute foundation commission parliament
        assembly government army forces police service news times post security network press media
        organisation organization federation league club fund board authority embassy kremlin pentagon
        congress senate nations states republic kingdom city county province region street square
        operation operations exercise campaign festival summit olympics championship tournament awards"""
    ),
    speaking_bodies=_set(
        """ministry ministries department office council committee agency authority commission
        government police court prosecutors company corporation association institute foundation
        federation league club board embassy coalition union party army military parliament
        assembly university hospital service services press house"""
    ),
    gendered=dict.fromkeys(("he", "him", "his", "himself"), "m")
    | dict.fromkeys(("she", "her", "hers", "herself"), "f"),
    adverb_ending="ly",
    perfects=_set("written"),
    have=_set("has have had"),
    neuter=_set("it"),
)


@functools.cache
def words_for(language: str | None) -> Words:
    """The words of `language` (a code such as `fr` or `pt-BR`); English for a language not tabled."""
    code = language_key(language)
    if code == "en":
        return ENGLISH
    from audio_edition.script.words_languages import TABLES  # read on the first article that needs it

    table = TABLES.get(code)
    if table is None:
        return ENGLISH
    return Words(
        code=code,
        verbs=_set(table["verbs"]),
        according=tuple(tuple(phrase.split()) for phrase in table["according"].split(",")),
        after_comma=_set(table.get("after_comma", "")),
        auxiliaries=_set(table["auxiliaries"]),
        inverted=_set(table.get("inverted", "")),
        pronouns=dict(pair.split(":") for pair in table["pronouns"].split()),
        unnamed=_set(table["unnamed"]),
        skipped=_set(table["auxiliaries"] + " " + table["skipped"]),
        not_subjects=_set(table["not_subjects"]),
        determiners=_set(table["determiners"]),
        definite=_set(table["definite"]),
        days=_set(table["days"]),
        day_preposition="",
        phrase_end=_set(table["phrase_end"]),
        role_stops=_set(table["phrase_end"] + " " + table.get("role_stops", "")),
        relatives=_set(table["relatives"]),
        stopwords=ENGLISH.stopwords | _set(table["stopwords"]) | _set(table["days"]),
        titles=_titles(ENGLISH.titles | _set(table["titles"]), table.get("title_heads", "")),
        honorifics=dict(ENGLISH.honorifics)
        | {k: (None if g == "-" else g) for k, g in (p.split(":") for p in table["honorifics"].split())},
        org_words=ENGLISH.org_words | _set(table["org_words"]),
        gendered=dict(pair.split(":") for pair in table["gendered"].split()),
        adverb_ending=table.get("adverb_ending", ""),
        title_cues=_set(table["title_cues"]),
        dotted=DOTTED_WORDS | DOTTED_BY_LANGUAGE.get(code, frozenset()),
    )


def reading_words(language: str | None, texts: Iterable[str]) -> Words:
    """The words to read an article with: those of its declared `language`, unless the text is
    plainly English (a page that declares another language and is written in English): English
    function words at least `_PLAIN` times as many as the declared language's own, and 20 or more."""
    declared = words_for(language)
    if declared is ENGLISH:
        return declared
    own, english = declared.not_subjects - ENGLISH.not_subjects, ENGLISH.not_subjects - declared.not_subjects
    counts = Counter(w.lower() for text in texts for w in _WORD.findall(text))
    theirs, ours = sum(counts[w] for w in own), sum(counts[w] for w in english)
    return ENGLISH if ours >= 20 and ours >= _PLAIN * theirs else declared


_WORD = re.compile(r"[^\W\d_]+")
_PLAIN = 3


class CompoundTitles(frozenset[str]):
    """Titles of a language that builds them as compounds (German): a word is one when it is in
    the set, or ends in one of `heads` after a stem of its own (`Fraktionschef`, `Pressesprecherin`)."""

    heads: tuple[str, ...] = ()

    def __contains__(self, word: object) -> bool:
        if super().__contains__(word):
            return True
        return isinstance(word, str) and any(word.endswith(h) and len(word) >= len(h) + 3 for h in self.heads)


def _titles(titles: frozenset[str], heads: str) -> frozenset[str]:
    """The titles, as compounds of `heads` (space-separated) too when the language has any."""
    if not heads.split():
        return titles
    compound = CompoundTitles(titles)
    compound.heads = tuple(heads.split())
    return compound
