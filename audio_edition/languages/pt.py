"""Portuguese: everything the stages need to know of it (see `languages/language.py`).

Portuguese figures and abbreviations said as a Portuguese newsreader says them: the rule table for
`pt` (golden cases in tests/script/test_normalize_languages.py)."""

from __future__ import annotations

import re

from audio_edition.languages.builders import Noun, Tables, shared_rules, word
from audio_edition.languages.dates import babel_day
from audio_edition.languages.en_words import ENGLISH_WORDS
from audio_edition.languages.language import ANYWHERE, LABEL_TAIL, Language, boilerplate_rules
from audio_edition.languages.numbers import number_rule, ordinal, whole
from audio_edition.languages.words_table import words_from_table
from audio_edition.model import DropReason as R

_NAME = r"(?=\s+[A-ZÁÂÃÉÊÍÓÔÕÚ])"
DAY = babel_day("pt", "1º")
TABLES = Tables(
    lang="pt",
    day=DAY,
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


BOILERPLATE = boilerplate_rules(
    (
        R.READ_ALSO,
        r"(leia também|leia mais|leia ainda|veja também|saiba mais|notícias relacionadas|"
        r"você pode gostar|pode também gostar)" + LABEL_TAIL,
        ANYWHERE,
    ),
    (R.ADVERTISEMENT, r"(publicidade|conteúdo patrocinado|patrocinado)\s*[:.]?", ANYWHERE),
    (R.SHARE, r"(compartilhe|compartilhar|partilhe|partilhar)( (no|na|em|este artigo)\b.{0,60})?", ANYWHERE),
    (R.SUBSCRIBE, r"(assine|subscreva|inscreva-se)\b.{0,100}", ANYWHERE),
    (R.FOLLOW_US, r"siga-nos (no|na|em)\b.{0,80}", ANYWHERE),
    (
        R.CONTINUE_READING,
        r"(continua (depois|após) (a|da) publicidade|continue lendo|continuar a ler)\.?",
        ANYWHERE,
    ),
    (R.COMMENTS, r"(\d+\s+)?comentários?\s*[:.]?", ANYWHERE),
    (R.COPYRIGHT, r".{0,120}\btodos os direitos reservados\.?", ANYWHERE),
    (R.PHOTO_CREDIT, r"(foto|fotos|fotografia|imagem)\s*[:/|]\s*.{0,150}", ANYWHERE),
    (
        R.DOWNLOAD_APP,
        r"(baixe (o nosso|nosso|o) (app|aplicativo)|descarregue a (nossa )?app(licação)?)\b.{0,80}",
        ANYWHERE,
    ),
    (R.READING_TIME, r"(tempo de )?leitura:? \d+ min(utos)?\.?|\d+\s*min(utos)? de leitura\.?", ANYWHERE),
    (R.TAGS, r"(temas|tópicos)\s*:.{0,200}", ANYWHERE),
    (R.CLICK_HERE, r"clique aqui\b.*", ANYWHERE),
    (R.PRINT, r"imprimir", ANYWHERE),
)

WORDS_TABLE = {
    "title_cues": """intitulado intitulada chamado chamada filme livro
        canção romance série programa peça exposição lema""",
    "verbs": """disse diz dizia dito afirmou afirma afirmado explicou explica declarou declara
        sublinhou sublinha acrescentou acrescenta destacou destaca ressaltou ressalta garantiu
        garante assegurou assegura indicou indica salientou salienta adiantou adianta avisou
        alertou alerta respondeu responde contou conta admitiu admite reconheceu reconhece
        comentou comenta defendeu defende observou observa frisou frisa escreveu concluiu
        conclui""",
    "according": "segundo, de acordo com",
    "auxiliaries": "tem tinha têm tinham",
    "pronouns": "ele:m ela:f eles:x elas:x",
    "unnamed": "nós eu você vocês",
    "skipped": "também ainda depois já ontem hoje",
    "not_subjects": """o a os as um uma de do da dos das em no na nos nas para por com seu sua e ou
        mas que era é foi ser""",
    "determiners": "o a os as um uma uns umas",
    "definite": "o a os as",
    "days": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
    "phrase_end": "de do da dos das que em no na e com",
    "role_stops": "para por",
    "relatives": "que quem cujo cuja seu sua",
    "stopwords": """o a os as um uma em no na de do da para por com sem segundo após antes durante
        quando onde mas e ou se como também já hoje ontem amanhã ele ela eles elas nós eu seu sua
        este esta esse essa porém além entanto então embora porque enquanto entre sobre""",
    "titles": """presidente presidenta ministro ministra prefeito prefeita porta-voz diretor
        diretora secretário secretária deputado deputada senador senadora governador governadora
        juiz juíza advogado advogada professor professora doutor doutora chefe chanceler
        vereador vereadora embaixador embaixadora procurador procuradora especialista autarca""",
    "honorifics": "sr:m sra:f senhor:m senhora:f dom:m dona:f dra:f",
    "org_words": """ministério prefeitura câmara governo partido sindicato banco grupo universidade
        tribunal empresa associação instituto fundação comissão polícia cidade""",
    "gendered": "ele:m ela:f",
}

# Titles whose full stop ends no sentence in a name (`Mme. Roux`), besides English's.
DOTTED = frozenset("sr sra srta dr dra prof eng".split())

LANGUAGE = Language(
    code="pt",
    name="Portuguese",
    iso639_2="por",
    words=words_from_table("pt", WORDS_TABLE, ENGLISH_WORDS, DOTTED),
    tag="pt",
    messages={
        "show": "{show}.",
        "byline": "Por {name}",
        "date": "{date}",
        "listened_title_show": "Acabou de ouvir {title}, de {show}.",
        "listened_title": "Acabou de ouvir {title}.",
        "listened_show": "Acabou de ouvir {show}.",
        "disclosure": "Esta edição foi lida por uma voz sintética.",
        "untitled": "Sem título",
        "voice_credit": "Voz sintética: {voice}",
        "read_by": "Lido por uma voz sintética.",
        "bulletin_title": "Boletim de {date}",
        "bulletin_opening_show": "Este é {show}, o boletim de {date}.",
        "bulletin_opening": "O boletim de {date}.",
        "bulletin_headlines": "As manchetes de hoje:",
        "bulletin_headlines_chapter": "Manchetes",
        "bulletin_closing_show": "Foi o boletim de {date}, de {show}.",
        "bulletin_closing": "Foi o boletim de {date}.",
    },
    elided_before_vowel=(),
    normalization=(*shared_rules(TABLES), times, ordinals, number_rule("pt", _agree)),
    boilerplate=BOILERPLATE,
    reader_words=r"noss[oa]s?|newsletter|grátis|gratuit\w*|agora|aqui|oferta|€|r\$",
    byline_words=r"por|de|texto:?",
    name_glue=("e",),
    dotted=DOTTED,
    dialogue_dashes=True,
    punctuation_inside_quotes=False,
    day=DAY,
)
