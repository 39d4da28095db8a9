"""Read Markdown (CommonMark with tables, parsed by markdown-it-py) into paragraph candidates: headings,
quotes and their signatures, one per list item, small tables row by row; code, raw HTML, images and
their captions, footnotes, link lists and big tables are left out and listed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from audio_edition.ingest.candidates import Candidate, Hint
from audio_edition.ingest.captions import MAX_LINE_AFTER_IMAGE_WORDS
from audio_edition.ingest.tables import table_sentences, table_shape
from audio_edition.model import Dropped, DropReason

# How much of a left-out block the dropped report shows.
MAX_LABEL_CHARS = 60

_SENTENCE_END = re.compile(r"[.!?…]['\"”’»)\]]*$")
_SIGNATURE_LINE = re.compile(r"^(—|–|--|-|~)\s*\S")  # the last line of a quote paragraph
_SIGNATURE_PARAGRAPH = re.compile(r"^(—|–|--|~)\s*\S")  # a quote paragraph of its own
_BREAKS = frozenset({"softbreak", "hardbreak"})
_SILENT_INLINE = frozenset({"image", "footnote_ref", "footnote_anchor"})
_BR_TAG = re.compile(r"^<br\s*/?>$", re.IGNORECASE)


@dataclass
class _Reading:
    """What the walk has found so far: candidates to read and what it left out."""

    out: list[Candidate] = field(default_factory=list)
    skipped: list[Dropped] = field(default_factory=list)

    def emit(self, text: str, hint: Hint) -> None:
        if text:
            self.out.append(Candidate(text=text, hint=hint))

    def leave_out(self, reason: DropReason, label: str) -> None:
        self.skipped.append(Dropped(label, reason))


def markdown_candidates(text: str) -> tuple[list[Candidate], list[Dropped]]:
    """Candidates in reading order, and what was left out (code, images, tables…), each labelled
    `what: its text` and given its own reason."""
    tree = SyntaxTreeNode(_parser().parse(text))
    reading = _Reading()
    _blocks(tree.children, reading, quoted=False)
    for node in tree.walk():
        if node.type == "image":
            alt = _alt_text(node)
            reading.leave_out(DropReason.IMAGE, f"image: {alt}" if alt else "image")
    return reading.out, reading.skipped


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """CommonMark with tables and strikethrough; footnotes when mdit-py-plugins is installed."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    try:
        from mdit_py_plugins.footnote import footnote_plugin
    except ImportError:  # without the plugin `[^1]` is plain text
        return parser
    return parser.use(footnote_plugin)


def _blocks(nodes: list[SyntaxTreeNode], reading: _Reading, *, quoted: bool) -> None:
    previous: SyntaxTreeNode | None = None
    for node in nodes:
        _block(node, previous, reading, quoted=quoted)
        previous = node


def _block(node: SyntaxTreeNode, previous: SyntaxTreeNode | None, reading: _Reading, *, quoted: bool) -> None:
    """One block: read, or left out with a label; thematic breaks and link definitions say nothing."""
    kind = node.type
    if kind == "paragraph":
        _paragraph(node, previous, reading, quoted=quoted)
    elif kind == "heading":
        hint: Hint = "blockquote" if quoted else "title" if node.tag == "h1" else "heading"
        reading.emit(_words(node), hint)
    elif kind == "blockquote":
        _quote(node, reading)
    elif kind in ("bullet_list", "ordered_list"):
        for item in node.children:
            _item(item, reading, quoted=quoted)
    elif kind in ("fence", "code_block"):
        reading.leave_out(DropReason.CODE, _label("code block", node.content))
    elif kind == "html_block":
        reading.leave_out(DropReason.HTML, _label("html block", node.content))
    elif kind == "table":
        _table(node, reading, quoted=quoted)
    elif kind == "footnote_block":
        for note in node.children:
            reading.leave_out(DropReason.FOOTNOTE, _label("footnote", _words(note)))
    elif kind != "hr":
        _blocks(node.children, reading, quoted=quoted)


def _paragraph(
    node: SyntaxTreeNode, previous: SyntaxTreeNode | None, reading: _Reading, *, quoted: bool
) -> None:
    """A paragraph: read, unless it is an image's caption; a short wholly bold line is a subheading."""
    text = _words(node)
    if quoted:
        reading.emit(text, "blockquote")
    elif _is_caption(node, previous, text):
        reading.leave_out(DropReason.CAPTION, f"caption: {text}")
    elif _is_bold_line(node, text) and not (reading.out and all(c.hint == "title" for c in reading.out)):
        reading.emit(text, "heading")  # a bold line right after the title is the standfirst
    else:
        reading.emit(text, None)


def _quote(node: SyntaxTreeNode, reading: _Reading) -> None:
    """A `>` block: each paragraph quoted; a closing `— Name` line or paragraph is the attribution."""
    start = len(reading.out)
    previous: SyntaxTreeNode | None = None
    for child in node.children:
        lines = _lines(child) if child.type == "paragraph" else []
        if len(lines) > 1 and _SIGNATURE_LINE.match(lines[-1]):
            reading.emit(" ".join(lines[:-1]), "blockquote")
            reading.emit(lines[-1], "attribution")
        elif len(lines) == 1 and _SIGNATURE_PARAGRAPH.match(lines[0]) and len(reading.out) > start:
            reading.emit(lines[0], "attribution")
        elif _is_dash_signature(child, previous, last=child is node.children[-1]):
            reading.emit(f"- {_words(child)}", "attribution")
        else:
            _block(child, previous, reading, quoted=True)
        previous = child


def _is_dash_signature(node: SyntaxTreeNode, previous: SyntaxTreeNode | None, *, last: bool) -> bool:
    """`> - Name` closing a quote: CommonMark makes it a one-item list, the writer meant a signature."""
    return (
        last
        and previous is not None
        and previous.type == "paragraph"
        and node.type == "bullet_list"
        and node.markup == "-"
        and len(node.children) == 1
        and len(_lines(node)) == 1
    )


def _item(item: SyntaxTreeNode, reading: _Reading, *, quoted: bool) -> None:
    """A list item: its paragraphs (lazy continuation lines included) as one candidate, then any
    nested list or other block in place. An item that is only a link (a "related" list) is left out."""
    hint: Hint = "blockquote" if quoted else "list-item"
    paragraphs: list[SyntaxTreeNode] = []

    def flush() -> None:
        if len(paragraphs) == 1 and not quoted and _is_only_link(paragraphs[0].children[0]):
            reading.leave_out(DropReason.LINK, f"link: {_words(paragraphs[0])}")
        else:
            reading.emit(" ".join(_words(p) for p in paragraphs if _words(p)), hint)
        paragraphs.clear()

    previous: SyntaxTreeNode | None = None
    for child in item.children:
        if child.type == "paragraph":
            paragraphs.append(child)
        else:
            flush()
            _block(child, previous, reading, quoted=quoted)
        previous = child
    flush()


def _table(node: SyntaxTreeNode, reading: _Reading, *, quoted: bool) -> None:
    """A table read as one sentence per row ("Item: Bread, Cost: 2 euros."), headers naming the cells
    (`ingest/tables.py`, the rule of every format); a table too big to follow is left out."""
    rows = [[_words(cell) for cell in row.children] for row in node.walk() if row.type == "tr"]
    if not rows:
        return
    header, body = rows[0], rows[1:]
    sentences = table_sentences(header, body)
    if sentences is None:
        reading.leave_out(DropReason.TABLE, _label(table_shape(header, body), ", ".join(header)))
        return
    hint: Hint = "blockquote" if quoted else None
    for text in sentences:
        reading.emit(text, hint)


def _is_caption(node: SyntaxTreeNode, previous: SyntaxTreeNode | None, text: str) -> bool:
    """As on a web page: a short line that opens with an image or follows a paragraph that is only
    an image is that image's caption (not a wholly bold line) when it has no closing full stop or
    is wholly in italics (`*The reading room.*`), the way Markdown writers set captions."""
    if not 1 <= len(text.split()) <= MAX_LINE_AFTER_IMAGE_WORDS:
        return False
    if _SENTENCE_END.search(text) and not _is_italic_line(node):
        return False
    if _is_bold_line(node, text):
        return False
    spans = _solid(_inline(node))
    if spans and spans[0].type == "image":
        return True  # the image opens the paragraph, the caption follows it
    if previous is None or previous.type != "paragraph" or _words(previous):
        return False
    return any(c.type == "image" for c in previous.walk())  # it follows an image standing alone


def _is_italic_line(node: SyntaxTreeNode) -> bool:
    """One run wholly in italics (`*Like this.*`), a Markdown caption's usual dress."""
    spans = _solid(_inline(node))
    return len(spans) == 1 and spans[0].type == "em"


def _is_bold_line(node: SyntaxTreeNode, text: str) -> bool:
    """One line, wholly bold (`**Like this**`), not ending in a full stop."""
    spans = _solid(_inline(node))
    return (
        len(spans) == 1
        and spans[0].type == "strong"
        and not any(c.type in _BREAKS for c in spans[0].walk())
        and not text.endswith(".")
    )


def _is_only_link(node: SyntaxTreeNode) -> bool:
    """An inline run that is one link, perhaps inside emphasis: `[Text](url)`, `*[Text](url)*`."""
    spans = _solid(node.children)
    if len(spans) != 1:
        return False
    return spans[0].type == "link" or (spans[0].type in ("em", "strong") and _is_only_link(spans[0]))


def _inline(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """The inline spans of a paragraph (or heading)."""
    return [span for child in node.children if child.type == "inline" for span in child.children]


def _solid(spans: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """The spans other than bare white space."""
    return [span for span in spans if span.type != "text" or span.content.strip()]


def _words(node: SyntaxTreeNode) -> str:
    """The text a listener hears in `node`, on one line with single spaces."""
    return " ".join(_spoken(node).split())


def _lines(node: SyntaxTreeNode) -> list[str]:
    """The text of `node` line by line, as written (soft and hard breaks kept)."""
    return [line for raw in _spoken(node).split("\n") if (line := " ".join(raw.split()))]


def _spoken(node: SyntaxTreeNode) -> str:
    """The text of a block, one line per inner block and per line break."""
    if node.type == "inline":
        return "".join(_span_text(span) for span in node.children)
    return "\n".join(_spoken(child) for child in node.children)


def _span_text(span: SyntaxTreeNode) -> str:
    """Text and inline code kept, markup and link targets dropped, images and footnote marks silent,
    inline HTML tags stripped (a `<br>` is a space), breaks as new lines."""
    if span.type in ("text", "code_inline"):
        return span.content
    if span.type in _BREAKS:
        return "\n"
    if span.type == "html_inline":
        return " " if _BR_TAG.match(span.content.strip()) else ""
    if span.type in _SILENT_INLINE:
        return ""
    return "".join(_span_text(child) for child in span.children)


def _alt_text(image: SyntaxTreeNode) -> str:
    return " ".join("".join(_span_text(child) for child in image.children).split())


def _label(what: str, content: str) -> str:
    """`what: its text on one line…`, as the dropped report lists a left-out block."""
    text = " ".join(content.split())
    if len(text) > MAX_LABEL_CHARS:
        text = text[: MAX_LABEL_CHARS - 1].rstrip() + "…"
    return f"{what}: {text}" if text else what
