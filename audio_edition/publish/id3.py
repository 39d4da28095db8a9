"""ID3v2 tags with mutagen: text frames and CHAP/CTOC chapter frames matching the manifest."""

from __future__ import annotations

from pathlib import Path

from mutagen.id3 import CHAP, COMM, CTOC, ID3, TALB, TCON, TDRC, TIT2, TPE1, CTOCFlags

from audio_edition.model import Episode


def write_tags(path: Path, episode: Episode, show: str) -> None:
    """Replace the MP3's ID3 tag with title, artist, album, date, genre, comment and chapters."""
    meta = episode.script.article.meta
    tag = ID3()
    tag.add(TIT2(encoding=3, text=meta.title))
    tag.add(TPE1(encoding=3, text=meta.byline or show))
    tag.add(TALB(encoding=3, text=show))
    tag.add(TCON(encoding=3, text="Podcast"))
    if meta.date and meta.date[:4].isdigit():
        tag.add(TDRC(encoding=3, text=meta.date[:10]))
    tag.add(COMM(encoding=3, lang="eng", desc="", text=_summary(episode)))
    ids = [f"chp{k}" for k in range(len(episode.chapters))]
    tag.add(
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[TIT2(encoding=3, text="Chapters")],
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
    tag.save(str(path), v2_version=4)


def _summary(episode: Episode) -> str:
    first = next((t.segment.text for t in episode.timeline if t.segment.role == "narration"), "")
    return first[:300]
