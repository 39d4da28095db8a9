"""A newcomer's first hour: the mistakes a careless user makes, and options that must do what the
README says. Each test pins a fault found by trying the tool as a new user would."""

from __future__ import annotations

import importlib.util
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.cli import cli

STORY = "Ferry Story\n\nFerries stop tonight. The strike starts at noon, the union said.\n"
OTHER = "Bus Story\n\nBuses run late tonight. Drivers meet the council at noon.\n"


def run(*argv: str) -> tuple[int, list[str]]:
    """Exit code and the lines printed (stdout and stderr)."""
    result = CliRunner().invoke(cli, list(argv))
    return result.exit_code, [line for line in result.output.splitlines() if line.strip()]


def test_articles_that_share_a_file_name_get_their_folder_in_the_name(tmp_path: Path) -> None:
    for folder, text in (("dup1", STORY), ("dup2", OTHER)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code, _ = run("build", str(tmp_path / "dup1/story.txt"), str(tmp_path / "dup2/story.txt"), "-o", str(out),
                  "--engine", "fake", "-q")  # fmt: skip
    assert code == 0
    titles = {p.name: json.loads(p.read_text(encoding="utf-8"))["title"] for p in out.glob("*-story.json")}
    assert titles == {"dup1-story.json": "Ferry Story", "dup2-story.json": "Bus Story"}


def test_the_same_article_twice_is_refused_before_any_audio(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    code, lines = run("build", str(story), str(story), "-o", str(tmp_path / "out"), "--engine", "fake")
    assert code == 2 and len(lines) == 1 and "would both be written as" in lines[0]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("option", [["--workers", "2"], ["--scheduler", "tcp://127.0.0.1:8786"]])
def test_dask_options_without_dask_are_one_line_before_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: list[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(STORY, encoding="utf-8")
    out = str(tmp_path / "out")
    assert run("batch", str(tmp_path / "in"), "-o", out, "--engine", "fake", "-q")[0] == 0  # all current now
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda n, *a: None if n == "distributed" else real(n, *a)
    )
    code, lines = run("batch", str(tmp_path / "in"), "-o", out, "--engine", "fake", *option)
    assert code == 2 and len(lines) == 1
    assert "not installed: pip install 'audio-edition[dask]'" in lines[0]


def test_a_file_that_is_only_a_title_is_bad_input(tmp_path: Path) -> None:
    only = tmp_path / "titleonly.txt"
    only.write_text("Just A Title Here\n", encoding="utf-8")
    code, lines = run("script", str(only))
    assert code == 2 and lines == [f"Error: {only.name} has no article text to read: it holds only a title"]
    sentence = tmp_path / "onesentence.txt"
    sentence.write_text("Ferries stop tonight.\n", encoding="utf-8")
    code, lines = run("script", str(sentence))
    assert code == 0 and any(line.endswith("Ferries stop tonight.") for line in lines)


def test_usage_errors_come_before_the_google_probe(tmp_path: Path) -> None:
    taken = tmp_path / "afile"
    taken.write_text("x", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    code, lines = run("build", str(story), "-o", str(taken))  # --engine auto: probes only to build
    assert code == 2 and lines == [f"Error: output folder {taken} is a file: choose another -o folder"]
    code, lines = run("batch", str(taken), "-o", str(tmp_path / "out"))
    assert code == 2 and lines == [f"Error: {taken} is not a folder: give the folder that holds the articles"]


class _Pages(BaseHTTPRequestHandler):
    """Serves one plain-text article and one Markdown article, with their content types."""

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        body, kind = {
            "/story": (STORY, "text/plain; charset=utf-8"),
            "/story.md": (
                "# Quay Works\n\nThe quay reopens on **Monday**. Boats return at dawn.\n",
                "text/markdown",
            ),
        }.get(self.path, ("", ""))
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", kind or "text/html")
        self.end_headers()
        self.wfile.write(body.encode("utf-8"))

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_pages_are_read_by_their_content_type(site: str) -> None:
    code, lines = run("script", f"{site}/story")
    assert code == 0 and lines[0].startswith("# Ferry Story")  # text/plain: its first line is the title
    code, lines = run("script", f"{site}/story.md")
    assert code == 0 and lines[0].startswith("# Quay Works")
    assert any("The quay reopens on Monday." in line for line in lines)  # Markdown, not its asterisks


def test_network_failures_are_told_apart(site: str) -> None:
    port = int(site.rsplit(":", 1)[1])
    import socket

    with socket.socket() as free:  # a port where nothing listens
        free.bind(("127.0.0.1", 0))
        closed = free.getsockname()[1]
    code, lines = run("script", f"http://127.0.0.1:{closed}/story")
    assert code == 2 and len(lines) == 1
    assert f"the connection was refused (nothing is listening at 127.0.0.1 port {closed})" in lines[0]
    code, lines = run("script", "http://no-such-host.example/story")  # the test guard fails every lookup
    assert code == 2 and "does not resolve (DNS failure)" in lines[0] and "refused" not in lines[0]
    assert port != closed


@pytest.mark.parametrize(
    ("voice", "says"),
    [
        (
            "piper:/nonexist/voice.onnx",
            "Piper voice file /nonexist/voice.onnx does not exist: check the path",
        ),
        ("foo", "a voice is named engine:voice, e.g. piper:joe"),
    ],
)
def test_voice_mistakes_are_explained(tmp_path: Path, voice: str, says: str) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    code, lines = run(
        "build", str(story), "-o", str(tmp_path / "out"), "--engine", "piper", "--narrator", voice
    )
    assert code == 2 and len(lines) == 1 and says in lines[0]
