"""Portuguese figures and abbreviations said as a Portuguese newsreader says them: the rule table for
`pt` (golden cases in tests/script/test_normalize_languages.py)."""

from __future__ import annotations

import re

from audio_edition.script.language_rules import Noun, Rule, Tables, shared_rules, word
from audio_edition.script.spoken_numbers import number_rule, ordinal, whole

_NAME = r"(?=\s+[A-ZÁÂÃÉÊÍÓÔÕÚ])"
TABLES = Tables(
    lang="pt",
    percent="por cento",
    currencies={
        "€": Noun("euro", "euros"),
        "EUR": Noun("euro", "euros"),
        "R$": Noun("real", "reais"),
        "US$": Noun("dólar", "dólares"),
        "$": Noun("dólar", "dólares"),
        "USD": Noun("dólar", "dólares"),
        "£": Noun("libra", "libras"),
    },
    magnitudes={
        "tri": Noun("trilhão", "trilhões"),
        "bi": Noun("bilhão", "bilhões"),
        "mi": Noun("milhão", "milhões"),
        "mil": Noun("mil", "mil", link=False),
    },
    cents=" e ",
    of="de",
    singular_below_two=True,
    units={
        "km/h": Noun("quilômetro por hora", "quilômetros por hora"),
        "km": Noun("quilômetro", "quilômetros"),
        "kg": Noun("quilo", "quilos"),
        "cm": Noun("centímetro", "centímetros"),
        "mm": Noun("milímetro", "milímetros"),
        "m": Noun("metro", "metros"),
        "°C": Noun("grau Celsius", "graus Celsius"),
    },
    abbreviations=(
        (word("Srta.") + _NAME, "Senhorita"),
        (word("Sra.") + _NAME, "Senhora"),
        (word("Sr.") + _NAME, "Senhor"),
        (word("Dra.") + _NAME, "Doutora"),
        (word("Dr.") + _NAME, "Doutor"),
        (word("Profa.") + _NAME, "Professora"),
        (word("Prof.") + _NAME, "Professor"),
        (r"(?<![\w.])V\.\s?Exa?\.", "Vossa Excelência"),
        (r"(?<![\w.])(?:n\.º|nº|n°)\s?(?=\d)", "número "),
        (r"(?<![\w.])p\.\s?ex\.", "por exemplo"),
        (r"(?<![\w.])a\.\s?C\.", "antes de Cristo"),
        (r"(?<![\w.])d\.\s?C\.", "depois de Cristo"),
        (word("etc."), "et cetera"),
    ),
    operators={
        "<=": "menor ou igual a",
        ">=": "maior ou igual a",
        "≤": "menor ou igual a",
        "≥": "maior ou igual a",
        "<": "menor que",
        ">": "maior que",
        "=": "igual a",
        "+": "mais",
        "×": "vezes",
        "±": "mais ou menos",
    },
    dot="ponto",
    at="arroba",
    and_="e",
    minus="menos",
    to="a",
)
_FEMININE = frozenset(
    "hora horas pessoa pessoas libra libras semana semanas tonelada toneladas vez vezes mulher mulheres "
    "vítima vítimas página páginas empresa empresas".split()
)


def _agree(said: str, following: str) -> str:
    """`um` and `dois` become `uma` and `duas` before a feminine noun ("vinte e duas pessoas")."""
    if following.lower() not in _FEMININE:
        return said
    return re.sub(r"\bdois$", "duas", re.sub(r"\bum$", "uma", said))


def ordinals(text: str) -> str:
    """`1º`/`1.º` -> primeiro, `1ª` -> primeira (the degree sign typed for `º` too, before a word)."""
    text = re.sub(
        r"(?<![\w.,])(\d{1,3})\.?(?:º|°(?=\s+[a-z]))", lambda m: ordinal(int(m.group(1)), "pt"), text
    )
    return re.sub(r"(?<![\w.,])(\d{1,3})\.?ª", lambda m: ordinal(int(m.group(1)), "pt", feminine=True), text)


def times(text: str) -> str:
    """`20h30`, `20:30` -> vinte horas e trinta; `1h` -> uma hora; `2h` -> duas horas."""

    def say(match: re.Match[str]) -> str:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        said = _agree(whole(hours, "pt"), "horas") + (" hora" if hours == 1 else " horas")
        return said + (f" e {whole(minutes, 'pt')}" if minutes else "")

    text = re.sub(r"(?<![\w.,:])([01]?\d|2[0-3])\s?h(?:\s?([0-5]\d))?(?:min)?(?!\w)", say, text)
    return re.sub(r"(?<![\w.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\w:])", say, text)


RULES: tuple[Rule, ...] = (*shared_rules(TABLES), times, ordinals, number_rule("pt", _agree))
