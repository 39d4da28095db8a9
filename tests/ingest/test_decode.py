"""Decoding article bytes in every encoding we meet."""

from __future__ import annotations

import codecs

import pytest

from audio_edition.errors import InputError
from audio_edition.ingest.decode import clean_text, decode_bytes

TEXT = "Renée said “café” — Zürich’s best.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # no BOM
        TEXT.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-no-bom", "cp1252"],
)
def test_every_encoding_decodes_to_the_same_text(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


def test_latin1_without_smart_quotes_decodes() -> None:
    text = "Le café de la gare a fermé après trente ans, a déclaré le maire de Sète.\n"
    assert decode_bytes(text.encode("latin-1")) == text


def test_nul_and_control_characters_are_stripped() -> None:
    assert clean_text("A\x00B\x07C\x1bD\u200bE\r\nF\rG") == "ABCDE\nF\nG"


def test_binary_data_is_refused_with_a_hint() -> None:
    blob = bytes(range(256)) * 40
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(blob, "photo.txt")


def test_oversized_input_is_refused() -> None:
    with pytest.raises(InputError, match="limited to 20 MB"):
        decode_bytes(b"a" * (21 * 1024 * 1024), "huge.txt")
