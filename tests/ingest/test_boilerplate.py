"""Golden table: lines that must never be read aloud, and look-alikes that must stay."""

from __future__ import annotations

import pytest

from tests.tagged import boilerplate_reason

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
    (
        "This copy is for your personal, non-commercial use only. To order copies visit our reprints desk.",
        "copyright",
    ),
    # promos: follow, chat, share, coverage elsewhere, contact the writer, calls to pay
    ("Follow HarbourDeals on Twitter for the week's best offers from around the web.", "follow-us"),
    ("Follow Eastport Radio on Instagram, Facebook and YouTube.", "follow-us"),
    ("Follow our full coverage of the ferry strike at https://news.example/ferries", "follow-us"),
    ("Chat with us in Messenger. Find out what's happening in the harbour as it unfolds.", "follow-us"),
    ("Like this story? Share it with a friend.", "share"),
    ("Also on example.com: Tram works to close Quay Street for a month", "read-also"),
    ("Write to Ana Ruiz at ana.ruiz@news.example", "author"),
    ("Reach the reporters on Twitter at @anaruiz and @tomokafor.", "author"),
    ("Harbour Post writers Ana Ruiz, Tom Okafor and Li Wei contributed to this report.", "credits"),
    ("Get The Quay Weekly delivered to your letterbox every month for 12 pounds.", "call-to-action"),
    (
        "Something to consider: if you enjoyed this article, join our members for full access.",
        "call-to-action",
    ),
    ("There is plenty more where that came from. Sign up for our free daily newsletter today.", "newsletter"),
    ("ⓒ 하버포스트 무단전재 및 재배포금지", "copyright"),
    ("You may also like", "read-also"),
    ("Most read in world news", "read-also"),
    ("Related post: Pickled beetroot the harbour way", "read-also"),
    ("More AP ferries: https://news.example/ferries", "read-also"),
    ("Click To Tweet", "share"),
    ("Tell us what YOU think", "call-to-action"),
    ("Tempo de leitura: 2 minutos", "reading-time"),
    ("credit: Eastport Council/Ana Ruiz", "photo-credit"),
    ("Note: we are temporarily moderating all comments to deal with a surge in spam.", "comments"),
    ("Send us your photos of the harbour in the snow", "call-to-action"),
    ("Listen to Harbour Radio live at 12:45 and 17:45 weekdays, or listen back here.", "listen"),
    ("via harbourpost.example.com", "credits"),
    ("Tags", "tags"),
    ("Palavras-chave:", "tags"),
    ("05/10/2026 Publicado por Ana Ruiz Categoria: Saúde Tags: balsa, greve", "tags"),
    ("The new pier at dawn after the storm had passed. (credit: Eastport Council/Ana Ruiz)", "caption"),
    (
        "Follow HarbourDeals on Twitter to keep up with the best offers from around the web. Prices and "
        "availability are subject to change without notice, and some offers may end before you read this.",
        "follow-us",
    ),
    ("Claim: The harbour ferries will stop running for good in May.", "claim"),
    ("Claimed by: Eastport Ferry Users' Association", "claim"),
    ("Rating: Mostly false", "claim"),
    ("Verdict: Misleading", "claim"),
    # long lines: tag lists, captions in the agencies' style
    (
        "Tags: ferries, strikes, Eastport, night shifts, unions, harbour, council, transport, fares, "
        "timetables, crews, votes, pay, pensions, safety, weekends, commuters, islands, tourism, winter",
        "tags",
    ),
    (
        "In this March 2, 2026, file photo, ferry crews gather at Pier 4 in Eastport before a vote on night "
        "shifts, which the union says are unsafe for crews who work three nights in a row.",
        "caption",
    ),
    (
        "A cyclist rides past the closed ferry terminal in Eastport, March 3, 2026. REUTERS/Ana Ruiz",
        "caption",
    ),
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
    # look-alikes of the promo, contact and caption rules
    "Follow the money, the auditor told the council.",
    "Crews will follow the new rota on Monday, the union said.",
    "Write to your councillor, the campaign urges residents.",
    "In this photo competition, children from six schools sent pictures of the harbour.",
    "If you enjoyed this summer's festival, the council said, expect a bigger one next year.",
    "Also on the agenda was a plan to extend the tram line.",
    "The crews' newsletter, which is printed weekly, called for calm.",
    "Chat shows were dominated by the strike all week.",
    "Most read the report before the vote, the clerk said.",
    "Related issues will be discussed at the next meeting.",
    "More ferries: the council wants four, the operator two.",
    "Credit unions offered crews short loans during the strike.",
    "Comments from residents were mostly positive, the survey found.",
    "Send us home, the stranded passengers chanted.",
    "Listen to the crews, she said, and you will hear how tired they are.",
    "Tags on the cargo were checked twice, the customs officer said.",
    "Posted by courier, the letter reached the council on Tuesday.",
    "The claim that ferries will stop running is false, the operator said.",
    "Ratings for the new timetable were mixed, a survey found.",
]


@pytest.mark.parametrize(("line", "reason"), DROPPED)
def test_boilerplate_is_recognised(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize("line", KEPT)
def test_article_text_is_kept(line: str) -> None:
    assert boilerplate_reason(line) is None
