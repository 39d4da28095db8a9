"""Golden cases for chunking at natural breaks, and the retry policy's bounds."""

from __future__ import annotations

import random
import signal
import threading
import time
from collections.abc import Iterator

import pytest

from audio_edition.voices.chunking import chunk_text
from audio_edition.voices.retry import (
    GaveUp,
    Retryable,
    RetryPolicy,
    interrupts,
    pause,
    stop_waiting,
    wake_on_signals,
    with_retries,
)

LONG = (
    "Zelenskyy said that Umerov, during the meeting, reported on the implementation of the agreements "
    "reached during the second round of talks held in the Turkish metropolis Istanbul last month, as well "
    "as the agreement to hold a new meeting"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Short enough.", ["Short enough."]),
        (
            "First sentence is here. " * 5 + "Last one.",
            ["First sentence is here. " * 3 + "First sentence is here.", "First sentence is here. Last one."],
        ),
        ("x" * 130, ["x" * 100, "x" * 30]),
        (
            LONG,
            [
                "Zelenskyy said that Umerov, during the meeting,",
                "reported on the implementation of the agreements reached during the second round of "
                "talks held in",
                "the Turkish metropolis Istanbul last month, as well as the agreement to hold a new meeting",
            ],
        ),
    ],
)
def test_chunks(text: str, expected: list[str]) -> None:
    assert chunk_text(text, 100) == expected


def test_chunks_cover_the_text_and_respect_the_limit() -> None:
    rng = random.Random(7)
    words = ["a", "talks", "Istanbul,", "said.", "meeting;", "—", "extraordinarily", "x" * 120]
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 80)))
        chunks = chunk_text(text, 100)
        assert all(0 < len(c) <= 100 for c in chunks)
        assert "".join(chunks).replace(" ", "") == text.replace(" ", "")


def test_delay_grows_with_full_jitter_and_honours_retry_after() -> None:
    policy = RetryPolicy(base=0.5, cap=8.0)
    rng = random.Random(1)
    for attempt in range(1, 8):
        assert 0 <= policy.delay(attempt, rng=rng) <= min(8.0, 0.5 * 2 ** (attempt - 1))
    assert policy.delay(1, hint=3.0, rng=rng) == 3.0
    assert policy.delay(1, hint=60.0, rng=rng) == 60.0  # not capped: the deadline bounds it


def test_gives_up_after_the_attempts() -> None:
    slept: list[float] = []
    calls = []

    def fail() -> None:
        calls.append(1)
        raise Retryable("rate limited")

    with pytest.raises(GaveUp) as info:
        with_retries(fail, RetryPolicy(attempts=4, base=1, cap=2), sleep=slept.append)
    assert len(calls) == 4 and len(slept) == 3 and info.value.attempts == 4


def test_gives_up_at_the_deadline() -> None:
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    def fail() -> None:
        now[0] += 10
        raise Retryable("slow")

    with pytest.raises(GaveUp):
        with_retries(
            fail, RetryPolicy(attempts=100, base=1, cap=1, deadline=35), sleep=sleep, clock=lambda: now[0]
        )
    assert now[0] <= 45


def test_success_after_failures_returns_the_value() -> None:
    answers = iter([Retryable("x"), Retryable("y"), "ok"])

    def call() -> str:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert with_retries(call, RetryPolicy(base=0, cap=0), sleep=lambda s: None) == "ok"


def test_a_retry_after_within_the_deadline_is_slept_in_full() -> None:
    slept: list[float] = []
    answers = iter([Retryable("rate limited", wait=30.0), "ok"])

    def call() -> str:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert with_retries(call, RetryPolicy(cap=8.0, deadline=90.0), sleep=slept.append) == "ok"
    assert slept == [30.0]


def test_a_retry_after_past_the_deadline_gives_up_at_once() -> None:
    slept: list[float] = []

    def fail() -> None:
        raise Retryable("rate limited", wait=120.0)

    with pytest.raises(GaveUp) as info:
        with_retries(fail, RetryPolicy(deadline=90.0), sleep=slept.append)
    assert slept == [] and info.value.attempts == 1 and info.value.wait == 120.0


def _waiting_thread() -> tuple[threading.Thread, threading.Event, list[BaseException]]:
    """A thread in a minute-long retry wait: (it, set once it waits, what it ended with)."""
    waiting, ended = threading.Event(), []

    def fail() -> None:
        raise Retryable("rate limited", wait=60.0)

    def run() -> None:
        try:
            with_retries(fail, RetryPolicy(deadline=90.0), on_retry=lambda _: waiting.set())
        except BaseException as exc:  # noqa: B036 - the KeyboardInterrupt is what is looked for
            ended.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, waiting, ended


def test_stop_waiting_ends_another_threads_wait_at_once() -> None:
    thread, waiting, ended = _waiting_thread()
    assert waiting.wait(5)
    started = time.monotonic()
    stop_waiting()
    thread.join(5)
    assert time.monotonic() - started < 0.5
    assert len(ended) == 1 and isinstance(ended[0], KeyboardInterrupt)


def test_a_wait_begun_after_an_interrupt_since_its_count_ends_at_once() -> None:
    since = interrupts()
    stop_waiting()  # the interrupt comes while the request is out, before the wait begins
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        pause(60.0, since)
    assert time.monotonic() - started < 0.2
    pause(0.01)  # a later wait, counted from now, is not cut short


@pytest.fixture
def own_handlers() -> Iterator[None]:
    saved = {n: signal.getsignal(n) for n in (signal.SIGINT, signal.SIGTERM)}

    def terminate(signum: int, frame: object) -> None:  # as the command's SIGTERM handler does
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["INT", "TERM"])
def test_a_signal_ends_the_waits_of_other_threads(own_handlers: None, number: signal.Signals) -> None:
    wake_on_signals()
    wake_on_signals()  # idempotent: the handler is wrapped once
    thread, waiting, ended = _waiting_thread()
    assert waiting.wait(5)
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):  # the main thread's own handler still runs
        signal.raise_signal(number)
    thread.join(5)
    assert time.monotonic() - started < 0.5
    assert len(ended) == 1 and isinstance(ended[0], KeyboardInterrupt)
