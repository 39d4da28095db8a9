"""German: everything the stages need to know of it (see `languages/language.py`).

German figures and abbreviations said as a German newsreader says them: the normalisation rules of `de`
(golden cases in tests/script/test_normalize_languages.py)."""

from __future__ import annotations

import re

from audio_edition.languages.builders import Noun, Tables, shared_rules, word
from audio_edition.languages.dates import babel_day
from audio_edition.languages.en_words import ENGLISH_WORDS
from audio_edition.languages.language import ANYWHERE, LABEL_TAIL, Language, boilerplate_rules
from audio_edition.languages.numbers import number_rule, ordinal, whole
from audio_edition.languages.words_table import words_from_table
from audio_edition.model import DropReason as R

_NAME = r"(?=\s+[A-ZÄÖÜ])"
DAY = babel_day("de")
TABLES = Tables(
    lang="de",
    day=DAY,
    percent="Prozent",
    currencies={
        "€": Noun("Euro", "Euro"),
        "EUR": Noun("Euro", "Euro"),
        "$": Noun("Dollar", "Dollar"),
        "USD": Noun("Dollar", "Dollar"),
        "£": Noun("Pfund", "Pfund"),
        "CHF": Noun("Franken", "Franken"),
    },
    magnitudes={
        "Mrd.": Noun("Milliarde", "Milliarden"),
        "Mrd": Noun("Milliarde", "Milliarden"),
        "Mio.": Noun("Million", "Millionen"),
        "Mio": Noun("Million", "Millionen"),
        "Bio.": Noun("Billion", "Billionen"),
        "Tsd.": Noun("Tausend", "Tausend", link=False),
    },
    cents=" ",
    of="",
    singular_below_two=False,
    units={
        "km/h": Noun("Kilometer pro Stunde", "Kilometer pro Stunde"),
        "km": Noun("Kilometer", "Kilometer"),
        "kg": Noun("Kilogramm", "Kilogramm"),
        "cm": Noun("Zentimeter", "Zentimeter"),
        "mm": Noun("Millimeter", "Millimeter"),
        "m": Noun("Meter", "Meter"),
        "°C": Noun("Grad Celsius", "Grad Celsius"),
    },
    abbreviations=(
        (r"(?<![\w.])z\.\s?B\.", "zum Beispiel"),
        (r"(?<![\w.])d\.\s?h\.", "das heißt"),
        (r"(?<![\w.])u\.\s?a\.", "unter anderem"),
        (r"(?<![\w.])v\.\s?a\.", "vor allem"),
        (r"(?<![\w.])o\.\s?ä\.", "oder ähnlich"),
        (r"(?<![\w.])v\.\s?Chr\.", "vor Christus"),
        (r"(?<![\w.])n\.\s?Chr\.", "nach Christus"),
        (word("usw."), "und so weiter"),
        (word("bzw."), "beziehungsweise"),
        (word("ca."), "circa"),
        (word("evtl."), "eventuell"),
        (word("ggf."), "gegebenenfalls"),
        (word("inkl."), "inklusive"),
        (word("Nr.") + r"(?=\s?\d)", "Nummer"),
        (word("Dr.") + _NAME, "Doktor"),
        (word("Prof.") + _NAME, "Professor"),
        (word("Hr.") + _NAME, "Herr"),
        (word("Fr.") + _NAME, "Frau"),
        (word("St.") + _NAME, "Sankt"),
        (r"(?<=[a-zäöüß])str\.(?=\s+\d)", "straße"),
        (word("Str.") + r"(?=\s+\d)", "Straße"),
    ),
    operators={
        "<=": "kleiner oder gleich",
        ">=": "größer oder gleich",
        "≤": "kleiner oder gleich",
        "≥": "größer oder gleich",
        "<": "kleiner als",
        ">": "größer als",
        "=": "gleich",
        "+": "plus",
        "×": "mal",
        "±": "plus minus",
    },
    dot="Punkt",
    at="at",
    and_="und",
    minus="minus",
    to="bis",
)
_FEMININE = frozenset(
    "Million Milliarde Billion Stunde Minute Sekunde Person Woche Tonne Frau Stimme Seite".split()
)
_MONTHS = (
    "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    "Jan\\.|Feb\\.|Mär\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\."
)
# The ending of an ordinal after these words: "am dritten", "der dritte", and bare "dritter März".
_DATIVE = r"am|vom|zum|beim|im|ab|seit|bis|dem|den"
_NOMINATIVE = r"der|die|das"


def _agree(said: str, following: str) -> str:
    """`eins` becomes `eine` before a feminine noun, `ein` before any other ("ein Uhr", "eine Million")."""
    if not said.endswith("eins") or not following[:1].isupper() or following == "Komma":
        return said
    return said[:-1] + ("e" if following in _FEMININE else "")


def _year(written: str, following: str) -> bool:
    """Four figures from 1100 to 1999 not counting a noun are a year ("neunzehnhundertneunundneunzig")."""
    return written.isdigit() and 1100 <= int(written) <= 1999 and not following[:1].isupper()


def ordinals(text: str) -> str:
    """`am 3. März` -> am dritten März, `der 2. Weltkrieg` -> der zweite, `3. März 2026` -> dritter März."""

    def say(match: re.Match[str]) -> str:
        before, number = match.group(1) or "", int(match.group(2))
        said = ordinal(number, "de")
        if before and re.fullmatch(_DATIVE, before.strip(), re.IGNORECASE):
            return f"{before}{said}n"
        if before and re.fullmatch(_NOMINATIVE, before.strip(), re.IGNORECASE):
            return f"{before}{said}"
        return f"{before}{said}r"

    month = rf"(?=\s*(?:(?:bis|und|[-–])\s*\d{{1,2}}\.\s*)?(?:{_MONTHS}))"
    text = re.sub(rf"(\b\w+\s+)?(?<![\d.,])(\d{{1,2}})\.{month}", say, text)
    return re.sub(
        rf"(\b(?:{_DATIVE}|{_NOMINATIVE})\s+)(\d{{1,3}})\.(?=\s+[A-ZÄÖÜ][a-zäöüß])",
        say,
        text,
        flags=re.IGNORECASE,
    )


def times(text: str) -> str:
    """`8.30 Uhr`, `20:30` -> acht Uhr dreißig, zwanzig Uhr dreißig; `20.00 Uhr` -> zwanzig Uhr."""

    def say(match: re.Match[str]) -> str:
        hours, minutes = int(match.group(1)), int(match.group(2))
        said = f"{_agree(whole(hours, 'de'), 'Uhr')} Uhr"
        return said + (f" {whole(minutes, 'de')}" if minutes else "")

    text = re.sub(r"(?<![\w.,:])([01]?\d|2[0-3])[.:]([0-5]\d)\s?Uhr(?!\w)", say, text)
    return re.sub(r"(?<![\w.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\w:])", say, text)


BOILERPLATE = boilerplate_rules(
    (
        R.READ_ALSO,
        r"(lesen sie (auch|mehr)|mehr zum thema|auch interessant|das könnte sie auch interessieren|"
        r"siehe auch|weiterlesen)" + LABEL_TAIL,
        ANYWHERE,
    ),
    (R.ADVERTISEMENT, r"(anzeige|werbung|gesponsert)\s*[:.]?", ANYWHERE),
    (R.SHARE, r"(artikel )?teilen( (auf|per|via)\b.{0,60})?", ANYWHERE),
    (
        R.SUBSCRIBE,
        r"(jetzt )?(abonnieren|abonnement abschließen|(kostenlos )?registrieren)\b.{0,100}",
        ANYWHERE,
    ),
    (R.FOLLOW_US, r"folgen sie uns (auf|bei)\b.{0,80}", ANYWHERE),
    (
        R.CONTINUE_READING,
        r"((der )?artikel (geht|wird) (unter|nach) (der|dieser) (anzeige|werbung) weiter|"
        r"weiter nach der (anzeige|werbung))\.?",
        ANYWHERE,
    ),
    (R.COMMENTS, r"(\d+\s+)?kommentare?\s*[:.]?", ANYWHERE),
    (R.COPYRIGHT, r".{0,120}\balle rechte vorbehalten\.?", ANYWHERE),
    (R.PHOTO_CREDIT, r"(foto|fotos|bild|bilder|grafik)\s*[:/|]\s*.{0,150}", ANYWHERE),
    (R.DOWNLOAD_APP, r"(laden sie|holen sie sich) (unsere|die) .{0,30}app\b.{0,80}", ANYWHERE),
    (R.READING_TIME, r"lesezeit\s*:?\s*\d+\s*min(uten)?\.?|\d+\s*min(uten)?\.? lesezeit", ANYWHERE),
    (R.LISTEN, r"(artikel|beitrag) (anhören|vorlesen lassen)\b.{0,40}", ANYWHERE),
    (R.TAGS, r"(schlagworte|schlagwörter|themen)\s*:.{0,200}", ANYWHERE),
    (R.CLICK_HERE, r"(klicken sie hier|hier klicken)\b.*", ANYWHERE),
    (R.PRINT, r"(artikel )?drucken", ANYWHERE),
)

WORDS_TABLE = {
    "title_cues": """titel namens genannt buch lied roman
        serie sendung stück ausstellung gedicht schlagzeile motto""",
    "verbs": """sagte sagt sagten gesagt erklärte erklärt erklärten betonte betont betonten meinte
        meint ergänzte ergänzt berichtete berichtet warnte warnt warnten kritisierte kritisiert
        forderte fordert versicherte versichert bestätigte bestätigt antwortete antwortet schrieb
        schreibt unterstrich unterstreicht erläuterte erläutert mahnte mahnt äußerte äußert
        sprach spricht fügte räumte teilte kündigte stellte""",
    "according": "laut, so, zufolge",
    "after_comma": "so",
    "auxiliaries": "hat habe hatte haben hatten",
    "pronouns": "er:m sie:f",
    "unnamed": "wir ich man es du ihr",
    "skipped": "auch dann noch bereits zudem außerdem später zuvor jedoch",
    "not_subjects": """der die das den dem des ein eine einen einem einer eines und oder aber mit
        von zu in im am auf für aus bei nach sein seine ihr ihre war ist sei""",
    "determiners": "der die das den dem des ein eine einen einem einer eines",
    "definite": "der die das den dem des",
    "days": "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "phrase_end": "von der des die das und in im am auf für mit",
    "role_stops": "aus bei",
    "relatives": "der die das den dem dessen deren sein seine ihr ihre",
    "stopwords": """der die das den dem des ein eine in im am an auf für mit von nach vor bei seit
        während wenn als wo aber und oder auch so dann heute gestern morgen laut zudem außerdem
        jedoch trotzdem dennoch er sie es wir ich ihr man sein seine ihre dieser diese dieses
        zum zur vom beim über unter gegen ohne durch wie doch""",
    "titles": """präsident präsidentin bundespräsident bundespräsidentin bundeskanzler
        bundeskanzlerin kanzler kanzlerin minister ministerin bürgermeister bürgermeisterin
        oberbürgermeister oberbürgermeisterin sprecher sprecherin regierungssprecher
        regierungssprecherin direktor direktorin chefin vorsitzender vorsitzende abgeordneter
        abgeordnete senatorin richter richterin professorin doktor geschäftsführer
        geschäftsführerin leiter leiterin experte expertin anwalt anwältin landrat landrätin""",
    # compound titles end in one of these (`Fraktionschef`, `Pressesprecherin`, `Landesvorsitzende`)
    "title_heads": """chef chefin sprecher sprecherin leiter leiterin vorsitzender vorsitzende
        minister ministerin präsident präsidentin direktor direktorin""",
    "honorifics": "herr:m frau:f",
    "org_words": """ministerium regierung bundesregierung partei gewerkschaft bank gruppe universität
        gericht gesellschaft verein institut stiftung kommission polizei stadt land bundestag
        senat rathaus verband behörde amt""",
    "gendered": "er:m",
}

# Titles whose full stop ends no sentence in a name (`Mme. Roux`), besides English's.
DOTTED = frozenset("hr fr dr prof str nr bzw".split())

LANGUAGE = Language(
    code="de",
    name="German",
    iso639_2="deu",
    words=words_from_table("de", WORDS_TABLE, ENGLISH_WORDS, DOTTED),
    tag="de",
    messages={
        "show": "{show}.",
        "byline": "Von {name}",
        "date": "{date}",
        "listened_title_show": "Sie hörten {title}, von {show}.",
        "listened_title": "Sie hörten {title}.",
        "listened_show": "Sie hörten {show}.",
        "disclosure": "Diese Ausgabe wurde von einer synthetischen Stimme gelesen.",
        "untitled": "Ohne Titel",
        "voice_credit": "Synthetische Stimme: {voice}",
        "read_by": "Gelesen von einer synthetischen Stimme.",
        "bulletin_title": "Nachrichten vom {date}",
        "bulletin_opening_show": "Hier ist {show} mit den Nachrichten vom {date}.",
        "bulletin_opening": "Die Nachrichten vom {date}.",
        "bulletin_headlines": "Die Schlagzeilen des Tages:",
        "bulletin_headlines_chapter": "Schlagzeilen",
        "bulletin_closing_show": "Das waren die Nachrichten vom {date}, von {show}.",
        "bulletin_closing": "Das waren die Nachrichten vom {date}.",
    },
    elided_before_vowel=(),
    normalization=(*shared_rules(TABLES), times, ordinals, number_rule("de", _agree, _year)),
    boilerplate=BOILERPLATE,
    reader_words=r"unser\w*|newsletter|kostenlos|jetzt|hier|angebot|€",
    byline_words=r"von|text:?",
    name_glue=("und",),
    dotted=DOTTED,
    dialogue_dashes=False,
    punctuation_inside_quotes=False,
    day=DAY,
)
