"""The edition as a publication: the facts every file of one episode's set states alike (its
identifier, publisher, narrator credit and date), made once and handed to each format writer."""

from __future__ import annotations

import datetime as dt
import re
import uuid
import warnings
from dataclasses import dataclass

from audio_edition.model import Episode, Voice
from audio_edition.voices.registry import described

__all__ = ["Edition", "edition_of", "edition_uuid", "narrator_credit", "written_datetime"]

# Zone names common in English-language datelines; a numeric offset or `Z` needs none of these.
# fmt: off
_HOURS = {"UTC": 0, "GMT": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
          "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}
# fmt: on
_ZONES = {name: hours * 3600 for name, hours in _HOURS.items()}
_DATELINE_WORD = re.compile(r"^(updated|published|posted)[:\s]+", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(1[89]|2[0-9])\d\d(?!\d)")  # a dateline names its year


@dataclass(frozen=True)
class Edition:
    """One episode as a publication: `slug`, the `show` that publishes it, its `uuid` (the EPUB's
    and the DAISY book's identifier and the feed item's guid), the narrator credit and its date."""

    slug: str
    show: str
    uuid: uuid.UUID
    narrator: str
    date: dt.date | None

    @property
    def urn(self) -> str:
        """The identifier as a URN (`urn:uuid:...`), as EPUB and DAISY write it."""
        return f"urn:uuid:{self.uuid}"


def edition_of(episode: Episode, slug: str, show: str) -> Edition:
    """The edition facts of `episode` published as `slug` by `show`."""
    meta = episode.script.article.meta
    written = written_datetime(meta.date or "", code=episode.script.language.code)
    return Edition(
        slug=slug,
        show=show,
        uuid=edition_uuid(slug),
        narrator=narrator_credit(episode),
        date=written.date() if written else None,
    )


def edition_uuid(slug: str) -> uuid.UUID:
    """The stable identifier of the edition `slug`: the same for every build of it, different for
    any two slugs (a name-based UUID, RFC 9562 version 5)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"audio-edition:{slug}")


def narrator_credit(episode: Episode) -> str:
    """Who reads the edition, said truly in the article's language: "Synthetic voice: Piper joe",
    "Voix de synthèse : eSpeak NG fr+m4" (the narrator's engine and voice as the voices stage
    describes them; the engine alone when the voice is not known; English for a language without
    messages)."""
    narrator = episode.narrator or described(Voice(episode.engine, ""))
    template = episode.script.language.messages["voice_credit"]  # English's where it has none
    return template.format(voice=narrator.credit)


def written_datetime(
    written: str, default: dt.datetime | None = None, code: str = "en"
) -> dt.datetime | None:
    """The date and time a dateline states (`March 3, 2026`, `2026-03-03T09:00+02:00`, `Updated
    2:14 PM EST, February 3, 2026`; in another language, by its `code` such as `fr`: `3 mars 2026`),
    its UTC offset kept (none stated means UTC), parts it lacks taken from `default` (midnight
    today when None); None when no date with a year can be read. English and numeric forms are
    read by dateutil, other languages' month names by dateparser."""
    cleaned = _DATELINE_WORD.sub("", written).strip()
    if not _YEAR.search(cleaned):
        return None
    base = (default or dt.datetime.now(dt.UTC)).replace(hour=0, minute=0, second=0, microsecond=0)
    when = _by_dateutil(cleaned, base)
    if when is None and code != "en":
        when = _by_dateparser(cleaned, base, code)
    if when is None:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def _by_dateutil(text: str, base: dt.datetime) -> dt.datetime | None:
    import dateutil.parser  # only where a date is read
    from dateutil.parser import UnknownTimezoneWarning

    try:
        with warnings.catch_warnings():  # a zone name it does not know: read as UTC
            warnings.simplefilter("ignore", UnknownTimezoneWarning)
            return dateutil.parser.parse(text, default=base, tzinfos=_ZONES)
    except (ValueError, OverflowError):
        return None


def _by_dateparser(text: str, base: dt.datetime, code: str) -> dt.datetime | None:
    import dateparser  # 0.3 s to import: only for datelines dateutil cannot read

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "RELATIVE_BASE": base.replace(tzinfo=None)}
    try:
        return dateparser.parse(text, languages=[code], settings=settings)  # type: ignore[arg-type]
    except (ValueError, LookupError):  # a language dateparser does not know
        return None
