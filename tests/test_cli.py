"""The command line through CliRunner: real builds with a fake engine, clean failures, help text."""

from __future__ import annotations

import json
import re
import traceback
from pathlib import Path
from typing import Any

import click
import numpy as np
import pytest
from click.testing import CliRunner

from audio_edition.audio.ffmpeg import decode_audio
from audio_edition.cli import cli
from audio_edition.errors import EngineError
from audio_edition.model import Clip
from audio_edition.options import Pauses
from audio_edition.voices import FakeEngine
from tests.conftest import ARTICLES, write

PAUSES = Pauses()


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


def test_build_writes_mp3_and_manifest_that_agree(tmp_path: Path, fake_engine: FakeEngine) -> None:
    out = tmp_path / "out"
    result = run("build", str(ARTICLES / "harbour-ferry-strike.txt"), "-o", str(out), "--engine", "fake")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "harbour-ferry-strike.chapters.json",
        "harbour-ferry-strike.json",
        "harbour-ferry-strike.mp3",
        "harbour-ferry-strike.qa.json",
        "harbour-ferry-strike.srt",
        "harbour-ferry-strike.vtt",
    ]
    qa = json.loads((out / "harbour-ferry-strike.qa.json").read_text(encoding="utf-8"))
    assert qa["passed"] is True and {c["name"] for c in qa["checks"]} == {
        "speech",
        "silence",
        "clipping",
        "loudness",
        "true peak",
        "duration",
    }
    manifest = json.loads((out / "harbour-ferry-strike.json").read_text(encoding="utf-8"))
    audio = decode_audio(out / "harbour-ferry-strike.mp3")
    assert audio.duration == pytest.approx(manifest["duration"], abs=0.06)
    assert manifest["engine"] == "fake"
    ends = [s["end"] for s in manifest["segments"]]
    starts = [s["start"] for s in manifest["segments"]]
    assert all(a < b for a, b in zip(starts, ends, strict=True))
    assert all(b <= c for b, c in zip(ends, starts[1:], strict=False))
    assert ends[-1] < manifest["duration"]
    assert [c["title"] for c in manifest["chapters"]] == [
        "Harbour Ferry Crews Vote to Strike Over Night Shifts",
        "What the Operator Says",
        "Commuters Brace for Disruption",
    ]
    assert manifest["chapters"][-1]["end"] == manifest["duration"]
    # each quote segment is heard in the quote voice's pitch (fake voices differ by tone)
    quote = next(s for s in manifest["segments"] if s["role"] == "quote")
    part = audio.samples[int(quote["start"] * 44100) : int(quote["end"] * 44100)]
    spectrum = np.abs(np.fft.rfft(part))
    assert abs(np.argmax(spectrum) * 44100 / len(part) - 260) < 10
    assert result.output.count("\n") == 1 and "harbour-ferry-strike.mp3" in result.output


def test_rebuild_replaces_files_in_place(tmp_path: Path, fake_engine: FakeEngine) -> None:
    args = (
        "build",
        str(ARTICLES / "night-train-returns-cp1252.txt"),
        "-o",
        str(tmp_path),
        "--engine",
        "fake",
    )
    assert run(*args).exit_code == 0
    assert run(*args).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"night-train-returns-cp1252.{ext}"
        for ext in ("chapters.json", "json", "mp3", "qa.json", "srt", "vtt")
    ]


BAD_INPUTS = [
    ("missing", None, "article not found"),
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\n\t \n", "is empty"),
    ("binary.txt", bytes(range(256)) * 64, "binary file"),
    ("junk.txt", b"READ ALSO: More news\nAdvertisement\nSubscribe\n", "every line was boilerplate"),
    ("story.pdf", b"%PDF-1.4", "unsupported file type"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_fails_in_one_line_with_exit_2_and_no_files(
    tmp_path: Path, fake_engine: FakeEngine, name: str, content: bytes | None, message: str
) -> None:
    path = write(tmp_path, name, content) if content is not None else tmp_path / name
    out = tmp_path / "out"
    result = run("build", str(path), "-o", str(out), "--engine", "fake")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0]
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())
    assert fake_engine.calls == []


def test_unknown_engine_exits_2(tmp_path: Path) -> None:
    result = run("build", str(ARTICLES / "awkward-quotes.txt"), "-o", str(tmp_path), "--engine", "nope")
    assert result.exit_code == 2
    assert (
        result.output.strip() == "Error: unknown engine 'nope': choose one of auto, espeak, fake, gtts, piper"
    )


def test_one_bad_article_stops_the_batch_before_any_audio(tmp_path: Path, fake_engine: FakeEngine) -> None:
    good = str(ARTICLES / "awkward-quotes.txt")
    result = run(
        "build", good, str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out"), "--engine", "fake"
    )
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()
    assert fake_engine.calls == []


class SilentOnce(FakeEngine):
    """Returns no audio for the segment that mentions the stage."""

    def synthesize(self, text: str, voice: str) -> Clip:
        if "main stage" in text:
            return Clip(np.zeros(0, dtype=np.float32), self.sample_rate)
        return super().synthesize(text, voice)


class SilenceOnce(FakeEngine):
    """Returns a clip of digital silence for the segment that mentions the stage."""

    def synthesize(self, text: str, voice: str) -> Clip:
        if "main stage" in text:
            return Clip(np.zeros(22050, dtype=np.float32), self.sample_rate)
        return super().synthesize(text, voice)


class Crashing(FakeEngine):
    def synthesize(self, text: str, voice: str) -> Clip:
        if len(self.calls) > 3:
            raise EngineError("the engine stopped answering")
        return super().synthesize(text, voice)


@pytest.mark.parametrize("engine_type", [SilentOnce, SilenceOnce, Crashing])
def test_engine_failure_exits_1_and_leaves_nothing(tmp_path: Path, engine_type: type[FakeEngine]) -> None:
    from audio_edition.voices import register_engine

    register_engine("broken", engine_type, replace=True)
    out = tmp_path / "out"
    out.mkdir()
    result = run("build", str(ARTICLES / "awkward-quotes.txt"), "-o", str(out), "--engine", "broken")
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert list(out.iterdir()) == []


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--debug", "build", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0
    assert result.exception is not None
    assert "InputError" in "".join(traceback.format_exception(result.exception))


def test_output_folder_that_is_a_file_exits_2(tmp_path: Path, fake_engine: FakeEngine) -> None:
    blocker = write(tmp_path, "out", "not a folder")
    result = run("build", str(ARTICLES / "awkward-quotes.txt"), "-o", str(blocker), "--engine", "fake")
    assert result.exit_code == 2
    assert "is a file" in result.output
    assert blocker.read_text() == "not a folder"


def structural_pause(segments: list[dict[str, Any]], k: int) -> int:
    """The pause docs/reading.md promises after article segment k: a heading's, a section's before a
    heading or the closing, a paragraph's between blocks (a sentence's before an attribution), and
    within a block a clause's after a comma, else a sentence's."""
    seg, nxt = segments[k], segments[k + 1]
    if seg["role"] == "heading":
        return PAUSES.heading
    if nxt["role"] in ("heading", "outro"):
        return PAUSES.section
    if nxt["block"] != seg["block"]:
        return PAUSES.sentence if nxt["role"] == "attribution" else PAUSES.paragraph
    return PAUSES.clause if re.search(r"[,;:][\"”’']*$", seg["text"]) else PAUSES.sentence


def test_script_json_lists_segments_with_roles_and_pauses() -> None:
    result = run("script", str(ARTICLES / "glacier-retreat-survey.md"), "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    segments = data["segments"]
    roles = {s["role"] for s in segments}
    assert {"title", "heading", "narration", "quote", "attribution"} <= roles
    first = next(k for k, s in enumerate(segments) if s["block"] >= 0)
    assert segments[first - 1]["pause_after_ms"] == PAUSES.title  # the opening, then the article
    for k in range(first, len(segments) - 1):
        assert segments[k]["pause_after_ms"] == structural_pause(segments, k), segments[k]["text"]
    assert segments[-1]["pause_after_ms"] == 0
    assert len({s["pause_after_ms"] for s in segments}) == 7  # every kind of break occurs here
    assert data["byline"] == "Ingrid Solberg and Tomás Herrera"


def test_script_shows_a_pronounced_word_by_its_alias_and_ipa(tmp_path: Path) -> None:
    lexicon = write(tmp_path, "lexicon.toml", 'Kyiv = { alias = "Keev", ipa = "kˈiːjɪw" }\n')
    article = write(tmp_path, "talks.txt", "Talks in Kyiv\nThe delegation flew to Kyiv on Monday.\n")
    data = json.loads(run("script", str(article), "--lexicon", str(lexicon), "--json").output)
    said = next(s for s in data["segments"] if s["text"] == "The delegation flew to Kyiv on Monday.")
    assert said["speech"] == "The delegation flew to Keev on Monday."
    assert said["pronounced"] == [{"alias": "Keev", "ipa": "kˈiːjɪw"}]
    shown = run("script", str(article), "--lexicon", str(lexicon)).output
    assert "says: The delegation flew to Keev /kˈiːjɪw/ on Monday." in shown


def test_the_build_lays_the_pauses_the_script_shows(tmp_path: Path, fake_engine: FakeEngine) -> None:
    """Measured in the decoded MP3: the silence after each segment is its `pause_after_ms` (plus the
    same short edge every clip has), and nothing is heard in it."""
    article = str(ARTICLES / "glacier-retreat-survey.md")
    script = json.loads(run("script", article, "--json").output)
    out = tmp_path / "out"
    assert run("build", article, "-o", str(out), "--engine", "fake", "--no-cache").exit_code == 0
    manifest = json.loads((out / "glacier-retreat-survey.json").read_text(encoding="utf-8"))
    audio = decode_audio(out / "glacier-retreat-survey.mp3")
    rate, loud = audio.sample_rate, np.abs(audio.samples) > 10 ** (-50 / 20)
    assert [s["text"] for s in manifest["segments"]] == [s["text"] for s in script["segments"]]
    edges = []
    for seg, timed, nxt in zip(
        script["segments"], manifest["segments"], manifest["segments"][1:], strict=False
    ):
        end, start = int(timed["end"] * rate), int(nxt["start"] * rate)
        assert not loud[end:start].any(), seg["text"]
        before = end - int(np.flatnonzero(loud[:end])[-1]) - 1
        after = int(np.flatnonzero(loud[start:])[0])
        edges.append((before + (start - end) + after) / rate - seg["pause_after_ms"] / 1000)
    assert 0 <= min(edges) and max(edges) - min(edges) < 0.01 and max(edges) < 0.1, edges


def test_script_text_shows_chapters_and_dropped_lines() -> None:
    result = run("script", str(ARTICLES / "harbour-ferry-strike.txt"))
    assert result.exit_code == 0
    assert "== chapter 2: What the Operator Says" in result.output
    assert "dropped (read-also): READ ALSO" in result.output


def test_voices_lists_the_bundled_piper_voice() -> None:
    result = run("voices")
    assert result.exit_code == 0
    assert "piper (" in result.output and "piper:joe+bright" in result.output


def test_every_command_has_help_text() -> None:
    for name, command in cli.commands.items():
        assert command.help, name
        result = run(name, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output
