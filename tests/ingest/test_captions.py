"""Image captions and credits on real-looking pages are dropped and listed; look-alikes are read."""

from __future__ import annotations

from pathlib import Path

from audio_edition.ingest import read_article
from tests.conftest import ARTICLES

PAGES = Path(__file__).parent / "pages"


def _read(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    article = read_article(path)
    return [b.text for b in article.blocks], [(d.reason, d.text) for d in article.dropped]


def test_wordpress_figcaptions_and_wp_caption_text_are_dropped() -> None:
    blocks, dropped = _read(PAGES / "wordpress-figures.html")
    assert (
        "caption",
        "The morning ferry leaves Pier 4 on Monday. Photo: Jo Baptiste/The Harbour Post",
    ) in dropped
    assert ("caption", "Deckhands coil ropes on the upper deck of the Marie Clare") in dropped
    assert not [b for b in blocks if "Pier 4 on Monday" in b or "coil ropes" in b]


def test_news_cms_caption_divs_credit_paragraphs_and_lines_under_images_are_dropped() -> None:
    blocks, dropped = _read(ARTICLES / "harbour-gate-closed.html")
    assert [d for d in dropped if d[0] in ("caption", "photo-credit")] == [
        ("caption", "Lorries queue on Dock Road after the closure"),
        ("photo-credit", "Photo: Sam Lee"),
        ("photo-credit", "Eastport Evening News / J. Smith"),
        ("caption", "Crews at the harbour gate on Tuesday morning"),
    ]
    assert blocks[-1] == (
        "The authority said the crane had passed its last inspection in August and that nobody had been hurt."
    )
    assert not any("A new bus lane opens" in text for _, text in dropped)  # a caption outside the article


def test_lines_after_images_that_are_not_captions_are_read() -> None:
    blocks, dropped = _read(PAGES / "captions-look-alikes.html")
    assert dropped == [("caption", "The rebuilt landing stage at Pier 4")]
    assert "Travel times to the old town" in blocks  # after a figure that had its own caption
    assert "The cost to the city" in blocks  # a bold line: a subheading, not a caption
    assert "What was rebuilt" in blocks  # a heading
    assert "The operator will add a second evening sailing from May." in blocks  # a sentence


def test_calls_to_action_credits_and_copyright_residue_in_pages_are_dropped() -> None:
    blocks, dropped = _read(ARTICLES / "harbour-gate-closed.html")
    assert ("call-to-action", "Get the latest headlines sent to you") in dropped
    assert ("copyright", "1996-98 Some Imaging Inc., All right") in dropped
    assert ("credits", "(Reporting by Tom Okafor in Eastport; Editing by Ruth Abebe)") in dropped
    blocks, dropped = _read(PAGES / "wordpress-figures.html")
    assert ("call-to-action", "If you are using the app, click here.") in dropped
    assert ("credits", "Anna Lee contributed reporting from Hong Kong.") in dropped
    assert any(b.startswith("Clicking through the operator's new booking pages") for b in blocks)
    assert any(b.startswith("The council will sign up 40 new bus drivers") for b in blocks)
