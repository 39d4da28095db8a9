"""Nothing is read that is not language: code, markup, bare web addresses and tracking strings are
recognised (and dropped as `code`), prose that mentions them is not."""

from __future__ import annotations

import gzip
import json
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audio_edition.errors import InputError
from audio_edition.ingest import parse_article
from audio_edition.ingest.decode import decode_bytes
from audio_edition.preview import write_script
from audio_edition.script.settings import ScriptSettings
from audio_edition.text.not_language import looks_like_code

REALPAGES = Path(__file__).resolve().parents[3] / "shared" / "realpages"

CODE = [
    "if ((typeof window.x === 'function') && window.x.ready) { window.x.init(); }",
    '"<scr" + "ipt async src=\'//ads.example/tag.js\'></scr" + "ipt>"',
    "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });",
    "var _q = _q || []; _q.push(['_setAccount', 'UA-000000-1']);",
    '<div class="ad-slot" data-size="728x90"></div>',
    "https://example.org/2026/03/ferry-fares-rise?utm_source=twitter&utm_medium=social",
    "pic.twitter.com/AbC123xyz",
    "ana.ruiz@news.example",
    "performance.mark = performance.mark || function(s) {}; performance.mark('title_end');",
    "utm_source=feed&utm_campaign=am_brief&id=9f3a",
    "Listen: http://listen.example/ep615 | Download: http://listen.example/ep615.mp3",
    '[button link="https://example.org/submit" type="big" newwindow="yes"]',
]
PROSE = [
    "The operator said the new timetable would be published on its website, ferries.example.",
    "She clicked “Accept” and the page said: loading… then nothing at all.",
    "Fares rise 20% (from 4.00 to 4.80 dollars); passes rise 10%.",
    "He typed window.open() into the console, a trick he had learned at school, and it worked.",
    "Q&A: what the strike means for commuters",
    "The score was 3-1; the crowd sang until midnight.",
    "Read the report at www.council.example/ferries before Friday's meeting.",
    "x = 3 was the answer, the teacher said, and the class groaned.",
    "See www.council.example and www.operator.example for the two reports published on the strike.",
    "The score [1] and the note [citation needed] stay in the text.",
    "Crews return <i>after</i> a week of talks, <font color=red>the union</font> said.",
]
WORDS = st.sampled_from(
    "the ferry crews voted on Monday to strike over night shifts and the operator said it would "
    "meet the union; fares rose by 20% to 4.80 dollars (a record) — “we are ready,” she said: yes!".split()
)


@pytest.mark.parametrize("text", CODE)
def test_code_markup_and_addresses_are_not_language(text: str) -> None:
    assert looks_like_code(text)


@pytest.mark.parametrize("text", PROSE)
def test_prose_that_mentions_them_is_language(text: str) -> None:
    assert not looks_like_code(text)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=60))
def test_sentences_of_words_are_always_language(words: list[str]) -> None:
    assert not looks_like_code(" ".join(words))


@settings(max_examples=200, deadline=None)
@given(
    name=st.from_regex(r"[a-z][a-zA-Z]{2,10}", fullmatch=True),
    value=st.from_regex(r"[a-z0-9]{1,12}", fullmatch=True),
    calls=st.integers(min_value=1, max_value=4),
)
def test_statements_of_a_script_are_never_language(name: str, value: str, calls: int) -> None:
    statement = f"var {name} = '{value}'; " + " ".join(f"window.{name}.push({k});" for k in range(calls))
    assert looks_like_code(statement)


@pytest.mark.skipif(not REALPAGES.exists(), reason="the benchmark pages are not beside the project")
def test_no_segment_of_the_benchmark_pages_is_code() -> None:
    """Every segment of the script of each real page is language (the pages are read, never kept)."""
    truth = json.loads((REALPAGES / "ground-truth.json").read_text(encoding="utf-8"))
    offending = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for key in truth:
            data = gzip.decompress((REALPAGES / "html" / f"{key}.html.gz").read_bytes())
            try:
                article = parse_article(decode_bytes(data, "p.html"), name="p.html", fmt="html")
            except InputError:
                continue
            script = write_script(article, ScriptSettings())
            offending += [(key[:12], s.text[:80]) for s in script.segments if looks_like_code(s.text)]
    assert offending == []
