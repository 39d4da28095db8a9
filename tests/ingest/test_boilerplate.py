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
]


@pytest.mark.parametrize(("line", "reason"), DROPPED)
def test_boilerplate_is_recognised(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize("line", KEPT)
def test_article_text_is_kept(line: str) -> None:
    assert boilerplate_reason(line) is None
