"""Retries with exponential backoff and full jitter, bounded in attempts and in total time."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


class Retryable(Exception):
    """A failure worth another try; `wait` is a server's Retry-After in seconds, if it gave one."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


class GaveUp(Exception):
    """Every attempt failed; `reason` is the last failure's, `attempts` how many were made."""

    def __init__(self, reason: str, attempts: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.attempts = attempts


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try: attempts, backoff base and cap (seconds), and a total deadline."""

    attempts: int = 6
    base: float = 0.5
    cap: float = 8.0
    deadline: float = 90.0

    def delay(self, attempt: int, hint: float | None = None, rng: random.Random | None = None) -> float:
        """Sleep before retry number `attempt` (1-based): full jitter, or the server's hint if larger."""
        ceiling = min(self.cap, self.base * (2 ** (attempt - 1)))
        jittered = (rng or random).uniform(0, ceiling)
        return min(self.cap, max(jittered, hint or 0.0))


def with_retries(
    call: Callable[[], T],
    policy: RetryPolicy,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    on_retry: Callable[[str], None] | None = None,
) -> T:
    """Run `call`, retrying on Retryable until it succeeds or the policy runs out (GaveUp)."""
    started = clock()
    for attempt in range(1, policy.attempts + 1):
        try:
            return call()
        except Retryable as exc:
            if attempt == policy.attempts:
                raise GaveUp(exc.reason, attempt) from exc
            pause = policy.delay(attempt, exc.wait)
            if clock() - started + pause > policy.deadline:
                raise GaveUp(exc.reason, attempt) from exc
            if on_retry:
                on_retry(exc.reason)
            sleep(pause)
    raise AssertionError("unreachable")  # pragma: no cover
