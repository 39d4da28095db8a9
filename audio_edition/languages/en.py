"""English: the language the tool was first written for, and what a language without a module of
its own borrows (its speaker words and the tool's sentences)."""

from __future__ import annotations

from audio_edition.languages.dates import WRITTEN_ENGLISH_DATE, english_day
from audio_edition.languages.en_normalize import ENGLISH_RULES
from audio_edition.languages.en_words import ENGLISH_WORDS
from audio_edition.languages.language import Language

# Operators between two numbers, and before one, as English says them.
_BETWEEN_EN: dict[str, str] = {
    "<=": "is at most",
    ">=": "is at least",
    "!=": "is not equal to",
    "==": "equals",
    "<": "is less than",
    ">": "is greater than",
    "≤": "is at most",
    "≥": "is at least",
    "≠": "is not equal to",
    "=": "equals",
    "+": "plus",
    "−": "minus",
    "×": "times",
    "÷": "divided by",
    "±": "plus or minus",
    "^": "to the power of",
}
_BEFORE_EN: dict[str, str] = {
    "<": "less than",
    ">": "more than",
    "≤": "at most",
    "≥": "at least",
    "~": "about",
    "≈": "about",
    "±": "plus or minus",
    "+": "plus",
    "−": "minus",
    "№": "number",
    "§": "section",
}

LANGUAGE = Language(
    code="en",
    name="English",
    iso639_2="eng",
    words=ENGLISH_WORDS,
    tag="en",
    messages={
        "show": "{show}.",
        "byline": "By {name}",
        "date": "{date}",
        "listened_title_show": "You have been listening to {title}, from {show}.",
        "listened_title": "You have been listening to {title}.",
        "listened_show": "You have been listening to {show}.",
        "disclosure": "This edition was read by a synthetic voice.",
        "untitled": "Untitled",
        "voice_credit": "Synthetic voice: {voice}",
        "read_by": "Read by a synthetic voice.",
        "bulletin_title": "Bulletin, {date}",
        "bulletin_opening_show": "This is {show}, the bulletin for {date}.",
        "bulletin_opening": "The bulletin for {date}.",
        "bulletin_headlines": "Today's headlines:",
        "bulletin_headlines_chapter": "Headlines",
        "bulletin_closing_show": "That was the bulletin for {date}, from {show}.",
        "bulletin_closing": "That was the bulletin for {date}.",
    },
    messages_in="en",
    normalization=ENGLISH_RULES,
    symbols=(_BETWEEN_EN, _BEFORE_EN, "number"),
    day=english_day,
    written_date=WRITTEN_ENGLISH_DATE,
    espeak_voice="en-us",
)
