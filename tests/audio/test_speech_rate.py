"""The gate's speech-rate measure: syllables of the speech text, limits from the engines' spread."""

from __future__ import annotations

import pytest

from audio_edition.audio.quality import (
    LONG_SYLLABLES,
    MAX_S_PER_SYLLABLE,
    MIN_S_PER_SYLLABLE,
    rate_problem,
)
from audio_edition.text.syllables import syllables

# (speech text, syllables the gate counts): never more than is said, so "too fast" never fires
# on speech that is merely dense.
GOLDEN = [
    ("A", 1),
    ("U S", 2),
    ("W", 3),
    ("BBC", 3),
    ("NATO", 2),
    ("No.", 1),
    ("Yes.", 1),
    ("time", 1),
    ("table", 2),
    ("backed", 1),
    ("wanted", 2),
    ("boxes", 2),
    ("1999", 4),
    ("東京都", 3),
    ("Mercredi, il a déclaré", 8),
    ("The union said eighty-seven per cent of members backed the action.", 17),
    ("Volodymyr Zelensky spoke", 8),
    ("News , World - Sport", 3),  # a lone mark says nothing
    ("-->", 0),
]


@pytest.mark.parametrize(("speech", "count"), GOLDEN)
def test_syllables_the_gate_counts(speech: str, count: int) -> None:
    assert syllables(speech) == count


def test_the_gate_counts_a_pronounced_word_by_its_alias() -> None:
    from audio_edition.model import Pronunciation, Speech

    speech = Speech((Pronunciation("Volodymyr Zelensky", "zɛlˈɛnski"), " spoke"))
    assert syllables(speech.text) == 8  # the alias's syllables, not the IPA's


# Durations measured with Piper here (25 takes each; docs/sound.md "Quality gate"): all must pass.
@pytest.mark.parametrize(
    ("speech", "seconds"),
    [
        ("A", 0.15),  # the shortest take the issue measured of a file-name title "A"
        ("A", 0.52),
        ("No.", 0.27),
        ("U S", 0.40),
        ("three hundred and twelve", 1.39),
        ("Around fourteen thousand people use the ferries each weekday.", 4.0),
    ],
)
def test_measured_takes_pass(speech: str, seconds: float) -> None:
    assert rate_problem(speech, seconds) == ""


def test_a_long_segment_cut_to_less_than_half_fails_with_value_and_limit() -> None:
    speech = "The union said eighty-seven per cent of members backed the action."
    fast = 17 * MIN_S_PER_SYLLABLE * 0.9
    problem = rate_problem(speech, fast)
    assert problem.startswith("0.081 s a syllable over 17 syllables, under the 0.090 s floor")
    assert "cut off?" in problem
    slow = rate_problem(speech, 17 * MAX_S_PER_SYLLABLE * 1.1)
    assert "over the 0.750 s ceiling" in slow and "padded?" in slow


def test_short_segments_have_floors_and_ceilings_in_seconds() -> None:
    assert "under the 0.07 s floor" in rate_problem("A", 0.03)
    assert "over the 1.50 s ceiling" in rate_problem("A", 1.8)
    assert rate_problem("-->", 0.5) == ""  # nothing said, a short sound is no fault
    assert rate_problem("Yes.", 0.0) == "no audio"


def test_limits_follow_speed() -> None:
    speech = "Around fourteen thousand people use the ferries each weekday."
    count = syllables(speech)
    assert count >= LONG_SYLLABLES
    at_double = count * MIN_S_PER_SYLLABLE * 0.6
    assert rate_problem(speech, at_double) != ""
    assert rate_problem(speech, at_double, speed=2.0) == ""
