"""Fault injection for verification: Piper's first take of chosen sentences made wrong on purpose
(another sentence, its first half, silence, a German voice reading it), and hearing a stretch of
a finished MP3 again."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from audio_edition.audio.ffmpeg import decode_audio
from audio_edition.ingest import parse_article
from audio_edition.model import Clip, Speech
from audio_edition.options import Options
from audio_edition.pipeline import produce_article
from audio_edition.verify.compare import Score, heard_words, reference_tokens, score
from audio_edition.verify.setup import default_model_dir, recognizer
from audio_edition.voices.espeak_engine import EspeakEngine
from audio_edition.voices.piper_engine import PiperEngine

pytest.importorskip("faster_whisper")

OTHER = "Shares in the bakery chain rose sharply after its results were published."


def another_sentence(real: Callable[[str, str], Clip], text: str, voice: str) -> Clip:
    return real(OTHER, voice)


def first_half(real: Callable[[str, str], Clip], text: str, voice: str) -> Clip:
    clip = real(text, voice)
    return Clip(clip.samples[: len(clip.samples) // 2].copy(), clip.sample_rate)


def silence(real: Callable[[str, str], Clip], text: str, voice: str) -> Clip:
    clip = real(text, voice)
    return Clip(np.zeros_like(clip.samples), clip.sample_rate)


def german_voice(real: Callable[[str, str], Clip], text: str, voice: str) -> Clip:
    return EspeakEngine().synthesize(text, "de")


Fault = Callable[[Callable[[str, str], Clip], str, str], Clip]


@contextmanager
def faulty_piper(faults: dict[str, Fault], times: int = 1) -> Iterator[dict[str, int]]:
    """Piper whose first `times` takes of each sentence in `faults` (found in the speech text)
    are made wrong by its fault; yields the number of takes asked for each of those sentences."""
    real = PiperEngine.synthesize_speech  # what synthesis calls on Piper (it takes phonemes)
    asked = {sentence: 0 for sentence in faults}

    def synthesize_speech(self: PiperEngine, speech: Speech, voice: str) -> Clip:
        text = speech.text
        for sentence, fault in faults.items():
            if sentence[:40] in text:
                asked[sentence] += 1
                if asked[sentence] <= times:
                    return fault(lambda t, v: real(self, Speech((t,)), v), text, voice)
        return real(self, speech, voice)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(PiperEngine, "synthesize_speech", synthesize_speech)
        yield asked


def heard_in(mp3: Path, start: float, end: float) -> list[str]:
    """The words the recogniser hears in [start, end] seconds of a finished MP3."""
    audio = decode_audio(mp3, 16000)
    a, b = max(0, int(start * 16000)), min(len(audio.samples), int(end * 16000))
    found = recognizer(default_model_dir(), "en").hear([Clip(audio.samples[a:b].copy(), 16000)])[0]
    return [w.text for w in found]


def heard_score(mp3: Path, start: float, end: float, speech: str) -> Score:
    """How the stretch [start, end] of a finished MP3 compares with the speech text it should say."""
    meant = reference_tokens(speech)
    return score(meant, heard_words(heard_in(mp3, start, end), meant))


OTHER_SENTENCE = "The harbour will reopen to ferries early next spring, the port authority said."
HALF = "Engineers found that the old sea wall had been weakened by many years of winter storms."
SILENT = "Repairs to the northern pier are expected to cost about four million pounds."
GERMAN = "Local fishermen welcomed the news but asked the council for a clear timetable."
CLEAN = "The council will publish the detailed plans on its website next week."
FAULTS = {OTHER_SENTENCE: another_sentence, HALF: first_half, SILENT: silence, GERMAN: german_voice}
ARTICLE = "Harbour to reopen\n\n" + "\n\n".join([OTHER_SENTENCE, HALF, SILENT, GERMAN, CLEAN]) + "\n"


def options_in(tmp: Path, **extra: Any) -> Options:
    """A verified Piper build without opening or extra formats, writing and caching under `tmp`."""
    given: dict[str, Any] = {
        "out_dir": tmp / "out",
        "cache_dir": tmp / "cache",
        "verify": "on",
        "formats": (),
    }
    return Options(engine="piper", opening=False, **{**given, **extra})


def build(options: Options) -> tuple[dict[str, Any], dict[str, Any], Path]:
    """The harbour article built: its manifest, its QA report and its MP3."""
    produce_article(parse_article(ARTICLE, name="harbour.txt"), "harbour", options)
    out = options.out_dir
    manifest = json.loads((out / "harbour.json").read_text(encoding="utf-8"))
    qa = json.loads((out / "harbour.qa.json").read_text(encoding="utf-8"))
    return manifest, qa, out / "harbour.mp3"


@pytest.fixture(scope="session")
def mended(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, Any], dict[str, Any], Path, dict[str, int]]:
    """The harbour article built with every fault injected once: manifest, QA, MP3, takes asked."""
    tmp = tmp_path_factory.mktemp("mended")
    with faulty_piper(FAULTS) as asked:
        manifest, qa, mp3 = build(options_in(tmp))
    return manifest, qa, mp3, asked
