"""Run `audio-edition ARGS` against the fake Google, which answers every request 429 with a
Retry-After of a minute: `python -m tests.voices.gtts_harness MARKER ARGS...`. MARKER is written
as the first answer is sent. No request leaves the process (`responses` answers them all)."""

from __future__ import annotations

import sys
from pathlib import Path

import responses

from audio_edition.cli import main
from tests.voices.fake_google import FakeGoogle, Sent

marker = Path(sys.argv[1])
sys.argv = ["audio-edition", *sys.argv[2:]]


def refuse(number: int, sent: Sent) -> tuple[int, dict[str, str], str]:
    marker.touch()
    return 429, {"Retry-After": "60", "Content-Type": "text/plain"}, "Too Many Requests"


with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
    FakeGoogle(behaviour=refuse).install(mock)
    main()
