"""What the `voices` command lists: each engine, whether it is usable here, and its voices (those
that speak a language, when one is asked for)."""

from __future__ import annotations

from dataclasses import dataclass

from audio_edition.languages.language import Language
from audio_edition.voices.auto import engine_choice
from audio_edition.voices.base import speaks
from audio_edition.voices.registry import engine_names, get_engine

__all__ = ["EngineListing", "engine_listings"]


@dataclass(frozen=True)
class EngineListing:
    """One engine as listed: name, version, whether it is usable here (and why not), its voices."""

    name: str
    version: str
    usable: bool
    why: str
    voices: tuple[str, ...]

    def lines(self) -> list[str]:
        """The listing as the `voices` command prints it: a state line, then the voices."""
        state = "usable" if self.usable else f"not usable: {self.why}"
        names = ", ".join(f"{self.name}:{v}" for v in self.voices)
        return [f"{self.name} ({self.version}): {state}", f"  {names}" if names else "  (no voices)"]


def engine_listings(language: Language | None = None) -> list[EngineListing]:
    """Every registered engine with its voices here; with `language`, only the voices that speak
    it (an engine with none is still listed, so the user sees why). gTTS counts as usable only
    when Google answers the probe."""
    out = []
    for name in engine_names():
        engine = get_engine(name)
        installed, why = engine.available()
        usable = installed
        if installed and name == "gtts":
            choice = engine_choice("auto")
            usable, why = choice.engine == "gtts", choice.reason
        voices = engine.voices() if installed else []
        if language:
            voices = [v for v in voices if speaks(engine, v, language)]
        out.append(EngineListing(name, engine.version, usable, why, tuple(voices)))
    return out
