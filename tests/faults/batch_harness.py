"""Run `audio-edition ARGS` with the fake engine slowed down in every process of the run:
`python -m tests.faults.batch_harness ARGS...`.

A batch's local processes and a local Dask cluster's workers are started with the spawn method,
which imports the parent's main module again (as `__mp_main__`) before running any job: so the
slowed engine registered below reaches them, and only the parent runs the command.

AUDIO_EDITION_TEST_CALLS names a file that gets one line per engine call as it begins (the
process id, then the text); AUDIO_EDITION_TEST_DELAY is how long each call takes (seconds);
a call whose text holds AUDIO_EDITION_TEST_DIE kills its process (SIGKILL).
"""

from __future__ import annotations

import os
import signal
import time

from audio_edition.model import Clip
from audio_edition.voices import register_engine
from audio_edition.voices.fake import FakeEngine


class SlowFake(FakeEngine):
    """The fake engine, logging each call to AUDIO_EDITION_TEST_CALLS and taking its time."""

    def synthesize(self, text: str, voice: str) -> Clip:
        line = f"{os.getpid()} {' '.join(text.split())}\n".encode()
        descriptor = os.open(os.environ["AUDIO_EDITION_TEST_CALLS"], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        try:
            os.write(descriptor, line)  # one write to an O_APPEND file: lines never interleave
        finally:
            os.close(descriptor)
        if os.environ.get("AUDIO_EDITION_TEST_DIE", "\0") in text:  # a process killed mid-article
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(float(os.environ.get("AUDIO_EDITION_TEST_DELAY", "0")))
        return super().synthesize(text, voice)


register_engine("fake", SlowFake, replace=True)

if __name__ == "__main__":
    from audio_edition.cli import main

    main()
