"""How engines read the script's inline pronunciations (`⟦IPA|alias⟧`, written by
`audio_edition.script.ipa_marks`): engines that take phonemes (Piper) speak the IPA, the others
the alias (`plain`)."""

from __future__ import annotations

from audio_edition.script.ipa_marks import MARK, mark, plain

__all__ = ["mark", "parts", "plain"]


def parts(text: str) -> list[tuple[str, bool]]:
    """The text as (piece, is_ipa) in order."""
    out: list[tuple[str, bool]] = []
    at = 0
    for match in MARK.finditer(text):
        if match.start() > at:
            out.append((text[at : match.start()], False))
        out.append((match.group(1), True))
        at = match.end()
    if at < len(text):
        out.append((text[at:], False))
    return out
