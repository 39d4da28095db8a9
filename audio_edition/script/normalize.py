"""Say figures the way a newsreader does: the script applies its language's normalisation rules
(`Language.normalization`, built in each language's module from the shared rule builders in
`languages/builders.py`), in order. A language without rules is left to the engine."""

from __future__ import annotations

from audio_edition.languages.language import Language


def normalize(text: str, language: Language) -> str:
    """Apply `language`'s rules in order."""
    for rule in language.normalization:
        text = rule(text)
    return text
