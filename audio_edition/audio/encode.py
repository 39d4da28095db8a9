"""Encode the episode to MP3 and measure what a player decodes from it, both at once.

One ffmpeg encodes (LAME) and, through its tee muxer, writes the MP3 both to a file (seekable, so
its Xing/LAME header is complete, byte for byte what pydub's export makes) and to a pipe; a second
ffmpeg decodes that pipe while the encoder is still working, and the decoded audio is measured
chunk by chunk. pydub cannot stream, so this one encode talks to ffmpeg directly; memory stays that
of a few chunks.

Every pipe has its own thread, and a reader that can no longer deliver keeps reading, so no
program blocks on a full pipe. The calling thread watches both programs: when either dies, the
other is killed at once; when they outlive their time limit, both are.
"""

from __future__ import annotations

import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

import numpy as np

from audio_edition.audio.ffmpeg import ffmpeg_exe, not_started, stalled, time_limit
from audio_edition.audio.meter import StreamMeter
from audio_edition.audio.scratch import scratch_prefix, sweep_scratch
from audio_edition.audio.shape import pcm16
from audio_edition.errors import AudioError
from audio_edition.model import Clip

_CHUNK_S = 5.0
_POLL_S = 0.02
# The piped copy lacks the final LAME header, so its decoder cannot skip the encoder's delay
# (576 samples) plus the decoder's (529): they are skipped here, as a player does for the file.
ENCODER_DELAY = 1105
_ROLES = {"encoder": "the ffmpeg encoder", "decoder": "the ffmpeg decoder measuring the MP3"}


def encode_measured(clip: Clip, bitrate: str, rate: int | None = None) -> tuple[bytes, float, float]:
    """(MP3 bytes without tags, integrated loudness in LUFS, true peak in dBTP of the decoded MP3).

    The MP3 is at `rate` (default: the clip's own); ffmpeg resamples on the way in (long sinc filter).
    AudioError, naming the program, when either ffmpeg fails or both outlive `time_limit`.
    """
    rate = rate or clip.sample_rate
    sweep_scratch()  # the folders of encodes that were killed
    with tempfile.TemporaryDirectory(prefix=scratch_prefix()) as tmp:
        target = Path(tmp) / "episode.mp3"
        children: dict[str, subprocess.Popen[bytes]] = {}
        try:
            children["encoder"] = _start(
                ["-f", "s16le", "-ar", str(clip.sample_rate), "-ac", "1", "-i", "pipe:0", "-map", "0:a"]
                + _resampling(clip.sample_rate, rate)
                + ["-c:a", "libmp3lame", "-b:a", bitrate, "-ac", "1", "-ar", str(rate)]
                + ["-f", "tee", f"[f=mp3]{target}|[f=mp3:onfail=abort]pipe:1"]
            )
            children["decoder"] = _start(
                ["-f", "mp3", "-i", "pipe:0", "-f", "f32le", "-ac", "1", "-ar", str(rate), "pipe:1"]
            )
            meter = _run(children, clip, rate, time_limit(clip.duration))
        finally:
            _stop(children.values())
        loudness, peak = meter.result()
        return target.read_bytes(), loudness, peak


def _run(children: dict[str, subprocess.Popen[bytes]], clip: Clip, rate: int, limit: float) -> StreamMeter:
    """Feed, pump and measure on threads while this one watches; the finished meter."""
    encoder, decoder = children["encoder"], children["decoder"]
    meter = StreamMeter(rate)
    stderr: dict[str, bytes] = {}
    broken: list[BaseException] = []
    pump_writing, decoder_gone = threading.Event(), threading.Event()

    def kill_all() -> None:
        for proc in children.values():
            _kill(proc)

    threads = [
        _thread(_write_pcm, encoder.stdin, clip),
        _thread(_pump, encoder.stdout, decoder.stdin, pump_writing, decoder_gone),
        _thread(_drain, encoder.stderr, stderr, "encoder"),
        _thread(_drain, decoder.stderr, stderr, "decoder"),
        _thread(_measure, decoder.stdout, meter, rate, broken, kill_all),
    ]
    try:
        failed, stall = _watch(children, limit, pump_writing)
    except BaseException:  # Ctrl-C or SIGTERM: stop both programs so the threads end
        kill_all()
        raise
    finally:
        for thread in threads:
            thread.join()
    if broken:
        raise broken[0]
    if stall and failed is not None:
        raise stalled(f"in the MP3 encode ({_ROLES[failed]})", limit)
    if failed is not None:
        raise AudioError(_failure(failed, children[failed].returncode, stderr.get(failed, b"")))
    if decoder_gone.is_set():
        raise AudioError(_failure("decoder", 0, stderr.get("decoder", b"")))
    meter.finish()
    return meter


def _watch(
    children: dict[str, subprocess.Popen[bytes]], limit: float, pump_writing: threading.Event
) -> tuple[str | None, bool]:
    """Wait until both programs end: (None, False) when both succeeded, else (the one that failed
    first, False), the other killed at once; or, when `limit` seconds pass, (the one that stalled,
    True), both killed. The decoder stalled if the pump is blocked writing into it (or the encoder
    is done), else the encoder."""
    deadline = time.monotonic() + limit
    while True:
        codes = {name: proc.poll() for name, proc in children.items()}
        failed = next((name for name, code in codes.items() if code not in (None, 0)), None)
        if failed is not None:
            for proc in children.values():
                _kill(proc)
            return failed, False
        if all(code == 0 for code in codes.values()):
            return None, False
        if time.monotonic() > deadline:
            stalled_one = "decoder" if pump_writing.is_set() or codes["encoder"] == 0 else "encoder"
            for proc in children.values():
                _kill(proc)
            return stalled_one, True
        time.sleep(_POLL_S)


def _failure(name: str, code: int | None, stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    if code == 0:
        how = "stopped before the end of the MP3"
    else:
        how = f"was killed by signal {-code}" if code is not None and code < 0 else f"failed (exit {code})"
    tail = f": {lines[-1]}" if lines else ""
    return f"MP3 encoding failed: {_ROLES[name]} {how}{tail}; run again, and check ffmpeg if it repeats"


def _resampling(source: int, rate: int) -> list[str]:
    """ffmpeg's filter for a high-quality change of rate (none when the rates agree)."""
    return [] if source == rate else ["-af", f"aresample={rate}:filter_size=64:cutoff=0.97"]


def _start(args: list[str]) -> subprocess.Popen[bytes]:
    exe = ffmpeg_exe()
    cmd = [exe, "-hide_banner", "-nostdin", "-v", "error", *args]
    try:
        return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:
        raise not_started(exe, exc) from None


def _thread(target: Callable[..., None], *args: Any) -> threading.Thread:
    thread = threading.Thread(target=target, args=args, daemon=True)
    thread.start()
    return thread


def _write_pcm(pipe: IO[bytes] | None, clip: Clip) -> None:
    """Feed the encoder 16-bit samples a few seconds at a time."""
    assert pipe is not None
    step = int(_CHUNK_S * clip.sample_rate)
    try:
        for start in range(0, len(clip.samples), step):
            pipe.write(pcm16(clip.samples[start : start + step]).tobytes())
    except (BrokenPipeError, ValueError):  # the encoder stopped; its exit code says why
        pass
    finally:
        _close(pipe)


def _pump(
    source: IO[bytes] | None, sink: IO[bytes] | None, writing: threading.Event, gone: threading.Event
) -> None:
    """Copy the encoder's MP3 stream into the decoder as it comes; if the decoder is gone (`gone`
    is set), keep reading and dropping it so the encoder never blocks on a full pipe."""
    assert source is not None and sink is not None
    while block := source.read(64 * 1024):
        if not gone.is_set():
            writing.set()
            try:
                sink.write(block)
            except (BrokenPipeError, ValueError):
                gone.set()
            writing.clear()
    _close(sink)


def _drain(pipe: IO[bytes] | None, into: dict[str, bytes], name: str) -> None:
    assert pipe is not None
    into[name] = pipe.read()


def _measure(
    pipe: IO[bytes] | None,
    meter: StreamMeter,
    rate: int,
    broken: list[BaseException],
    kill_all: Callable[[], None],
) -> None:
    """Feed the meter the decoder's float samples, about a second at a time; if measuring fails,
    note why, stop both programs and keep reading to the end."""
    assert pipe is not None
    rest, skip = b"", ENCODER_DELAY * 4
    while block := pipe.read(rate * 4):
        if broken:
            continue
        block = rest + block
        dropped = min(skip, len(block) - len(block) % 4)
        block, skip = block[dropped:], skip - dropped
        usable = len(block) - len(block) % 4
        rest = block[usable:]
        try:
            if usable:
                meter.feed(np.frombuffer(block[:usable], dtype="<f4"))
        except Exception as exc:  # handed to the caller once the programs are stopped
            broken.append(exc)
            kill_all()


def _kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()


def _stop(children: Iterable[subprocess.Popen[bytes]]) -> None:
    """Kill what still runs and reap every program, so none is left behind."""
    for proc in children:
        _kill(proc)
        proc.wait()
        for pipe in (proc.stdin, proc.stdout, proc.stderr):
            if pipe is not None:
                _close(pipe)


def _close(pipe: IO[bytes]) -> None:
    try:
        pipe.close()
    except (BrokenPipeError, ValueError):
        pass
