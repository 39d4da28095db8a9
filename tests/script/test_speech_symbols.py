"""Golden cases for the symbol rules: markup and stray symbols are never read, figures-like symbols
are said as words, lexicon pronunciation marks survive whole."""

from __future__ import annotations

import pytest

from audio_edition.model import Pronunciation
from audio_edition.script.lexicon import Entry
from tests.tagged import speech_text

HOSTILE_TITLE = '<script>alert(1)</script> & "Quotes" <b>bold</b>'

GOLDEN = [
    # markup: tags dropped, script and style elements dropped whole, entities decoded
    (HOSTILE_TITLE, "and Quotes bold"),
    ('</title><script>alert("title")</script> & <b>Co</b> ]]> "quoted"', "and Co quoted"),
    (
        'The council said <script>alert("body")</script> was not on the agenda.',
        "The council said was not on the agenda.",
    ),
    (
        '"We will not run <iframe src=javascript:alert(1)> here," said the clerk.',
        "We will not run here, said the clerk.",
    ),
    (
        "Residents asked about the <style>body{display:none}</style> rules.",
        "Residents asked about the rules.",
    ),
    ("Line one<br/>Line two, <B>loud</B> and <em>clear</em>.", "Line one Line two, loud and clear."),
    ("Second part ]]> <![CDATA[ x ]]> <!-- hidden -->", "Second part x"),
    ("AT&amp;T &lt;b&gt; 5&nbsp;km", "AT and T 5 kilometres"),
    ("Mr. Smith <smith@example.org>", "Mister Smith smith at example dot org"),
    ("<script>alert(1)</script>", "alert(1)"),  # nothing else to say: the script's words, not silence
    # operators: said where a reader says them
    ("3 < 5", "3 is less than 5"),
    ("the 5 > 3 vote", "the 5 is greater than 3 vote"),
    ("2+2=4", "2 plus 2 equals 4"),
    ("x <= 5 and y ≥ 2", "x is at most 5 and y is at least 2"),
    ("E = mc2", "E equals mc2"),
    ("10^6 cells", "10 to the power of 6 cells"),
    ("turnout was <40% in ~12 wards", "turnout was less than 40 percent in about 12 wards"),
    ("a margin of ±3 points", "a margin of plus or minus 3 points"),
    ("§ 230 rules", "section 230 rules"),
    ("Disney+ and C++ and AT&T", "Disney plus and C plus plus and AT and T"),
    # hashtags and handles: their words
    ("#StrikeDay starts at the #1 pier", "Strike Day starts at the number 1 pier"),
    ("Follow @UnionEastport and @jdoe_99 now.", "Follow Union Eastport and jdoe 99 now."),
    ("#COVID19 and #strike_day", "COVID 19 and strike day"),
    ("Email press@example.org now", "Email press at example dot org now"),
    # emoji and emoticons: dropped
    ("Great news 🎉🎉 for crews 👍🏽 :) and ;-) fans", "Great news for crews and fans"),
    ("Family 👨‍👩‍👧 day 🇬🇧 out ❤️ :D", "Family day out"),
    ("I <3 Eastport", "I Eastport"),
    ("1️⃣ first", "1 first"),
    ("the 31°C heat, 5° colder", "the 31 degrees Celsius heat, 5 degrees colder"),
    # stray symbols: dropped, or a pause where they separate
    ("News | World • Sport", "News, World, Sport"),
    ("price: *very* low_cost {x} [sic] back ^ up", "price: very low cost x sic back up"),
    ("Step one -> step two", "Step one, step two"),
    ("a \\ b ~ c = ", "a, b c"),
    ("don´t stop", "don't stop"),
    ("and/or 24/7", "and/or 24/7"),
    ("*** Breaking *** ##", "Breaking"),
]


@pytest.mark.parametrize(("written", "said"), GOLDEN, ids=[w[:30] for w, _ in GOLDEN])
def test_symbols_are_said_as_a_reader_would(written: str, said: str) -> None:
    assert speech_text(written).text == said


@pytest.mark.parametrize(("written", "_"), GOLDEN, ids=[w[:30] for w, _ in GOLDEN])
def test_no_symbol_an_engine_would_spell_out_is_left(written: str, _: str) -> None:
    assert not set(speech_text(written).text) & set("<>{}[]|\\^~*_#=+`´•→")


def test_languages_with_rules_say_operators_and_addresses_in_their_words() -> None:
    assert speech_text("3 < 5 et <b>x</b> #Grève :)", "fr").text == "trois inférieur à cinq et x Grève"
    said = speech_text("écrivez à presse@exemple.fr", "fr").text
    assert said == "écrivez à presse arobase exemple point fr"


def test_languages_without_rules_keep_operators_between_numbers_for_the_engine() -> None:
    assert speech_text("3 < 5 en <b>x</b> #Staking :)", "nl").text == "3 < 5 en x Staking"


LEXICON = (
    Entry("Kyiv", alias="Keev", ipa="kˈiːjɪw"),
    Entry("Zelenskyy", alias="Ze Lensky", ipa="zɛlˈɛnski|j"),  # a bar and a space in what is said
)
K = Pronunciation("Keev", "kˈiːjɪw")
Z = Pronunciation("Ze Lensky", "zɛlˈɛnski|j")


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Zelenskyy | Kyiv <b>now</b> #Kyiv", (Z, ", ", K, " now ", K)),
        ('"Kyiv\'s" _Zelenskyy_ *Kyiv* 🎉', (K, "'s ", Z, " ", K)),
        ("Kyiv’s [Kyiv] {Kyiv} Kyiv|Kyiv", (K, "'s ", K, " ", K, " ", K, " ", K)),
    ],
)
def test_pronounced_words_survive_the_symbol_rules(written: str, said: tuple[object, ...]) -> None:
    assert speech_text(written, "en", LEXICON).pieces == said


def test_private_use_characters_in_the_text_cannot_pose_as_pronounced_words() -> None:
    for slot in ("\U000f0000", "&#xF0001;"):
        assert speech_text(f"{slot} talks in Kyiv {slot}", "en", LEXICON).pieces == ("talks in ", K)


def test_text_with_words_always_has_speech_with_words() -> None:
    for written in ("<br/>", "<b></b>x", ":D", "<script>x</script>", "#_"):
        if any(ch.isalnum() for ch in written):
            assert any(ch.isalnum() for ch in speech_text(written).text), written
