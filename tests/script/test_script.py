"""The script writer: roles, voices, pauses and chapters, on the reference and the sample articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audio_edition.ingest import parse_article, read_article
from audio_edition.languages import language_for
from audio_edition.preview import write_script
from audio_edition.script.opening import spoken_date
from audio_edition.script.settings import ScriptSettings
from tests.conftest import ARTICLES, DATA

GOLDEN = sorted((DATA / "golden").glob("*.json"))
BARE = ScriptSettings(opening=False)


def test_reference_article_script(reference_path: Path) -> None:
    script = write_script(read_article(reference_path))
    segs = script.segments
    roles = {s.text: s.role for s in segs}
    quotes = [s.text for s in segs if s.role == "quote"]
    # the long quotations are voiced, the scare quotes stay with the narrator
    assert any(q.startswith("“Our position is as transparent") for q in quotes)
    assert "“fulfil the tasks that we set for ourselves from the very beginning.”" in quotes
    assert "“a lot of diplomatic work lies ahead.”" in quotes
    assert any(q.startswith("“There is no reason to expect") for q in quotes)
    for scare in ("“severe”", "“miraculous breakthroughs”", "“diametrically opposed”", "“disappointing”"):
        holder = next(s for s in segs if scare in s.text)
        assert holder.role == "narration", scare
    # a mixed sentence is split at the quote marks
    assert roles["Kremlin Spokesperson, Dmitry Peskov remarked,"] == "narration"
    assert roles["he said."] == "narration"
    # the attribution is read by the narrator and is no chapter
    attribution = next(s for s in segs if s.role == "attribution")
    assert attribution.text == "Volodymyr Zelenskyy" and attribution.voice == "narrator"
    assert [c.title for c in script.chapters] == [
        "Peace Talks Istanbul",
        "Moscow Downplays Likelihood Of Reaching Concrete Outcome",
    ]
    assert segs[script.chapters[1].first_segment].role == "heading"
    assert all("READ ALSO" not in s.text for s in segs)
    # the opening names the show; the title, made from the file name, is for tags and chapters and
    # is never spoken (issue 18); the closing names the show and discloses the synthetic voice
    assert [s.role for s in segs[:2]] == ["intro", "narration"]
    assert not any("Peace Talks Istanbul" in s.text for s in segs)
    assert segs[-1].role == "outro" and "synthetic voice" in segs[-1].text
    assert segs[-1].text.startswith("You have been listening to Audio Edition.")
    assert segs[-2].pause_after_ms == ScriptSettings().pauses.section
    assert all(s.voice == ("quote" if s.role == "quote" else "narrator") for s in segs)


@pytest.mark.parametrize("name", ["a.txt", "draft-v2-final.txt", "peace-talks-istanbul.txt"])
def test_a_title_made_from_the_file_name_is_never_spoken(name: str) -> None:
    article = parse_article("Ferry crews voted to strike on Monday.\n\nThe vote was close.\n", name=name)
    assert article.meta.title_from == "file-name"
    segs = write_script(article, ScriptSettings()).segments
    assert [s.text for s in segs if s.role in ("intro", "title", "outro")] == [
        "Audio Edition.",
        "You have been listening to Audio Edition. This edition was read by a synthetic voice.",
    ]


def test_opening_speaks_show_title_byline_and_date() -> None:
    article = parse_article(
        "---\ntitle: Ferries Return\nauthor: Ana Ruiz\ndate: 2026-02-11\n---\nText here.\n",
        name="f.md",
        fmt="markdown",
    )
    segs = write_script(article, ScriptSettings(show="Harbour Radio")).segments
    assert [(s.role, s.text) for s in segs[:3]] == [
        ("intro", "Harbour Radio."),
        ("title", "Ferries Return"),
        ("intro", "By Ana Ruiz. February 11, 2026."),
    ]
    assert segs[2].pause_after_ms == ScriptSettings().pauses.title
    assert segs[-1].text == (
        "You have been listening to Ferries Return, from Harbour Radio. "
        "This edition was read by a synthetic voice."
    )


@pytest.mark.parametrize("golden", GOLDEN, ids=[g.stem for g in GOLDEN])
def test_sample_article_scripts_match_golden(golden: Path) -> None:
    expected = json.loads(golden.read_text(encoding="utf-8"))
    script = write_script(read_article(ARTICLES / golden.stem))
    assert script.article.meta.title == expected["title"]
    assert [c.title for c in script.chapters] == expected["chapters"]
    rows = [[s.role, s.text] + ([s.speaker] if s.speaker else []) for s in script.segments]
    assert rows == expected["segments"]
    assert [d.text for d in script.article.dropped] == expected["dropped"]


def test_every_sample_article_has_a_golden_file() -> None:
    assert {g.stem for g in GOLDEN} == {p.name for p in ARTICLES.iterdir() if p.is_file()}


def test_pauses_grow_with_structure() -> None:
    text = (
        "Heading Test Article\nFirst sentence here. Second sentence here.\nNew paragraph here.\n"
        "A New Section\nSection text here.\n"
    )
    segs = write_script(parse_article(text), BARE).segments
    by_text = {s.text: s.pause_after_ms for s in segs}
    assert by_text["First sentence here."] < by_text["Second sentence here."]
    assert by_text["Second sentence here."] < by_text["New paragraph here."]
    assert segs[-1].pause_after_ms == 0


def test_min_quote_words_is_configurable() -> None:
    text = "Intro Title\nShe called it “a very bad idea” on Monday.\n"
    default = write_script(parse_article(text), BARE).segments
    assert [s.role for s in default] == ["title", "narration", "quote", "narration"]
    strict = write_script(parse_article(text), ScriptSettings(min_quote_words=5, opening=False)).segments
    assert [s.role for s in strict] == ["title", "narration"]


def test_unclosed_quote_never_swallows_the_next_paragraph() -> None:
    text = "Intro Title\nHe said “we will see how it goes in July.\nThe festival runs in July.\n"
    segs = write_script(parse_article(text), BARE).segments
    assert segs[-1].text == "The festival runs in July." and segs[-1].role == "narration"


def test_multi_paragraph_quote_is_voiced_throughout() -> None:
    text = (
        "Intro Title\nThe mayor spoke first. “We built this harbour together over many years.\n"
        "“We will rebuild it together, whatever the storms bring next.\n"
        "“And we will not wait for anyone's permission to start,” she said.\n"
    )
    segs = write_script(parse_article(text), BARE).segments
    assert [s.role for s in segs] == ["title", "narration", "quote", "quote", "quote", "narration"]


def test_speech_text_has_no_quote_marks_but_keeps_apostrophes() -> None:
    text = "Intro Title\n“Kyiv’s position is clear and it will not change,” he said.\n"
    settings = ScriptSettings(opening=False, default_lexicon=False)
    quote = write_script(parse_article(text), settings).segments[1]
    assert quote.speech.text == "Kyiv's position is clear and it will not change,"


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("2026-02-11", "February 11, 2026"),
        ("2019-11-19T10:00:00Z", "November 19, 2019"),
        ("Monday, November 18, 2019, 04:05 pm", "Monday, November 18, 2019"),
        ("Published 3 March 2026 10:04 GMT", "3 March 2026"),
        ("March 3, 2026", "March 3, 2026"),
        ("last spring", "last spring"),
    ],
)
def test_opening_says_the_date_without_clock_times_or_stamps(written: str, said: str) -> None:
    assert spoken_date(written, language_for("en")) == said


def test_a_title_of_symbols_alone_is_not_spoken() -> None:
    """`-->` as a page's headline: no segment speaks nothing, and the closing names only the show."""
    from audio_edition.ingest import parse_article

    script = write_script(
        parse_article("<h2>--></h2><p>The ferry sails at noon.</p>", name="a.html", fmt="html")
    )
    assert all(s.speech.text.strip() for s in script.segments)
    assert [s.role for s in script.segments][:2] == ["intro", "narration"]
    assert script.segments[-1].text == (
        "You have been listening to Audio Edition. This edition was read by a synthetic voice."
    )
