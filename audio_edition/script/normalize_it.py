"""Italian figures and abbreviations said as an Italian newsreader says them: the rule table for `it`
(golden cases in tests/script/test_normalize_languages.py)."""

from __future__ import annotations

import re

from audio_edition.script.language_rules import Noun, Rule, Tables, shared_rules, word
from audio_edition.script.spoken_numbers import number_rule, ordinal, whole

_NAME = r"(?=\s+[A-ZÀÈÉÌÒÙ])"
TABLES = Tables(
    lang="it",
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


RULES: tuple[Rule, ...] = (*shared_rules(TABLES), times, ordinals, number_rule("it", _agree))
