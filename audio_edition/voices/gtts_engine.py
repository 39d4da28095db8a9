"""gTTS: Google Translate's voice, accents chosen by `tld`; chunked, retried, decoded to samples.

gTTS (and with it requests) is imported when the engine first talks to Google or lists its
languages; the MP3 it returns is decoded by the decoder handed to the voices stage
(`audio_edition.voices.decoding`), or by the one the engine is made with.
"""

from __future__ import annotations

import re
import threading
from functools import partial
from importlib import metadata
from typing import Any

from audio_edition.errors import EngineError, InputError
from audio_edition.languages.language import Language
from audio_edition.languages.tags import language_key
from audio_edition.model import Clip
from audio_edition.voices import decoding
from audio_edition.voices.base import installed
from audio_edition.voices.chunking import chunk_text
from audio_edition.voices.gtts_failures import GttsFailure, GttsGaveUp, NoAudio, NothingToSpeak, classify
from audio_edition.voices.retry import (
    GaveUp,
    RetryPolicy,
    interrupts,
    pause,
    wake_on_signals,
    with_retries,
)

# Narrator and quote accents per language (Google serves accents through the domain it is asked on).
ACCENTS: dict[str, tuple[str, str]] = {
    "en": ("com", "co.uk"),
    "fr": ("fr", "ca"),
    "pt": ("com.br", "pt"),
    "es": ("es", "com.mx"),
    "zh": ("com", "com.tw"),
}
# Accents for recurring speakers besides the narrator's, most distinct from it first (Canada's,
# nearest the narrator's American English, last).
SPEAKER_ACCENTS: dict[str, tuple[str, ...]] = {
    "en": ("co.uk", "com.au", "co.in", "ie", "co.za", "ca"),
    "fr": ("ca",),
    "pt": ("pt",),
    "es": ("com.mx", "us"),
    "zh": ("com.tw",),
}
_TLD = re.compile(r"^[a-z]{2,3}(\.[a-z]{2,3})?$")
MAX_CHARS = 100
SAMPLE_RATE = 24000
_MIN_MP3_BYTES = 200


class GttsEngine:
    """Speaks through gTTS, one request per chunk of at most 100 characters."""

    name = "gtts"
    max_chars: int | None = MAX_CHARS
    max_parallel = 4

    def __init__(
        self,
        retry: RetryPolicy | None = None,
        timeout: tuple[float, float] = (3.05, 15.0),
        decoder: decoding.Decoder | None = None,
    ) -> None:
        self.retry = retry or RetryPolicy()
        self.timeout = timeout
        self.decoder = decoder or decoding.decode  # the stage's decoder, unless given one
        self.requests_sent = 0
        self.retries = 0
        self._count = threading.Lock()
        wake_on_signals()  # Ctrl-C ends the retry waits of the synthesis threads, not only the main one
        try:
            self.version = metadata.version("gTTS")
        except metadata.PackageNotFoundError:
            self.version = "missing"

    def available(self) -> tuple[bool, str]:
        if not installed("gtts"):  # found, not imported
            return False, "not installed: pip install gtts"
        return True, ""

    def default_voices(self, language: Language) -> dict[str, str]:
        narrator, quote = ACCENTS.get(language.code, ("com", "com"))
        code = language.gtts_code or language.tag
        return {"narrator": f"{code}@{narrator}", "quote": f"{code}@{quote}"}

    def check_voice(self, voice: str, language: Language) -> None:
        from gtts.lang import tts_langs

        lang, tld = _split(voice)
        if lang not in tts_langs():
            raise InputError(f"gTTS does not speak '{lang}': see `audio-edition voices` for its languages")
        if not _TLD.match(tld):
            raise InputError(f"'{tld}' is not a Google domain suffix: use e.g. com, co.uk, com.au")

    def voices(self) -> list[str]:
        from gtts.lang import tts_langs

        out = []
        for lang in sorted(tts_langs()):
            narrator, quote = ACCENTS.get(_base(lang), ("com", "com"))
            out += [f"{lang}@{narrator}"] + ([f"{lang}@{quote}"] if quote != narrator else [])
        return out

    def voice_language(self, voice: str) -> str | None:
        """The language part of `lang@tld`."""
        return _split(voice)[0]

    def speaker_pool(self, language: Language, quote_voice: str) -> list[str]:
        """The quote voice, then the other accents Google speaks the quote voice's language in."""
        lang = _split(quote_voice)[0]
        return [quote_voice, *(f"{lang}@{tld}" for tld in SPEAKER_ACCENTS.get(_base(lang), ()))]

    def cache_settings(self, voice: str) -> dict[str, Any]:
        lang, tld = _split(voice)
        return {"lang": lang, "tld": tld, "slow": False, "chunk": MAX_CHARS}

    def synthesize(self, text: str, voice: str) -> Clip:
        lang, tld = _split(voice)
        since = interrupts()  # an interrupt during a request or between chunks ends the next wait too
        mp3 = b"".join(self._fetch(chunk, lang, tld, since) for chunk in chunk_text(text, MAX_CHARS))
        return self.decoder(mp3, SAMPLE_RATE, "gTTS audio")

    def probe(self, timeout: float = 2.0) -> tuple[bool, str]:
        """Ask Google for one short word, once, without retries: (answered, how)."""
        try:
            self._request("ok", "en", "com", (timeout, timeout))
        except GttsFailure as exc:
            if exc.unreachable:
                return False, exc.reason
            return True, f"Google answered ({exc.reason})"
        except EngineError as exc:
            return True, f"Google answered ({exc})"
        return True, "Google answered"

    def _fetch(self, chunk: str, code: str, tld: str, since: int) -> bytes:
        def attempt() -> bytes:
            return self._request(chunk, code, tld, self.timeout)

        def count_retry(_: str) -> None:
            with self._count:
                self.retries += 1

        try:
            return with_retries(attempt, self.retry, sleep=partial(pause, since=since), on_retry=count_retry)
        except GaveUp as exc:
            tries = f"{exc.attempts} {'try' if exc.attempts == 1 else 'tries'}"
            reason = exc.reason
            if exc.wait is not None:
                limit = self.retry.deadline
                reason += f"; Google asked to wait {exc.wait:.0f} s, beyond the {limit:.0f} s retry limit"
            failure = exc.last if isinstance(exc.last, GttsFailure) else None
            probable = (failure or GttsFailure).probable
            raise GttsGaveUp(f"gTTS gave up after {tries}: {reason}. {probable}", failure) from exc

    def _request(self, chunk: str, code: str, tld: str, timeout: tuple[float, float]) -> bytes:
        from gtts import gTTS, gTTSError

        tts = gTTS(chunk, lang=code, tld=tld, lang_check=False, timeout=timeout)  # Google's code
        with self._count:
            self.requests_sent += 1
        try:
            data = b"".join(tts.stream())
        except gTTSError as exc:
            raise classify(exc) from exc
        except (ValueError, TypeError, UnicodeDecodeError) as exc:  # base64 or decoding of a bad body
            raise NoAudio("Google answered without audio (a malformed response)") from exc
        except AssertionError as exc:  # gTTS asserts when nothing speakable is left after cleaning
            raise NothingToSpeak(f"gTTS found nothing to speak in “{chunk[:40]}”") from exc
        if len(data) < _MIN_MP3_BYTES:
            raise NoAudio("Google answered without audio")
        return data


def _split(voice: str) -> tuple[str, str]:
    lang, _, tld = voice.partition("@")
    return lang or "en", tld or ACCENTS.get(_base(lang or "en"), ("com", "com"))[0]


def _base(code: str) -> str:
    """The primary subtag of the language code of a gTTS voice (`fr-CA@ca` speaks `fr`)."""
    return language_key(code)
