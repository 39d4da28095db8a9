"""A deterministic offline engine that hums a tone per word: for tests and dry runs, no model needed."""

from __future__ import annotations

from audio_edition.errors import InputError
from audio_edition.languages.language import Language
from audio_edition.model import Clip

_PITCH = {"narrator": 180.0, "quote": 260.0, "low": 120.0}


class FakeEngine:
    """Speaks each word as a short tone whose length grows with the word; records every call."""

    name = "fake"
    version = "1"
    max_chars: int | None = None
    max_parallel = 4
    sample_rate = 22050
    ms_per_char = 55

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def available(self) -> tuple[bool, str]:
        return True, ""

    def default_voices(self, language: Language) -> dict[str, str]:
        return {"narrator": "narrator", "quote": "quote"}

    def check_voice(self, voice: str, language: Language) -> None:
        if voice.split("+")[0] not in _PITCH:
            raise InputError(f"unknown fake voice '{voice}': use one of {', '.join(_PITCH)}")

    def voices(self) -> list[str]:
        return list(_PITCH)

    def speaker_pool(self, language: Language, quote_voice: str) -> list[str]:
        """The quote voice, then every other tone."""
        return [quote_voice, *(v for v in _PITCH if v != "narrator")]

    def cache_settings(self, voice: str) -> dict[str, object]:
        return {"ms_per_char": self.ms_per_char, "rate": self.sample_rate}

    def synthesize(self, text: str, voice: str) -> Clip:
        import numpy as np

        self.calls.append((text, voice))
        rate = self.sample_rate
        pitch = _PITCH.get(voice.split("+")[0], 200.0)
        parts = [np.zeros(int(rate * 0.05), dtype=np.float32)]
        for word in text.split():
            n = int(rate * self.ms_per_char * max(1, sum(c.isalnum() for c in word)) / 1000)
            t = np.arange(n, dtype=np.float32) / rate
            envelope = np.minimum(1.0, np.minimum(t, t[::-1]) / 0.01).astype(np.float32)
            parts.append((0.5 * np.sin(2 * np.pi * pitch * t) * envelope).astype(np.float32))
            parts.append(np.zeros(int(rate * 0.06), dtype=np.float32))
        parts.append(np.zeros(int(rate * 0.05), dtype=np.float32))
        return Clip(np.concatenate(parts), rate)
