"""The `auto` engine choice: gTTS when Google answers a quick probe; offline, in order, a Piper voice
the user named, the bundled Piper voice for English, espeak-ng when installed and it speaks the
article's language, else a clear error naming both remedies."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass

from audio_edition.errors import EngineFailure, FailureCause, InputError
from audio_edition.languages.language import Language
from audio_edition.voices.base import speaks
from audio_edition.voices.registry import get_engine

AUTO_ENGINES = ("gtts", "piper", "espeak")  # every engine `auto` may choose
PROBE_SECONDS = 2.0
AS_ASKED = "as asked"
STAY_OFFLINE = "--engine piper (or AUDIO_EDITION_ENGINE=piper) keeps it on this machine"


@dataclass(frozen=True)
class EngineChoice:
    """Which engine speaks and why.

    `engine` is its name in lower case; `reason` says why in a few words ("as asked", "Google
    answered", "Google is not reachable (...)"); `sentence` is the note for the user when `auto`
    chose ("auto: ..."), empty when the engine was named."""

    engine: str
    reason: str
    sentence: str

    @property
    def by_auto(self) -> bool:
        """Whether `auto` made the choice."""
        return bool(self.sentence)


def engine_choice(
    requested: str, language: Language | None = None, narrator: str | None = None
) -> EngineChoice:
    """The engine for `requested`: `auto` is resolved by one probe per process, and offline by the
    article's `language` and the `narrator` voice asked for (see `offline_engine`); other names pass
    through, in lower case. InputError when no offline voice here speaks the language."""
    if requested.strip().lower() != "auto":
        return EngineChoice(requested.strip().lower(), AS_ASKED, "")
    answered, how = _probe()
    if answered:
        return EngineChoice("gtts", how, f"auto: {how}, so the text is sent to Google (gTTS); {STAY_OFFLINE}")
    reason = f"Google is not reachable ({how})"
    engine = offline_engine(language, narrator)
    if engine == "espeak":
        return EngineChoice(
            engine,
            reason,
            f"auto: {reason}, using espeak-ng, which speaks '{language.tag if language else 'en'}'",
        )
    return EngineChoice(engine, reason, f"auto: {reason}, using the offline voice")


def require_google(engine: str, fallback: str | None = None) -> None:
    """For `--engine gtts` without `--fallback`: an EngineFailure (the service unreachable) at once
    when Google does not answer the probe (so a build offline is not spent retrying every
    segment); nothing for other engines."""
    if engine.strip().lower() != "gtts" or fallback:
        return
    answered, how = _probe()
    if not answered:
        raise EngineFailure(
            f"Google is not reachable ({how}), and --engine gtts speaks only through it",
            FailureCause.SERVICE_UNREACHABLE,
            "gtts",
        )


def offline_engine(language: Language | None, narrator: str | None = None) -> str:
    """The offline engine for an article in `language`: Piper when the user named a Piper voice
    or the article is English (the bundled voice), else espeak-ng when it is installed and speaks
    the language; InputError naming both remedies otherwise."""
    if (narrator or "").strip().lower().startswith("piper:") or language is None or language.code == "en":
        return "piper"
    espeak = get_engine("espeak")
    installed, _why = espeak.available()
    if installed and any(speaks(espeak, voice, language) for voice in espeak.voices()):
        return "espeak"
    raise InputError(
        f"no offline voice here speaks '{language.tag if language else 'en'}' (Google is not reachable): "
        "install espeak-ng "
        "(apt-get install espeak-ng), or name a Piper voice for the language with "
        "--narrator piper:/path/voice.onnx"
    )


def engines_for(requested: str) -> tuple[str, ...]:
    """The engines a build asking for `requested` may speak with, in lower case: every one `auto`
    may choose, else the one named. Nothing is probed or loaded."""
    name = requested.strip().lower()
    return AUTO_ENGINES if name == "auto" else (name,)


@functools.lru_cache(maxsize=1)
def _probe() -> tuple[bool, str]:
    """Probe Google once, bounding even a hanging DNS lookup by running it on a daemon thread."""
    engine = get_engine("gtts")
    probe = getattr(engine, "probe", None)
    if probe is None:
        return False, "the gtts engine cannot be probed"
    result: list[tuple[bool, str]] = []
    worker = threading.Thread(target=lambda: result.append(probe(PROBE_SECONDS)), daemon=True)
    worker.start()
    worker.join(PROBE_SECONDS + 1.0)
    return result[0] if result else (False, f"no answer within {PROBE_SECONDS + 1.0:.0f} s")


def forget_probe() -> None:
    """Probe again on the next `auto` choice (for long-running processes and tests)."""
    _probe.cache_clear()
