"""External failures through the real command: a broken engine plugin, espeak-ng that stalls or
writes damaged audio, mutagen refusing a staged MP3 or a cover, ffmpeg dying or stalling in the
middle of an encode or a decode. Each ends in one `Error:` line and an exit code, never a traceback,
and within seconds. The stand-in programs are scripts put first on PATH, where the engine and the
ffmpeg lookup find them."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner, Result

from audio_edition import voices
from audio_edition.audio import ffmpeg
from audio_edition.audio.mp3 import mp3_bytes
from audio_edition.cli import cli
from audio_edition.errors import AudioError
from audio_edition.model import Clip
from audio_edition.voices import espeak_engine
from tests.conftest import ARTICLES
from tests.voices.test_registry import install_engine_plugin

ARTICLE = ARTICLES / "glacier-retreat-survey.md"
SLUG = "glacier-retreat-survey"


def _invoke(*args: str) -> Result:
    return CliRunner(mix_stderr=False).invoke(cli, list(args))


def _one_error_line(result: Result, code: int) -> str:
    """The single `Error:` line of a run that ended with `code` and no traceback."""
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return lines[0]


def _build(tmp_path: Path, *extra: str) -> Result:
    out, cache = str(tmp_path / "out"), str(tmp_path / "cache")
    return _invoke("build", str(ARTICLE), "-o", out, "--cache-dir", cache, "-q", *extra)


def _nothing_written(tmp_path: Path) -> bool:
    out = tmp_path / "out"
    return not out.exists() or not list(out.iterdir())


def _gone(pid_file: Path) -> list[int]:
    """The processes a stand-in program recorded, each checked to be no longer running."""
    pids = [int(line) for line in pid_file.read_text().split()]
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    return pids


def _program(folder: Path, name: str, body: str) -> None:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(f"#!{sys.executable} -S\nimport os, signal, sys, time\n{body}", encoding="utf-8")
    path.chmod(0o755)


# --- engine plugins -------------------------------------------------------------------------

BROKEN_PLUGINS = {
    "import-error": ("import no_such_module_anywhere\n", "ModuleNotFoundError: No module named"),
    "syntax-error": ("def Engine(:\n", "SyntaxError"),
    "raises-on-import": ("raise RuntimeError('licence server unreachable')\n", "licence server unreachable"),
    "factory-raises": (
        "class Engine:\n    def __init__(self):\n        raise KeyError('model')\n",
        "it failed to start (KeyError: 'model')",
    ),
    "not-an-engine": ("class Engine:\n    name = 'brokentts'\n", "does not implement the Engine protocol"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_PLUGINS))
def test_a_broken_plugin_is_one_line_and_breaks_no_other_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    source, cause = BROKEN_PLUGINS[case]
    module = "brokentts_" + case.replace("-", "_")
    install_engine_plugin(tmp_path / "site", monkeypatch, "brokentts", module, source)
    line = _one_error_line(_build(tmp_path, "--engine", "brokentts"), 2)
    assert line.startswith("Error: engine 'brokentts' is not usable here: ") and cause in line
    assert "fix or uninstall the package brokentts-" in line
    assert _nothing_written(tmp_path)

    listing = _invoke("voices")  # every engine is still listed, the broken one with its reason
    assert listing.exit_code == 0 and listing.exception is None, listing.stderr
    assert any(row.startswith("brokentts (unknown): not usable: ") for row in listing.stdout.splitlines())
    built = _build(tmp_path, "--engine", "fake")
    assert built.exit_code == 0, built.stderr
    assert (tmp_path / "out" / f"{SLUG}.mp3").stat().st_size > 1000


# --- espeak-ng ------------------------------------------------------------------------------

FAKE_ESPEAK = """
args = sys.argv[1:]
if args == ["--version"]:
    print("eSpeak NG text-to-speech: 1.51-stand-in  Data at: /nowhere")
    sys.exit(0)
mode = os.environ["STAND_IN"]
if args == ["--voices"]:
    if mode == "stall-voices":
        with open(os.environ["STAND_IN_PIDS"], "a") as log:
            log.write(f"{os.getpid()}\\n")
        time.sleep(120)
    print("Pty Language       Age/Gender VoiceName          File                 Other Languages")
    print(" 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)")
    sys.exit(0)
with open(os.environ["STAND_IN_PIDS"], "a") as log:
    log.write(f"{os.getpid()}\\n")
if mode == "stall":
    time.sleep(120)
sys.stdout.buffer.write(b"RIFF" + bytes(60))  # "damaged": a RIFF file that is no WAV
"""


@pytest.fixture
def stand_in_espeak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A stand-in espeak-ng first on PATH, limits of one second; the file its pids go to."""
    _program(tmp_path / "bin", "espeak-ng", FAKE_ESPEAK)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("AUDIO_EDITION_FFMPEG", str(tmp_path / "bin" / "ffmpeg"))  # chosen whatever is set
    monkeypatch.setenv("STAND_IN_PIDS", str(tmp_path / "pids"))
    monkeypatch.setattr(espeak_engine, "FLOOR_S", 1.0, raising=False)
    monkeypatch.setattr(espeak_engine, "PER_SPEECH_S", 0.0, raising=False)
    monkeypatch.setattr(espeak_engine, "QUERY_TIMEOUT_S", 1.0, raising=False)
    monkeypatch.delitem(voices._INSTANCES, "espeak", raising=False)
    (tmp_path / "pids").touch()
    espeak_engine._version.cache_clear()
    espeak_engine._voice_files.cache_clear()
    yield tmp_path / "pids"
    espeak_engine._version.cache_clear()
    espeak_engine._voice_files.cache_clear()


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("stall", "espeak-ng stalled (voice en-us+m1): no answer after 1 s, so it was stopped"),
        ("stall-voices", "espeak-ng stalled (asked --voices): no answer after 1 s"),
        ("damaged", "espeak-ng wrote a damaged WAV file"),
    ],
)
def test_espeak_that_stalls_or_writes_a_damaged_file_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stand_in_espeak: Path, mode: str, expected: str
) -> None:
    monkeypatch.setenv("STAND_IN", mode)
    started = time.monotonic()
    line = _one_error_line(_build(tmp_path, "--engine", "espeak", "--no-cache"), 1)
    assert expected in line
    assert time.monotonic() - started < 15
    pids = _gone(stand_in_espeak)  # a stalled espeak-ng was killed, not left running
    assert pids
    assert _nothing_written(tmp_path)


# --- mutagen --------------------------------------------------------------------------------


def test_a_damaged_staged_mp3_that_mutagen_refuses_is_one_line_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    real = Path.write_bytes

    def damaged(self: Path, data: bytes) -> int:  # the staged MP3 starts with a corrupt ID3 header
        if self.parent == out and ".mp3." in self.name:
            data = b"ID3\x04\x00\x00\xff\xff\xff\xff" + data
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", damaged)
    line = _one_error_line(_build(tmp_path, "--engine", "fake"), 1)
    assert line.startswith(
        f"Error: cannot write the ID3 tags of {SLUG}.mp3 (mutagen: Header size not synchsafe)"
    )
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("size", [16 * 2**20 + 1, 256 * 2**20 + 1])  # over our limit; over ID3's
def test_a_cover_too_big_to_embed_is_refused_before_any_audio(tmp_path: Path, size: int) -> None:
    cover = tmp_path / "cover.png"
    with cover.open("wb") as handle:  # a sparse file: a PNG signature, then zeros
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.truncate(size)
    line = _one_error_line(_build(tmp_path, "--engine", "fake", "--cover", str(cover)), 2)
    assert line == f"Error: cover cover.png is larger than 16 MB ({size:,} bytes): give a smaller JPEG or PNG"
    assert not (tmp_path / "cache" / "segments").exists()  # refused before anything was spoken


# --- ffmpeg ---------------------------------------------------------------------------------

FAKE_FFMPEG = """
args = sys.argv[1:]
if "tee" in args:
    role = "encoder"
elif "pipe:0" in args and "mp3" in args:
    role = "decoder"
elif "-y" in args:
    role = "pydub"
else:
    role = "decode"
target, _, action = os.environ.get("STAND_IN", "").partition(":")
if role == target:
    with open(os.environ["STAND_IN_PIDS"], "a") as log:
        log.write(f"{os.getpid()}\\n")
    if action == "dies":
        sys.stdin.buffer.read(64 * 1024)  # some of the stream, then killed
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(120)  # "stalls": reads nothing, answers nothing
os.execv(REAL, [REAL, *args])
"""


@pytest.fixture
def stand_in_ffmpeg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A stand-in ffmpeg (first on PATH, and AUDIO_EDITION_FFMPEG) that runs the real one except in
    the role STAND_IN names; limits of two seconds. Yields the file its pids go to."""
    ffmpeg.ffmpeg_exe.cache_clear()
    real = ffmpeg.ffmpeg_exe()
    _program(tmp_path / "bin", "ffmpeg", f"REAL = {real!r}\n{FAKE_FFMPEG}")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("AUDIO_EDITION_FFMPEG", str(tmp_path / "bin" / "ffmpeg"))  # chosen whatever is set
    monkeypatch.setenv("STAND_IN_PIDS", str(tmp_path / "pids"))
    monkeypatch.setattr(ffmpeg, "FLOOR_S", 2.0, raising=False)
    monkeypatch.setattr(ffmpeg, "PER_AUDIO_S", 0.0, raising=False)
    (tmp_path / "pids").touch()
    ffmpeg.ffmpeg_exe.cache_clear()
    assert ffmpeg.ffmpeg_exe() == str(tmp_path / "bin" / "ffmpeg")
    yield tmp_path / "pids"
    ffmpeg.ffmpeg_exe.cache_clear()


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("stand_in", "expected"),
    [
        ("decoder:dies", "MP3 encoding failed: the ffmpeg decoder measuring the MP3 was killed by signal 9"),
        ("encoder:dies", "MP3 encoding failed: the ffmpeg encoder was killed by signal 9"),
        ("decoder:stalls", "ffmpeg stalled in the MP3 encode (the ffmpeg decoder measuring the MP3): no end"),
        ("encoder:stalls", "ffmpeg stalled in the MP3 encode (the ffmpeg encoder): no end after 2 s"),
    ],
)
def test_an_ffmpeg_dying_or_stalling_mid_encode_ends_the_build_in_one_line_within_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stand_in_ffmpeg: Path, stand_in: str, expected: str
) -> None:
    monkeypatch.setenv("STAND_IN", stand_in)
    started = time.monotonic()
    line = _one_error_line(_build(tmp_path, "--engine", "fake"), 1)
    assert time.monotonic() - started < 20
    assert line.startswith(f"Error: {expected}")
    assert len(_gone(stand_in_ffmpeg)) == 1
    assert _nothing_written(tmp_path)


@pytest.mark.timeout(60)
def test_a_stalled_music_decode_is_one_line_and_not_blamed_on_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stand_in_ffmpeg: Path
) -> None:
    music = tmp_path / "jingle.mp3"  # a new path: no decode of it is cached in this process
    shutil.copyfile(ARTICLES / "media" / "jingle.mp3", music)
    monkeypatch.setenv("STAND_IN", "decode:stalls")
    line = _one_error_line(_build(tmp_path, "--engine", "fake", "--intro-music", str(music)), 1)
    assert line.startswith(f"Error: ffmpeg stalled decoding {music}: no end after 2 s, so it was stopped")
    assert len(_gone(stand_in_ffmpeg)) == 1


@pytest.mark.timeout(60)
def test_a_stalled_pydub_export_is_killed_and_leaves_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stand_in_ffmpeg: Path
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setenv("STAND_IN", "pydub:stalls")
    clip = Clip((0.3 * np.sin(np.arange(22050 * 3) * 0.05)).astype(np.float32), 22050)
    started = time.monotonic()
    with pytest.raises(AudioError, match=r"^ffmpeg stalled encoding the MP3 \(pydub\): no end after 2 s"):
        mp3_bytes(clip)
    assert time.monotonic() - started < 15
    assert len(_gone(stand_in_ffmpeg)) == 1
    assert list(scratch.iterdir()) == []  # pydub's WAV and output file were removed
    monkeypatch.delenv("STAND_IN")
    assert len(mp3_bytes(clip)) > 1000  # the same export, unhindered, still works
