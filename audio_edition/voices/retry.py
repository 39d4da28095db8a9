"""Retries with exponential backoff and full jitter, bounded in attempts and in total time; the
waits between tries end at once when the process is interrupted."""

from __future__ import annotations

import random
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType
from typing import Any, TypeVar

T = TypeVar("T")
_SLICE = 0.05  # how often a wait looks for an interrupt (seconds)
_interrupts = 0  # interrupts seen so far; a wait that sees this change stops


class Retryable(Exception):
    """A failure worth another try; `wait` is a server's Retry-After in seconds, if it gave one."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


class GaveUp(Exception):
    """Every attempt failed; `last` is the last failure and `reason` its reason, `attempts` how
    many were made, and `wait` the server's Retry-After when waiting that long would have passed
    the deadline."""

    def __init__(
        self, reason: str, attempts: int, wait: float | None = None, last: Retryable | None = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.attempts = attempts
        self.wait = wait
        self.last = last


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try: attempts, backoff base and cap (seconds), and a total deadline."""

    attempts: int = 6
    base: float = 0.5
    cap: float = 8.0
    deadline: float = 90.0

    def delay(self, attempt: int, hint: float | None = None, rng: random.Random | None = None) -> float:
        """Sleep before retry number `attempt` (1-based): full jitter up to the cap, or the server's
        hint if larger (a hint is not capped: the deadline bounds it)."""
        ceiling = min(self.cap, self.base * (2 ** (attempt - 1)))
        jittered = (rng or random).uniform(0, ceiling)
        return max(jittered, hint or 0.0)


def stop_waiting() -> None:
    """End every wait of `pause` in progress, in every thread: the process is being stopped."""
    global _interrupts
    _interrupts += 1


def interrupts() -> int:
    """How many times `stop_waiting` has been called: a `since` for `pause`."""
    return _interrupts


def pause(seconds: float, since: int | None = None) -> None:
    """Sleep `seconds`, unless `stop_waiting` is called meanwhile or was called after `since` (an
    `interrupts()` count taken earlier): then KeyboardInterrupt, within a twentieth of a second."""
    seen = _interrupts if since is None else since
    end = time.monotonic() + seconds
    while _interrupts == seen:
        left = end - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(left, _SLICE))
    raise KeyboardInterrupt


def wake_on_signals() -> None:
    """Have SIGINT and SIGTERM call `stop_waiting` before their own handlers, so that retries
    waiting on worker threads stop with the main thread. Python delivers signals to the main
    thread only; elsewhere, or where a signal has no Python handler, nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        return
    for number in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(number)
        if callable(handler) and not getattr(handler, "wakes_retries", False):
            signal.signal(number, _waking(handler))


def _waking(handler: Callable[[int, FrameType | None], Any]) -> Callable[[int, FrameType | None], Any]:
    def wake_then_handle(number: int, frame: FrameType | None) -> Any:
        stop_waiting()
        return handler(number, frame)

    wake_then_handle.wakes_retries = True  # type: ignore[attr-defined]
    return wake_then_handle


def with_retries(
    call: Callable[[], T],
    policy: RetryPolicy,
    *,
    sleep: Callable[[float], None] = pause,
    clock: Callable[[], float] = time.monotonic,
    on_retry: Callable[[str], None] | None = None,
) -> T:
    """Run `call`, retrying on Retryable until it succeeds or the policy runs out (GaveUp, at once
    when the server asks for a wait that would pass the deadline)."""
    started = clock()
    for attempt in range(1, policy.attempts + 1):
        try:
            return call()
        except Retryable as exc:
            if attempt == policy.attempts:
                raise GaveUp(exc.reason, attempt, last=exc) from exc
            if exc.wait is not None and clock() - started + exc.wait > policy.deadline:
                raise GaveUp(exc.reason, attempt, exc.wait, exc) from exc
            seconds = policy.delay(attempt, exc.wait)
            if clock() - started + seconds > policy.deadline:
                raise GaveUp(exc.reason, attempt, last=exc) from exc
            if on_retry:
                on_retry(exc.reason)
            sleep(seconds)
    raise AssertionError("unreachable")  # pragma: no cover
