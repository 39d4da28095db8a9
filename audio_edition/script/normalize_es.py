"""Spanish figures and abbreviations said as a Spanish newsreader says them: the rule table for `es`
(golden cases in tests/script/test_normalize_languages.py)."""

from __future__ import annotations

import re

from audio_edition.script.language_rules import Noun, Rule, Tables, shared_rules, word
from audio_edition.script.spoken_numbers import number_rule, ordinal, whole

_NAME = r"(?=\s+[A-ZÁÉÍÓÚÑ])"
TABLES = Tables(
    lang="es",
    percent="por ciento",
    currencies={
        "€": Noun("euro", "euros"),
        "EUR": Noun("euro", "euros"),
        "US$": Noun("dólar", "dólares"),
        "$": Noun("dólar", "dólares"),
        "USD": Noun("dólar", "dólares"),
        "£": Noun("libra", "libras"),
    },
    magnitudes={
        "mil M": Noun("mil millones", "mil millones"),
        "M": Noun("millón", "millones"),
        "mill.": Noun("millón", "millones"),
        "k": Noun("mil", "mil", link=False),
    },
    cents=" con ",
    of="de",
    singular_below_two=False,
    units={
        "km/h": Noun("kilómetro por hora", "kilómetros por hora"),
        "km": Noun("kilómetro", "kilómetros"),
        "kg": Noun("kilo", "kilos"),
        "cm": Noun("centímetro", "centímetros"),
        "mm": Noun("milímetro", "milímetros"),
        "m": Noun("metro", "metros"),
        "°C": Noun("grado", "grados"),
    },
    abbreviations=(
        (word("Srta.") + _NAME, "Señorita"),
        (word("Sra.") + _NAME, "Señora"),
        (word("Sr.") + _NAME, "Señor"),
        (word("Sres.") + _NAME, "Señores"),
        (word("Dra.") + _NAME, "Doctora"),
        (word("Dr.") + _NAME, "Doctor"),
        (r"(?<![\w.])(?:Dña\.|D\.ª)" + _NAME, "Doña"),
        (word("Ud."), "usted"),
        (word("Uds."), "ustedes"),
        (r"(?<![\w.])EE\.\s?UU\.", "Estados Unidos"),
        (r"(?<![\w.])(?:núm\.|n\.º|nº)\s?(?=\d)", "número "),
        (r"(?<![\w.])p\.\s?ej\.", "por ejemplo"),
        (r"(?<![\w.])a\.\s?C\.", "antes de Cristo"),
        (r"(?<![\w.])d\.\s?C\.", "después de Cristo"),
        (word("aprox."), "aproximadamente"),
        (word("etc."), "etcétera"),
    ),
    operators={
        "<=": "menor o igual que",
        ">=": "mayor o igual que",
        "≤": "menor o igual que",
        "≥": "mayor o igual que",
        "<": "menor que",
        ">": "mayor que",
        "=": "igual a",
        "+": "más",
        "×": "por",
        "±": "más o menos",
    },
    dot="punto",
    at="arroba",
    and_="y",
    minus="menos",
    to="a",
)
_FEMININE = frozenset(
    "hora horas persona personas libra libras semana semanas tonelada toneladas vez veces mujer mujeres "
    "víctima víctimas página páginas plaza plazas empresa empresas".split()
)
_NOT_NOUNS = frozenset("coma y o a de por en con entre menos más".split())


def _agree(said: str, following: str) -> str:
    """`uno` becomes `una` before a feminine noun and `un` before any other ("veintiún euros")."""
    if not said.endswith("uno") or not following.isalpha() or following.lower() in _NOT_NOUNS:
        return said
    if following.lower() in _FEMININE:
        return said[:-1] + "a"
    return said[:-3] + ("ún" if said.endswith("iuno") else "un")


def ordinals(text: str) -> str:
    """`1.º`/`1º` -> primero, `1.ª` -> primera, `1.er`/`3er` -> primer, tercer."""
    text = re.sub(
        r"(?<![\w.,])(\d{1,3})\.?(?:º|°(?=\s+[a-z]))", lambda m: ordinal(int(m.group(1)), "es"), text
    )
    text = re.sub(r"(?<![\w.,])(\d{1,3})\.?ª", lambda m: ordinal(int(m.group(1)), "es", feminine=True), text)
    return re.sub(
        r"(?<![\w.,])([13])\.?er(?!\w)", lambda m: "primer" if m.group(1) == "1" else "tercer", text
    )


def times(text: str) -> str:
    """`20:30`, `20.30 h` -> veinte y treinta, `1:05` -> una y cinco, `8:00` -> ocho horas."""

    def say(match: re.Match[str]) -> str:
        hours, minutes = int(match.group(1)), int(match.group(2))
        said = _agree(whole(hours, "es"), "horas")
        return (
            f"{said} y {whole(minutes, 'es')}" if minutes else f"{said} {'hora' if hours == 1 else 'horas'}"
        )

    text = re.sub(r"(?<![\w.,:])([01]?\d|2[0-3])[.:]([0-5]\d)\s?(?:h\.?|horas)(?!\w)", say, text)
    return re.sub(r"(?<![\w.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\w:])", say, text)


RULES: tuple[Rule, ...] = (*shared_rules(TABLES), times, ordinals, number_rule("es", _agree))
