"""Attribution lines read apart once (dash, name, what follows), as structure detection and the
script both need them."""

from __future__ import annotations

import pytest

from audio_edition.ingest import parse_article
from audio_edition.ingest.signature import Signature, read_signature
from audio_edition.ingest.structure import looks_like_attribution


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "— Dr. Ingrid Solberg, lead author",
            Signature(True, "Dr. Ingrid Solberg, lead author", "Dr. Ingrid Solberg", "lead author"),
        ),
        (
            "- Ana Ruiz (@ana_ruiz) May 3, 2026",
            Signature(True, "Ana Ruiz (@ana_ruiz) May 3, 2026", "Ana Ruiz", "(@ana_ruiz) May 3, 2026"),
        ),
        ("~Tom  Okafor", Signature(True, "Tom  Okafor", "Tom Okafor", "")),
        ("  Maria Lopez, mayor  ", Signature(False, "Maria Lopez, mayor", "Maria Lopez", "mayor")),
        ("—", Signature(True, "", "", "")),
        ("", Signature(False, "", "", "")),
    ],
)
def test_a_signature_line_is_read_into_dash_name_and_the_rest(line: str, expected: Signature) -> None:
    assert read_signature(line) == expected


def test_the_attribution_the_reader_finds_gives_its_speaker_by_the_same_parser() -> None:
    """What structure detection accepts as an attribution, `read_signature` names: one reading."""
    text = "# Ice\n\n> The ice is going faster than we feared.\n>\n> — Dr. Ingrid Solberg, lead author\n"
    article = parse_article(text, name="t.md", fmt="markdown")
    signed = [b.text for b in article.blocks if b.kind == "attribution"]
    assert signed == ["— Dr. Ingrid Solberg, lead author"]
    assert looks_like_attribution(signed[0])
    assert read_signature(signed[0]).name == "Dr. Ingrid Solberg"


@pytest.mark.parametrize(
    ("line", "signs"),
    [
        ("— A Very Long Name Of Seven Words", False),  # a name of seven words is not a name
        ("— Ana Maria de la Cruz Ruiz", True),  # six after a dash
        ("Ana Maria de la Cruz Ruiz", False),  # five without one
        ("— ana ruiz, mayor", False),  # a name is capitalised
    ],
)
def test_how_long_a_signed_name_may_be_is_counted_on_the_parsed_name(line: str, signs: bool) -> None:
    assert looks_like_attribution(line) is signs
