"""Spanish: everything the stages need to know of it (see `languages/language.py`).

Spanish figures and abbreviations said as a Spanish newsreader says them: the normalisation rules of `es`
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

_NAME = r"(?=\s+[A-ZÁÉÍÓÚÑ])"
DAY = babel_day("es")
TABLES = Tables(
    lang="es",
    day=DAY,
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


BOILERPLATE = boilerplate_rules(
    (
        R.READ_ALSO,
        r"(lea también|lee también|te puede interesar|le puede interesar|también te puede interesar|"
        r"noticias relacionadas|contenido relacionado|ver también|más información)" + LABEL_TAIL,
        ANYWHERE,
    ),
    (R.ADVERTISEMENT, r"(publicidad|contenido patrocinado|patrocinado)\s*[:.]?", ANYWHERE),
    (R.SHARE, r"(compartir|comparte)( (en|este artículo)\b.{0,60})?", ANYWHERE),
    (R.SUBSCRIBE, r"(suscríbete|suscríbase|regístrate)\b.{0,100}", ANYWHERE),
    (R.FOLLOW_US, r"síguenos en\b.{0,80}", ANYWHERE),
    (
        R.CONTINUE_READING,
        r"((la noticia|el artículo) continúa (tras|después de) la publicidad|sigue leyendo)\.?",
        ANYWHERE,
    ),
    (R.COMMENTS, r"(\d+\s+)?comentarios?\s*[:.]?", ANYWHERE),
    (R.COPYRIGHT, r".{0,120}\btodos los derechos reservados\.?", ANYWHERE),
    (R.PHOTO_CREDIT, r"(foto|fotos|fotografía|imagen)\s*[:/|]\s*.{0,150}", ANYWHERE),
    (R.DOWNLOAD_APP, r"descarga (nuestra|la) (app|aplicación)\b.{0,80}", ANYWHERE),
    (R.READING_TIME, r"(tiempo de )?lectura:? \d+ min(utos)?\.?|\d+\s*min(utos)? de lectura\.?", ANYWHERE),
    (R.LISTEN, r"escuchar (este artículo|la noticia)\b.{0,40}", ANYWHERE),
    (R.TAGS, r"(etiquetas|temas)\s*:.{0,200}", ANYWHERE),
    (R.CLICK_HERE, r"((haz|haga) clic|pincha) aquí\b.*", ANYWHERE),
    (R.PRINT, r"imprimir", ANYWHERE),
)

WORDS_TABLE = {
    "title_cues": """titulado titulada llamado llamada película libro
        canción novela serie programa obra exposición lema""",
    "verbs": """dijo dice decía dicho afirmó afirma afirmado explicó explica explicado señaló
        señala señalado aseguró asegura asegurado añadió añade añadido agregó agrega indicó indica
        declaró declara declarado sostuvo sostiene advirtió advierte subrayó subraya destacó
        destaca apuntó apunta insistió insiste reconoció reconoce comentó comenta manifestó
        manifiesta expresó expresa respondió responde contó cuenta relató relata admitió admite
        precisó precisa concluyó concluye escribió preguntó pregunta exclamó lamentó lamenta""",
    "according": "según",
    "auxiliaries": "ha había han habían",
    "pronouns": "él:m ella:f ellos:x ellas:x",
    "unnamed": "nosotros yo tú usted ustedes",
    "skipped": "también además luego después ya hoy ayer",
    "not_subjects": """el la los las un una de del a al en para por con su sus y o pero que era
        es fue ser""",
    "determiners": "el la los las un una unos unas",
    "definite": "el la los las",
    "days": "lunes martes miércoles jueves viernes sábado domingo",
    "phrase_end": "de del que quien en a al y con",
    "role_stops": "para por",
    "relatives": "que quien quienes su sus",
    "stopwords": """el la los las un una en de del a al para por con sin según tras desde durante
        cuando donde pero y o si como también ya hoy ayer mañana él ella ellos ellas nosotros yo
        su sus este esta estos estas ese esa además entonces aunque porque mientras ante bajo
        entre hacia hasta sobre""",
    "titles": """presidente presidenta ministro ministra alcalde alcaldesa portavoz director
        directora secretario secretaria diputado diputada senador senadora gobernador
        gobernadora juez jueza abogado abogada profesor profesora doctora jefe jefa canciller
        consejero consejera concejal concejala embajador embajadora fiscal vecino vecina experto
        experta""",
    "honorifics": "sr:m sra:f srta:f señor:m señora:f don:m doña:f dra:f",
    "org_words": """ministerio ayuntamiento gobierno congreso partido sindicato banco grupo
        universidad tribunal empresa asociación instituto fundación comisión policía ciudad""",
    "gendered": "él:m ella:f",
}

# Titles whose full stop ends no sentence in a name (`Mme. Roux`), besides English's.
DOTTED = frozenset("sr sra srta dr dra d dña prof lic".split())

LANGUAGE = Language(
    code="es",
    name="Spanish",
    iso639_2="spa",
    words=words_from_table("es", WORDS_TABLE, ENGLISH_WORDS, DOTTED),
    tag="es",
    messages={
        "show": "{show}.",
        "byline": "Por {name}",
        "date": "{date}",
        "listened_title_show": "Acaban de escuchar {title}, de {show}.",
        "listened_title": "Acaban de escuchar {title}.",
        "listened_show": "Acaban de escuchar {show}.",
        "disclosure": "Esta edición ha sido leída por una voz sintética.",
        "untitled": "Sin título",
        "voice_credit": "Voz sintética: {voice}",
        "read_by": "Leído por una voz sintética.",
        "bulletin_title": "Boletín del {date}",
        "bulletin_opening_show": "Esto es {show}, el boletín del {date}.",
        "bulletin_opening": "El boletín del {date}.",
        "bulletin_headlines": "Los titulares de hoy:",
        "bulletin_headlines_chapter": "Titulares",
        "bulletin_closing_show": "Ha sido el boletín del {date}, de {show}.",
        "bulletin_closing": "Ha sido el boletín del {date}.",
    },
    elided_before_vowel=(),
    normalization=(*shared_rules(TABLES), times, ordinals, number_rule("es", _agree)),
    boilerplate=BOILERPLATE,
    reader_words=r"nuestr[oa]s?|newsletter|boletín|gratis|ahora|aquí|oferta|€",
    byline_words=r"por|texto:?",
    name_glue=("y",),
    dotted=DOTTED,
    dialogue_dashes=True,
    punctuation_inside_quotes=False,
    day=DAY,
)
