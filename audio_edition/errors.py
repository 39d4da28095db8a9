"""Errors the library raises; the CLI turns each into a one-line message and an exit code."""

from __future__ import annotations


class AudioEditionError(Exception):
    """Base of every error the library raises on purpose; exit code 1."""

    exit_code = 1


class InputError(AudioEditionError):
    """The article or an option given by the user cannot be used; exit code 2."""

    exit_code = 2


class EngineError(AudioEditionError):
    """A speech engine failed to produce audio; exit code 1."""


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
