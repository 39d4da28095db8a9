"""French figures and abbreviations said as a French newsreader says them: the rule table for `fr`
(golden cases in tests/script/test_normalize_languages.py)."""

from __future__ import annotations

import re

from audio_edition.script.language_rules import Noun, Rule, Tables, shared_rules, word
from audio_edition.script.spoken_numbers import number_rule, ordinal, whole

_NAME = r"(?=\s+[A-ZÀ-Ý])"  # an honorific stands before a name
TABLES = Tables(
    lang="fr",
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


RULES: tuple[Rule, ...] = (*shared_rules(TABLES), times, ordinals, number_rule("fr", _agree))
