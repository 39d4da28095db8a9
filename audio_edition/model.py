"""The values passed between pipeline stages: frozen dataclasses, no behaviour beyond derivations."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # numpy is the audio stages' to load: reading and scripting never need it
    import numpy as np

BlockKind = Literal["standfirst", "heading", "paragraph", "blockquote", "attribution"]
Role = Literal["title", "standfirst", "heading", "narration", "quote", "attribution", "intro", "outro"]


@dataclass(frozen=True)
class Meta:
    """What is known about an article besides its text."""

    title: str
    byline: str | None = None
    date: str | None = None
    language: str = "en"
    source: str | None = None
    title_from: Literal["front-matter", "heading", "first-line", "file-name"] = "file-name"


@dataclass(frozen=True)
class Block:
    """One structural unit of an article's body."""

    kind: BlockKind
    text: str


class DropReason(StrEnum):
    """Why a piece of an article is not read: the value is the manifest's `dropped[].reason`."""

    # page furniture, each the name of a boilerplate rule (ingest/boilerplate.py)
    ADVERTISEMENT = "advertisement"
    AUTHOR = "author"  # a line about the writer: how to reach them, their other work
    CALL_TO_ACTION = "call-to-action"
    CLICK_HERE = "click-here"
    COMMENTS = "comments"
    CONTINUE_READING = "continue-reading"
    COPYRIGHT = "copyright"
    CREDITS = "credits"
    DOWNLOAD_APP = "download-app"
    FOLLOW_US = "follow-us"
    LISTEN = "listen"
    NEWSLETTER = "newsletter"
    PHOTO_CREDIT = "photo-credit"
    PRINT = "print"
    READ_ALSO = "read-also"
    READING_TIME = "reading-time"
    SHARE = "share"
    SKIP = "skip"
    SUBSCRIBE = "subscribe"
    TAGS = "tags"
    TIMESTAMP = "timestamp"
    # a byline or date line of the text that gave way to the page's or the front matter's own
    BYLINE = "byline"
    DATELINE = "dateline"
    # what the markup marks as not the article's prose
    CLAIM = "claim"  # a fact-check's box: the claim checked, its source, the rating
    CARD = "card"  # a card laid over a sentence (a name's biography on hover, a tooltip)
    CAPTION = "caption"  # an image's caption (marked so, or written as agencies write them)
    CODE = "code"  # a code block, or a line that is code, markup or a bare web address
    EMBED = "embed"  # a post embedded from a social network, outside the article
    FOOTNOTE = "footnote"
    HTML = "html"  # a raw HTML block in Markdown
    IMAGE = "image"  # an image (its alt text, if any, in the dropped text)
    LINK = "link"  # a list item that is only a link (a "related" list)
    NAVIGATION = "navigation"  # inside the page's <nav>
    TABLE = "table"  # a table too big to follow by ear
    # said twice on the page
    PULL_QUOTE = "pull-quote"
    REPEAT = "repeat"
    # nothing in it to say
    NO_WORDS = "no-words"  # no letter or digit (rules like `---`)
    UNREADABLE = "unreadable"  # an over-long run of characters that are not words


@dataclass(frozen=True)
class Dropped:
    """A piece of the article that is not read, with why."""

    text: str
    reason: DropReason


@dataclass(frozen=True)
class Article:
    """A decoded article: metadata, the blocks to read, and what was dropped."""

    meta: Meta
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...] = ()

    @property
    def spoken_title(self) -> bool:
        """True when the title was written by the author (not derived from the file name)."""
        return self.meta.title_from != "file-name"

    def __repr__(self) -> str:
        return f"Article({self.meta.title!r}, {len(self.blocks)} blocks, {len(self.dropped)} dropped)"


@dataclass(frozen=True)
class Segment:
    """One unit of speech: a sentence or part of one, in one voice."""

    index: int
    role: Role
    text: str
    speech: str
    voice: str
    pause_after_ms: int
    block: int
    chapter: int
    speaker: str | None = None  # who said a quotation (full name as first written), when the text says


def segment_label(segment: Segment, width: int = 40) -> str:
    """How messages name a segment: `segment 7 (“We are proud to bring…”)`."""
    words = "".join(ch for ch in segment.text if ch not in '“”‘’"«»„').split()
    snippet = ""
    for word in words:
        if len(snippet) + len(word) + 1 > width:
            snippet += "…"
            break
        snippet = f"{snippet} {word}".strip()
    return f"segment {segment.index} (“{snippet}”)"


@dataclass(frozen=True)
class Chapter:
    """A navigable section: the opening, then one per subheading; in a bulletin one per article,
    its subheadings nested under it (`parent`: the index of the chapter a chapter belongs to, None
    for a chapter at the top)."""

    title: str
    first_segment: int
    parent: int | None = None


@dataclass(frozen=True)
class Script:
    """The article as an ordered list of segments, with chapters."""

    article: Article
    segments: tuple[Segment, ...]
    chapters: tuple[Chapter, ...]

    def __repr__(self) -> str:
        title = self.article.meta.title
        return f"Script({title!r}, {len(self.segments)} segments, {len(self.chapters)} chapters)"


@dataclass(frozen=True, eq=False)
class Clip:
    """A segment's audio: mono float32 samples in [-1, 1] at `sample_rate`."""

    samples: np.ndarray
    sample_rate: int

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return len(self.samples) / self.sample_rate

    def __repr__(self) -> str:
        return f"Clip({self.duration:.2f} s at {self.sample_rate} Hz)"


@dataclass(frozen=True)
class TimedSegment:
    """A segment placed on the episode's timeline (seconds)."""

    segment: Segment
    start: float
    end: float


@dataclass(frozen=True)
class TimedWord:
    """A written word of a segment and when it is spoken (seconds in the final audio)."""

    text: str
    start: float
    end: float


@dataclass(frozen=True)
class TimedChapter:
    """A chapter placed on the episode's timeline (seconds)."""

    title: str
    start: float
    end: float


@dataclass(frozen=True, eq=False)
class Episode:
    """The finished programme: timeline, chapters and final audio."""

    script: Script
    engine: str
    timeline: tuple[TimedSegment, ...]
    chapters: tuple[TimedChapter, ...]
    audio: Clip
    silence: float = 0.0  # seconds of lead-in, pauses and tail the timeline was laid with
    time_scale: float = 1.0  # how a tempo change stretched that timeline (1/speed)
    voices: tuple[tuple[str, str], ...] = ()  # (cast role, voice spec) of every voice that spoke
    words: tuple[tuple[TimedWord, ...], ...] | None = None  # per segment, when recognition timed them

    @property
    def duration(self) -> float:
        """Length of the final audio in seconds."""
        return self.audio.duration

    @property
    def narrator(self) -> str:
        """The narrator's voice spec (`piper:joe`), for the credits; "" when not known."""
        return dict(self.voices).get("narrator", "")

    def __repr__(self) -> str:
        title = self.script.article.meta.title
        return (
            f"Episode({title!r}, {self.duration:.1f} s, {len(self.timeline)} segments, "
            f"{len(self.chapters)} chapters, engine={self.engine!r})"
        )
