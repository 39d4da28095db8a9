"""A stand-in for Google Translate's speech endpoint, served through `responses` (no network).

It answers like the real one (a batchexecute envelope holding base64 MP3) and can be told to fail.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import requests
import responses

from audio_edition.audio.mp3 import encode_mp3
from audio_edition.model import Clip

URL = re.compile(r"https://translate\.google\.([a-z.]+)/_/TranslateWebserverUi/data/batchexecute")
SECONDS_PER_CHAR = 0.065  # ~15 characters a second: a newsreader's pace
_MADE: dict[float, bytes] = {}
_MADE_LOCK = threading.Lock()


def seconds_for(text: str) -> float:
    """How long the fake Google speaks `text` (tenths of a second, at least 0.3 s)."""
    return max(0.3, round(len(text) * SECONDS_PER_CHAR, 1))


def mp3_for(text: str) -> bytes:
    """Real MP3 bytes lasting as long as `text` takes to say (made once per length)."""
    seconds = seconds_for(text)
    with _MADE_LOCK:
        if seconds not in _MADE:
            _MADE[seconds] = google_mp3(seconds)
        return _MADE[seconds]


def google_mp3(seconds: float = 1.0, tmp: Path | None = None) -> bytes:
    """Real MP3 bytes as Google sends them: 24 kHz mono, 32 kbps, a voiced-like tone."""
    rate = 24000
    t = np.arange(int(seconds * rate), dtype=np.float32) / rate
    wave = 0.3 * np.sin(2 * np.pi * 150 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 3 * t))
    path = (tmp or Path("/tmp")) / f"google-{threading.get_ident()}-{time.monotonic_ns()}.mp3"
    encode_mp3(Clip(wave.astype(np.float32), rate), path, bitrate="32k")
    data = path.read_bytes()
    path.unlink()
    return data


def envelope(mp3: bytes) -> str:
    """Google's batchexecute response body around base64 audio."""
    b64 = base64.b64encode(mp3).decode("ascii")
    return (
        ")]}'\n\n"
        f'[["wrb.fr","jQ1olc","[\\"{b64}\\"]",null,null,null,"generic"],["di",42],["af.httprm",41,"-1",1]]\n'
    )


@dataclass
class Sent:
    """One request Google received: the domain's suffix, the text, the language."""

    tld: str
    text: str
    lang: str


Behaviour = Callable[[int, Sent], tuple[int, dict[str, str], str] | Exception | None]


@dataclass
class FakeGoogle:
    """Records every request; `behaviour(n, sent)` may return a failure for request n (0-based)."""

    behaviour: Behaviour | None = None
    delay: float = 0.0
    sent: list[Sent] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        match = URL.match(request.url or "")
        assert match, request.url
        body = urllib.parse.unquote(str(request.body).removeprefix("f.req=").rstrip("&"))
        text, lang = json.loads(json.loads(body)[0][0][1])[:2]
        sent = Sent(match.group(1), text, lang)
        with self._lock:
            number = len(self.sent)
            self.sent.append(sent)
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.delay:
                time.sleep(self.delay)
            outcome = self.behaviour(number, sent) if self.behaviour else None
            if isinstance(outcome, Exception):
                raise outcome
            if outcome is not None:
                return outcome
            return 200, {"Content-Type": "application/json; charset=utf-8"}, envelope(mp3_for(text))
        finally:
            with self._lock:
                self.in_flight -= 1

    def install(self, mock: responses.RequestsMock) -> FakeGoogle:
        """Serve this fake for every Google domain through `mock`."""
        mock.add_callback(responses.POST, URL, callback=self)
        return self
