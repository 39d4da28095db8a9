"""The decoder an engine uses for the compressed audio a service returns (gTTS's MP3).

Decoding is the audio stage's work: the voices stage does not import it, it is handed it, as an
argument of `synthesize(..., decoder=)` (the pipeline gives ffmpeg's). While `synthesize` runs, an
engine's `decode` uses that decoder: it is held for that call only (a context variable, copied to
the synthesis threads), never for the process. An engine may also be given its own when it is made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from audio_edition.errors import EngineError
from audio_edition.model import Clip

# (encoded bytes, sample rate wanted, what it is for error messages) -> mono float32 clip
Decoder = Callable[[bytes, int, str], Clip]

_given: ContextVar[Decoder | None] = ContextVar("audio_edition_decoder", default=None)


@contextmanager
def decoding_with(decoder: Decoder | None) -> Iterator[None]:
    """Within the block, `decode` uses `decoder` (in this thread, and in what it runs in a copy of
    its context)."""
    token = _given.set(decoder)
    try:
        yield
    finally:
        _given.reset(token)


def decode(data: bytes, sample_rate: int, what: str) -> Clip:
    """`data` decoded by the decoder the current synthesis was handed; EngineError if none was."""
    decoder = _given.get()
    if decoder is None:
        raise EngineError(
            f"no audio decoder was handed to the voices stage to decode {what}: call "
            "synthesize(..., decoder=audio_edition.audio.ffmpeg.decode_audio_bytes), "
            "or make the engine with its own decoder"
        )
    return decoder(data, sample_rate, what)
