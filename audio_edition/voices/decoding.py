"""The decoder an engine uses for the compressed audio a service returns (gTTS's MP3).

Decoding is the audio stage's work: the voices stage does not import it, it is handed it. The
pipeline calls `use_decoder(audio.ffmpeg.decode_audio_bytes)` once; an engine may also be given its
own decoder when it is made.
"""

from __future__ import annotations

from collections.abc import Callable

from audio_edition.errors import EngineError
from audio_edition.model import Clip

# (encoded bytes, sample rate wanted, what it is for error messages) -> mono float32 clip
Decoder = Callable[[bytes, int, str], Clip]

_decoder: Decoder | None = None


def use_decoder(decoder: Decoder) -> None:
    """Decode engines' compressed audio with `decoder` from now on, in this process."""
    global _decoder
    _decoder = decoder


def decode(data: bytes, sample_rate: int, what: str) -> Clip:
    """`data` decoded by the decoder handed to this stage; EngineError if none was."""
    if _decoder is None:
        raise EngineError(
            f"no audio decoder was handed to the voices stage to decode {what}: "
            "call audio_edition.voices.use_decoder(audio_edition.audio.ffmpeg.decode_audio_bytes) first"
        )
    return _decoder(data, sample_rate, what)
