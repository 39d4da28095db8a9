"""How the command fails: library errors, system errors and interrupts become one line and an
exit code (`--debug` shows the traceback); SIGTERM is handled like Ctrl-C."""

from __future__ import annotations

import errno
from typing import Any

import click

from audio_edition.errors import AudioEditionError, EngineFailure, FailureCause

INTERRUPTED = (
    "interrupted: no output files were written; segments already spoken are cached, "
    "so the same command resumes where this one stopped"
)
BATCH_INTERRUPTED = (
    "interrupted: articles finished before it are complete, those in progress were not written; "
    "the same command resumes, skipping what is done"
)
# What to do about an engine failure, by its cause: said after what happened.
ADVICE = {
    FailureCause.SERVICE_FAILED: "; retry later or use --engine piper",
    FailureCause.RATE_LIMITED: "; wait a while or use --engine piper",
    FailureCause.OFFLINE: "; use --engine piper to build offline",
    FailureCause.SERVICE_UNREACHABLE: (
        ": use --engine piper to build offline, or --fallback piper to fall back to it"
    ),
}


class Failure(click.ClickException):
    """A one-line error with its exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(" ".join(message.split()))
        self.exit_code = exit_code


class FailingGroup(click.Group):
    """Turns library errors, system errors and interrupts into `Error: ...` and an exit code;
    `--debug` is taken wherever it stands (`build --debug ...` as well as `--debug build ...`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, debug_first(args))

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        """The command named first in `args`; a mistyped name gets the nearest one suggested."""
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            import difflib

            near = difflib.get_close_matches(args[0], list(self.commands), n=1) if args else []
            if near:
                exc.message = f"{exc.message.rstrip('.')}: did you mean '{near[0]}'?"
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (AudioEditionError, OSError, KeyboardInterrupt) as exc:
            if ctx.meta.get("debug"):
                raise
            raise failure_for(exc, ctx.invoked_subcommand) from None


def debug_first(args: list[str]) -> list[str]:
    """`args` with a `--debug` given after the command moved before it (options after `--` are
    arguments, left alone)."""
    end = args.index("--") if "--" in args else len(args)
    if "--debug" not in args[:end]:
        return args
    return ["--debug", *(a for a in args[:end] if a != "--debug"), *args[end:]]


def failure_for(exc: BaseException, command: str | None) -> Failure:
    """The one line and exit code for an error that ended `command`."""
    if isinstance(exc, AudioEditionError):
        return Failure(explained(exc), exc.exit_code)
    if isinstance(exc, OSError):
        return Failure(system_failure(exc), 1)
    return Failure(BATCH_INTERRUPTED if command == "batch" else INTERRUPTED, 130)


def explained(exc: AudioEditionError) -> str:
    """What went wrong, and for an engine failure what to do about it (`ADVICE`)."""
    return f"{exc}{ADVICE[exc.cause]}" if isinstance(exc, EngineFailure) else str(exc)


def system_failure(exc: OSError) -> str:
    """One line for a failure of the machine rather than the input (a vanished file, say)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"disk full: {exc.filename or 'while writing'}: free some space and run again"
    return f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")


def terminate(signum: int, frame: object) -> None:
    """Signal handler: a SIGTERM unwinds like Ctrl-C, so temporary files are removed."""
    raise KeyboardInterrupt
