"""Boilerplate and bylines in French, German, Spanish, Italian and Portuguese: golden lines each rule
must catch, look-alikes it must keep, in the article's language and when the language is not known."""

from __future__ import annotations

import pytest

from audio_edition.ingest.candidates import Candidate
from audio_edition.model import DropReason as R
from tests.tagged import boilerplate_reason, find_structure

CAUGHT: list[tuple[str, str, R]] = [
    ("fr", "LIRE AUSSI : Le maire répond aux critiques", R.READ_ALSO),
    ("fr", "À lire aussi", R.READ_ALSO),
    ("fr", "À lire aussi : la ville sous la neige", R.READ_ALSO),
    ("fr", "Sur le même sujet", R.READ_ALSO),
    ("fr", "Publicité", R.ADVERTISEMENT),
    ("fr", "PUBLICITÉ", R.ADVERTISEMENT),
    ("fr", "Contenu sponsorisé", R.ADVERTISEMENT),
    ("fr", "Partager", R.SHARE),
    ("fr", "Partager sur Facebook", R.SHARE),
    ("fr", "Abonnez-vous", R.SUBSCRIBE),
    ("fr", "Abonnez-vous à notre newsletter quotidienne", R.SUBSCRIBE),
    ("fr", "Suivez-nous sur Instagram", R.FOLLOW_US),
    ("fr", "La suite après cette publicité", R.CONTINUE_READING),
    ("fr", "12 commentaires", R.COMMENTS),
    ("fr", "© Le Journal 2026. Tous droits réservés.", R.COPYRIGHT),
    ("fr", "Crédit photo : AFP", R.PHOTO_CREDIT),
    ("fr", "Lecture : 4 min", R.READING_TIME),
    ("fr", "Cliquez ici pour voir la vidéo", R.CLICK_HERE),
    ("de", "LESEN SIE AUCH", R.READ_ALSO),
    ("de", "Lesen Sie auch: Die Stadt plant neu", R.READ_ALSO),
    ("de", "Mehr zum Thema", R.READ_ALSO),
    ("de", "Anzeige", R.ADVERTISEMENT),
    ("de", "Werbung", R.ADVERTISEMENT),
    ("de", "Teilen", R.SHARE),
    ("de", "Artikel teilen", R.SHARE),
    ("de", "Jetzt abonnieren", R.SUBSCRIBE),
    ("de", "Folgen Sie uns auf Instagram", R.FOLLOW_US),
    ("de", "Der Artikel geht unter der Anzeige weiter", R.CONTINUE_READING),
    ("de", "Foto: dpa", R.PHOTO_CREDIT),
    ("de", "Lesezeit: 3 Minuten", R.READING_TIME),
    ("de", "Alle Rechte vorbehalten.", R.COPYRIGHT),
    ("es", "LEA TAMBIÉN", R.READ_ALSO),
    ("es", "Lea también: El alcalde responde", R.READ_ALSO),
    ("es", "Te puede interesar", R.READ_ALSO),
    ("es", "Publicidad", R.ADVERTISEMENT),
    ("es", "Compartir", R.SHARE),
    ("es", "Compartir en Twitter", R.SHARE),
    ("es", "Suscríbete a nuestro boletín", R.SUBSCRIBE),
    ("es", "Síguenos en Twitter", R.FOLLOW_US),
    ("es", "Foto: EFE", R.PHOTO_CREDIT),
    ("es", "Todos los derechos reservados.", R.COPYRIGHT),
    ("es", "Haz clic aquí para ver el vídeo", R.CLICK_HERE),
    ("it", "LEGGI ANCHE", R.READ_ALSO),
    ("it", "Leggi anche: Il sindaco risponde", R.READ_ALSO),
    ("it", "Pubblicità", R.ADVERTISEMENT),
    ("it", "Condividi", R.SHARE),
    ("it", "Condividi su Facebook", R.SHARE),
    ("it", "Iscriviti alla nostra newsletter", R.SUBSCRIBE),
    ("it", "Seguici su Instagram", R.FOLLOW_US),
    ("it", "Riproduzione riservata", R.COPYRIGHT),
    ("it", "Clicca qui per il video", R.CLICK_HERE),
    ("it", "Stampa", R.PRINT),
    ("pt", "LEIA TAMBÉM", R.READ_ALSO),
    ("pt", "Leia também: O prefeito responde", R.READ_ALSO),
    ("pt", "Saiba mais", R.READ_ALSO),
    ("pt", "Publicidade", R.ADVERTISEMENT),
    ("pt", "Compartilhe", R.SHARE),
    ("pt", "Partilhar no Facebook", R.SHARE),
    ("pt", "Assine a nossa newsletter", R.SUBSCRIBE),
    ("pt", "Siga-nos no Instagram", R.FOLLOW_US),
    ("pt", "Todos os direitos reservados.", R.COPYRIGHT),
    ("pt", "Clique aqui para ver o vídeo", R.CLICK_HERE),
]

KEPT: list[tuple[str, str]] = [
    ("fr", "La publicité a changé la ville."),
    ("fr", "Partager un repas reste une fête pour les habitants."),
    ("fr", "Lire aussi les petites lignes, conseille l’avocate."),
    ("fr", "Inscrivez-vous sur les listes électorales avant vendredi, a rappelé le maire."),
    ("fr", "Les commentaires des habitants ont été nombreux."),
    ("de", "Die Anzeige wurde am Montag erstattet."),
    ("de", "Teilen ist für die Nachbarn selbstverständlich geworden."),
    ("de", "Werbung an Schulen soll verboten werden."),
    ("de", "Mehr zum Thema Wohnen will der Senat im Mai sagen."),
    ("es", "La publicidad engañosa será multada."),
    ("es", "Compartir coche ahorra dinero, según el estudio."),
    ("es", "Lea también el informe, pidió la ministra."),
    ("it", "La pubblicità in televisione è cambiata."),
    ("it", "Condividi la tua storia con noi, chiedeva il cartello."),
    ("it", "La stampa estera era presente."),
    ("pt", "A publicidade mudou a cidade."),
    ("pt", "Saiba mais sobre o tempo que faz, disse o meteorologista."),
    ("pt", "Compartilhe a estrada com os ciclistas, pede a campanha."),
]


@pytest.mark.parametrize(("language", "line", "reason"), CAUGHT)
def test_each_language_s_boilerplate_is_caught_in_its_language(language: str, line: str, reason: R) -> None:
    assert boilerplate_reason(line, language) == reason
    assert boilerplate_reason(line, f"{language}-XX") == reason


@pytest.mark.parametrize(("language", "line", "reason"), [c for c in CAUGHT if c[1] != "Stampa"])
def test_labels_are_caught_when_the_language_is_not_known(language: str, line: str, reason: R) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(("language", "line"), KEPT)
def test_sentences_that_only_hold_such_words_are_kept(language: str, line: str) -> None:
    assert boilerplate_reason(line, language) is None
    assert boilerplate_reason(line) is None


@pytest.mark.parametrize("line", ["Publicité", "LESEN SIE AUCH", "Pubblicità", "Stampa", "Pub"])
def test_an_english_article_reads_only_the_english_rules(line: str) -> None:
    assert boilerplate_reason(line, "en") is None
    assert boilerplate_reason(line, "en-GB") is None


def test_short_words_an_english_heading_might_be_wait_for_their_language() -> None:
    assert boilerplate_reason("Pub", "fr") is R.ADVERTISEMENT and boilerplate_reason("Pub") is None
    assert boilerplate_reason("Stampa", "it") is R.PRINT and boilerplate_reason("Stampa") is None


BYLINES = [
    ("fr", "Par Marie Dupont", "Marie Dupont"),
    ("fr", "Par Marie Dupont et Jean Martin", "Marie Dupont et Jean Martin"),
    ("de", "Von Anna Weber", "Anna Weber"),
    ("es", "Por Ana López y Juan Pérez", "Ana López y Juan Pérez"),
    ("it", "Di Mario Rossi", "Mario Rossi"),
    ("pt", "Por João Silva", "João Silva"),
    ("pt", "De João Silva", "João Silva"),
]


def _structure(lines: list[str], language: str | None):  # type: ignore[no-untyped-def]
    cands = [Candidate(line) for line in lines]
    return find_structure(cands, title=None, explicit_headings=False, language=language)


@pytest.mark.parametrize(("language", "line", "names"), BYLINES)
def test_bylines_are_read_in_their_language(language: str, line: str, names: str) -> None:
    found = _structure(
        ["La ville attend la décision", line, "Le texte commence ici, long et plein."], language
    )
    assert found.byline == names
    assert [b.text for b in found.blocks] == ["Le texte commence ici, long et plein."]


@pytest.mark.parametrize("language", [None, "en"])
def test_foreign_byline_words_open_english_lines_too_so_they_wait_for_the_language(
    language: str | None,
) -> None:
    found = _structure(
        ["Harbour Lights Return", "Von Trapp Singers Come Home", "The text begins here."], language
    )
    assert found.byline is None


def test_a_french_article_drops_its_boilerplate_and_keeps_the_look_alike() -> None:
    lines = [
        "La ville attend",
        "LIRE AUSSI : Le maire répond",
        "La publicité a changé la ville.",
        "Publicité",
    ]
    found = _structure(lines + ["Fin du texte, avec une phrase."], "fr")
    assert [d.text for d in found.dropped] == ["LIRE AUSSI : Le maire répond", "Publicité"]
    assert "La publicité a changé la ville." in [b.text for b in found.blocks]


def test_a_paragraph_wholly_in_german_reversed_guillemets_is_a_block_quote() -> None:
    found = _structure(["Die Stadt wartet", "»Wir warten auf die Entscheidung des Gerichts.«"], "de")
    assert [b.kind for b in found.blocks] == ["blockquote"]
