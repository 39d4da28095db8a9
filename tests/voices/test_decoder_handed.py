"""The decoder is handed to a synthesis as an argument and holds for that call only: every synthesis
thread decodes with it, and nothing is left set for the process afterwards."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from audio_edition.audio.ffmpeg import decode_audio_bytes
from audio_edition.collaborators import Collaborators
from audio_edition.errors import EngineError
from audio_edition.ingest import parse_article
from audio_edition.model import Clip
from audio_edition.options import Options
from audio_edition.pipeline import produce_article
from audio_edition.voices import GttsEngine
from audio_edition.voices.decoding import decoding_with
from audio_edition.voices.retry import RetryPolicy
from tests.voices.fake_google import FakeGoogle, mp3_for

QUICK = RetryPolicy(attempts=2, base=0.001, cap=0.002, deadline=5.0)
ARTICLE = (
    "Ferry crews vote to strike\n\n"
    "Ferry crews on the harbour route voted on Monday to strike over night shifts.\n\n"
    '"We cannot keep running the last crossing with half a crew," said the union\'s Dana Whitfield.\n\n'
    "The operator said talks would resume next week.\n"
)


def test_a_build_decodes_with_the_decoder_it_is_handed_on_every_synthesis_thread(
    tmp_path: Path, gtts: GttsEngine, google: FakeGoogle
) -> None:
    decoded: list[tuple[str, bytes]] = []
    lock = threading.Lock()

    def decoder(data: bytes, rate: int, what: str) -> Clip:
        with lock:
            decoded.append((threading.current_thread().name, data))
        return decode_audio_bytes(data, rate, what)

    options = Options(engine="gtts", out_dir=tmp_path / "out", use_cache=False)
    article = parse_article(ARTICLE, name="ferry.txt")
    built = produce_article(article, "ferry", options, collaborators=Collaborators(decoder=decoder))
    assert len(decoded) == built.stats.synthesized > 1  # every clip came through it
    assert all(name.startswith("speak") for name, _ in decoded)  # on the synthesis threads
    assert all(data.startswith(b"ID3") for _, data in decoded)  # Google's MP3, as it came
    with pytest.raises(EngineError, match=r"^no audio decoder was handed to the voices stage"):
        GttsEngine(retry=QUICK).synthesize("The ferry leaves at noon.", "en@com")  # none left behind


def test_a_decoder_holds_inside_its_block_only(google: FakeGoogle) -> None:
    engine = GttsEngine(retry=QUICK)
    with decoding_with(decode_audio_bytes):
        clip = engine.synthesize("The ferry leaves at noon.", "en@com")
    expected = decode_audio_bytes(mp3_for("The ferry leaves at noon."), 24000, "gTTS audio")
    assert clip.sample_rate == 24000 and np.array_equal(clip.samples, expected.samples)
    with pytest.raises(EngineError, match=r"^no audio decoder was handed"):
        engine.synthesize("The ferry leaves at noon.", "en@com")
