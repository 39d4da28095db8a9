"""International editions end to end: a French, a German and a Spanish sample of ours speak no
English sentence, put their quotation styles in the quote voice, drop their boilerplate; espeak-ng
offline through `auto`, gTTS through the fake Google with the article's `lang` on every request."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import responses

from audio_edition.options import Options
from audio_edition.pipeline import produce
from audio_edition.voices import register_engine
from audio_edition.voices.gtts_engine import GttsEngine
from tests.conftest import ARTICLES
from tests.tagged import looks_like_dateline, sentence_spans
from tests.voices.fake_google import FakeGoogle

# (sample, language, quotation marks it uses, boilerplate lines it must drop)
SAMPLES = [
    ("marche-couvert-brestville.md", "fr", "«", ["Publicité", "LIRE AUSSI", "Partager", "Abonnez-vous"]),
    ("neue-stadtbahn-linie.md", "de", "„»", ["Anzeige", "LESEN SIE AUCH", "Teilen"]),
    ("biblioteca-nocturna.html", "es", "«—", ["Publicidad", "LEA TAMBIÉN", "Compartir"]),
    ("ponte-riaperto.md", "it", "«", ["Pubblicità", "LEGGI ANCHE"]),
    ("feira-do-livro.md", "pt", "“", ["Publicidade", "LEIA TAMBÉM"]),
]
# Sentences the English catalogue adds: none may be heard in another language's edition.
ENGLISH = ("By ", "You have been listening", "This edition was read", "synthetic voice", "Untitled")


def _manifest(out: Path, sample: str) -> dict[str, Any]:
    return json.loads((out / f"{Path(sample).stem}.json").read_text(encoding="utf-8"))


def _check_edition(manifest: dict[str, Any], language: str, marks: str, boilerplate: list[str]) -> None:
    added = [s["text"] for s in manifest["segments"] if s["role"] in ("intro", "title", "outro")]
    assert added and not [t for t in added if any(e in t for e in ENGLISH)], added
    assert manifest["language"] == language
    quotes = [s["text"] for s in manifest["segments"] if s["role"] == "quote"]
    assert any(any(m in q for m in marks) for q in quotes), quotes  # its quotation style, quote voice
    dropped = " ".join(d["text"] for d in manifest["dropped"])
    assert all(b in dropped for b in boilerplate), dropped
    heard = [s["text"] for s in manifest["segments"]]
    assert not [t for t in heard for b in boilerplate if t.startswith(b)], heard


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (CI installs it)")
@pytest.mark.parametrize(("sample", "language", "marks", "boilerplate"), SAMPLES[:3], ids=["fr", "de", "es"])
def test_offline_auto_speaks_the_articles_language_with_espeak(
    tmp_path: Path, sample: str, language: str, marks: str, boilerplate: list[str]
) -> None:
    built = produce(ARTICLES / sample, Options(engine="auto", out_dir=tmp_path, use_cache=False))
    manifest = _manifest(tmp_path, sample)
    assert manifest["engine"] == "espeak" and str(built.episode.narrator).startswith(f"espeak:{language}")
    assert not [n for n in built.notes if n.startswith("warning")]
    _check_edition(manifest, language, marks, boilerplate)


@pytest.fixture
def google() -> Iterator[FakeGoogle]:
    """gTTS registered under its real name, Google answered by the fake (real MP3 bytes)."""
    register_engine("gtts", GttsEngine, replace=True)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield FakeGoogle().install(mock)


@pytest.mark.parametrize(("sample", "language", "marks", "boilerplate"), SAMPLES, ids=[s[1] for s in SAMPLES])
def test_gtts_is_asked_for_the_articles_language_on_every_request(
    tmp_path: Path, google: FakeGoogle, sample: str, language: str, marks: str, boilerplate: list[str]
) -> None:
    produce(ARTICLES / sample, Options(engine="gtts", out_dir=tmp_path, use_cache=False))
    manifest = _manifest(tmp_path, sample)
    assert google.sent and {s.lang for s in google.sent} == {language}
    said = " ".join(s.text for s in google.sent)
    assert not any(e in said for e in ENGLISH[1:])
    _check_edition(manifest, language, marks, boilerplate)


def test_a_language_without_messages_is_told_not_silent(tmp_path: Path) -> None:
    article = tmp_path / "pont.md"
    article.write_text(
        "---\ntitle: De brug gaat weer open\nlanguage: nl\n---\n\nDe brug gaat maandag weer open.\n",
        encoding="utf-8",
    )
    built = produce(article, Options(engine="fake", out_dir=tmp_path / "out", use_cache=False))
    assert any("no messages in language 'nl'" in n and "English" in n for n in built.notes)


@pytest.mark.parametrize(
    ("line", "language", "dateline"),
    [
        ("12. Februar 2026", "de", True),
        ("Aktualisiert am 12. Februar 2026, 14:05 Uhr", "de", True),
        ("Publié le 3 mars 2026 à 14 h", "fr", True),
        ("20 de enero de 2026", "es", True),
        ("3 marzo 2026", "it", True),
        ("1 de março de 2026", "pt", True),
        ("Le 3 mars 2026, la ville a voté le budget de l'année suivante.", "fr", False),
        ("20 de enero de 2026", "en", False),  # a Spanish date in an English article is text
        ("Bonjour tout le monde", "fr", False),
    ],
)
def test_datelines_in_the_articles_language_are_not_read_aloud(
    line: str, language: str, dateline: bool
) -> None:
    assert looks_like_dateline(line, language) is dateline


@pytest.mark.parametrize(
    ("text", "language", "sentences"),
    [
        ("—Es lo que pedíamos —dijo el Sr. Tomás Vidal—. Ahora falta el autobús.", "es", 2),
        ("Disse a vereadora Dra. Ana Lopes. Segundo a organização, cresceu.", "pt", 2),
        ("Ha parlato il Dott. Marco Ferri. Poi è andato via.", "it", 2),
        ("He met Mr. Smith. Then he left.", "en", 2),
    ],
)
def test_a_title_abbreviation_ends_no_sentence(text: str, language: str, sentences: int) -> None:
    spans = sentence_spans(text, language)
    assert len(spans) == sentences, [text[a:b] for a, b in spans]


def test_the_narrator_credit_is_in_the_articles_language(tmp_path: Path) -> None:
    import zipfile

    produce(
        ARTICLES / "marche-couvert-brestville.md",
        Options(engine="fake", out_dir=tmp_path, use_cache=False, formats=("epub", "daisy")),
    )
    opf = zipfile.ZipFile(tmp_path / "marche-couvert-brestville.epub").read("OEBPS/content.opf").decode()
    assert '<meta property="media:narrator">Voix de synthèse : fake narrator</meta>' in opf
    ncc = (tmp_path / "marche-couvert-brestville.daisy" / "ncc.html").read_text(encoding="utf-8")
    assert 'name="ncc:narrator" content="Voix de synthèse : fake narrator"' in ncc


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("»Das Geld fehlt dann bei den Schulen«, erklärte der Fraktionschef Paul Brandt.", "Paul Brandt"),
        (
            "„Wir warten ab, bis der Rat entscheidet“, sagte die Pressesprecherin Anna Kolb am Montag.",
            "Anna Kolb",
        ),
    ],
)
def test_a_german_speaker_is_found_after_a_compound_title(paragraph: str, speaker: str) -> None:
    from audio_edition.ingest import parse_article
    from audio_edition.preview import write_script
    from audio_edition.script.settings import ScriptSettings

    article = parse_article(
        f"---\ntitle: Rat\nlanguage: de\n---\n\n{paragraph}\n", name="rat.md", fmt="markdown"
    )
    quotes = [s for s in write_script(article, ScriptSettings(opening=False)).segments if s.role == "quote"]
    assert [q.speaker for q in quotes] == [speaker]
