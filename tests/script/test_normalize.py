"""Golden tables for speaking figures like a newsreader, and for pronunciation lexicons."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_edition.errors import InputError
from audio_edition.ingest import parse_article
from audio_edition.model import Pronunciation, Speech
from audio_edition.preview import write_script
from audio_edition.script.lexicon import apply_lexicon, load_lexicon
from audio_edition.script.settings import ScriptSettings
from tests.tagged import normalize

GOLDEN = [
    # money and magnitudes
    ("The deal is worth $1.2bn.", "The deal is worth 1.2 billion dollars."),
    # an amount before its noun says it as an adjective (issue 19: "a 1.2 billion dollars pipeline")
    ("a £50m budget", "a 50-million-pound budget"),
    ("a $1.2bn pipeline", "a 1.2-billion-dollar pipeline"),
    ("the £50m deal fell through", "the 50-million-pound deal fell through"),
    ("paid a $5 fee", "paid a 5-dollar fee"),
    ("an €8m upgrade to the line", "an 8-million-euro upgrade to the line"),
    # ... and after a verb or before "of", as an amount
    ("the $1.2bn was spent", "the 1.2 billion dollars was spent"),
    ("the $2bn of debt", "the 2 billion dollars of debt"),
    ("a $4.99 fee", "a 4 dollars and 99 cents fee"),
    ("a 5% rise", "a 5 percent rise"),
    ("tickets cost $5.99", "tickets cost 5 dollars and 99 cents"),
    ("just $1 each", "just 1 dollar each"),
    ("€3,500 in fines", "3500 euros in fines"),
    ("its 1.2m customers", "its 1.2 million customers"),
    ("a 3bn loan", "a 3 billion loan"),
    # percentages, ranges, scores
    ("up 9% on last year", "up 9 percent on last year"),
    ("a 5-4 ruling", "a 5 to 4 ruling"),
    ("from 2020-2024", "from 2020 to 2024"),
    ("in the 2023-24 season", "in the 2023 to 24 season"),
    # dates, times, ordinals
    ("on 2026-04-14", "on April 14, 2026"),
    ("the 22nd round", "the twenty-second round"),
    ("at 8:30 a.m.", "at eight thirty A M"),
    ("by 11 p.m. tonight", "by 11 P M tonight"),
    ("at 9.05pm", "at nine oh five pm"),
    # abbreviations and honorifics
    ("Mr. Smith met Dr. Jones", "Mister Smith met Doctor Jones"),
    ("the U.S. and the U.K.", "the U S and the U K"),
    ("Sen. Ana Ruiz (D-Calif.) said", "Senator Ana Ruiz (Democrat of California) said"),
    ("No. 10 said", "Number 10 said"),
    ("e.g. ferries", "for example ferries"),
    # units
    ("winds of 70 mph (113 kph)", "winds of 70 miles per hour (113 kilometres per hour)"),
    ("a 100m sprint", "a 100 metres sprint"),
    ("it weighs 12kg", "it weighs 12 kilograms"),
    ("highs of 31°C", "highs of 31 degrees Celsius"),
    # web addresses and symbols
    ("see www.example.org/news/today", "see example dot org"),
    ("visit https://eastport.example.com/a?b=1.", "visit eastport dot example dot com."),
    ("write to press@example.org", "write to press at example dot org"),
    ("rates & fees", "rates and fees"),
    # left alone
    ("40,000 homes in 1976", "40,000 homes in 1976"),
    ("July 22, 2025", "July 22, 2025"),
    ("Chapter 3-A", "Chapter 3-A"),
]


@pytest.mark.parametrize(("written", "spoken"), GOLDEN)
def test_figures_are_spoken_as_a_newsreader_would(written: str, spoken: str) -> None:
    assert normalize(written, "en") == spoken


def test_languages_without_rules_are_left_to_the_engine() -> None:
    assert normalize("Op 14 juli, 9% van de stemmen", "nl") == "Op 14 juli, 9% van de stemmen"


def test_the_script_speaks_normalised_text_but_keeps_the_written_one() -> None:
    article = parse_article("Budget Title\nThe council cut $1.2bn, or 9%, from the 2026-27 plan.\n")
    seg = write_script(article, ScriptSettings(opening=False)).segments[1]
    assert seg.text == "The council cut $1.2bn, or 9%, from the 2026-27 plan."
    assert seg.speech.text == "The council cut 1.2 billion dollars, or 9 percent, from the 2026 to 27 plan."


def test_toml_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text('Zelenskyy = "Zelensky"\nKyiv = { alias = "Keev", ipa = "kɪjɪw" }\n', encoding="utf-8")
    entries = load_lexicon(path)
    keev = Pronunciation("Keev", "kɪjɪw")
    assert apply_lexicon("Zelenskyy visited Kyiv; Kyiv's mayor met ZELENSKYY.", entries) == (
        "Zelensky visited ",
        keev,
        "; ",
        keev,
        "'s mayor met Zelensky.",
    )
    assert entries[1].ipa == "kɪjɪw"


def test_phonemes_reach_piper_and_aliases_the_other_engines(tmp_path: Path) -> None:
    from audio_edition.voices import FakeEngine, get_engine
    from audio_edition.voices.base import spoken
    from audio_edition.voices.piper_engine import _load, _model_path, phoneme_sentences

    path = tmp_path / "lexicon.toml"
    path.write_text('Kyiv = { alias = "Keev", ipa = "kˈiːjɪw" }\n', encoding="utf-8")
    article = parse_article("City Title\nThe delegation flew to Kyiv on Monday morning.\n")
    speech = write_script(article, ScriptSettings(opening=False, lexicon=path)).segments[1].speech
    assert Pronunciation("Keev", "kˈiːjɪw") in speech.pieces
    fake = FakeEngine()
    spoken(fake, speech, "narrator")
    assert fake.calls == [("The delegation flew to Keev on Monday morning.", "narrator")]
    assert get_engine("piper").available()[0]
    model = _load(_model_path("joe"), threads=1)
    (with_ipa,) = phoneme_sentences(model, speech)
    assert "kˈiːjɪw" in "".join(with_ipa)
    keev = Speech.of("The delegation flew to Keev on Monday morning.")
    plain = "".join(p for s in phoneme_sentences(model, keev) for p in s)
    assert "kˈiːjɪw" not in plain


def test_pls_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "names.pls"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" '
        'alphabet="ipa" xml:lang="en">\n'
        "  <lexeme><grapheme>Peskov</grapheme><alias>PESS-kov</alias></lexeme>\n"
        "  <lexeme><grapheme>Umerov</grapheme><phoneme>ʊˈmɛrəf</phoneme></lexeme>\n"
        "</lexicon>\n",
        encoding="utf-8",
    )
    entries = load_lexicon(path)
    umerov = Pronunciation("Umerov", "ʊˈmɛrəf")
    assert apply_lexicon("Peskov and Umerov", entries) == ("PESS-kov and ", umerov)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.toml", "Kyiv = [1, 2]", "must be"),
        ("bad2.toml", "Kyiv = ", "not valid TOML"),
        ("bad.pls", "<lexicon><lexeme>", "not valid PLS"),
        ("other.pls", "<lexicon/>", "not a PLS lexicon"),
    ],
)
def test_malformed_lexicons_are_refused(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_lexicon(path)


def test_lexicon_reaches_the_speech_of_every_segment(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text('Zelenskyy = "Zelensky"\n', encoding="utf-8")
    article = parse_article(
        "Talks Title\n“Zelenskyy will travel, and so will his team,” Zelenskyy's aide said.\n"
    )
    segs = write_script(article, ScriptSettings(opening=False, lexicon=path)).segments
    assert all("Zelenskyy" not in s.speech.text for s in segs)
    assert any("Zelenskyy" in s.text for s in segs)
