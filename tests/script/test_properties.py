"""Property tests: whatever the text, the script neither loses nor repeats what a reader wrote."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from audio_edition.errors import InputError
from audio_edition.ingest import parse_article
from audio_edition.preview import write_script
from audio_edition.text.quotes import QUOTE_MARKS

WORDS = st.sampled_from(
    [
        "Kyiv",
        "said",
        "the",
        "talks",
        "Mr.",
        "U.S.",
        "50",
        "Russia’s",
        "leaders’",
        "don't",
        "war",
        "Advertisement",
        "READ ALSO:",
        "Ms",
        "é",
        "Zürich",
        "—",
        "–",
        "(AP)",
        "3.5",
        "e.g.",
        "a",
        "I",
    ]
)
MARKS = st.sampled_from(list("“”‘’\"'«»„") + [".", ",", "?", "!", ":", ";", " ", "\n", "\n\n"])
TOKENS = st.lists(st.one_of(WORDS, MARKS, st.text(min_size=1, max_size=6)), min_size=1, max_size=80)


def squash(text: str) -> str:
    """Text without whitespace or quotation marks: what the invariant compares."""
    return "".join(ch for ch in text if not ch.isspace() and ch not in QUOTE_MARKS)


@settings(max_examples=300, deadline=None)
@given(tokens=TOKENS, markdown=st.booleans())
def test_segments_give_back_the_kept_text(tokens: list[str], markdown: bool) -> None:
    text = " ".join(tokens)
    try:
        article = parse_article(
            text, name="prop.md" if markdown else "prop.txt", fmt="markdown" if markdown else "text"
        )
    except InputError:
        return
    script = write_script(article)
    kept = ([article.meta.title] if article.spoken_title else []) + [b.text for b in article.blocks]
    body = [s.text for s in script.segments if s.role not in ("intro", "outro")]
    assert squash("".join(body)) == squash("".join(kept))
    for seg in script.segments:
        assert seg.text.strip(), "empty segment"
        if any(ch.isalnum() for ch in seg.text):
            assert any(ch.isalnum() for ch in seg.speech.text), seg
    assert [s.index for s in script.segments] == list(range(len(script.segments)))
    assert script.chapters[0].first_segment == 0


@settings(max_examples=200, deadline=None)
@given(body=st.text(max_size=300))
def test_any_text_either_scripts_or_raises_input_error(body: str) -> None:
    try:
        article = parse_article(body)
    except InputError:
        return
    write_script(article)
