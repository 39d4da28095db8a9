"""Italian: everything the stages need to know of it (see `languages/language.py`).

Italian figures and abbreviations said as an Italian newsreader says them: the normalisation rules of `it`
(golden cases in tests/script/test_normalize_languages.py)."""

from __future__ import annotations

import re

from audio_edition.languages.builders import Noun, Tables, shared_rules, word
from audio_edition.languages.dates import babel_day
from audio_edition.languages.en_words import ENGLISH_WORDS
from audio_edition.languages.language import ANYWHERE, LABEL_TAIL, OWN_ONLY, Language, boilerplate_rules
from audio_edition.languages.numbers import number_rule, ordinal, whole
from audio_edition.languages.words_table import words_from_table
from audio_edition.model import DropReason as R

_NAME = r"(?=\s+[A-ZÀÈÉÌÒÙ])"
DAY = babel_day("it", "1º")
TABLES = Tables(
    lang="it",
    day=DAY,
    percent="per cento",
    currencies={
        "€": Noun("euro", "euro"),
        "EUR": Noun("euro", "euro"),
        "$": Noun("dollaro", "dollari"),
        "USD": Noun("dollaro", "dollari"),
        "£": Noun("sterlina", "sterline"),
    },
    magnitudes={
        "mld.": Noun("miliardo", "miliardi"),
        "mld": Noun("miliardo", "miliardi"),
        "mrd": Noun("miliardo", "miliardi"),
        "mln.": Noun("milione", "milioni"),
        "mln": Noun("milione", "milioni"),
        "mila": Noun("mila", "mila", link=False),
    },
    cents=" e ",
    of="di",
    singular_below_two=False,
    units={
        "km/h": Noun("chilometro orario", "chilometri orari"),
        "km": Noun("chilometro", "chilometri"),
        "kg": Noun("chilo", "chili"),
        "cm": Noun("centimetro", "centimetri"),
        "mm": Noun("millimetro", "millimetri"),
        "m": Noun("metro", "metri"),
        "°C": Noun("grado", "gradi"),
    },
    abbreviations=(
        (word("Sig.ra"), "Signora"),
        (word("Sig.na"), "Signorina"),
        (word("Sigg.") + _NAME, "Signori"),
        (word("Sig.") + _NAME, "Signor"),
        (word("Dott.ssa"), "Dottoressa"),
        (word("Dott.") + _NAME, "Dottor"),
        (word("Prof.ssa"), "Professoressa"),
        (word("Prof.") + _NAME, "Professor"),
        (word("Avv.") + _NAME, "Avvocato"),
        (word("Ing.") + _NAME, "Ingegner"),
        (word("On.") + _NAME, "Onorevole"),
        (r"(?<![\w.])(?:n\.|nº|n°)\s?(?=\d)", "numero "),
        (r"(?<![\w.])p\.\s?es\.", "per esempio"),
        (r"(?<![\w.])a\.\s?C\.", "avanti Cristo"),
        (r"(?<![\w.])d\.\s?C\.", "dopo Cristo"),
        (word("ecc."), "eccetera"),
    ),
    operators={
        "<=": "minore o uguale a",
        ">=": "maggiore o uguale a",
        "≤": "minore o uguale a",
        "≥": "maggiore o uguale a",
        "<": "minore di",
        ">": "maggiore di",
        "=": "uguale a",
        "+": "più",
        "×": "per",
        "±": "più o meno",
    },
    dot="punto",
    at="chiocciola",
    and_="e",
    minus="meno",
    to="a",
)
_FEMININE = frozenset(
    "ora ore persona persone sterlina sterline settimana settimane tonnellata tonnellate volta volte "
    "donna donne vittima vittime pagina pagine".split()
)
_NOT_NOUNS = frozenset("virgola e o a di da per in con tra fra su meno più".split())


def _agree(said: str, following: str) -> str:
    """`uno` becomes `una` before a feminine noun and `un` before any other ("un milione")."""
    if said != "uno" or not following.isalpha() or following.lower() in _NOT_NOUNS:
        return said
    return "una" if following.lower() in _FEMININE else "un"


def ordinals(text: str) -> str:
    """`1º` -> primo, `3ª` -> terza (the degree sign typed for `º` too, before a word)."""
    text = re.sub(r"(?<![\w.,])(\d{1,3})(?:º|°(?=\s+[a-z]))", lambda m: ordinal(int(m.group(1)), "it"), text)
    return re.sub(r"(?<![\w.,])(\d{1,3})ª", lambda m: ordinal(int(m.group(1)), "it", feminine=True), text)


def times(text: str) -> str:
    """`alle 20:30`, `alle 8.30` -> venti e trenta, otto e trenta; `13:00` -> tredici; `1:15` -> una
    e quindici."""

    def say(match: re.Match[str]) -> str:
        hours, minutes = int(match.group(2)), int(match.group(3))
        said = _agree(whole(hours, "it"), "ore")
        return match.group(1) + (f"{said} e {whole(minutes, 'it')}" if minutes else said)

    text = re.sub(r"(\b(?:alle|all'|dalle|dall'|ore)\s*)([01]?\d|2[0-3])[.:]([0-5]\d)(?![\w:])", say, text)
    return re.sub(r"()(?<![\w.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\w:])", say, text)


BOILERPLATE = boilerplate_rules(
    (
        R.READ_ALSO,
        r"(leggi anche|leggi pure|potrebbe interessarti|ti potrebbe interessare|articoli correlati|"
        r"per approfondire|vedi anche)" + LABEL_TAIL,
        ANYWHERE,
    ),
    (R.ADVERTISEMENT, r"(pubblicità|contenuto sponsorizzato|sponsorizzato)\s*[:.]?", ANYWHERE),
    (R.SHARE, r"condividi( (su|questo articolo)\b.{0,60})?", ANYWHERE),
    (R.SUBSCRIBE, r"(abbonati|iscriviti)\b.{0,100}", ANYWHERE),
    (R.FOLLOW_US, r"seguici su\b.{0,80}", ANYWHERE),
    (
        R.CONTINUE_READING,
        r"((l['’]articolo|la notizia) continua (dopo|sotto) la pubblicità|continua a leggere)\.?",
        ANYWHERE,
    ),
    (R.COMMENTS, r"(\d+\s+)?commenti\s*[:.]?", ANYWHERE),
    (R.COPYRIGHT, r".{0,120}\b(tutti i diritti riservati|riproduzione riservata)\.?", ANYWHERE),
    (R.PHOTO_CREDIT, r"(foto|immagine|fotografia)\s*[:/|]\s*.{0,150}", ANYWHERE),
    (R.DOWNLOAD_APP, r"scarica (la nostra|l['’]) ?app\b.{0,80}", ANYWHERE),
    (R.READING_TIME, r"(tempo di )?lettura:? \d+ min(uti)?\.?|\d+\s*min(uti)? di lettura\.?", ANYWHERE),
    (R.TAGS, r"(argomenti|temi)\s*:.{0,200}", ANYWHERE),
    (R.CLICK_HERE, r"clicca qui\b.*", ANYWHERE),
    (R.PRINT, r"stampa", OWN_ONLY),
)

WORDS_TABLE = {
    "title_cues": """intitolato intitolata chiamato chiamata libro canzone
        romanzo serie programma spettacolo mostra slogan""",
    "verbs": """detto dice diceva disse affermato afferma affermò spiegato spiega spiegò
        dichiarato dichiara dichiarò sottolineato sottolinea sottolineò aggiunto aggiunge
        aggiunse osservato osserva ribadito ribadisce precisato precisa commentato commenta
        raccontato racconta risposto risponde rispose annunciato annuncia avvertito avverte
        assicurato assicura sostenuto sostiene ammesso ammette concluso conclude scritto
        evidenziato evidenzia""",
    "according": "secondo",
    "auxiliaries": "ha aveva hanno avevano",
    "pronouns": "lui:m lei:f egli:m loro:x",
    "unnamed": "noi io tu voi",
    "skipped": "anche poi inoltre già ieri oggi",
    "not_subjects": """il lo la i gli le un una di del della dei delle a al alla in nel nella per
        con su suo sua suoi e o ma che era è stato essere""",
    "determiners": "il lo la i gli le un uno una",
    "definite": "il lo la i gli le",
    "days": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "phrase_end": "di del della dei delle che in a al e con",
    "role_stops": "per da",
    "relatives": "che cui suo sua suoi",
    "stopwords": """il lo la i gli le un una in di del della a al per con su da dal secondo dopo
        prima durante quando dove ma e o se come anche già oggi ieri domani lui lei loro noi io suo
        sua questo questa però inoltre quindi mentre perché tra fra verso contro""",
    "titles": """presidente ministro ministra sindaco sindaca portavoce direttore direttrice
        segretario segretaria deputato deputata senatore senatrice governatore giudice avvocato
        avvocata professore professoressa dottore dottoressa generale cancelliere consigliere
        assessore assessora ambasciatore procuratore esperto esperta""",
    "honorifics": "sig:m signor:m signore:m signora:f dott:- dottor:-",
    "org_words": """ministero comune governo parlamento partito sindacato banca gruppo università
        tribunale società associazione istituto fondazione commissione polizia città regione""",
    "gendered": "lui:m lei:f",
}

# Titles whose full stop ends no sentence in a name (`Mme. Roux`), besides English's.
DOTTED = frozenset("sig sigg dott prof avv ing on arch".split())

LANGUAGE = Language(
    code="it",
    name="Italian",
    iso639_2="ita",
    words=words_from_table("it", WORDS_TABLE, ENGLISH_WORDS, DOTTED),
    tag="it",
    messages={
        "show": "{show}.",
        "byline": "Di {name}",
        "date": "{date}",
        "listened_title_show": "Avete ascoltato {title}, di {show}.",
        "listened_title": "Avete ascoltato {title}.",
        "listened_show": "Avete ascoltato {show}.",
        "disclosure": "Questa edizione è stata letta da una voce sintetica.",
        "untitled": "Senza titolo",
        "voice_credit": "Voce sintetica: {voice}",
        "read_by": "Letto da una voce sintetica.",
        "bulletin_title": "Notiziario del {date}",
        "bulletin_opening_show": "Questo è {show}, il notiziario del {date}.",
        "bulletin_opening": "Il notiziario del {date}.",
        "bulletin_headlines": "I titoli di oggi:",
        "bulletin_headlines_chapter": "Titoli",
        "bulletin_closing_show": "Era il notiziario del {date}, di {show}.",
        "bulletin_closing": "Era il notiziario del {date}.",
    },
    elided_before_vowel=(),
    normalization=(*shared_rules(TABLES), times, ordinals, number_rule("it", _agree)),
    boilerplate=BOILERPLATE,
    reader_words=r"nostr[aoie]|newsletter|gratis|gratuit\w*|ora|qui|offerta|€",
    byline_words=r"di|a cura di|testo di",
    name_glue=("e",),
    dotted=DOTTED,
    dialogue_dashes=False,
    punctuation_inside_quotes=False,
    day=DAY,
)
