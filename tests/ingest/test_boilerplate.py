"""Golden table: lines that must never be read aloud, and look-alikes that must stay."""

from __future__ import annotations

import pytest

from audio_edition.ingest.boilerplate import boilerplate_reason

DROPPED = [
    ("READ ALSO: Shock Loss for Societe Generale as GSE Records Mixed Signals", "read-also"),
    ("Read also - Markets rally", "read-also"),
    ("SEE ALSO: The week in pictures", "read-also"),
    ("Related: Snow lines rise across the range", "read-also"),
    ("Read more", "read-also"),
    ("Advertisement", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("Sponsored content", "advertisement"),
    ("Share this article", "share"),
    ("Share on Facebook | Twitter | Email", "share"),
    ("Subscribe", "subscribe"),
    ("Subscribe to our morning briefing", "subscribe"),
    ("Sign up for our free newsletter", "subscribe"),
    ("Click here to buy tickets", "click-here"),
    ("Photo: Harbour ferries moored at Pier 4. (Credit: Eastport Daily archive)", "photo-credit"),
    ("Image: A brass band on the main stage last year (Getty Images)", "photo-credit"),
    ("Photo by Jane Doe", "photo-credit"),
    ("Credit: Reuters", "photo-credit"),
    ("Follow us on Twitter", "follow-us"),
    ("Story continues below advertisement", "continue-reading"),
    ("© 2026 Eastport Daily. All rights reserved.", "copyright"),
    ("Tags: ferries, strikes, Eastport", "tags"),
    ("Image caption, Crews gathered at the pier before the vote", "photo-credit"),
    ("Image source, Getty Images", "photo-credit"),
    ("FILE - Ferries wait at Pier 4 in Eastport, March 2, 2026.", "photo-credit"),
    ("Listen to this article", "listen"),
    ("4 min read", "reading-time"),
    ("Updated 3 hours ago", "timestamp"),
    ("Print", "print"),
    # calls to action
    ("If you are using the app, click here.", "call-to-action"),
    ("If you're reading this on a phone, tap the button below to listen.", "call-to-action"),
    ("Click this blue box to see the full results.", "call-to-action"),
    ("To watch the interview, click here.", "call-to-action"),
    ("Get the latest headlines sent to you", "call-to-action"),
    ("Tap here to watch the video", "click-here"),
    ("Click to enlarge", "click-here"),
    ("Sign up for our newsletter to get the morning briefing", "subscribe"),
    ("Download the app", "download-app"),
    ("Get the free Harbour Post app for breaking news", "download-app"),
    # contributor and editing credits
    ("Anna Lee contributed reporting from Hong Kong.", "credits"),
    ("Ana Ruiz and Tom Okafor contributed to this report.", "credits"),
    ("Reporting by Tom Okafor; Editing by Ruth Abebe", "credits"),
    ("Additional reporting by Li Wei in Beijing", "credits"),
    ("Writing by Sam de la Cruz Editing by Mary-Jane O'Neil", "credits"),
    ("(Reporting by Tom Okafor in Lagos; Editing by Ruth Abebe)", "credits"),
    (
        "Reporting by Tom Okafor in Lagos and Ana Lee in Accra; additional reporting by Li Wei; "
        "Editing by Ruth Abebe",
        "credits",
    ),
    # copyright and software residue
    ("1996-98 Some Imaging Inc., All right", "copyright"),
    ("© 2024 Example Media Group", "copyright"),
    ("Copyright 2019 Harbour Post Ltd. All rights reserved", "copyright"),
    ("All right reserved", "copyright"),
    ("Harbour Post Media. All rights res", "copyright"),
    ("Some Imaging Inc. All rights", "copyright"),
]
KEPT = [
    "Subscribers to the service will see prices rise in April.",
    "Join the queue, the mayor told residents, and wait your turn like everyone else.",
    "More than 50 people were evacuated from the building.",
    "Related costs rose by a third, the report said.",
    "Share prices fell sharply on Monday after the announcement.",
    "The photo shows the harbour at dawn, officials said.",
    "Moscow Downplays Likelihood Of Reaching Concrete Outcome",
    "Volodymyr Zelenskyy",
    "Advertisement revenue fell by a fifth last year, the broadcaster said.",
    "File sharing rose sharply, the regulator said.",
    "Listen to the people of this town, she urged the council.",
    # look-alikes of calls to action
    "Clicking through the menus, she found the hidden fee.",
    "The council will sign up 40 new bus drivers.",
    "Sign up 40 new bus drivers, the union demanded.",
    "He told staff to press the red button if the alarm sounded.",
    "Get the app developers to fix the bug, the minister said.",
    "If you are using the ferry, expect delays on Tuesday.",
    "Tap water is safe to drink again, the utility said.",
    "Press the flesh, the old campaigners advised.",
    # look-alikes of credits
    "She contributed reporting skills to the investigation.",
    "He contributed reporting from Kyiv for a decade before joining the paper.",
    "Police contributed reporting to the national database.",
    "Reporting by Reuters showed the company had lied about its losses.",
    "Writing by candlelight, she finished the report before dawn.",
    "Editing by committee slowed the bill, the speaker said.",
    # look-alikes of copyright lines
    "All right, let's get going, the captain said.",
    "All right.",
    "All rights to the land were reserved for the tribe, the court ruled.",
    "2019 was a record year for Example Media Group.",
    "In 1998 Some Imaging Inc. was sold to a rival.",
    "Some Imaging Inc.",
    "— Eastport Ferry Co.",
]


@pytest.mark.parametrize(("line", "reason"), DROPPED)
def test_boilerplate_is_recognised(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize("line", KEPT)
def test_article_text_is_kept(line: str) -> None:
    assert boilerplate_reason(line) is None
