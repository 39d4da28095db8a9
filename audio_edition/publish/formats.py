"""The output formats, each once: its name, the file (or folder) it makes, its writer, whether it is
made by default. Publishing, the up-to-date check, the feed and `--formats` all read this table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from audio_edition.model import Episode
from audio_edition.publish.captions import subrip, webvtt
from audio_edition.publish.chapters_json import chapters_json
from audio_edition.publish.daisy import write_daisy
from audio_edition.publish.epub import write_epub
from audio_edition.publish.manifest import json_text
from audio_edition.publish.readalong import readalong_page

# Writes a format to a staged path (a folder already made, for a folder format): the path, the
# episode, its slug and its encoded MP3.
Writer = Callable[[Path, Episode, str, bytes], None]


@dataclass(frozen=True)
class Format:
    """One output format: `S` + `suffix` is its file, or its folder when `folder`."""

    name: str
    suffix: str
    write: Writer
    default: bool = False
    folder: bool = False

    def file_name(self, slug: str) -> str:
        """The name of this format's file (or folder) for the episode `slug`."""
        return slug + self.suffix


def _vtt(path: Path, episode: Episode, slug: str, mp3: bytes) -> None:
    path.write_text(webvtt(episode), encoding="utf-8")


def _srt(path: Path, episode: Episode, slug: str, mp3: bytes) -> None:
    path.write_text(subrip(episode), encoding="utf-8")


def _chapters(path: Path, episode: Episode, slug: str, mp3: bytes) -> None:
    path.write_text(json_text(chapters_json(episode)), encoding="utf-8")


def _html(path: Path, episode: Episode, slug: str, mp3: bytes) -> None:
    path.write_text(readalong_page(episode, slug), encoding="utf-8")


FORMATS: tuple[Format, ...] = (
    Format("vtt", ".vtt", _vtt, default=True),
    Format("srt", ".srt", _srt, default=True),
    Format("chapters", ".chapters.json", _chapters, default=True),
    Format("epub", ".epub", write_epub),
    Format("daisy", ".daisy", write_daisy, folder=True),
    Format("html", ".html", _html),
)
BY_NAME = {f.name: f for f in FORMATS}
FORMAT_NAMES = tuple(f.name for f in FORMATS)
DEFAULT_NAMES = tuple(f.name for f in FORMATS if f.default)
# Every set has these beside its formats: the MP3, the manifest (the commit marker), the QA report.
MP3, MANIFEST, QA = ".mp3", ".json", ".qa.json"


def owned_names(slug: str) -> set[str]:
    """Every name a build of `slug` may write, so owns: `S.mp3`, `S.json`, `S.qa.json` and each
    format's file. Other files (`S-2.mp3`, `S.notes.txt`, another slug's) are never ours."""
    return {slug + MP3, slug + MANIFEST, slug + QA} | {f.file_name(slug) for f in FORMATS}
