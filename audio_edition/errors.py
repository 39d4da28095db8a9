"""Errors the library raises; the CLI turns each into a one-line message and an exit code."""

from __future__ import annotations

from enum import StrEnum


class AudioEditionError(Exception):
    """Base of every error the library raises on purpose; exit code 1."""

    exit_code = 1


class InputError(AudioEditionError):
    """The article or an option given by the user cannot be used; exit code 2."""

    exit_code = 2


class EngineError(AudioEditionError):
    """A speech engine failed to produce audio; exit code 1."""


class FailureCause(StrEnum):
    """Why an engine failed, as far as what the user can do about it depends on it."""

    SERVICE_FAILED = "service failed"  # the speech service failed on its side
    RATE_LIMITED = "rate limited"  # the service asked for fewer requests
    OFFLINE = "offline"  # the service did not answer: no internet access
    SERVICE_UNREACHABLE = "service unreachable"  # told before any segment was spoken


class EngineFailure(EngineError):
    """An engine failure with a `cause` the user can act on; `engine` names the engine. The
    message says what happened; what to do about it is the command line's to say."""

    def __init__(self, message: str, cause: FailureCause, engine: str = "") -> None:
        super().__init__(message)
        self.cause, self.engine = cause, engine

    def about(self, what: str) -> EngineFailure:
        """The same failure, its message naming `what` it happened on (`segment 3 (…): …`)."""
        return EngineFailure(f"{what}: {self}", self.cause, self.engine)


class AudioError(AudioEditionError):
    """Decoding, mixing or encoding audio failed; exit code 1."""


class QualityError(AudioEditionError):
    """The finished episode failed the quality gate; nothing was written. Exit code 1."""


class OutputError(AudioEditionError):
    """The output could not be written (the disk is full, say); nothing was left. Exit code 1."""


def one_line(exc: BaseException) -> str:
    """An unexpected error as one line: its type and its message, white space collapsed."""
    said = " ".join(str(exc).split())
    return f"unexpected {type(exc).__name__}" + (f": {said}" if said else "")
