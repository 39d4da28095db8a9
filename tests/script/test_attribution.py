"""Golden table and regressions for quotation speakers: clauses, attribution lines, pronouns, run-ons."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from audio_edition.languages import language_for
from audio_edition.model import Block, BlockKind
from audio_edition.script.names import Name, clean_name, name_at, sentences, tokenize
from audio_edition.script.quotations import Quotation, QuoteKind, QuoteSpan
from audio_edition.script.words import reading_words
from tests.tagged import attribute_speakers

_QUOTE = re.compile(r"“[^“”]*(?:”|$)")


def article(text: str) -> list[Block]:
    """Blocks from paragraphs split at blank lines; `> ` opens a block quote, `~ ` an attribution line."""
    blocks = []
    for para in text.strip().split("\n\n"):
        kind: BlockKind = "paragraph"
        if para.startswith(("> ", "~ ", "# ")):
            kind = {"> ": "blockquote", "~ ": "attribution", "# ": "heading"}[para[:2]]  # type: ignore[assignment]
            para = para[2:]
        blocks.append(Block(kind, para))
    return blocks


def quotations(blocks: list[Block], kinds: dict[int, QuoteKind] | None = None) -> list[Quotation]:
    """Curly double quotations; one left open runs on into a paragraph that opens with a mark."""
    found: list[list[QuoteSpan]] = []
    running = False
    for b, block in enumerate(blocks):
        for m in _QUOTE.finditer(block.text):
            span = QuoteSpan(b, m.start(), m.end())
            if running and m.start() == 0:
                found[-1].append(span)
            else:
                found.append([span])
            running = not m.group().endswith("”")
    kinds = kinds or {}
    return [Quotation(tuple(spans), kind=kinds.get(i, "speech")) for i, spans in enumerate(found)]


def speakers(text: str, kinds: dict[int, QuoteKind] | None = None) -> list[str | None]:
    """The speaker of each quotation in `text`."""
    blocks = article(text)
    return attribute_speakers(blocks, quotations(blocks, kinds))


GOLDEN: list[tuple[str, list[str | None]]] = [
    # a name and a speech verb in the quotation's sentence
    ("“We are proud of this year’s line-up,” said Ruth Abebe, the festival director.", ["Ruth Abebe"]),
    ("Ruth Abebe said: “We are proud of this year’s line-up.”", ["Ruth Abebe"]),
    (
        "“We will not go back,” Peskov said, dismissing the idea. Dmitry Peskov is the spokesman.",
        ["Dmitry Peskov"],
    ),
    (
        "Kremlin Spokesperson, Dmitry Peskov remarked, “There is no reason to expect breakthroughs.”",
        ["Dmitry Peskov"],
    ),
    ("“There is no reason to expect breakthroughs,” Dmitry Peskov told reporters.", ["Dmitry Peskov"]),
    (
        "Dmitry Peskov told reporters on Monday that the talks were “diametrically opposed.”",
        ["Dmitry Peskov"],
    ),
    ("“It is hardly possible,” Dmitry Peskov added.", ["Dmitry Peskov"]),
    ("“Russia will pursue its interests,” Dmitry Peskov asserted.", ["Dmitry Peskov"]),
    ("“Sanctions are coming,” Donald Trump warned on Monday.", ["Donald Trump"]),
    ("Amara Osei wrote: “The data are clear.”", ["Amara Osei"]),
    ("“We were never told,” Rustem Umerov insisted.", ["Rustem Umerov"]),
    ("“The talks went well,” Andriy Yermak later said.", ["Andriy Yermak"]),
    ("“The talks went well,” Andriy Yermak said on Monday.", ["Andriy Yermak"]),
    ("Andriy Yermak on Tuesday said that “the talks went well.”", ["Andriy Yermak"]),
    ("“We are ready!” Mary-Jane O'Neil exclaimed.", ["Mary-Jane O'Neil"]),
    ("“Nobody asked us,” said Sam de la Cruz, who chairs the residents’ group.", ["Sam de la Cruz"]),
    ("“Nobody asked us,” said Mary-Jane O’Neil.", ["Mary-Jane O’Neil"]),
    ("“Ça suffit,” said Zoë Łukasiewicz-Ångström.", ["Zoë Łukasiewicz-Ångström"]),
    ("According to Amara Osei, “the data are clear.”", ["Amara Osei"]),
    ("“We are done here,” she said. Ruth Abebe had arrived late.", [None]),
    # titles, roles and honorifics are not part of the name
    ("US President Donald Trump said the call was “disappointing and very sad.”", ["Donald Trump"]),
    ("Russian President Vladimir Putin said: “We are open to talks.”", ["Vladimir Putin"]),
    ("“The data are clear,” said Dr. Amara Osei.", ["Amara Osei"]),
    ("“The data are clear,” said Dr Amara Osei.", ["Amara Osei"]),
    ("The festival director, Ruth Abebe, said: “We sold out.”", ["Ruth Abebe"]),
    ("Dmitry Peskov, the Kremlin spokesman, said: “We see no progress.”", ["Dmitry Peskov"]),
    ("“We see no progress,” said Kremlin Spokesperson, Dmitry Peskov.", ["Dmitry Peskov"]),
    ("Defence Minister Rustem Umerov said: “We are ready for talks.”", ["Rustem Umerov"]),
    ("“We will respond,” said Zelenskyy’s chief of staff, Andriy Yermak.", ["Andriy Yermak"]),
    ("“We will respond,” Peskov’s deputy said.", [None]),
    ("Kremlin Spokesperson, Dmitry Peskov spoke. “No comment,” the spokesperson said.", ["Dmitry Peskov"]),
    ("“I’m here,” said J. K. Rowling.", ["J. K. Rowling"]),
    ("Bashar al-Assad spoke. “We will win,” al-Assad said.", ["Bashar al-Assad"]),
    (
        "“Our position is clear,” Ukraine’s President Volodymyr Zelenskyy said on Telegram.",
        ["Volodymyr Zelenskyy"],
    ),
    # full name as first written
    ("Dmitry Peskov spoke on Monday. “There is a lot of work to be done,” Peskov said.", ["Dmitry Peskov"]),
    (
        "Volodymyr Zelenskyy proposed talks.\n\n“Our position is transparent,” Zelenskyy said.",
        ["Volodymyr Zelenskyy"],
    ),
    ("Sam de la Cruz spoke first. “Nobody asked us,” de la Cruz said.", ["Sam de la Cruz"]),
    ("Sam de la Cruz spoke first. “Nobody asked us,” Cruz said.", ["Sam de la Cruz"]),
    ("Ms Ruth Abebe opened the show. “We sold out,” Mrs Abebe said.", ["Ruth Abebe"]),
    ("“We sold out,” said Mr Abebe.", ["Abebe"]),
    ("“It’s bad,” said trucker Luis Martinez, 52. “I’ve been here two days.”", ["Luis Martinez"] * 2),
    ("“We’ve never seen this,” said Harbor Master Jim O’Connell, who worked there.", ["Jim O’Connell"]),
    ("“This is dangerous,” meteorologist Sarah Kim said in a video posted online.", ["Sarah Kim"]),
    ("The chancellor, Rachel Osei, defended it, saying they “cannot keep borrowing”.", ["Rachel Osei"]),
    # pronouns
    ("Dmitry Peskov spoke to reporters. “There is a lot of work to be done,” he said.", ["Dmitry Peskov"]),
    (
        "Ruth Abebe said her team was tired. Dmitry Peskov said his team was not. “We sold out,” she said.",
        ["Ruth Abebe"],
    ),
    ("Ruth Abebe spoke first; Sam de la Cruz said little. “We sold out,” they said.", ["Sam de la Cruz"]),
    ("Ruth Abebe opened the show with her team. “We sold out,” she said.", ["Ruth Abebe"]),
    ("Ruth Abebe opened the show with her team. “We sold out,” he said.", [None]),
    ("Dmitry Peskov said the talks would fail. “We see no progress,” he added.", ["Dmitry Peskov"]),
    ("“We see no progress,” he said.", [None]),
    ("In New York, talks began. “It was productive,” he said.", [None]),
    ("Dmitry Peskov was asked about it. “No comment,” he told reporters.", ["Dmitry Peskov"]),
    # unnamed speakers and over-matching
    ("“We are not expecting miracles,” the Kremlin said.", [None]),
    ("“Profits fell,” the company said.", ["the company"]),  # an organisation that speaks
    ("“Profits fell,” a spokesperson said.", [None]),
    ("“Profits fell,” said the report.", [None]),
    ("“Profits fell,” officials said.", [None]),
    ("“Profits fell,” The minister said.", [None]),
    ("The minister, Ana Ruiz, opened the session. “Profits fell,” the minister said.", ["Ana Ruiz"]),
    ("Ana Ruiz, the minister, opened the session. “Profits fell,” said the minister.", ["Ana Ruiz"]),
    ("“We will respond,” Moscow said.", [None]),
    ("“We will respond,” it said.", [None]),
    ("“I spoke to Dmitry Peskov and he agreed,” Ruth Abebe said.", ["Ruth Abebe"]),
    ("“Dmitry Peskov said no,” the report noted.", [None]),
    # the same paragraph, another sentence
    ("Dmitry Peskov said he could give no guidance. “There is a lot of work to be done.”", ["Dmitry Peskov"]),
    ("“There is a lot of work to be done.” That was the verdict of Dmitry Peskov, who said no more.", [None]),
    # several quotations, several speakers
    (
        "“We sold out,” said Ruth Abebe. “We did not,” said Sam de la Cruz.",
        ["Ruth Abebe", "Sam de la Cruz"],
    ),
    ("“We will go,” she said, “and we will stay.” Ruth Abebe smiled.", [None, None]),
    ("Ruth Abebe smiled. “We will go,” she said, “and we will stay.”", ["Ruth Abebe", "Ruth Abebe"]),
    # continuation into the next paragraph
    (
        "“We sold out,” Ruth Abebe said.\n\n“And next year we will sell out again.”",
        ["Ruth Abebe", "Ruth Abebe"],
    ),
    (
        "“We sold out,” Ruth Abebe said, thanking Sam de la Cruz.\n\n“And next year we will sell out again.”",
        ["Ruth Abebe", None],
    ),
    ("Ruth Abebe said:\n\n“We sold out, and next year we will sell out again.”", ["Ruth Abebe"]),
    # a quotation over several paragraphs
    (
        "Ruth Abebe said: “We sold out.\n\n“Next year we will sell out again.\n\n“And the year after.”",
        ["Ruth Abebe"],
    ),
    ("“We sold out.\n\n“And the year after,” said Ruth Abebe.", ["Ruth Abebe"]),
    # block quotes and attribution lines
    ("> “Our position is as transparent as possible.”\n\n~ Volodymyr Zelenskyy", ["Volodymyr Zelenskyy"]),
    ("> “Our position is transparent.”\n\n~ — Dr. Amara Osei, chief scientist", ["Amara Osei"]),
    (
        "Volodymyr Zelenskyy spoke.\n\n> “Our position is transparent.”\n\n~ Zelenskyy",
        ["Volodymyr Zelenskyy"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), GOLDEN)
def test_golden(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


REFERENCE = """
A Ukrainian and Russian delegation are expected to meet for further peace talks in Istanbul tomorrow, \
Wednesday, July 22, 2025.

Ukraine’s President, Volodymyr Zelenskyy proposed fresh talks at the weekend, days after US President \
Donald Trump threatened Russia with “severe” sanctions if there was no ceasefire between Moscow and Kyiv \
within 50 days.

Zelenskyy disclosed that former Defence Minister and newly appointed National Security and Defense Council \
Secretary Rustem Umerov will lead Ukraine’s team for tomorrow’s peace talks with Russia.

He will be joined for talks by representatives of Ukrainian intelligence, the country’s foreign ministry, \
and the presidential office.

Umerov, who was moved to lead the National Security and Defence Council as part of a broader government \
reshuffle, met with Zelenskyy to discuss the key aims for the negotiations. Andriy Yermak, the head of the \
Presidential Office was present in the meeting.

Zelenskyy said that Umerov, during the meeting, reported on the implementation of the agreements reached \
during the second round of talks held in the Turkish metropolis Istanbul last month, as well as the \
agreement to hold a new meeting “in the near future.”

Yermak, for his part, reported on the coordination of Kyiv’s diplomatic efforts with its partners in \
Europe and with the US, Zelenskyy noted, adding that the country is ready to work productively in securing \
the return of more prisoners of war, establishing a halt to hostilities, and preparing for a leaders’ meeting.

Zelenskyy stressed that Kyiv has three main priorities for the upcoming talks with Moscow: the return of \
prisoners of war, the repatriation of children abducted to Russia, and an in-person meeting with Russian \
President Vladimir Putin.

> “Our position is as transparent as possible. Ukraine never wanted this war, and it is Russia that must \
end the war that it itself started.”

~ Volodymyr Zelenskyy

The upcoming negotiations, if held, would be the third round of direct talks between Kyiv and Moscow \
this year.

Umerov led the Ukrainian delegation in similar talks in Istanbul in May and June.

# Moscow Downplays Likelihood Of Reaching Concrete Outcome

Meanwhile, the Kremlin said that it was not expecting “miraculous breakthroughs” from the talks in Istanbul.

Kremlin Spokesperson, Dmitry Peskov remarked, “There is no reason to expect any breakthroughs in the \
category of miracles – it is hardly possible in the current situation.”

He asserted that Russia intends to pursue its interests, ensure its interests and “fulfil the tasks that we \
set for ourselves from the very beginning.”

Peskov said he could give no guidance on timing for a possible peace agreement. “There is a lot of work to \
be done before we can talk about the possibility of some top-level meetings,” he said.

Commenting on the prospects for a breakthrough, Peskov told reporters on Monday that the two sides were \
“diametrically opposed” and “a lot of diplomatic work lies ahead.”

Recently, after what US President, Donald Trump called a “disappointing” call with President Vladimir \
Putin, Trump gave Moscow a 50-day ultimatum to move toward peace or face harsh new sanctions.
"""

REFERENCE_SPEAKERS = {
    "“severe”": None,  # scare quote
    "“in the near future.”": "Volodymyr Zelenskyy",  # the reporting speaker, not Umerov
    "“Our position": "Volodymyr Zelenskyy",
    "“miraculous breakthroughs”": None,  # the Kremlin: not a person
    "“There is no reason": "Dmitry Peskov",
    "“fulfil the tasks": "Dmitry Peskov",
    "“There is a lot of work": "Dmitry Peskov",
    "“diametrically opposed”": "Dmitry Peskov",
    "“a lot of diplomatic work": "Dmitry Peskov",
    "“disappointing”": None,  # scare quote
}


def test_reference_article() -> None:
    blocks = article(REFERENCE)
    found = quotations(blocks)
    assert len(found) == len(REFERENCE_SPEAKERS)
    scare = {"“severe”", "“disappointing”"}
    texts = [blocks[q.spans[0].block].text[q.spans[0].start : q.spans[0].end] for q in found]
    found = [
        Quotation(q.spans, kind="scare" if t in scare else "speech")
        for q, t in zip(found, texts, strict=True)
    ]
    got = dict(zip(texts, attribute_speakers(blocks, found), strict=True))
    for start, speaker in REFERENCE_SPEAKERS.items():
        (text,) = [t for t in got if t.startswith(start)]
        assert got[text] == speaker, text


def test_reference_article_end_to_end(reference_path: Path) -> None:
    from audio_edition.ingest import read_article
    from tests.tagged import find_quotations

    blocks = list(read_article(reference_path).blocks)
    found = find_quotations(blocks)
    got = attribute_speakers(blocks, found)
    for quotation, speaker in zip(found, got, strict=True):
        span = quotation.spans[0]
        text = blocks[span.block].text[span.start : span.end]
        if quotation.kind != "speech":
            assert speaker is None, text
            continue
        (expected,) = [who for start, who in REFERENCE_SPEAKERS.items() if text.startswith(start)]
        assert speaker == expected, text


def one(text: str, kind: QuoteKind = "speech") -> str | None:
    """The speaker of the only quotation in `text`, given as `kind`."""
    (speaker,) = speakers(text, {0: kind})
    return speaker


def test_title_and_scare_quotations_get_no_speaker() -> None:
    assert one("“Fargo,” said Ruth Abebe, is her favourite film.", "title") is None
    assert one("Donald Trump called it a “disappointing” call, Donald Trump said.", "scare") is None


def test_name_only_inside_the_quotation_is_never_the_speaker() -> None:
    assert one("“Dmitry Peskov told us nothing,” he said.") is None
    assert one("“Ask Ruth Abebe,” the spokesperson said.") is None


def test_name_introduced_inside_another_quotation_does_not_count() -> None:
    assert speakers("“I am Ruth Abebe,” she said. “We sold out,” Abebe said.") == [None, None]


def test_headings_do_not_introduce_names() -> None:
    assert speakers("# Ruth Abebe Returns\n\n“We sold out,” Abebe said.") == [None]


def test_multi_paragraph_quotation_attributed_after_its_last_span() -> None:
    text = "“We sold out.\n\n“Next year we will sell out again,” said Ruth Abebe."
    blocks = article(text)
    (quotation,) = quotations(blocks)
    assert len(quotation.spans) == 2
    assert attribute_speakers(blocks, [quotation]) == ["Ruth Abebe"]


def test_pronoun_takes_gender_from_honorific() -> None:
    text = "Mr Dmitry Peskov spoke. Ms Ruth Abebe spoke too. “We will not go back,” he said."
    assert one(text) == "Dmitry Peskov"


def test_pronoun_fits_a_speaker_of_unknown_gender() -> None:
    text = "Mr Dmitry Peskov spoke. Ruth Abebe spoke too. “We will not go back,” he said."
    assert one(text) == "Ruth Abebe"  # nothing in the text says Ruth Abebe is not "he"


def test_pronoun_skips_speaker_of_other_gender() -> None:
    text = (
        "“We sold out,” said Ruth Abebe, and her team cheered. “We did not,” said Dmitry Peskov, who gave "
        "his reasons. “Sold out!” she said."
    )
    assert speakers(text) == ["Ruth Abebe", "Dmitry Peskov", "Ruth Abebe"]


def test_pronoun_at_start_without_anyone_named_is_none() -> None:
    assert one("“We will see,” she said.") is None


def test_the_minister_unnamed_until_apposition() -> None:
    assert one("“Profits fell,” the minister said. The minister, Ana Ruiz, left.") is None
    assert one("The minister, Ana Ruiz, arrived. “Profits fell,” the minister said.") == "Ana Ruiz"


def test_the_minister_is_the_latest_one_named() -> None:
    text = "The minister, Ana Ruiz, left; the minister, Sam de la Cruz, arrived. “Hello,” the minister said."
    assert one(text) == "Sam de la Cruz"


def test_role_from_title_before_name() -> None:
    assert (
        one("US President Donald Trump flew in. “It was a good call,” the president said.") == "Donald Trump"
    )


def test_said_the_report_is_none() -> None:
    assert one("Dmitry Peskov was cited. “Talks stalled,” said the report.") is None


def test_organisation_settles_the_sentence_even_after_a_named_speaker() -> None:
    text = "Dmitry Peskov spoke on Monday. “We are not expecting miracles,” the Kremlin said."
    assert one(text) is None


def test_continuation_stops_at_another_named_person() -> None:
    text = "“We sold out,” Ruth Abebe said. Sam de la Cruz disagreed.\n\n“We will sell out again.”"
    assert speakers(text) == ["Ruth Abebe", None]


def test_continuation_needs_the_quotation_to_open_the_paragraph() -> None:
    text = "“We sold out,” Ruth Abebe said.\n\nTickets went fast. “We will sell out again.”"
    assert speakers(text) == ["Ruth Abebe", None]


def test_continuation_not_across_a_heading() -> None:
    assert speakers("“We sold out,” Ruth Abebe said.\n\n# Next year\n\n“We will sell out again.”") == [
        "Ruth Abebe",
        None,
    ]


def test_continuation_chains_over_paragraphs() -> None:
    text = "“We sold out,” Ruth Abebe said.\n\n“Again.”\n\n“And again.”"
    assert speakers(text) == ["Ruth Abebe"] * 3


def test_attribution_line_after_several_block_quotes() -> None:
    text = (
        "> “Our position is transparent.”\n\n> “Russia must end the war.”\n\n~ Volodymyr Zelenskyy, president"
    )
    assert speakers(text) == ["Volodymyr Zelenskyy", "Volodymyr Zelenskyy"]


def test_attribution_line_only_follows_block_quotes() -> None:
    assert speakers("“Our position is transparent.”\n\n~ Volodymyr Zelenskyy") == [None]


def test_quotations_given_out_of_reading_order() -> None:
    blocks = article("“We sold out,” Ruth Abebe said.\n\n“Again.”")
    first, second = quotations(blocks)
    assert attribute_speakers(blocks, [second, first]) == ["Ruth Abebe", "Ruth Abebe"]


def test_no_quotations_and_empty_spans() -> None:
    blocks = article("Ruth Abebe said nothing.")
    assert attribute_speakers(blocks, []) == []
    assert attribute_speakers(blocks, [Quotation(())]) == [None]
    assert attribute_speakers([], []) == []


NAMES = [
    ("US President Donald Trump", "Donald Trump"),
    ("Russian President Vladimir Putin", "Vladimir Putin"),
    ("Dr. Amara Osei", "Amara Osei"),
    ("Mrs Ruth Abebe", "Ruth Abebe"),
    ("Zelenskyy’s", "Zelenskyy"),
    ("Sam de la Cruz", "Sam de la Cruz"),
    ("Mary-Jane O'Neil", "Mary-Jane O'Neil"),
    ("Bashar al-Assad", "Bashar al-Assad"),
    ("Carole King", "Carole King"),
    ("J. K. Rowling", "J. K. Rowling"),
    ("Meanwhile Peskov", "Peskov"),
    ("Kremlin Spokesperson", None),
    ("Prime Minister", None),
    ("The Kremlin", None),
    ("Societe Generale Bank", None),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_clean_name(text: str, expected: str | None) -> None:
    tokens = tokenize(text)
    found = name_at(tokens, len(tokens) - 1)
    name = found[0] if found else None
    assert (name.text if name else None) == expected


def test_clean_name_remembers_role_and_gender() -> None:
    assert clean_name(["US", "President", "Donald", "Trump"]) == Name(("Donald", "Trump"), role="president")
    name = clean_name(["Mrs", "Abebe"])
    assert name is not None and name.gender == "f" and name.honorific


def test_name_run_inside_a_long_title() -> None:
    text = "newly appointed National Security and Defense Council Secretary Rustem Umerov will"
    tokens = tokenize(text)
    found = name_at(tokens, len(tokens) - 2)
    assert found is not None and found[0] is not None
    assert found[0].text == "Rustem Umerov" and found[0].role == "secretary"


def test_sentences_keep_abbreviations_and_initials() -> None:
    tokens = tokenize("Dr. Amara Osei spoke. J. K. Rowling wrote. It ended.")
    assert len(sentences(tokens)) == 3


# Who is not the speaker: the person something is done to, an operation or event, a place.
NOT_SPEAKERS: list[tuple[str, list[str | None]]] = [
    (
        "Councillor Tamsin Lee was threatened by a caller who left a voicemail saying “I know where you "
        "live and I will be waiting.”",
        [None],
    ),
    (
        "Tamsin Lee received a threat from a caller, saying “you will regret every vote you cast.”",
        [None],
    ),
    (
        "“Two strikes hit the fuel depot overnight,” Operation Northern Shield said in a statement.",
        [None],
    ),
    ("“The crowds were bigger than ever this year,” the Harbour Lights Festival said.", [None]),
    ("A Leeds man who saw the fire said: “I will never forget the sound of it.”", [None]),
    ("“I will never forget the sound of it,” said a Leeds man who saw the fire.", [None]),
    # look-alikes: the person opening the sentence who does speak, an active verb ending in -ed
    ("Tamsin Lee opened the session, saying “we will vote on the budget today.”", ["Tamsin Lee"]),
    ("Tamsin Lee warned the council, saying “we cannot afford another year like this.”", ["Tamsin Lee"]),
]


@pytest.mark.parametrize(("text", "expected"), NOT_SPEAKERS)
def test_not_speakers(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


# One person, one name: the fullest form the article uses, wherever it stands.
ONE_NAME: list[tuple[str, list[str | None]]] = [
    (
        "Van Der Molen said: “It was the hardest season of my career.” Pieter Van Der Molen retired in May.",
        ["Pieter Van Der Molen"],
    ),
    (
        "Pieter Van Der Molen retired in May. “It was the hardest season,” Van Der Molen said.",
        ["Pieter Van Der Molen"],
    ),
    ("Princess Amara opened the bridge. “It joins two towns,” Amara said.", ["Amara"]),
    # look-alikes: a lone first name never written with a title is nobody known; two people sharing
    # a surname stay two people
    ("Amara opened the bridge. “It joins two towns,” Amara said.", [None]),
    (
        "Jon Ruiz and Ana Ruiz ran the shop. “We sold the last loaf at noon,” Ana Ruiz said.",
        ["Ana Ruiz"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ONE_NAME)
def test_one_person_one_name(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


# Organisations that speak are speakers, as written; a document, a place, a spokesperson are not.
ORGANISATIONS: list[tuple[str, list[str | None]]] = [
    ("The Harbour Ports Authority said: “The quay will reopen in May.”", ["the Harbour Ports Authority"]),
    ("“The quay will reopen in May,” the Harbour Ports Authority said.", ["the Harbour Ports Authority"]),
    (
        "The Danish transport ministry said it “regrets the delay to the crossing”.",
        ["the Danish transport ministry"],
    ),
    ("“We are reviewing the footage,” Northfield Police Department said.", ["Northfield Police Department"]),
    ("“We are reviewing the footage,” said the council.", ["the council"]),
    # look-alikes
    ("“We are reviewing the footage,” said the report.", [None]),
    ("“We are reviewing the footage,” a spokesperson said.", [None]),
    ("“We are reviewing the footage,” Northfield said.", [None]),
    ("“We are reviewing the footage,” said the council leader, Ana Ruiz.", ["Ana Ruiz"]),
]


@pytest.mark.parametrize(("text", "expected"), ORGANISATIONS)
def test_organisations_that_speak(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


# A pronoun means someone named near it: in its paragraph or the few before.
PRONOUN_REACH: list[tuple[str, list[str | None]]] = [
    (
        "Marta Ilves runs the bakery on Pier Street.\n\nThe queue starts at six.\n\n"
        "“We bake through the night,” she said.",
        ["Marta Ilves"],
    ),
    # look-alike: the only woman named is many paragraphs back, and the article has moved on
    (
        "Marta Ilves runs the bakery on Pier Street.\n\nThe queue starts at six.\n\n"
        "Flour prices rose in spring.\n\nThe harbour froze in March.\n\nFerries were late all week.\n\n"
        "“We bake through the night,” she said.",
        [None],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUN_REACH)
def test_pronoun_reach(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


ENGLISH_PAGE = (
    "Oskar Lind has run the ferry for twenty years. He says the crossing is quieter in the winter and that "
    "the crew know every rock of the bay. In the summer the boat carries walkers to the island, and on a "
    "calm day it makes the trip in an hour with a stop at the lighthouse for the keepers of the light.\n\n"
    "“The sea decides when we sail,” Lind says."
)


def test_page_declared_in_another_language_but_written_in_english() -> None:
    blocks = article(ENGLISH_PAGE)
    assert attribute_speakers(blocks, quotations(blocks), language="de") == ["Oskar Lind"]


def test_article_in_its_declared_language_keeps_its_words() -> None:
    text = (
        "Anna Weber leitet die Fähre seit zwanzig Jahren. Sie sagt, die Überfahrt sei im Winter ruhiger "
        "und die Mannschaft kenne jeden Felsen der Bucht.\n\n„Das Meer entscheidet, wann wir fahren“, sagte "
        "Anna Weber."
    )
    blocks = [Block("paragraph", p) for p in text.split("\n\n")]
    german = language_for("de")
    found = [Quotation((QuoteSpan(1, 0, blocks[1].text.index("“") + 1),), language=german)]
    assert attribute_speakers(blocks, found, language=german) == ["Anna Weber"]
    assert german.words is reading_words(german, [b.text for b in blocks])


# A long description between a name and its verb; verbs after the name (`comments X`); `has written`;
# an age before the name after the verb.
DESCRIBED: list[tuple[str, list[str | None]]] = [
    (
        "“Orders fell in every region,” Priya Nandakumar, the chain’s head of research for northern "
        "markets, said in a note.",
        ["Priya Nandakumar"],
    ),
    (
        "“Orders fell in every region,” Priya Nandakumar, Ledgerline’s head of research, said.",
        ["Priya Nandakumar"],
    ),
    (
        "“A tariff is a tax on the buyer,” Tomas Brandt, a senior fellow at the Harbour Policy Institute, "
        "has written.",
        ["Tomas Brandt"],
    ),
    (
        "Tomas Brandt leads the band. “We are glad to be back,” comments Brandt in a statement.",
        ["Tomas Brandt"],
    ),
    (
        "“I could not climb the stairs any more,” wrote 61-year-old Elsie Marr of Kendal in her diary.",
        ["Elsie Marr"],
    ),
    # look-alikes: a place before the comma, a written text, and a description naming a speech of its own
    ("“Orders fell in every region,” In London, the chain’s head of research said.", [None]),
    ("“A tariff is a tax on the buyer,” reads a letter written to the council.", [None]),
    (
        "“Orders fell,” Priya Nandakumar, who said last year that sales would grow, told the board.",
        ["Priya Nandakumar"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DESCRIBED)
def test_described_speakers(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


# Organisations after the verb, by their initials, and `it` for the organisation that just spoke.
BODIES: list[tuple[str, list[str | None]]] = [
    ("The ferry was late. “Crossings will be hourly,” writes the Coastal Press.", ["the Coastal Press"]),
    (
        "Crossings will be “hourly from May”, according to the Harbour Port Authority.",
        ["the Harbour Port Authority"],
    ),
    ("“Crossings will be hourly from May,” the NRB said.", ["the NRB"]),
    (
        "“Crossings will be hourly from May,” said the Northfield Port Services.",
        ["the Northfield Port Services"],
    ),
    (
        "The Harbour Port Authority said the quay would reopen.\n\n"
        "“The repairs took longer than planned,” it added.",
        ["the Harbour Port Authority"],
    ),
    # look-alikes: a country's two letters, `it` after a person, `it` with nobody before
    ("“Crossings will be hourly from May,” the US said.", [None]),
    (
        "The Harbour Port Authority said the quay would reopen. Ana Ruiz said more.\n\n"
        "“The repairs took longer than planned,” it added.",
        [None],
    ),
    ("“The repairs took longer than planned,” it added.", [None]),
]


@pytest.mark.parametrize(("text", "expected"), BODIES)
def test_bodies_that_speak(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


# A paragraph that is all quotation continues the speaker before it: over a description of that
# speaker naming others, and after a sentence reporting what someone said.
CONTINUED: list[tuple[str, list[str | None]]] = [
    (
        "“The curfew must end,” said Ines Varga, research director for the Baltic States at Open Harbour "
        "Watch.\n\n> “Nobody has been charged for the shootings.”",
        ["Ines Varga", "Ines Varga"],
    ),
    (
        "Ines Varga said the curfew was the latest step.\n\n> “Nobody has been charged for the killings.”",
        ["Ines Varga"],
    ),
    # look-alikes: someone else named after the report, or after the description
    (
        "Ines Varga said the curfew was only the latest step, and Piet Mols agreed.\n\n"
        "> “Nobody has been charged for the shootings.”",
        [None],
    ),
    (
        "“The curfew must end,” said Ines Varga, research director at Open Harbour Watch, thanking Piet Mols."
        "\n\n> “Nobody has been charged for the shootings.”",
        ["Ines Varga", None],
    ),
    ("The curfew was only the latest step.\n\n> “Nobody has been charged for the shootings.”", [None]),
]


@pytest.mark.parametrize(("text", "expected"), CONTINUED)
def test_continued_speaker(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


# `the doctors said`: the group the article named them as.
GROUPS: list[tuple[str, list[str | None]]] = [
    (
        "A group of nurses is offering free checks at the port.\n\nThe nurses, members of a new group Nurses "
        "for Open Clinics, wrote to the mayor.\n\n“We can start on Monday,” the nurses said.",
        ["Nurses for Open Clinics"],
    ),
    (
        "The nurses, members of a new group Nurses for Open Clinics, wrote to the mayor.\n\n"
        "“We can start on Monday,” the group said.",
        ["Nurses for Open Clinics"],
    ),
    # look-alikes: a plural the group's paragraphs never use; no group named; the minister stays a role
    (
        "The nurses, members of a new group Nurses for Open Clinics, wrote to the mayor.\n\n"
        "“We can start on Monday,” the dockers said.",
        [None],
    ),
    ("The nurses wrote to the mayor.\n\n“We can start on Monday,” the nurses said.", [None]),
    ("“We can start on Monday,” the minister said.", [None]),
]


@pytest.mark.parametrize(("text", "expected"), GROUPS)
def test_group_speakers(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected


# `The 61-year-old said`: the person named just before, not a team or place after a preposition.
AGED: list[tuple[str, list[str | None]]] = [
    (
        "Talks between the club and Oren Falk's agents went on late.\n\nThe coach had been out of work "
        "since being let go by Northfield United.\n\nThe 61-year-old said: “I am glad to be back.”",
        ["Oren Falk"],
    ),
    ("Oren Falk took over on Monday. “I am glad to be back,” the 61-year-old coach said.", ["Oren Falk"]),
    # look-alikes: nobody named before; a name only after a preposition
    ("The 61-year-old said: “I am glad to be back on the touchline.”", [None]),
    ("He was let go by Northfield United. The 61-year-old said: “I am glad to be back.”", [None]),
]


@pytest.mark.parametrize(("text", "expected"), AGED)
def test_aged_description(text: str, expected: list[str | None]) -> None:
    assert speakers(text) == expected
