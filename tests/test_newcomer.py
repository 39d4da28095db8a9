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


def test_articles_that_share_a_file_name_are_refused_before_any_audio(tmp_path: Path) -> None:
    """An article's name depends on the article alone: two that would share one are one error."""
    for folder, text in (("dup1", STORY), ("dup2", OTHER)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    first, second = tmp_path / "dup1/story.txt", tmp_path / "dup2/story.txt"
    code, lines = run("build", str(first), str(second), "-o", str(out), "--engine", "fake", "-q")
    assert code == 2 and lines == [
        f"Error: {first} and {second} would both be written as story.*: "
        "build them into different -o folders, or rename one"
    ]
    assert not out.exists()


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
    assert code == 2 and lines == [
        f"Error: {taken} is not a folder: give the folder that holds the articles "
        f"(`audio-edition build {taken}` builds one article)"
    ]


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
    code, lines = run("script", "--allow-private-hosts", f"{site}/story")
    assert code == 0 and lines[0].startswith("# Ferry Story")  # text/plain: its first line is the title
    code, lines = run("script", "--allow-private-hosts", f"{site}/story.md")
    assert code == 0 and lines[0].startswith("# Quay Works")
    assert any("The quay reopens on Monday." in line for line in lines)  # Markdown, not its asterisks


def test_network_failures_are_told_apart() -> None:
    import socket

    with socket.socket() as free:  # a port where nothing listens
        free.bind(("127.0.0.1", 0))
        closed = free.getsockname()[1]
    code, lines = run("script", "--allow-private-hosts", f"http://127.0.0.1:{closed}/story")
    assert code == 2 and len(lines) == 1
    assert f"the connection was refused (nothing is listening at 127.0.0.1 port {closed})" in lines[0]
    code, lines = run("script", "http://no-such-host.example/story")  # the test guard fails every lookup
    assert code == 2 and "does not resolve (DNS failure)" in lines[0] and "refused" not in lines[0]


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


@pytest.mark.parametrize(
    ("option", "says"),
    [
        (["--category", "Foo"], "--category 'Foo' is not an Apple Podcasts category"),
        (["--image", "art.png"], "--image must be the artwork's absolute http(s) URL"),
        (["--language", "zz-notalang"], "--language 'zz-notalang' is not a language tag"),
    ],
)
def test_feed_options_a_podcast_app_would_refuse_are_refused(
    tmp_path: Path, option: list[str], says: str
) -> None:
    code, lines = run("feed", str(tmp_path), "--base-url", "https://example.org/audio", *option)
    assert code == 2 and len(lines) == 1 and says in lines[0]


def test_a_feed_category_is_written_as_apple_spells_it(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    assert run("build", str(story), "-o", str(tmp_path / "out"), "--engine", "fake", "-q")[0] == 0
    code, _ = run("feed", str(tmp_path / "out"), "--base-url", "https://example.org/a", "--category", "news")
    assert code == 0 and 'text="News"' in (tmp_path / "out" / "feed.xml").read_text(encoding="utf-8")


def test_cache_commands_name_a_missing_folder_or_a_file(tmp_path: Path) -> None:
    code, lines = run("cache", "info", "--cache-dir", str(tmp_path / "missing"))
    assert code == 2 and lines == [
        f"Error: cache folder {tmp_path / 'missing'} does not exist: check --cache-dir"
    ]
    afile = tmp_path / "some-file.txt"
    afile.write_text("x", encoding="utf-8")
    code, lines = run("cache", "clear", "--cache-dir", str(afile))
    assert code == 2 and "is a file, not a cache folder" in lines[0]
    other = tmp_path / "photos"
    other.mkdir()
    (other / "holiday.jpg").write_bytes(b"\xff\xd8\xff")
    code, lines = run("cache", "clear", "--cache-dir", str(other))
    assert code == 2 and "is not an audio-edition cache" in lines[0]
    assert (other / "holiday.jpg").exists()


def test_one_chapter_is_one_chapter(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    code, lines = run("build", str(story), "-o", str(tmp_path / "out"), "--engine", "fake")
    assert code == 0 and ", 1 chapter, " in lines[-1] and "chapters" not in lines[-1]


def test_progress_labels_are_cut_at_a_word() -> None:
    from audio_edition.report import short_label

    assert (
        short_label("Harbour Ferry Crews Vote to Strike Over Night Shifts")
        == "Harbour Ferry Crews Vote to Strike…"
    )
    assert short_label("Short title") == "Short title"


def test_debug_is_taken_after_the_command_too(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "missing.txt"), "--debug"])
    assert result.exit_code != 0 and "article not found" in str(result.exception)  # raised, not one line
    code, lines = run("build", str(tmp_path / "missing.txt"))
    assert code == 2 and lines[0].startswith("Error: article not found")


def test_the_readme_synopsis_names_every_build_option() -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    synopsis = readme[readme.index("audio-edition build ARTICLE...") : readme.index("audio-edition feed OUT")]
    build_command = cli.commands["build"]
    import re

    options = [p for p in build_command.params if p.opts and p.opts[0].startswith("-") and p.name != "help"]
    named = [
        [o for o in p.opts + p.secondary_opts if re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", synopsis)]
        for p in options
    ]
    missing = [max(p.opts, key=len) for p, found in zip(options, named, strict=True) if not found]
    assert missing == [], missing
    engines = next(p for p in build_command.params if p.name == "engine")
    assert "fake" in (engines.help or "") and "|fake]" in synopsis


def test_a_mixed_cast_records_the_engine_of_every_voice(tmp_path: Path) -> None:
    from audio_edition.voices import FakeEngine, register_engine

    register_engine("other", FakeEngine, replace=True)  # a second engine, through the registry
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    code, _ = run(
        "build", str(story), "-o", str(out), "--engine", "fake", "--quote-voice", "other:quote", "-q"
    )
    assert code == 0
    made = json.loads((out / "story.json").read_text(encoding="utf-8"))
    assert made["voices"] == {"narrator": "fake:narrator", "quote": "other:quote"}
    assert made["engines"] == ["fake", "other"] and made["engine"] == "fake"


def test_a_bad_base_url_stops_a_batch_before_any_build(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    code, lines = run(
        "batch", str(tmp_path / "in"), "-o", str(out), "--engine", "fake", "--base-url", "audio"
    )
    assert code == 2 and lines == ["Error: --base-url must be an http(s) URL, not 'audio'"]
    assert not out.exists()
