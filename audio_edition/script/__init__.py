"""The script stage: an Article becomes a Script of segments (see `writer.write_script`)."""

from __future__ import annotations

from audio_edition.script.writer import VOICE_OF_ROLE, write_script

__all__ = ["write_script", "VOICE_OF_ROLE"]
