"""espeak-ng through its command line: many languages and voice variants, when the system has it."""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
import wave
from typing import Any

from audio_edition.errors import EngineError, InputError
from audio_edition.languages.language import Language
from audio_edition.model import Clip

QUOTE_VARIANT = "m3"
NARRATOR_VARIANT = "m1"
# Variants for recurring speakers, neighbours far apart in pitch or timbre (measured by
# scripts/measure_speaker_voices.py); +m4 (the narrator's pitch) and +m7 (croaky) are left out.
SPEAKER_VARIANTS = ("m3", "f2", "m8", "f5", "m6", "f3", "m2")
# How long espeak-ng may take before it is stopped: a floor, plus an allowance per second of speech
# (estimated at 10 characters a second, slower than any voice reads). It speaks ~150x real time.
FLOOR_S = 30.0
PER_SPEECH_S = 0.5
CHARS_PER_SPEECH_S = 10
QUERY_TIMEOUT_S = 15.0  # `--version`, `--voices`


class EspeakEngine:
    """Speaks with the `espeak-ng` program (argument lists, never a shell)."""

    name = "espeak"
    max_chars: int | None = None
    max_parallel = 2

    def __init__(self) -> None:
        self.version = _version()

    def available(self) -> tuple[bool, str]:
        if _exe() is None:
            return False, "not installed: apt-get install espeak-ng"
        return True, ""

    def default_voices(self, language: Language) -> dict[str, str]:
        base = language.espeak_voice or language.code
        return {"narrator": f"{base}+{NARRATOR_VARIANT}", "quote": f"{base}+{QUOTE_VARIANT}"}

    def check_voice(self, voice: str, language: Language) -> None:
        name = voice.partition("+")[0].lower()
        if name not in _languages():
            raise InputError(
                f"espeak-ng has no voice '{name}': a voice is named engine:voice, e.g. espeak:en-gb+m3, "
                "piper:joe, gtts:en@co.uk (`audio-edition voices` lists them)"
            )

    def voices(self) -> list[str]:
        return sorted(_languages())

    def voice_language(self, voice: str) -> str | None:
        """The voice's name without its variant: espeak-ng names its voices by language tag."""
        return voice.partition("+")[0].lower() or None

    def speaker_pool(self, language: Language, quote_voice: str) -> list[str]:
        """The quote voice, then the speaker variants of its language's voice."""
        base = quote_voice.partition("+")[0]
        return [quote_voice, *(f"{base}+{variant}" for variant in SPEAKER_VARIANTS)]

    def cache_settings(self, voice: str) -> dict[str, Any]:
        return {"voice": voice}

    def synthesize(self, text: str, voice: str) -> Clip:
        exe = _exe()
        if exe is None:
            raise EngineError("espeak-ng is not installed: apt-get install espeak-ng")
        limit = time_limit(text)
        result = _run([exe, "-v", _voice_arg(voice), "--stdout", "--", text], limit, f"voice {voice}")
        if result.returncode != 0 or not result.stdout:
            err = result.stderr.decode("utf-8", "replace").strip().splitlines()
            raise EngineError(f"espeak-ng failed with voice {voice}: {_why(result.returncode, err)}")
        return _from_wav(result.stdout)


def time_limit(text: str) -> float:
    """Seconds espeak-ng may take to speak `text` before it is stopped."""
    return FLOOR_S + PER_SPEECH_S * len(text) / CHARS_PER_SPEECH_S


def _run(cmd: list[str], limit: float, doing: str) -> subprocess.CompletedProcess[bytes]:
    """Run espeak-ng, stopping it after `limit` seconds; EngineError if it stalls or cannot start."""
    try:
        return subprocess.run(cmd, capture_output=True, check=False, timeout=limit)
    except subprocess.TimeoutExpired:  # subprocess.run has killed it
        raise EngineError(
            f"espeak-ng stalled ({doing}): no answer after {limit:.0f} s, so it was stopped; "
            "run again, and check `espeak-ng --version` if it repeats"
        ) from None
    except OSError as exc:
        raise EngineError(
            f"cannot start espeak-ng ({cmd[0]}): {exc.strerror or exc}: "
            "reinstall it (apt-get install espeak-ng)"
        ) from None


def _why(code: int, err: list[str]) -> str:
    if err:
        return err[-1]
    return f"killed by signal {-code}" if code < 0 else "no audio"


def _from_wav(data: bytes) -> Clip:
    import numpy as np

    try:
        with wave.open(io.BytesIO(_fix_stream_header(data))) as wav:
            rate = wav.getframerate()
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as exc:
        raise EngineError(f"espeak-ng wrote a damaged WAV file ({exc}): reinstall espeak-ng") from None
    whole = frames[: len(frames) - len(frames) % 2]  # a file cut mid-sample
    samples = np.frombuffer(whole, dtype="<i2").astype(np.float32) / 32768.0
    return Clip(samples, rate)


def _fix_stream_header(data: bytes) -> bytes:
    """espeak-ng writes a streamed WAV whose sizes are 0xFFFFFFFF; set them from the real length."""
    if len(data) < 44 or data[:4] != b"RIFF":
        raise EngineError("espeak-ng wrote something that is not a WAV file")
    fixed = bytearray(data)
    fixed[4:8] = (len(data) - 8).to_bytes(4, "little")
    at = fixed.find(b"data", 12)
    if at > 0:
        fixed[at + 4 : at + 8] = (len(data) - at - 8).to_bytes(4, "little")
    return bytes(fixed)


def _exe() -> str | None:
    return shutil.which("espeak-ng")


@functools.lru_cache(maxsize=1)
def _version() -> str:
    exe = _exe()
    if exe is None:
        return "missing"
    out = _query([exe, "--version"])
    found = re.search(r"text-to-speech:\s*(\S+)", out)
    return found.group(1) if found else (out.split("\n")[0].strip() or "unknown")


def _query(cmd: list[str]) -> str:
    """What espeak-ng prints for a question about itself (version, voices); EngineError if it stalls."""
    result = _run(cmd, QUERY_TIMEOUT_S, f"asked {' '.join(cmd[1:])}")
    return result.stdout.decode("utf-8", "replace")


def _voice_arg(voice: str) -> str:
    """`en-gb+m3` as espeak-ng applies it: by voice file (`gmw/en+m3`); 1.51 drops variants on codes."""
    name, plus, variant = voice.partition("+")
    return _voice_files().get(name.lower(), name) + plus + variant


def _languages() -> frozenset[str]:
    return frozenset(_voice_files())


@functools.lru_cache(maxsize=1)
def _voice_files() -> dict[str, str]:
    """Every name espeak-ng answers to (language codes, voice files), mapped to its voice file."""
    exe = _exe()
    if exe is None:
        return {}
    out = _query([exe, "--voices"])
    names: dict[str, str] = {}
    for line in out.splitlines()[1:]:
        cols = line.split()
        if len(cols) >= 5:
            names.setdefault(cols[1].lower(), cols[4])  # the language code, e.g. en-gb -> gmw/en
            names.setdefault(cols[4].split("/")[-1].lower(), cols[4])  # e.g. en-GB-x-rp
            for other in re.findall(r"\(([\w-]+) \d+\)", line):  # (en 2)
                names.setdefault(other.lower(), cols[4])
    return names
