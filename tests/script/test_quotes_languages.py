"""Quotations in French, German, Spanish, Italian and Portuguese: found, voiced, attributed, and the
narration around them read without a stray comma; English left exactly as it was."""

from __future__ import annotations

import pytest

from audio_edition.languages import language_for
from audio_edition.languages.tags import language_key
from audio_edition.model import Article, Block, Meta
from audio_edition.preview import write_script
from audio_edition.script.pieces import Voiced
from audio_edition.script.settings import ScriptSettings
from tests.tagged import attribute_speakers, cut_pieces, find_quotations, find_quotes

NBSP, NNBSP = "\u00a0", "\u202f"

# (language, paragraph, the quoted words of each quotation found)
SPANS: list[tuple[str, str, list[str]]] = [
    ("fr", "« Nous attendrons », a déclaré Marc Lefèvre.", ["Nous attendrons"]),
    ("fr", f"«{NBSP}Nous attendrons{NBSP}», a déclaré Marc Lefèvre.", ["Nous attendrons"]),
    ("fr", f"«{NNBSP}Nous attendrons{NNBSP}», a déclaré Marc Lefèvre.", ["Nous attendrons"]),
    ("fr", "«Nous attendrons», a déclaré Marc Lefèvre.", ["Nous attendrons"]),
    ("fr", "Il a dit : « Le mot “jamais” n’existe pas » hier.", ["Le mot “jamais” n’existe pas"]),
    ("de", "„Wir warten“, sagte Anna Weber.", ["Wir warten"]),
    ("de", "»Wir warten«, sagte Anna Weber.", ["Wir warten"]),
    (
        "de",
        "Sie sagte: »Wir warten auf ›die Entscheidung‹ des Gerichts.« Dann ging sie.",
        ["Wir warten auf ›die Entscheidung‹ des Gerichts."],
    ),  # fmt: skip
    ("de", "„Er rief ‚Halt‘ und ging“, sagte Anna Weber.", ["Er rief ‚Halt‘ und ging"]),
    ("es", "«Vamos a esperar», dijo el alcalde.", ["Vamos a esperar"]),
    ("es", "—Vamos a esperar —dijo el alcalde—.", ["—Vamos a esperar"]),
    ("es", "—Vamos a esperar —dijo el alcalde—. No hay prisa.", ["—Vamos a esperar", "No hay prisa."]),
    ("es", "—¿Vamos a esperar? —preguntó Ana López.", ["—¿Vamos a esperar?"]),
    ("it", "«Aspetteremo», ha detto Mario Rossi.", ["Aspetteremo"]),
    ("it", "“Aspetteremo”, ha detto Mario Rossi.", ["Aspetteremo"]),
    ("pt", "“Vamos esperar”, disse João Silva.", ["Vamos esperar"]),
    ("pt", "«Vamos esperar», disse João Silva.", ["Vamos esperar"]),
    (
        "pt",
        "— Vamos esperar — disse o prefeito — porque não há pressa.",
        ["— Vamos esperar", "porque não há pressa."],
    ),  # fmt: skip
    # not dialogue: English, and a dash that does not open the paragraph
    ("en", "—Vamos a esperar —dijo el alcalde—.", []),
    ("es", "El alcalde —que llegó tarde— no dijo nada.", []),
]


@pytest.mark.parametrize(("language", "text", "inner"), SPANS)
def test_each_language_s_quotation_marks_are_found(language: str, text: str, inner: list[str]) -> None:
    assert [s.inner(text) for s in find_quotes(text, language=language)] == inner


# (language, paragraphs, the speaker of each quotation)
SPEAKERS: list[tuple[str, str, list[str | None]]] = [
    ("fr", "« Nous attendrons la décision du tribunal », a déclaré Marc Lefèvre.", ["Marc Lefèvre"]),
    ("fr", "« Nous attendrons la décision du tribunal », a dit Marc Lefèvre, le maire.", ["Marc Lefèvre"]),
    ("fr", "Selon Claire Martin, « la situation est grave mais nous avons un plan ».", ["Claire Martin"]),
    ("fr", "D’après Claire Martin, « la situation est grave mais nous avons un plan ».", ["Claire Martin"]),
    ("fr", "Claire Martin affirme : « La situation est grave mais nous avons un plan. »", ["Claire Martin"]),
    ("fr", "« La situation est grave mais gérable », estime Claire Martin.", ["Claire Martin"]),
    ("fr", "Marc Lefèvre est arrivé. « Nous attendrons la décision du tribunal », dit-il.", ["Marc Lefèvre"]),
    (
        "fr",
        "Claire Martin a parlé. « Il faut agir vite, a-t-elle ajouté. Nous n’avons plus le temps. »",
        ["Claire Martin"],
    ),  # fmt: skip
    ("fr", "« Nous attendrons la décision du tribunal », a déclaré le ministère.", [None]),
    ("de", "„Wir warten auf die Entscheidung“, sagte Anna Weber.", ["Anna Weber"]),
    ("de", "Anna Weber erklärte: „Die Lage ist ernst, aber wir haben einen Plan.“", ["Anna Weber"]),
    ("de", "„Die Lage ist ernst, aber beherrschbar“, betonte Anna Weber.", ["Anna Weber"]),
    ("de", "»Wir werden nicht nachgeben«, so Anna Weber am Montag.", ["Anna Weber"]),
    ("de", "Laut Anna Weber ist „die Lage ernster als gedacht“.", ["Anna Weber"]),
    ("de", "„Wir warten auf die Entscheidung“, sagte Bürgermeister Hans Schmidt.", ["Hans Schmidt"]),
    ("de", "„Wir warten auf die Entscheidung“, sagte der Bürgermeister Hans Schmidt.", ["Hans Schmidt"]),
    ("es", "«Vamos a esperar la decisión del tribunal», dijo Juan Pérez.", ["Juan Pérez"]),
    ("es", "«Vamos a esperar la decisión del tribunal», afirmó Juan Pérez.", ["Juan Pérez"]),
    ("es", "Ana López explicó: «Vamos a esperar la decisión del tribunal».", ["Ana López"]),
    ("es", "Según Ana López, «la situación es grave pero tenemos un plan».", ["Ana López"]),
    ("es", "—Vamos a esperar la decisión —dijo el alcalde Juan Pérez—. No hay prisa.", ["Juan Pérez"] * 2),
    ("it", "«Aspetteremo la decisione del tribunale», ha detto Mario Rossi.", ["Mario Rossi"]),
    ("it", "«Aspetteremo la decisione del tribunale», ha affermato Mario Rossi.", ["Mario Rossi"]),
    ("it", "Secondo Giulia Bianchi, “la situazione è grave ma abbiamo un piano”.", ["Giulia Bianchi"]),
    ("it", "Il secondo giorno Mario Rossi disse: «Aspetteremo la decisione del tribunale».", ["Mario Rossi"]),
    ("pt", "“Vamos esperar pela decisão do tribunal”, disse João Silva.", ["João Silva"]),
    ("pt", "“Vamos esperar pela decisão do tribunal”, afirmou João Silva.", ["João Silva"]),
    ("pt", "Segundo Maria Costa, «a situação é grave mas temos um plano».", ["Maria Costa"]),
    ("pt", "De acordo com Maria Costa, «a situação é grave mas temos um plano».", ["Maria Costa"]),
    (
        "pt",
        "— Vamos esperar pela decisão — disse a prefeita Maria Costa — porque não há pressa.",
        ["Maria Costa"] * 2,
    ),  # fmt: skip
]


def _pieces(language: str, text: str) -> list[tuple[str, bool, str | None]]:
    blocks = [Block("paragraph", p) for p in text.split("\n\n")]
    found = find_quotations(blocks, language=language)
    who = attribute_speakers(blocks, found)
    voiced = [
        Voiced(s.start, s.end, w)
        for q, w in zip(found, who, strict=True)
        if q.kind == "speech"
        for s in q.spans
    ]
    return [(p.text, p.quoted, p.speaker) for p in cut_pieces(blocks[0].text, voiced, language=language)]


@pytest.mark.parametrize(("language", "text", "speakers"), SPEAKERS)
def test_the_speaker_of_each_quotation_is_found(language: str, text: str, speakers: list[str | None]) -> None:
    blocks = [Block("paragraph", text)]
    found = [q for q in find_quotations(blocks, language=language) if q.kind == "speech"]
    assert len(found) == len(speakers)
    assert attribute_speakers(blocks, found) == speakers


@pytest.mark.parametrize(("language", "text", "speakers"), SPEAKERS)
def test_quotes_go_to_the_quote_voice_and_no_narration_starts_with_a_comma(
    language: str, text: str, speakers: list[str | None]
) -> None:
    pieces = _pieces(language, text)
    assert any(quoted for _, quoted, _ in pieces)
    assert not [t for t, quoted, _ in pieces if not quoted and t.lstrip().startswith((",", ";"))]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "fr",
            "« Nous attendrons », a déclaré Marc Lefèvre.",
            [("« Nous attendrons »,", True), ("a déclaré Marc Lefèvre.", False)],
        ),
        (
            "es",
            "—Vamos a esperar —dijo el alcalde—.",
            [("—Vamos a esperar", True), ("—dijo el alcalde—.", False)],
        ),
        (
            "fr",
            "« Il faut agir vite, a-t-elle ajouté. Nous n’avons plus le temps. »",
            [
                ("« Il faut agir vite,", True),
                ("a-t-elle ajouté.", False),
                ("Nous n’avons plus le temps. »", True),
            ],
        ),
        (
            "it",
            "«Aspetteremo – ha detto il sindaco – la decisione del tribunale».",
            [
                ("«Aspetteremo", True),
                ("– ha detto il sindaco –", False),
                ("la decisione del tribunale».", True),
            ],
        ),
    ],
)
def test_the_narrator_reads_the_attribution_and_the_incise(
    language: str, text: str, expected: list[tuple[str, bool]]
) -> None:
    assert [(t, quoted) for t, quoted, _ in _pieces(language, text)] == expected


def test_a_french_article_is_scripted_with_both_voices() -> None:
    text = "« Nous attendrons la décision du tribunal », a déclaré Marc Lefèvre, le maire de Lyon."
    article = Article(
        Meta("La ville attend", language="fr", title_from="heading"), (Block("paragraph", text),)
    )
    settings = ScriptSettings(opening=False)
    rows = [(s.role, s.text, s.speaker) for s in write_script(article, settings).segments]
    assert rows[1:] == [
        ("quote", "« Nous attendrons la décision du tribunal »,", "Marc Lefèvre"),
        ("narration", "a déclaré Marc Lefèvre, le maire de Lyon.", None),
    ]


def test_english_keeps_its_own_words_and_its_comma_after_a_quote() -> None:
    assert language_for("en-GB").words is language_for(None).words is language_for("xx").words
    assert language_key("pt_BR") == "pt" and language_for("fr-FR").words.code == "fr"
    text = "“We will wait for the court”, said Ruth Abebe."  # logical punctuation: as English read it
    assert [t for t, _, _ in _pieces("en", text)] == ["“We will wait for the court”", ", said Ruth Abebe."]
    assert [t for t, _, _ in _pieces("en", "“We will wait”, said Ruth Abebe.")] == [
        "“We will wait”, said Ruth Abebe."  # too short for the quote voice in English
    ]
    # English speech verbs only in English: `so` and `a` are no attribution there
    assert _pieces("en", "“We will wait for the court”, so Ruth Abebe left.")[0][2] is None
