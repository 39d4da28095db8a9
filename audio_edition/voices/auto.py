"""The `auto` engine choice: gTTS when Google answers a quick probe, else the offline Piper voice."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass

from audio_edition.voices.registry import get_engine

PROBE_SECONDS = 2.0
AS_ASKED = "as asked"


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


def engine_choice(requested: str) -> EngineChoice:
    """The engine for `requested`: `auto` is resolved by one probe per process; other names pass
    through, in lower case."""
    if requested.strip().lower() != "auto":
        return EngineChoice(requested.strip().lower(), AS_ASKED, "")
    answered, how = _probe()
    if answered:
        return EngineChoice("gtts", how, f"auto: {how}")
    reason = f"Google is not reachable ({how})"
    return EngineChoice("piper", reason, f"auto: {reason}, using the offline voice")


def choose_engine(requested: str) -> tuple[str, str]:
    """(engine name, why): `engine_choice` as a pair, the why being its sentence when `auto`
    chose and "as asked" otherwise."""
    choice = engine_choice(requested)
    return choice.engine, choice.sentence or choice.reason


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
