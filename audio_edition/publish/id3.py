"""ID3v2 tags with mutagen: text frames and CHAP/CTOC chapter frames matching the manifest."""

from __future__ import annotations

import re
from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import APIC, CHAP, COMM, CTOC, ID3, TALB, TCON, TDRC, TIT2, TPE1, USLT, CTOCFlags
from mutagen.id3._tags import save_frame  # mutagen's own frame writer (not re-exported)

from audio_edition.errors import InputError, OutputError
from audio_edition.model import Episode
from audio_edition.publish.edition import Edition
from audio_edition.publish.manifest import description

# ID3v2.4 frames hold at most 256 MB; a cover is refused well before that (Apple asks for 512 kB).
MAX_COVER_BYTES = 16 * 1024 * 1024
_STAGED = re.compile(r"^\.(.+)\.[0-9a-f]{8}-\d+-[0-9a-f]{8}\.part$")  # staging's temporary names


class TimeOrderedID3(ID3):
    """An ID3 tag that writes its CHAP frames in time order, after the other frames. mutagen
    orders frames by kind and then by size, so a long chapter title went out before the opening
    chapter, and tools that read chapters in file order (ffmpeg, hence m4b converters) showed
    them scrambled."""

    def _write(self, config):  # type: ignore[no-untyped-def]
        chapters = sorted(self.getall("CHAP"), key=lambda chap: (chap.start_time, chap.element_id))
        self.delall("CHAP")
        try:
            body = super()._write(config)
        finally:
            for chap in chapters:
                self.add(chap)
        return body + b"".join(save_frame(chap, config=config) for chap in chapters)


def write_tags(path: Path, episode: Episode, edition: Edition, cover: Path | None = None) -> None:
    """Replace the MP3's ID3 tag: title, artist, album (the show), date (the edition's, however the
    dateline wrote it), genre, comment, transcript (USLT), cover art (APIC) when given, and
    CHAP/CTOC chapter frames matching the manifest, the chapters in time order."""
    meta = episode.script.article.meta
    show = edition.show
    tag = TimeOrderedID3()
    tag.add(TIT2(encoding=3, text=meta.title))
    tag.add(TPE1(encoding=3, text=meta.byline or show))
    tag.add(TALB(encoding=3, text=show))
    tag.add(TCON(encoding=3, text="Podcast"))
    if edition.date is not None:
        tag.add(TDRC(encoding=3, text=edition.date.isoformat()))
    tag.add(COMM(encoding=3, lang="eng", desc="", text=description(episode)))
    tag.add(
        USLT(encoding=3, lang=episode.script.language.iso639_2, desc="transcript", text=transcript(episode))
    )
    if cover is not None:
        data, mime = read_cover(cover)
        tag.add(APIC(encoding=3, mime=mime, type=3, desc="Cover", data=data))
    _add_chapters(tag, episode)
    _save(tag, path)


def _add_chapters(tag: ID3, episode: Episode) -> None:
    """A CHAP frame per chapter and the CTOC tree over them: the top-level table lists the chapters
    at the top; one with chapters nested under it (a bulletin's article) stands there as a CTOC of
    its own, titled as it is, that lists its own CHAP and then theirs (ID3v2 Chapter Frame 1.0)."""
    ids = [f"chp{k}" for k in range(len(episode.chapters))]
    nested: dict[int, list[int]] = {}
    for k, chapter in enumerate(episode.chapters):
        if chapter.parent is not None:
            nested.setdefault(chapter.parent, []).append(k)

    def entry(k: int) -> str:
        return f"toc{k}" if k in nested else ids[k]

    top = [entry(k) for k, chapter in enumerate(episode.chapters) if chapter.parent is None]
    tag.add(
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=top,
            sub_frames=[TIT2(encoding=3, text="Chapters")],
        )
    )
    for k, members in nested.items():
        tag.add(
            CTOC(
                element_id=f"toc{k}",
                flags=CTOCFlags.ORDERED,
                child_element_ids=[ids[k], *(entry(j) for j in members)],
                sub_frames=[TIT2(encoding=3, text=episode.chapters[k].title)],
            )
        )
    for cid, chapter in zip(ids, episode.chapters, strict=True):
        tag.add(
            CHAP(
                element_id=cid,
                start_time=int(chapter.start * 1000),
                end_time=int(chapter.end * 1000),
                sub_frames=[TIT2(encoding=3, text=chapter.title)],
            )
        )


def _save(tag: ID3, path: Path) -> None:
    """Write `tag` into the MP3 at `path`; an OSError as it is, any other failure as OutputError."""
    try:
        tag.save(str(path), v2_version=4)
    except MutagenError as exc:  # mutagen wraps the OSError (a full disk, say): hand that on
        cause = exc.args[0] if exc.args else None
        if isinstance(cause, OSError):
            raise cause from None
        raise _untaggable(path, exc) from None
    except (ValueError, TypeError, OverflowError) as exc:  # a frame mutagen cannot encode
        raise _untaggable(path, exc) from None


def _untaggable(path: Path, exc: Exception) -> OutputError:
    staged = _STAGED.match(path.name)
    name = staged.group(1) if staged else path.name
    why = " ".join(str(exc).split()) or type(exc).__name__
    return OutputError(
        f"cannot write the ID3 tags of {name} (mutagen: {why}): nothing was written; "
        "run again, and report it with --debug output if it repeats"
    )


def transcript(episode: Episode) -> str:
    """The spoken text, a paragraph per block, headings on their own lines."""
    paragraphs: list[str] = []
    last_block = None
    for timed in episode.timeline:
        seg = timed.segment
        if paragraphs and seg.block == last_block and seg.block >= 0:
            paragraphs[-1] += " " + seg.text
        else:
            paragraphs.append(seg.text)
        last_block = seg.block
    return "\n\n".join(paragraphs)


def read_cover(path: Path) -> tuple[bytes, str]:
    """Cover art bytes and MIME type; InputError unless the file is a JPEG or PNG image of at most
    MAX_COVER_BYTES."""
    try:
        size = path.stat().st_size
        if size > MAX_COVER_BYTES:
            raise InputError(
                f"cover {path.name} is larger than {MAX_COVER_BYTES // 2**20} MB ({size:,} bytes): "
                "give a smaller JPEG or PNG"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read cover {path}: {exc.strerror or exc}") from None
    if data.startswith(b"\xff\xd8\xff"):
        return data, "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return data, "image/png"
    raise InputError(f"cover {path.name} is not a JPEG or PNG image: give a .jpg or .png file")
