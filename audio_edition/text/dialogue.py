"""Dialogue dashes, as Spanish and Portuguese write speech: `—Vamos —dijo el alcalde—. No hay prisa.`

A paragraph that opens with a dash and a word is a character's speech; a dash after a space opens
the narrator's incise (`—dijo el alcalde`), which runs to the next dash or the paragraph's end;
after that closing dash the speech resumes. The spaced style (`— Vamos — disse ele — agora.`) reads
the same way. Only the languages that write dialogue so are read for it (`Language.dialogue_dashes`).
"""

from __future__ import annotations

from audio_edition.languages.language import Language

DIALOGUE_DASHES = "—―–"  # em dash, horizontal bar, en dash (spaced Portuguese style)
_SPEECH_START = "¡¿«“\"'"


def writes_dialogue_dashes(language: Language | None) -> bool:
    """Whether `language` marks speech with dialogue dashes (`Language.dialogue_dashes`)."""
    return language is not None and language.dialogue_dashes


def dialogue_spans(text: str) -> list[tuple[int, int]] | None:
    """The (start, end) stretches of speech of a paragraph opening with a dialogue dash, the opening
    dash included; None when the paragraph is not dialogue."""
    lead = len(text) - len(text.lstrip())
    if lead >= len(text) or text[lead] not in DIALOGUE_DASHES or not _opens_words(text, lead + 1):
        return None
    spans: list[tuple[int, int]] = []
    start: int | None = lead
    i = lead + 1
    while i < len(text):
        ch = text[i]
        if (
            ch in DIALOGUE_DASHES
            and start is not None
            and text[i - 1].isspace()
            and _opens_words(text, i + 1)
        ):
            _add(spans, text, start, i)  # the incise opens: the narrator speaks
            start = None
        elif ch in DIALOGUE_DASHES and start is None:
            start = _resumes(text, i + 1)  # the incise closes: speech goes on, if any follows
            if start is None:
                break
            i = start
            continue
        i += 1
    if start is not None:
        _add(spans, text, start, len(text.rstrip()))
    return spans or None


def _opens_words(text: str, i: int) -> bool:
    """After an optional space, a letter, a digit or an opening mark follows position `i`."""
    while i < len(text) and text[i] in " \u00a0\u202f":
        i += 1
    return i < len(text) and (text[i].isalnum() or text[i] in _SPEECH_START)


def _resumes(text: str, i: int) -> int | None:
    """Where speech resumes after an incise's closing dash: the first word after its punctuation."""
    while i < len(text) and (text[i].isspace() or text[i] in ".,;:"):
        i += 1
    return i if i < len(text) and (text[i].isalnum() or text[i] in _SPEECH_START) else None


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Keep a stretch of speech that holds a word, without the spaces before its end."""
    while end > start and text[end - 1].isspace():
        end -= 1
    if any(ch.isalnum() for ch in text[start:end]):
        spans.append((start, end))
