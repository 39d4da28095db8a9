"""Encode the episode to MP3 and measure what a player decodes from it, both at once.

One ffmpeg encodes (LAME) and, through its tee muxer, writes the MP3 both to a file (seekable, so
its Xing/LAME header is complete, byte for byte what pydub's export makes) and to a pipe; a second
ffmpeg decodes that pipe while the encoder is still working, and the decoded audio is measured
chunk by chunk. pydub cannot stream, so this one encode talks to ffmpeg directly; memory stays that
of a few chunks.
"""

from __future__ import annotations

import subprocess
import tempfile
import threading
from pathlib import Path
from typing import IO

import numpy as np

from audio_edition.audio.ffmpeg import ffmpeg_exe
from audio_edition.audio.meter import StreamMeter
from audio_edition.audio.shape import pcm16
from audio_edition.errors import AudioError
from audio_edition.model import Clip

_CHUNK_S = 5.0
# The piped copy lacks the final LAME header, so its decoder cannot skip the encoder's delay
# (576 samples) plus the decoder's (529): they are skipped here, as a player does for the file.
ENCODER_DELAY = 1105


def encode_measured(clip: Clip, bitrate: str, rate: int | None = None) -> tuple[bytes, float, float]:
    """(MP3 bytes without tags, integrated loudness in LUFS, true peak in dBTP of the decoded MP3).

    The MP3 is at `rate` (default: the clip's own); ffmpeg resamples on the way in (long sinc filter).
    """
    rate = rate or clip.sample_rate
    with tempfile.TemporaryDirectory(prefix="audio-edition-") as tmp:
        target = Path(tmp) / "episode.mp3"
        encoder = _start(
            ["-f", "s16le", "-ar", str(clip.sample_rate), "-ac", "1", "-i", "pipe:0", "-map", "0:a"]
            + _resampling(clip.sample_rate, rate)
            + ["-c:a", "libmp3lame", "-b:a", bitrate, "-ac", "1", "-ar", str(rate)]
            + ["-f", "tee", f"[f=mp3]{target}|[f=mp3:onfail=abort]pipe:1"]
        )
        decoder = _start(["-f", "mp3", "-i", "pipe:0", "-f", "f32le", "-ac", "1", "-ar", str(rate), "pipe:1"])
        meter = StreamMeter(rate)
        errors: dict[str, bytes] = {}
        threads = [
            threading.Thread(target=_write_pcm, args=(encoder.stdin, clip), daemon=True),
            threading.Thread(target=_pump, args=(encoder.stdout, decoder.stdin), daemon=True),
            threading.Thread(target=_drain, args=(encoder.stderr, errors, "encoder"), daemon=True),
            threading.Thread(target=_drain, args=(decoder.stderr, errors, "decoder"), daemon=True),
        ]
        for thread in threads:
            thread.start()
        try:
            _measure(decoder.stdout, meter, rate)
        except BaseException:  # Ctrl-C or a failure: stop both programs so the pumps end
            encoder.kill()
            decoder.kill()
            raise
        finally:
            for thread in threads:
                thread.join()
            encoder.wait()
            decoder.wait()
        for name, proc in (("encoder", encoder), ("decoder", decoder)):
            if proc.returncode != 0:
                lines = errors.get(name, b"").decode("utf-8", "replace").strip().splitlines()
                raise AudioError(f"MP3 encoding failed: {lines[-1] if lines else f'ffmpeg {name} failed'}")
        meter.finish()
        loudness, peak = meter.result()
        return target.read_bytes(), loudness, peak


def _resampling(source: int, rate: int) -> list[str]:
    """ffmpeg's filter for a high-quality change of rate (none when the rates agree)."""
    return [] if source == rate else ["-af", f"aresample={rate}:filter_size=64:cutoff=0.97"]


def _start(args: list[str]) -> subprocess.Popen[bytes]:
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-v", "error", *args]
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _write_pcm(pipe: IO[bytes] | None, clip: Clip) -> None:
    """Feed the encoder 16-bit samples a few seconds at a time."""
    assert pipe is not None
    step = int(_CHUNK_S * clip.sample_rate)
    try:
        for start in range(0, len(clip.samples), step):
            pipe.write(pcm16(clip.samples[start : start + step]).tobytes())
    except BrokenPipeError:  # the encoder stopped; its exit code says why
        pass
    finally:
        _close(pipe)


def _pump(source: IO[bytes] | None, sink: IO[bytes] | None) -> None:
    """Copy the encoder's MP3 stream into the decoder as it comes."""
    assert source is not None and sink is not None
    try:
        while block := source.read(64 * 1024):
            sink.write(block)
    except BrokenPipeError:
        pass
    finally:
        _close(sink)


def _drain(pipe: IO[bytes] | None, into: dict[str, bytes], name: str) -> None:
    assert pipe is not None
    into[name] = pipe.read()


def _measure(pipe: IO[bytes] | None, meter: StreamMeter, rate: int) -> None:
    """Feed the meter the decoder's float samples, about a second at a time."""
    assert pipe is not None
    rest, skip = b"", ENCODER_DELAY * 4
    while block := pipe.read(rate * 4):
        block = rest + block
        dropped = min(skip, len(block) - len(block) % 4)
        block, skip = block[dropped:], skip - dropped
        usable = len(block) - len(block) % 4
        rest = block[usable:]
        if usable:
            meter.feed(np.frombuffer(block[:usable], dtype="<f4"))


def _close(pipe: IO[bytes]) -> None:
    try:
        pipe.close()
    except BrokenPipeError:
        pass
