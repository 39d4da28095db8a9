"""What a `follow` run is told besides the build options, with every default (the CLI shows these)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from audio_edition.publish.feed import Show


@dataclass(frozen=True)
class FollowSettings:
    """The podcast's `base_url`; at most `max_new` entries built per run, newest first; entries
    dated before `since` ignored; the newest `keep` episodes kept (0: all); a failing entry tried
    again on `retries` later runs, then given up; with `bulletin` (or `bulletin_sentences`) the
    run's new articles also become one bulletin episode, each read whole or its first
    `bulletin_sentences` sentences and its first quotation. After `max_time` seconds a run starts
    no new request or build (what is left waits for the next run). The pages of built entries dated
    within `recheck` days are asked again each run, and rebuilt when their article changed."""

    base_url: str = ""
    max_new: int = 20
    since: dt.datetime | None = None
    keep: int = 50
    retries: int = 3
    bulletin: bool = False
    bulletin_sentences: int | None = None
    recheck: float = 2.0  # days: the pages of entries this recent are asked again for corrections
    max_time: float = 600.0  # seconds; under a 15-minute cron period, with room for the builds running
    # The podcast channel feed.xml describes (as `audio-edition feed` takes them); title and author
    # default to the show.
    feed_title: str | None = None
    feed_author: str | None = None
    feed_description: str = "News articles read aloud."
    feed_image: str | None = None
    feed_language: str | None = None
    feed_category: str = "News"
    feed_explicit: bool = False

    def channel(self, show: str) -> Show:
        """The feed's channel: these settings, the title and author defaulting to `show`."""
        from audio_edition.publish.feed import Show

        return Show(
            self.base_url,
            title=self.feed_title or show,
            author=self.feed_author or show,
            description=self.feed_description,
            image=self.feed_image,
            language=self.feed_language,
            category=self.feed_category,
            explicit=self.feed_explicit,
        )

    @property
    def makes_bulletin(self) -> bool:
        """Whether a run that built articles makes their bulletin too."""
        return self.bulletin or self.bulletin_sentences is not None
