"""What a `follow` run is told besides the build options, with every default (the CLI shows these)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class FollowSettings:
    """The podcast's `base_url`; at most `max_new` entries built per run, newest first; entries
    dated before `since` ignored; the newest `keep` episodes kept (0: all); a failing entry tried
    again on `retries` later runs, then given up; with `bulletin` (or `bulletin_sentences`) the
    run's new articles also become one bulletin episode, each read whole or its first
    `bulletin_sentences` sentences and its first quotation."""

    base_url: str = ""
    max_new: int = 20
    since: dt.datetime | None = None
    keep: int = 50
    retries: int = 3
    bulletin: bool = False
    bulletin_sentences: int | None = None

    @property
    def makes_bulletin(self) -> bool:
        """Whether a run that built articles makes their bulletin too."""
        return self.bulletin or self.bulletin_sentences is not None
