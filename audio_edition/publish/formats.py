"""The output formats, each once: its name, the file (or folder) it makes, its writer. Publishing,
the up-to-date check, the feed and `--formats` (`parse_formats`) all read this table; which formats
are made by default is `defaults.DEFAULT_FORMATS`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the writers are imported when a format is written, so reading the table is cheap
    from audio_edition.model import Episode
    from audio_edition.publish.edition import Edition

# Writes a format to a staged path (a folder already made, for a folder format): the path, the
# episode, the edition's facts (slug, identifier, publisher, narrator, date) and its encoded MP3.
Writer = Callable[[Path, "Episode", "Edition", bytes], None]


@dataclass(frozen=True)
class Format:
    """One output format: `S` + `suffix` is its file, or its folder when `folder`."""

    name: str
    suffix: str
    write: Writer
    folder: bool = False

    def file_name(self, slug: str) -> str:
        """The name of this format's file (or folder) for the episode `slug`."""
        return slug + self.suffix


def _vtt(path: Path, episode: Episode, edition: Edition, mp3: bytes) -> None:
    from audio_edition.publish.captions import webvtt

    path.write_text(webvtt(episode), encoding="utf-8")


def _srt(path: Path, episode: Episode, edition: Edition, mp3: bytes) -> None:
    from audio_edition.publish.captions import subrip

    path.write_text(subrip(episode), encoding="utf-8")


def _chapters(path: Path, episode: Episode, edition: Edition, mp3: bytes) -> None:
    from audio_edition.publish.chapters_json import chapters_json
    from audio_edition.publish.manifest import json_text

    path.write_text(json_text(chapters_json(episode)), encoding="utf-8")


def _html(path: Path, episode: Episode, edition: Edition, mp3: bytes) -> None:
    from audio_edition.publish.readalong import readalong_page

    path.write_text(readalong_page(episode, edition), encoding="utf-8")


def _player(path: Path, episode: Episode, edition: Edition, mp3: bytes) -> None:
    from audio_edition.publish.player import write_player

    write_player(path, episode, edition, mp3)


def _epub(path: Path, episode: Episode, edition: Edition, mp3: bytes) -> None:
    from audio_edition.publish.epub import write_epub

    write_epub(path, episode, edition, mp3)


def _daisy(path: Path, episode: Episode, edition: Edition, mp3: bytes) -> None:
    from audio_edition.publish.daisy import write_daisy

    write_daisy(path, episode, edition, mp3)


FORMATS: tuple[Format, ...] = (
    Format("vtt", ".vtt", _vtt),
    Format("srt", ".srt", _srt),
    Format("chapters", ".chapters.json", _chapters),
    Format("epub", ".epub", _epub),
    Format("daisy", ".daisy", _daisy, folder=True),
    Format("html", ".html", _html),
    Format("player", ".player.js", _player),
)
BY_NAME = {f.name: f for f in FORMATS}
FORMAT_NAMES = tuple(f.name for f in FORMATS)
# Every set has these beside its formats: the MP3, the manifest (the commit marker), the QA report.
MP3, MANIFEST, QA = ".mp3", ".json", ".qa.json"


def owned_names(slug: str) -> set[str]:
    """Every name a build of `slug` may write, so owns: `S.mp3`, `S.json`, `S.qa.json` and each
    format's file. Other files (`S-2.mp3`, `S.notes.txt`, another slug's) are never ours."""
    return {slug + MP3, slug + MANIFEST, slug + QA} | {f.file_name(slug) for f in FORMATS}


def parse_formats(text: str) -> tuple[str, ...]:
    """`--formats` as a tuple in table order: `all`, or a comma list of the formats of the table
    (mp3 and json are always made, and allowed). Raises ValueError naming an unknown format."""
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if "all" in names:
        return FORMAT_NAMES
    unknown = [n for n in names if n not in FORMAT_NAMES and n not in ("mp3", "json")]
    if unknown:
        raise ValueError(f"unknown format '{unknown[0]}': choose from mp3, {', '.join(FORMAT_NAMES)} or all")
    return tuple(n for n in FORMAT_NAMES if n in names)
