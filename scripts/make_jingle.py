"""Make the sample intro/outro music and section sting in articles/media/ from sine tones.

Our own sounds, so the samples ship no third-party music. Run once; the files are committed.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from audio_edition.audio.mp3 import encode_mp3
from audio_edition.model import Clip

RATE = 44100
ROOT = Path(__file__).resolve().parent.parent


def bell(freq: float, seconds: float, decay: float) -> np.ndarray:
    """A struck-bell tone: a fundamental and two soft partials, decaying."""
    t = np.arange(int(seconds * RATE)) / RATE
    tone = (
        np.sin(2 * np.pi * freq * t)
        + 0.4 * np.sin(2 * np.pi * 2 * freq * t)
        + 0.2 * np.sin(2 * np.pi * 3.01 * freq * t)
    )
    return (tone * np.exp(-t / decay) * np.minimum(1, t / 0.01)).astype(np.float32)


def sequence(notes: list[tuple[float, float]], seconds: float, decay: float) -> np.ndarray:
    """Notes (start second, frequency) laid on a track of `seconds`."""
    track = np.zeros(int(seconds * RATE), dtype=np.float32)
    for start, freq in notes:
        tone = bell(freq, seconds - start, decay)
        at = int(start * RATE)
        track[at : at + len(tone)] += tone
    return track / np.abs(track).max() * 0.5


def main() -> None:
    """Write jingle.mp3 (8 s arpeggio over a drone) and sting.mp3 (a two-note chime)."""
    out = ROOT / "articles" / "media"
    out.mkdir(parents=True, exist_ok=True)
    chord = [261.63, 329.63, 392.0, 523.25]
    notes = [(k * 0.5, chord[k % 4]) for k in range(12)]
    drone = 0.3 * np.sin(2 * np.pi * 130.81 * np.arange(8 * RATE) / RATE).astype(np.float32)
    jingle = sequence(notes, 8.0, 0.8) + drone * np.minimum(1, np.arange(8 * RATE) / RATE)
    encode_mp3(
        Clip((jingle / np.abs(jingle).max() * 0.5).astype(np.float32), RATE),
        out / "jingle.mp3",
        bitrate="64k",
    )
    sting = sequence([(0.0, 659.25), (0.15, 987.77)], 0.9, 0.25)
    encode_mp3(Clip(sting, RATE), out / "sting.mp3", bitrate="64k")
    for name in ("jingle.mp3", "sting.mp3"):
        print(out / name, (out / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
