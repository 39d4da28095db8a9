"""Classes of defect found on real pages, each reproduced on a page of our own: an article lost to a
reprint notice, a laid-out table, a split body, tables, embedded posts, stamps, code, bare links."""

from __future__ import annotations

import pytest

from audio_edition.errors import InputError
from audio_edition.ingest import parse_article
from audio_edition.ingest.stamps import is_timestamp
from audio_edition.ingest.tables import table_sentences
from audio_edition.ingest.unreadable import without_bare_links

PROSE = [
    "The harbour ferry operator will raise fares by a fifth from July, the company said on Monday.",
    "A single adult ticket will cost 4.80 dollars, and a monthly pass 96 dollars, the operator said.",
    "Commuters from the islands, who have no other way to reach the city, said the rise was unfair.",
    "The council said it would ask the operator to keep the old fares for pupils and pensioners.",
]


def page(body: str, title: str = "Ferry fares to rise by a fifth") -> str:
    return (
        f"<html lang='en'><head><title>{title} | Harbour Post</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>{body}"
        "<footer>© 2026 Harbour Post Media</footer></body></html>"
    )


def spoken(html: str) -> list[str]:
    return [b.text for b in parse_article(html, name="t.html", fmt="html").blocks]


def test_an_article_in_a_layout_table_is_read() -> None:
    cells = "".join(f"<p>{p}</p>" for p in PROSE)
    html = page(
        f"<table><tr><td><a href='/'>Menu</a></td><td><h1>Ferry fares to rise</h1>{cells}</td></tr></table>"
    )
    assert spoken(html) == PROSE


def test_a_reprint_notice_alone_gives_way_to_a_wider_reading() -> None:
    """A page whose precise reading is only a reprint notice and a URL is read again more widely."""
    notice = (
        "<div class='notice'><p>This copy is for your personal, non-commercial use only. To order copies "
        "visit https://reprints.example/order.</p></div>"
    )
    paragraphs = "".join(f"<div class='x'>{p}</div>" for p in PROSE)
    read = spoken(page(f"{notice}<div>{paragraphs}</div>"))
    assert [p for p in PROSE if p in read] == PROSE


def test_a_page_without_any_text_is_refused() -> None:
    with pytest.raises(InputError, match="no article text"):
        parse_article(page("<div><img src='a.jpg'></div>"), name="t.html", fmt="html")


def test_the_headline_is_the_one_the_page_shows() -> None:
    body = "<article><h1>Fares up by a fifth</h1>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</article>"
    article = parse_article(page(body, title="Ferry fares SEO title"), name="t.html", fmt="html")
    assert article.meta.title == "Fares up by a fifth"
    assert [b.text for b in article.blocks] == PROSE


def test_a_small_data_table_is_read_row_by_row_and_a_big_one_listed() -> None:
    rows = "".join(f"<tr><td>Route {k}</td><td>{k}.50</td></tr>" for k in range(1, 4))
    small = f"<table><tr><th>Route</th><th>Fare</th></tr>{rows}</table>"
    big_rows = "".join(f"<tr><td>Route {k}</td><td>{k}.50</td></tr>" for k in range(1, 30))
    big = f"<table><tr><th>Route</th><th>Fare</th></tr>{big_rows}</table>"
    prose = "".join(f"<p>{p}</p>" for p in PROSE * 3)
    article = parse_article(
        page(f"<article><h1>Fares</h1>{prose}{small}{big}</article>"), name="t.html", fmt="html"
    )
    texts = [b.text for b in article.blocks]
    assert "Route: Route 1, Fare: 1.50." not in texts  # a cell is not named after itself
    assert "Route 1, Fare: 1.50." in texts
    assert [d.text for d in article.dropped if d.reason == "table"] == [
        "table (29 rows of 2 columns): Route, Fare"
    ]


def test_tables_wider_than_three_columns_read_their_header_once() -> None:
    header = ["Pos", "Player", "Plays", "Stats"]
    assert table_sentences(header, [["DL", "Ana Ruiz", "63", "1 tackle"], header]) == [
        "Pos, Player, Plays, Stats.",
        "DL, Ana Ruiz, 63, 1 tackle.",
    ]
    assert table_sentences(["Item", "Cost"], [["Bread", "2 euros"]]) == ["Item: Bread, Cost: 2 euros."]
    assert table_sentences(["A"], [[str(k)] for k in range(40)]) is None
    assert len(table_sentences(["A"], [[str(k)] for k in range(40)], whole=True) or []) == 40


def test_a_page_of_standings_is_read_whole() -> None:
    rows = "".join(f"<tr><td>{k}</td><td>Crew {k}</td><td>{100 - k}</td></tr>" for k in range(1, 31))
    html = page(
        f"<article><h1>Standings</h1><p>The regatta standings after round six.</p>"
        f"<table><tr><th>Pos</th><th>Crew</th><th>Points</th></tr>{rows}</table></article>"
    )
    read = spoken(html)
    assert "Pos: 30, Crew 30, Points: 70." in read


def test_the_same_words_under_another_heading_are_read_again() -> None:
    plan = "<p>Porridge with berries and a spoon of honey, eaten an hour before training.</p>"
    html = page(
        f"<article><h1>Meal plans</h1><p>{PROSE[0]}</p><h2>Plan A</h2>{plan}<h2>Plan B</h2>{plan}"
        f"<p>{PROSE[1]}</p>{plan}</article>"
    )
    assert (
        spoken(html).count("Porridge with berries and a spoon of honey, eaten an hour before training.") == 2
    )


def test_an_embedded_post_is_read_as_a_quotation_signed_by_its_author() -> None:
    post = (
        "<blockquote class='twitter-tweet'><p>Ferries back at last! pic.twitter.com/AbC123xyz "
        "https://t.co/q1w2e3</p>— Eastport Commuters (@eastcommute) <a href='#'>March 4, 2026</a>"
        "</blockquote>"
    )
    body = f"<article><h1>Fares</h1><p>{PROSE[0]}</p>{post}<p>{PROSE[1]}</p></article>"
    article = parse_article(page(body), name="t.html", fmt="html")
    kinds = [(b.kind, b.text) for b in article.blocks]
    assert kinds == [
        ("paragraph", PROSE[0]),
        ("blockquote", "Ferries back at last!"),
        ("attribution", "— Eastport Commuters"),
        ("paragraph", PROSE[1]),
    ]


def test_an_embedded_post_outside_the_article_is_listed() -> None:
    post = (
        "<blockquote class='twitter-tweet'><p>Our picks of the week</p>— Harbour Post (@hp) "
        "March 4, 2026</blockquote>"
    )
    body = f"<article><h1>Fares</h1>{''.join(f'<p>{p}</p>' for p in PROSE)}</article><aside>{post}</aside>"
    article = parse_article(page(body), name="t.html", fmt="html")
    assert all("picks of the week" not in b.text for b in article.blocks)


@pytest.mark.parametrize(
    "line",
    [
        "PUBLISHED: 10:48 | UPDATED: 11:05",
        "Updated Sat 8:31 PM, Feb 17, 2026",
        "05/10/2026",
        "sexta-feira, 22 de outubro de 2026 às 20:13",
        "Mardi 3 mars 2026, 14h05",
    ],
)
def test_publication_stamps_are_stamps(line: str) -> None:
    assert is_timestamp(line)


@pytest.mark.parametrize(
    "line",
    [
        "May I come in?",
        "In 2026 the fares rose.",
        "The 3:10 to Yuma",
        "March on, the crowd chanted.",
        "Monday was the busiest day, 4,000 people.",
    ],
)
def test_sentences_with_dates_are_not_stamps(line: str) -> None:
    assert not is_timestamp(line)


def test_a_stamp_in_the_body_is_dropped_but_a_dateline_after_the_title_is_the_date() -> None:
    article = parse_article(
        "Ferry fares rise\nMarch 3, 2026\n\n"
        + "\n\n".join(PROSE[:2])
        + "\n\nUPDATED: 11:05 | March 3\n\n"
        + PROSE[2]
        + "\n"
    )
    assert article.meta.date == "March 3, 2026"
    assert ("timestamp", "UPDATED: 11:05 | March 3") in [(d.reason, d.text) for d in article.dropped]


@pytest.mark.parametrize(
    ("text", "kept", "links"),
    [
        ("Great news today. http://amzn.to/2hYzHgP", "Great news today.", ["http://amzn.to/2hYzHgP"]),
        ("Visit www.example.org for details.", "Visit www.example.org for details.", []),
        ("For tickets, visit www.example.org.", "For tickets, visit www.example.org.", []),
        ("Back at last pic.twitter.com/AbC", "Back at last", ["pic.twitter.com/AbC"]),
        ("https://t.co/x Hello there.", "Hello there.", ["https://t.co/x"]),
    ],
)
def test_links_outside_sentences_are_taken_out(text: str, kept: str, links: list[str]) -> None:
    assert without_bare_links(text) == (kept, links)


def test_a_block_of_script_is_dropped_as_code() -> None:
    script = (
        "!function(n){if(!window.cnx){window.cnx={},window.cnx.cmd=[];}}(); "
        "cnx.cmd.push(function(){ cnx({ playerId: 'a1b2' }).render('x'); });"
    )
    article = parse_article("Ferry fares rise\n\n" + script + "\n\n" + "\n\n".join(PROSE) + "\n")
    assert [b.text for b in article.blocks] == PROSE
    assert [d.reason for d in article.dropped] == ["code"]  # once, whole


def test_a_standfirst_is_read_in_the_opening_right_after_the_headline() -> None:
    from audio_edition.preview import write_script

    summary = "Islanders face the steepest rise in a decade as the operator blames fuel and wages."
    body = (
        f"<article><header><h1>Ferry fares to rise</h1><p class='article-standfirst'>{summary}</p>"
        f"<p class='byline'>By Ana Ruiz</p></header><div class='body'>"
        + "".join(f"<p>{p}</p>" for p in PROSE)
        + "</div></article>"
    )
    article = parse_article(page(body), name="t.html", fmt="html")
    assert (article.blocks[0].kind, article.blocks[0].text) == ("standfirst", summary)
    script = write_script(article)
    roles = [(s.role, s.text) for s in script.segments[:4]]
    assert roles[1:3] == [("title", "Ferry fares to rise"), ("standfirst", summary)]
    assert [s.text for s in script.segments if s.role == "narration"][:1] == [PROSE[0]]
    assert sum(s.text == summary for s in script.segments) == 1


def test_a_long_heading_before_any_paragraph_is_the_standfirst_not_a_chapter() -> None:
    summary = "Islanders face the steepest rise in a decade as the operator blames fuel and wages"
    body = f"<article><h1>Ferry fares to rise</h1><h2>{summary}</h2>" + "".join(f"<p>{p}</p>" for p in PROSE)
    article = parse_article(page(body + "</article>"), name="t.html", fmt="html")
    assert [b.kind for b in article.blocks] == ["standfirst"] + ["paragraph"] * 4


def test_a_body_split_by_an_advertisement_is_read_whole() -> None:
    """A grid of two columns (the body, a rail of ads) repeated after a full-width advertisement: the
    extractor takes the first part; the second, of the same kind and class, is read after it."""
    more = [
        "Ferry crews said the night shifts had grown longer every winter since the new timetable began.",
        "The operator said it had hired twelve more deckhands and would hire twenty more in the spring.",
    ]
    grid = (
        "<div class='grid'><div class='grid--item body article__body'>{}</div>"
        "<div class='grid--item aside'><div class='ad ad--rail'></div></div></div>"
    )
    ad = "<div class='row full-bleed-ad'><div class='ad'><span>Advertisement</span></div></div>"
    first = grid.format("".join(f"<p>{p}</p>" for p in PROSE))
    second = grid.format("".join(f"<p>{p}</p>" for p in more))
    comments = grid.format("<div class='comment-list'><p>" + more[0].replace("Ferry", "River") + "</p></div>")
    html = page(f"<main><article><h1>Fares</h1>{first}{ad}{second}{ad}{comments}</article></main>")
    read = spoken(html)
    assert read[: len(PROSE) + 2] == PROSE + more
    assert not [p for p in read if "River" in p]  # a container of comments is no continuation


def test_a_list_after_a_tags_label_is_dropped_with_it() -> None:
    lines = ["Ferry fares rise", *PROSE, "Tags", "ferries, fares, Eastport, night shifts, strike"]
    article = parse_article("\n\n".join(lines) + "\n")
    assert [b.text for b in article.blocks] == PROSE
    assert [d.reason for d in article.dropped] == ["tags", "tags"]


def test_shortcodes_are_taken_out_of_the_text() -> None:
    line = '[button link="https://example.org/submit" type="big"]Ferry crews will strike on Friday.[/button]'
    article = parse_article("Ferry fares rise\n\n" + line + "\n\n" + PROSE[0] + "\n")
    assert article.blocks[0].text == "Ferry crews will strike on Friday."
    assert [d.reason for d in article.dropped] == ["code", "code"]


def test_teasers_of_other_stories_in_their_own_articles_are_not_read() -> None:
    teaser = (
        "<article class='post hentry'><p>The {} will close Quay Street for a month from Monday, the council "
        "said, and buses will run on the old harbour road while …</p></article>"
    )
    related = teaser.format("tram works") + teaser.format("bridge repairs")
    paragraphs = "".join(f"<p>{p}</p>" for p in PROSE)
    story = f"<article class='post hentry'><h1>Ferry fares rise</h1>{paragraphs}</article>"
    more = f"<article class='post'><h3>You may like</h3>{related}</article>"
    html = page(f"<div id='content'>{story}{more}</div>")
    article = parse_article(html, name="t.html", fmt="html")
    assert [b.text for b in article.blocks] == PROSE
    assert [d.text[:18] for d in article.dropped if d.reason == "read-also"] == [
        "You may like",
        "The tram works wil",
        "The bridge repairs",
    ]


def test_a_block_inside_a_link_or_made_of_links_is_a_link_standing_alone() -> None:
    from lxml.html import fromstring

    from audio_edition.ingest.pagetree import is_only_a_link, text_blocks

    root = fromstring(
        "<div><a href='/s/1'><img src='1.jpg'><h3>Tram works will close Quay Street</h3></a>"
        "<p><a href='/s/2'>Council approves new bus lanes</a></p>"
        "<p>The council <a href='/s/3'>approved new bus lanes</a> on Monday after a long debate.</p></div>"
    )
    blocks = text_blocks(root)
    assert [is_only_a_link(b, b.text_content()) for b in blocks] == [True, True, False]


def test_text_of_scripts_is_never_put_back_as_a_lede() -> None:
    call = "window.x.init('Harbour ferry crews will vote on a strike on Friday night');"
    script = f"<div class='ad'><script>if (typeof window.x === 'function') {{ {call} }}</script></div>"
    noscript = "<noscript>Please enable scripts to read the harbour ferry timetable today.</noscript>"
    body = "".join(f"<p>{p}</p>" for p in PROSE)
    html = page(f"<article><h1>Fares rise</h1>{script}{noscript}<div class='body'>{body}</div></article>")
    assert spoken(html) == PROSE


def test_the_body_s_first_paragraph_classed_as_a_summary_is_no_standfirst() -> None:
    body = "".join(f"<p>{p}</p>" for p in PROSE[1:])
    first = f"<p id='speakable-summary'>{PROSE[0]}</p>"
    html = page(f"<article><h1>Fares rise</h1><div class='article-content'>{first}{body}</div></article>")
    article = parse_article(html, name="t.html", fmt="html")
    assert [b.kind for b in article.blocks] == ["paragraph"] * 4


def test_the_site_s_name_is_no_part_of_the_title() -> None:
    from audio_edition.ingest.html import without_site_name

    assert without_site_name("Ferry fares rise – Harbour Post", "Harbour Post") == "Ferry fares rise"
    assert without_site_name("Ferry fares rise | HARBOUR POST", "Harbour Post") == "Ferry fares rise"
    kept = "Harbour Post – the ferry years"
    assert without_site_name(kept, "Harbour Post") == kept


def test_japanese_sentences_are_neither_blobs_nor_captions() -> None:
    sentence = "本日から港のフェリーの運賃が二割上がり、島から通う人たちは困っていると話しています。"
    image = "<p><img src='a.jpg'></p>"
    html = page(f"<article><h1>運賃が上がる</h1><p>{sentence * 3}</p>{image}<p>{sentence}</p></article>")
    article = parse_article(html, name="t.html", fmt="html")
    assert [b.text for b in article.blocks] == [sentence * 3, sentence]


def test_the_updates_of_a_live_page_in_their_own_articles_are_all_read() -> None:
    updates = "".join(
        f"<article class='update'><time>10:{k}0</time><p>{p}</p></article>" for k, p in enumerate(PROSE)
    )
    html = page(f"<main><h1>Ferry strike: live</h1>{updates}</main>")
    read = spoken(html)
    assert [p for p in read if p in PROSE] == PROSE


@pytest.mark.parametrize(
    "sentence",
    [
        "<p>The paper reported that <a href='/x'>the league will fine him</a> for his role in the brawl.</p>",
        "<p>The paper reported that <a href='/x'><span>the league</span> will <em>fine</em> him</a> for his "
        "role in the brawl.</p>",
        "<p>The paper reported that <a href='/x'>the league<br>will fine him</a> for his role in the "
        "brawl.</p>",
    ],
)
def test_inline_elements_are_part_of_their_sentence(sentence: str) -> None:
    body = "".join(f"<p>{p}</p>" for p in PROSE[:2])
    read = spoken(page(f"<article><h1>Fares</h1>{body}{sentence}</article>"))
    assert read[2] == "The paper reported that the league will fine him for his role in the brawl."


def test_a_hover_card_inside_a_sentence_is_taken_out_and_listed() -> None:
    card = "<span class='card'><div>Ana Ruiz covers transport for the paper.</div></span>"
    name = f"<span class='hovercard'><a href='/p'>Ana Ruiz</a>{card}</span>"
    sentence = f"<p>The league will fine him, {name} reported on Sunday night after the match.</p>"
    body = "".join(f"<p>{p}</p>" for p in PROSE[:2])
    html = page(f"<article><h1>Fares</h1>{body}{sentence}</article>")
    article = parse_article(html, name="t.html", fmt="html")
    said = "The league will fine him, Ana Ruiz reported on Sunday night after the match."
    assert article.blocks[2].text == said
    listed = [(d.reason, d.text) for d in article.dropped]
    assert listed == [("card", "Ana Ruiz covers transport for the paper.")]
