"""What a `follow` run did: the batch's table of entries with the feeds' and pages' requests, one
line per problem, and how the command should end."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from audio_edition.batch import BatchReport
from audio_edition.follow.pages import PageCounts
from audio_edition.follow.recheck import RecheckCounts


@dataclass
class FollowReport:
    """The entries' results (a `BatchReport`); the problems: `failed` entries (tried again later)
    and those `given_up`, a line each, `feed_errors` a line and its exit code; the requests made;
    the feed written, if any."""

    entries: BatchReport = field(default_factory=BatchReport)
    failed: list[str] = field(default_factory=list)
    given_up: list[str] = field(default_factory=list)
    feed_errors: list[tuple[str, int]] = field(default_factory=list)
    feeds_read: int = 0
    feeds_unchanged: int = 0
    pages: PageCounts = field(default_factory=PageCounts)
    removed: int = 0
    feed: Path | None = None
    rechecked: RecheckCounts = field(default_factory=RecheckCounts)
    later: int = 0  # entries left for the next run: --max-time was reached
    stopped: str = ""  # the line saying the run stopped at --max-time

    def table(self) -> str:
        """The batch's summary table, then the follower's own rows in the same columns."""
        pages = self.pages
        rows = [
            ("given up", str(len(self.given_up))),
            ("left (--max-time)", str(self.later)),
            ("removed (--keep)", str(self.removed)),
            (
                "feeds",
                f"{self.feeds_read} read, {self.feeds_unchanged} not modified, {self.feeds_failed} failed",
            ),
            ("pages", f"{pages.fetched} read, {pages.not_modified} not modified, {pages.failed} failed"),
            ("rechecked", self.rechecked.line()),
        ]
        width = max(len(k) for k in ("skipped (up to date)", *(k for k, _ in rows)))  # the batch's widest
        return self.entries.table() + "\n" + "\n".join(f"{k:<{width}}  {v}" for k, v in rows)

    def problems(self) -> list[str]:
        """One line per feed that could not be read, entry that failed, and entry given up (a lone
        feed error left to the closing line)."""
        lines = [f"failed: {line}" for line, _ in self.feed_errors] + self.failed + self.given_up
        lines = lines[1:] if len(self.feed_errors) == 1 and not self.failures else lines
        return [*lines, self.stopped] if self.stopped else lines

    @property
    def feeds_failed(self) -> int:
        """Feeds that could not be fetched or read."""
        return len(self.feed_errors)

    @property
    def failures(self) -> int:
        """Entries that failed in this run, given up or not."""
        return len(self.failed) + len(self.given_up)

    def outcome(self) -> tuple[str, int] | None:
        """The closing error and exit code: 2 when a feed is no feed, 1 when anything else failed;
        None when all went well or there was nothing new."""
        if len(self.feed_errors) == 1 and not self.failures:
            line, code = self.feed_errors[0]
            return line, code
        if self.feed_errors:
            code = max(code for _, code in self.feed_errors)
            failed = f" and {self.failures} entries" if self.failures else ""
            return f"{len(self.feed_errors)} feeds{failed} failed (listed above)", code
        if self.failures:
            return f"{self.failures} of {self.entries.total} entries failed (listed above)", 1
        return None
