"""The `auto` engine choice: gTTS when Google answers a quick probe, else the offline Piper voice."""

from __future__ import annotations

import functools
import threading

from audio_edition.voices import get_engine

PROBE_SECONDS = 2.0


def choose_engine(requested: str) -> tuple[str, str]:
    """(engine name, why): `auto` is resolved by one probe per process; other names pass through."""
    if requested.strip().lower() != "auto":
        return requested.strip().lower(), "as asked"
    answered, how = _probe()
    if answered:
        return "gtts", f"auto: {how}"
    return "piper", f"auto: Google is not reachable ({how}), using the offline voice"


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
