"""A language added from outside audio-edition: Dutch, as a separate package would add it.

It uses only the shared builders that language modules use (`audio_edition.languages.*`) and is
found through the `audio_edition.languages` entry-point group (see the `.dist-info` beside it).
"""

from __future__ import annotations

from audio_edition.languages.builders import Noun, Tables, shared_rules, word
from audio_edition.languages.dates import babel_day
from audio_edition.languages.en_words import ENGLISH_WORDS
from audio_edition.languages.language import BoilerplateRule, Language
from audio_edition.languages.numbers import number_rule
from audio_edition.languages.words_table import words_from_table
from audio_edition.model import DropReason

DAY = babel_day("nl")
TABLES = Tables(
    lang="nl",
    percent="procent",
    currencies={"€": Noun("euro", "euro"), "EUR": Noun("euro", "euro")},
    magnitudes={"mln": Noun("miljoen", "miljoen"), "mld": Noun("miljard", "miljard")},
    cents=" ",
    of="",
    singular_below_two=False,
    abbreviations=((word("bijv."), "bijvoorbeeld"), (word("dhr.") + r"(?=\s+[A-Z])", "de heer")),
    dot="punt",
    at="apenstaartje",
    and_="en",
    minus="min",
    to="tot",
    day=DAY,
)
WORDS = {
    "title_cues": "getiteld boek lied film serie",
    "verbs": "zei zegt zeiden verklaarde verklaart aldus benadrukte stelde vertelde",
    "according": "volgens",
    "auxiliaries": "heeft had hebben",
    "pronouns": "hij:m zij:f ze:x",
    "unnamed": "we wij ik je jij u men",
    "skipped": "ook later nog",
    "not_subjects": "de het een van in op voor met en of maar dat die was is",
    "determiners": "de het een",
    "definite": "de het",
    "days": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
    "phrase_end": "van de het die dat in op en",
    "role_stops": "voor met",
    "relatives": "die dat wiens haar zijn",
    "stopwords": "de het een in op voor met van na tijdens toen waar maar en of ook dan hij zij wij ik",
    "titles": "burgemeester minister woordvoerder directeur voorzitter wethouder",
    "honorifics": "dhr:m mevr:f",
    "org_words": "ministerie gemeente regering partij vakbond bank universiteit",
    "gendered": "hij:m zij:f",
}

LANGUAGE = Language(
    code="nl",
    name="Dutch",
    iso639_2="nld",
    words=words_from_table("nl", WORDS, ENGLISH_WORDS, frozenset("dhr mevr".split())),
    tag="nl",
    messages={
        "show": "{show}.",
        "byline": "Door {name}",
        "date": "{date}",
        "listened_title_show": "U luisterde naar {title}, van {show}.",
        "listened_title": "U luisterde naar {title}.",
        "listened_show": "U luisterde naar {show}.",
        "disclosure": "Deze editie werd voorgelezen door een synthetische stem.",
        "untitled": "Zonder titel",
        "voice_credit": "Synthetische stem: {voice}",
        "read_by": "Voorgelezen door een synthetische stem.",
        "bulletin_title": "Journaal van {date}",
        "bulletin_opening_show": "Dit is {show}, het journaal van {date}.",
        "bulletin_opening": "Het journaal van {date}.",
        "bulletin_headlines": "De koppen:",
        "bulletin_headlines_chapter": "Koppen",
        "bulletin_closing_show": "Dat was het journaal van {date}, van {show}.",
        "bulletin_closing": "Dat was het journaal van {date}.",
    },
    normalization=(*shared_rules(TABLES), number_rule("nl", lambda said, _next: said, comma="komma")),
    boilerplate=(
        BoilerplateRule(DropReason.READ_ALSO, r"lees (ook|meer)(\s*[:>\-–—|»]+.*)?", True),
        BoilerplateRule(DropReason.ADVERTISEMENT, r"advertentie\s*[:.]?", True),
    ),
    byline_words=r"door",
    name_glue=("en",),
    dotted=frozenset("dhr mevr".split()),
    punctuation_inside_quotes=False,
    day=DAY,
)
