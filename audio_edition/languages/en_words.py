"""The English speaker model's words (the base every other language's words extend)."""

from __future__ import annotations

from audio_edition.languages.abbreviations import DOTTED_WORDS
from audio_edition.languages.language import Words

SPEECH_VERBS = frozenset(
    """acknowledge acknowledged acknowledges add added adds admit admits admitted announce announced
    announces answered argue argued argues ask asked asks assert asserted asserts assured assures cautioned
    claim claimed claims commented comments complained concede conceded concedes concluded concludes confirmed
    continue continued countered cried declare declared declares emphasised emphasized exclaimed
    explain explained explains insist insisted insists joked lamented laughed maintained mused note
    noted notes observed pleaded pledged posted predicted promised quipped recall recalled recalls
    recounted reflected remark remarked remembered replied replies reply respond responded responds
    said say says shouted stated stress stressed stresses suggested tell tells testified told tweet
    tweeted urged vowed warn warned warns whispered write writes wrote""".split()
)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": None, "dr": None, "prof": None, "sir": "m",
    "dame": "f", "lord": "m", "lady": "f", "madam": "f", "madame": "f", "monsieur": "m", "herr": "m",
    "frau": "f", "rev": None, "reverend": None,
}  # fmt: skip

ENGLISH_WORDS = Words(
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
    dotted=DOTTED_WORDS,
)
