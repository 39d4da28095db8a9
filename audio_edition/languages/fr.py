"""French: everything the stages need to know of it (see `languages/language.py`).

French figures and abbreviations said as a French newsreader says them: the normalisation rules of `fr`
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

_NAME = r"(?=\s+[A-ZÀ-Ý])"  # an honorific stands before a name
DAY = babel_day("fr", "1er")
TABLES = Tables(
    lang="fr",
    day=DAY,
    elides_of=True,
    percent="pour cent",
    currencies={
        "€": Noun("euro", "euros"),
        "EUR": Noun("euro", "euros"),
        "$": Noun("dollar", "dollars"),
        "USD": Noun("dollar", "dollars"),
        "£": Noun("livre", "livres"),
        "CHF": Noun("franc suisse", "francs suisses"),
    },
    magnitudes={
        "Md": Noun("milliard", "milliards"),
        "Mds": Noun("milliard", "milliards"),
        "Mrd": Noun("milliard", "milliards"),
        "M": Noun("million", "millions"),
        "k": Noun("mille", "mille", link=False),
    },
    cents=" ",
    of="de",
    singular_below_two=True,
    units={
        "km/h": Noun("kilomètre-heure", "kilomètres-heure"),
        "km": Noun("kilomètre", "kilomètres"),
        "kg": Noun("kilo", "kilos"),
        "cm": Noun("centimètre", "centimètres"),
        "mm": Noun("millimètre", "millimètres"),
        "m": Noun("mètre", "mètres"),
        "°C": Noun("degré Celsius", "degrés Celsius"),
    },
    abbreviations=(
        (r"(?<![\w.])(?<![A-Z]\.\s)MM\." + _NAME, "Messieurs"),
        (r"(?<![\w.])(?<![A-Z]\.\s)M\." + _NAME, "Monsieur"),
        (word("Mmes"), "Mesdames"),
        (word("Mme"), "Madame"),
        (word("Mlle"), "Mademoiselle"),
        (word("Dr") + r"\.?" + _NAME, "Docteur"),
        (word("Pr") + r"\.?" + _NAME, "Professeur"),
        (word("Me") + _NAME, "Maître"),
        (word("Mgr") + _NAME, "Monseigneur"),
        (r"(?<![\w.])Ste(?=[\s-]+[A-ZÀ-Ý])", "Sainte"),
        (r"(?<![\w.])St(?=[\s-]+[A-ZÀ-Ý])", "Saint"),
        (r"(?<![\w.])[nN][°º]\s?(?=\d)", "numéro "),
        (word("p. ex."), "par exemple"),
        (word("c.-à-d."), "c'est-à-dire"),
        (word("env."), "environ"),
        (word("av. J.-C."), "avant Jésus-Christ"),
        (word("apr. J.-C."), "après Jésus-Christ"),
        (word("etc."), "et cetera"),
    ),
    operators={
        "<=": "inférieur ou égal à",
        ">=": "supérieur ou égal à",
        "≤": "inférieur ou égal à",
        "≥": "supérieur ou égal à",
        "<": "inférieur à",
        ">": "supérieur à",
        "=": "égale",
        "+": "plus",
        "×": "fois",
        "±": "plus ou moins",
    },
    dot="point",
    at="arobase",
    and_="et",
    minus="moins",
    to="à",
)
_FEMININE = frozenset(
    "heure heures minute minutes seconde secondes personne personnes fois année années semaine semaines "
    "tonne tonnes livre livres voix victime victimes femme femmes place places page pages journée "
    "journées entreprise entreprises ville villes région régions".split()
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _agree(said: str, following: str) -> str:
    """`un` becomes `une` before a feminine noun ("vingt et une heures")."""
    return re.sub(r"\bun$", "une", said) if following.lower() in _FEMININE else said


def _roman(numeral: str) -> int:
    values = [_ROMAN[ch] for ch in numeral]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def ordinals(text: str) -> str:
    """`1er` -> premier, `1re` -> première, `2e`/`2ème` -> deuxième, `XXIe siècle` -> vingt et unième."""
    text = re.sub(r"(?<![\w.,])1(?:er|ᵉʳ)(?!\w)", "premier", text)
    text = re.sub(r"(?<![\w.,])1(?:re|ère|ʳᵉ)(?!\w)", "première", text)
    text = re.sub(r"(?<![\w.,])(\d+)(?:e|ème|è|ᵉ)(?!\w)", lambda m: ordinal(int(m.group(1)), "fr"), text)
    return re.sub(r"\b([IVXLC]+)(?:e|ème|ᵉ)(?=\s+siècle)", lambda m: ordinal(_roman(m.group(1)), "fr"), text)


def times(text: str) -> str:
    """`8 h 30`, `8h30`, `20:30` -> huit heures trente; `1 h` -> une heure; `12 h 05` -> douze heures cinq."""

    def say(match: re.Match[str]) -> str:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        said = _agree(whole(hours, "fr"), "heure") + (" heure" if hours < 2 else " heures")
        return said + (f" {whole(minutes, 'fr')}" if minutes else "")

    text = re.sub(r"(?<![\w.,:])([01]?\d|2[0-3])\s?h(?:\s?([0-5]\d))?(?!\w)", say, text)
    return re.sub(r"(?<![\w.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\w:])", say, text)


BOILERPLATE = boilerplate_rules(
    (
        R.READ_ALSO,
        r"((à )?(lire|voir) (aussi|également|la suite)|sur le même sujet|nos articles (liés|similaires))"
        + LABEL_TAIL,
        ANYWHERE,
    ),
    (R.ADVERTISEMENT, r"(publicité|contenu (sponsorisé|partenaire)|article sponsorisé)\s*[:.]?", ANYWHERE),
    (R.ADVERTISEMENT, r"pub\s*[:.]?", OWN_ONLY),
    (R.SHARE, r"partager( (sur|via|cet article|l['’]article)\b.{0,60})?", ANYWHERE),
    (R.SUBSCRIBE, r"(abonnez-vous|inscrivez-vous|je m['’]abonne)\b.{0,100}", ANYWHERE),
    (R.FOLLOW_US, r"suivez-nous (sur|on)\b.{0,80}", ANYWHERE),
    (
        R.CONTINUE_READING,
        r"(la suite|l['’]article continue) (de l['’]article )?(après|ci-dessous|sous) "
        r"(cette|la) publicité\.?",
        ANYWHERE,
    ),
    (R.COMMENTS, r"(\d+\s+)?(commentaires?|réagir|laisser un commentaire)\s*[:.]?", ANYWHERE),
    (R.COPYRIGHT, r".{0,120}\btous droits réservés\.?", ANYWHERE),
    (R.PHOTO_CREDIT, r"(crédits? photos?|crédit)\s*[:/|]\s*.{0,150}", ANYWHERE),
    (R.DOWNLOAD_APP, r"téléchargez (notre|l['’]) ?(application|appli)\b.{0,80}", ANYWHERE),
    (
        R.READING_TIME,
        r"(temps de )?lecture\s*:?\s*\d+\s*min(utes?)?\.?|\d+\s*min(utes?)? de lecture\.?",
        ANYWHERE,
    ),
    (R.LISTEN, r"écouter (cet|l['’]) ?article\b.{0,40}", ANYWHERE),
    (R.TAGS, r"(mots[- ]clés|thèmes)\s*:.{0,200}", ANYWHERE),
    (R.CLICK_HERE, r"cliquez ici\b.*", ANYWHERE),
    (R.PRINT, r"imprimer( (cet|l['’]) ?article)?", ANYWHERE),
)

WORDS_TABLE = {
    "title_cues": """intitulé intitulée baptisé baptisée nommé livre chanson
        roman série émission spectacle pièce tableau exposition slogan""",
    "verbs": """dit dire déclaré déclare déclarait affirme affirmé affirmait estime estimé estimait
        ajoute ajouté explique expliqué expliquait souligne souligné assure assuré indique indiqué
        précise précisé confie confié raconte raconté répond répondu insiste insisté martèle martelé
        reconnaît reconnu avertit averti prévient prévenu rappelle rappelé poursuit poursuivi
        conclut conclu admet admis juge jugé annonce annoncé commente commenté déplore déploré
        dénonce dénoncé lance lancé observe observé résume résumé exclame exclamé s’exclame
        s'exclame témoigne témoigné écrit tweeté disait avoue avoué regrette regretté
        s’indigne s'indigne""",
    "according": "selon, d’après, d'après",
    "auxiliaries": "a ont avait avaient aurait auraient est s’est s'est",
    "inverted": "il elle ils elles on",
    "pronouns": "il:m elle:f ils:x elles:x",
    "unnamed": "on nous je tu vous",
    "skipped": """également aussi encore ensuite alors déjà ainsi notamment enfin plus tard
        pourtant toutefois lui-même elle-même""",
    "not_subjects": """le la les un une de du des à au aux en dans pour par sur avec son sa ses
        leur leurs ce cette et ou mais que qui était être été""",
    "determiners": "le la les un une des",
    "definite": "le la les",
    "days": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "phrase_end": "de du des d qui que dont sur dans à au et en",
    "role_stops": "pour avec",
    "relatives": "qui dont son sa ses leur",
    "stopwords": """le la les un une ce cet cette ces dans en à au aux pour avec depuis par de du
        des selon après avant pendant lors quand où mais et ou si donc aussi puis alors
        aujourd’hui hier demain il elle ils elles nous vous je on son sa ses leur leurs cependant
        toutefois pourtant ainsi enfin malgré sans sous sur entre parmi chez vers contre comme
        d’après d'après face lire""",
    "titles": """président présidente ministre maire porte-parole directeur directrice secrétaire
        député députée sénateur sénatrice préfet préfète juge avocat avocate professeur
        professeure docteur général générale chancelier chancelière premier première adjoint
        adjointe conseiller conseillère chef patron patronne gouverneur ambassadeur ambassadrice
        commissaire procureur procureure responsable habitant habitante chercheur chercheuse
        économiste syndicaliste élu élue militant militante commerçant commerçante""",
    "honorifics": "m:m mme:f mlle:f monsieur:m madame:f mademoiselle:f me:- pr:-",
    "org_words": """ministère mairie conseil gouvernement assemblée sénat parti syndicat banque
        groupe université tribunal société entreprise association institut fondation commission
        police gendarmerie ville région département préfecture élysée matignon""",
    "gendered": "il:m elle:f",
}

# Titles whose full stop ends no sentence in a name (`Mme. Roux`), besides English's.
DOTTED = frozenset("mme mlle me pr dr st ste".split())

LANGUAGE = Language(
    code="fr",
    name="French",
    iso639_2="fra",
    words=words_from_table("fr", WORDS_TABLE, ENGLISH_WORDS, DOTTED),
    tag="fr",
    messages={
        "show": "{show}.",
        "byline": "Par {name}",
        "date": "{date}",
        "listened_title_show": "Vous venez d'écouter {title}, de {show}.",
        "listened_title": "Vous venez d'écouter {title}.",
        "listened_show": "Vous venez d'écouter {show}.",
        "disclosure": "Cette édition a été lue par une voix de synthèse.",
        "untitled": "Sans titre",
        "voice_credit": "Voix de synthèse : {voice}",
        "read_by": "Lu par une voix de synthèse.",
        "bulletin_title": "Bulletin du {date}",
        "bulletin_opening_show": "Ici {show}, le bulletin du {date}.",
        "bulletin_opening": "Le bulletin du {date}.",
        "bulletin_headlines": "Les titres du jour :",
        "bulletin_headlines_chapter": "Les titres",
        "bulletin_closing_show": "C'était le bulletin du {date}, de {show}.",
        "bulletin_closing": "C'était le bulletin du {date}.",
    },
    elided_before_vowel=("de",),
    normalization=(*shared_rules(TABLES), times, ordinals, number_rule("fr", _agree)),
    boilerplate=BOILERPLATE,
    reader_words=r"notre|nos|newsletter|gratuit\w*|maintenant|ici|offre|€",
    byline_words=r"par|propos recueillis par",
    name_glue=("et",),
    dotted=DOTTED,
    dialogue_dashes=False,
    punctuation_inside_quotes=False,
    day=DAY,
)
