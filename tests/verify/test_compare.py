"""Heard words compared with the speech text as a listener would: figures as the text says them,
spelling variants and names heard roughly as said accepted, wrong and missing words counted."""

from __future__ import annotations

from audio_edition.model import Pronunciation, Speech
from audio_edition.verify.compare import heard_words, reference_tokens, score


def _rate(speech: Speech | str, heard: str) -> tuple[int, int]:
    meant = reference_tokens(speech)
    found = score(meant, heard_words(heard.split(), meant))
    return found.errors, found.words


def test_figures_are_compared_as_the_text_says_them() -> None:
    assert _rate("The vote was seven to two.", "The vote was 7 to 2.") == (0, 6)
    assert _rate("It opened in twenty twenty-four.", "It opened in 2024.") == (0, 6)
    assert _rate("It cost two thousand and five pounds.", "It cost 2005 pounds.") == (0, 7)
    assert _rate("She came first.", "She came 1st.") == (0, 3)


def test_spelling_variants_and_abbreviations_are_the_same_word() -> None:
    assert _rate("The Defence Council will fulfil it.", "The defense council will fulfill it.") == (0, 6)
    assert _rate("Mister Smith spoke.", "Mr. Smith spoke.") == (0, 3)
    assert _rate("The US President spoke.", "The U.S. President spoke.") == (0, 4)
    assert _rate("a top-level meeting", "a top -level meeting") == (0, 4)


def test_names_are_accepted_as_heard_roughly_but_common_words_are_not() -> None:
    speech = Speech(
        (
            "President ",
            Pronunciation("Volodeemir", "vˌɑːlədˈiːmɪɹ"),
            " spoke in ",
            Pronunciation("Keev", "kˈiːjɪv"),
            ".",
        )
    )
    assert _rate(speech, "President Valedeemer spoke in Keeve.") == (0, 5)
    assert _rate("Later, Peskov said so.", "Later, Piscoff said so.") == (0, 4)
    assert _rate("The harbour was closed.", "The hammer was closed.") == (1, 4)


def test_wrong_missing_and_added_words_each_count() -> None:
    assert _rate("The council approved the budget.", "The council approved.") == (2, 5)
    assert _rate("The council approved the budget.", "") == (5, 5)
    assert _rate("The council approved the budget.", "Shares in the bakery chain rose.")[0] >= 4
    assert _rate("Yes.", "Yes yes yes.") == (2, 1)
