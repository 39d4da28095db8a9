"""Fuzzing the readers and the script writer: whatever the bytes, only our own errors come out;
whatever the quoting, the script keeps every word once and its quotes balanced."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audio_edition.errors import InputError
from audio_edition.ingest import parse_article, read_article
from audio_edition.ingest.decode import decode_bytes
from audio_edition.preview import write_script

FORMATS = st.sampled_from(["text", "markdown", "html"])
MARKUP = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<h2>", "</h2>", "<blockquote>", "<script>", "<!--", "-->", "&amp;"]
    + ["---\n", "title: x\n", "# ", "## ", "> ", "* ", "\n\n", "\r\n", "\ufeff", "\x00", "“", "”", '"']
)
TEXTISH = st.lists(st.one_of(MARKUP, st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=2000))
def test_any_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "fuzz.txt")
    except InputError:
        return
    assert isinstance(text, str) and "\x00" not in text


@settings(max_examples=400, deadline=None)
@given(text=TEXTISH, fmt=FORMATS)
def test_any_text_in_any_format_reads_and_scripts_or_raises_input_error(text: str, fmt: str) -> None:
    try:
        article = parse_article(text, name=f"fuzz.{fmt}", fmt=fmt)
    except InputError:
        return
    assert article.blocks and all(b.text.strip() for b in article.blocks)
    script = write_script(article)
    assert all(s.text.strip() and s.speech.text.strip() for s in script.segments)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_file_reads_or_raises_input_error(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        read_article(path)
    except InputError:
        pass


WORD = st.sampled_from(
    ["the", "council", "said", "ferry", "Tuesday", "won't", "harbour's", "5", "U.S.", "Dr.", "plan", "—"]
)
PHRASE = st.lists(WORD, min_size=1, max_size=8).map(" ".join)
QUOTED = st.tuples(st.lists(WORD, min_size=5, max_size=10).map(" ".join), st.sampled_from(["“”", '""']))


@st.composite
def paragraphs(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A paragraph of narration with closed quotations in it, and the quoted passages."""
    parts: list[str] = []
    quoted: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        parts.append(draw(PHRASE).capitalize() + ",")
        words, marks = draw(QUOTED)
        parts.append(f"{marks[0]}{words.capitalize()},{marks[1]}")
        quoted.append(words)
    parts.append(draw(PHRASE) + ".")
    return " ".join(parts), quoted


def _balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


@settings(max_examples=300, deadline=None)
@given(paras=st.lists(paragraphs(), min_size=1, max_size=4))
def test_quotes_stay_balanced_and_every_quoted_word_goes_to_the_quote_voice(
    paras: list[tuple[str, list[str]]],
) -> None:
    body = "\n\n".join(text for text, _ in paras)
    script = write_script(parse_article("A Report\n\n" + body))
    segments = [s for s in script.segments if s.role not in ("intro", "outro", "title")]
    for seg in script.segments:
        assert _balanced(seg.text), seg.text
        assert not any(mark in seg.speech.text for mark in '“”"'), seg.speech  # no engine reads a mark
    quote_text = " ".join(s.text for s in segments if s.role == "quote")
    for _, quoted in paras:
        for words in quoted:
            assert words.capitalize() in quote_text
    said = "".join(s.text for s in segments).replace(" ", "")
    assert said == body.replace(" ", "").replace("\n", "")  # every word once, in order
