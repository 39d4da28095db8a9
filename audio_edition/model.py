"""The values passed between pipeline stages: frozen dataclasses, no behaviour beyond derivations."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # numpy is the audio stages' to load: reading and scripting never need it
    import numpy as np

    from audio_edition.languages.language import Language

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
    listed: bool = False  # an item of a list (pages show it as one; speech reads it as a paragraph)


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
class Voice:
    """A voice of a speech engine, named as `engine:voice` (`piper:joe+deep`, `gtts:en@co.uk`): the
    engine's registered name and the engine's own name for the voice. `title` (how credits name
    the engine: "eSpeak NG") and `label` (how they name the voice: a model's file without its
    folder and suffix) are what the voices stage says of them, "" until it has; two voices are
    equal by engine and voice alone."""

    engine: str
    voice: str
    title: str = field(default="", compare=False)
    label: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.engine}:{self.voice}"

    @property
    def credit(self) -> str:
        """The engine and the voice as a credit names them: `Piper joe`, `eSpeak NG fr+m4`."""
        return f"{self.title or self.engine} {self.label or self.voice}".rstrip()


@dataclass(frozen=True)
class Pronunciation:
    """A word a lexicon says how to pronounce: engines that take phonemes (Piper) speak its `ipa`,
    the others its `alias` (the word as it should be read aloud)."""

    alias: str
    ipa: str


@dataclass(frozen=True)
class Speech:
    """What a segment says, in order: plain text and words with a pronunciation."""

    pieces: tuple[str | Pronunciation, ...] = ()

    @classmethod
    def of(cls, text: str) -> Speech:
        """Speech that is only `text`."""
        return cls((text,) if text else ())

    @property
    def text(self) -> str:
        """The speech as text, each pronounced word by its alias (what engines without phonemes say)."""
        return "".join(p if isinstance(p, str) else p.alias for p in self.pieces)

    @property
    def pronounced(self) -> bool:
        """Whether any word carries a pronunciation."""
        return any(isinstance(p, Pronunciation) for p in self.pieces)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Segment:
    """One unit of speech: a sentence or part of one, in one voice."""

    index: int
    role: Role
    text: str
    speech: Speech
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
    language: Language  # the article's, as the pipeline resolved it; every later stage reads this

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
    """A chapter placed on the episode's timeline (seconds); `parent` as its `Chapter` says (the
    index of the chapter it is nested under, None for a chapter at the top)."""

    title: str
    start: float
    end: float
    parent: int | None = None


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
    voices: tuple[tuple[str, Voice], ...] = ()  # (cast role, voice) of every voice that spoke
    words: tuple[tuple[TimedWord, ...], ...] | None = None  # per segment, when recognition timed them

    @property
    def duration(self) -> float:
        """Length of the final audio in seconds."""
        return self.audio.duration

    @property
    def narrator(self) -> Voice | None:
        """The narrator's voice, for the credits; None when not known."""
        return dict(self.voices).get("narrator")

    def __repr__(self) -> str:
        title = self.script.article.meta.title
        return (
            f"Episode({title!r}, {self.duration:.1f} s, {len(self.timeline)} segments, "
            f"{len(self.chapters)} chapters, engine={self.engine!r})"
        )
