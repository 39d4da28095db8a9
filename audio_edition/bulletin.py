"""The daily bulletin: several articles built as one episode (`script.bulletin` writes its script),
named `bulletin-YYYY-MM-DD` (`-2`, `-3`... when that day has one already, its title numbered
alike) and published through
the pipeline like any episode, so it has every format and its own item in the feed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import warnings
from collections.abc import Sequence
from pathlib import Path

from audio_edition.languages import language_for
from audio_edition.model import Article, Script
from audio_edition.options import Options, settings_from
from audio_edition.pipeline import Built, produce_script
from audio_edition.publish.formats import MANIFEST, MP3
from audio_edition.script.bulletin import bulletin_script
from audio_edition.script.messages import CatalogueFallback
from audio_edition.script.settings import ScriptSettings

PREFIX = "bulletin-"


def bulletin_slug(out_dir: Path, day: dt.date) -> str:
    """`bulletin-YYYY-MM-DD` for `day`, or the first of `-2`, `-3`... whose set is not in `out_dir`."""
    base = f"{PREFIX}{day.isoformat()}"
    slug, count = base, 1
    while (out_dir / (slug + MANIFEST)).exists() or (out_dir / (slug + MP3)).exists():
        count += 1
        slug = f"{base}-{count}"
    return slug


def produce_bulletin(
    articles: Sequence[Article],
    options: Options,
    *,
    sentences: int | None = None,
    now: dt.datetime | None = None,
) -> tuple[str, Built]:
    """Build the bulletin of `articles` (in that order) into `options.out_dir`, dated `now` (the
    local time when None), each article whole or its first `sentences` sentences and its first
    quotation; returns its slug and what was built. `--lang` sets every article's language, as it
    does for a single build."""
    now = now or dt.datetime.now().astimezone()
    if options.language:
        articles = [
            dataclasses.replace(a, meta=dataclasses.replace(a.meta, language=options.language))
            for a in articles
        ]
    with warnings.catch_warnings():  # a language without messages: English, as for an article
        warnings.simplefilter("ignore", CatalogueFallback)
        script = bulletin_script(
            articles,
            settings_from(ScriptSettings, options),
            now.date(),
            find=language_for,
            sentences=sentences,
            when=now.isoformat(timespec="seconds"),
        )
    slug = bulletin_slug(options.out_dir, now.date())
    return slug, produce_script(numbered(script, slug), slug, options)


def numbered(script: Script, slug: str) -> Script:
    """The script of the day's second, third... bulletin (`bulletin-YYYY-MM-DD-2`) titled apart
    ("Bulletin, March 4, 2026 (2)"), so its feed item, tags and book are told from the first's."""
    number = slug.removeprefix(PREFIX)[len("YYYY-MM-DD") :].lstrip("-")
    if not number:
        return script
    meta = script.article.meta
    article = dataclasses.replace(
        script.article, meta=dataclasses.replace(meta, title=f"{meta.title} ({number})")
    )
    return dataclasses.replace(script, article=article)
