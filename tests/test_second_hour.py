"""A newcomer's first hour, second pass (issue 25): each test pins a surprise found by following only
the README, and fails without its fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from audio_edition.cli import cli
from tests.conftest import ROOT

SAMPLE = ROOT / "articles" / "harbour-ferry-strike.txt"
STORY = "Ferry Story\n\nFerries stop tonight. The strike starts at noon, the union said.\n"
FAKE = ("--engine", "fake")


def run(*argv: str) -> tuple[int, list[str]]:
    """Exit code and the lines printed (stdout and stderr)."""
    result = CliRunner().invoke(cli, list(argv))
    return result.exit_code, [line for line in result.output.splitlines() if line.strip()]


@pytest.mark.parametrize("command", ["build", "script"])
def test_a_lang_that_is_no_language_tag_is_a_usage_error_naming_tags(tmp_path: Path, command: str) -> None:
    out = tmp_path / "out"
    extra = ["-o", str(out), *FAKE] if command == "build" else []
    code, lines = run(command, str(SAMPLE), "--lang", "english", *extra)
    assert code == 2 and len(lines) == 1
    assert lines[0].startswith("Error: --lang 'english' is not a language tag: give a tag such as en, fr")
    assert not out.exists()


def test_an_output_folder_the_system_refuses_is_exit_2_and_leaves_nothing(tmp_path: Path) -> None:
    code, lines = run("build", str(SAMPLE), *FAKE, "-o", "/proc/audio")
    assert code == 2
    assert lines == ["Error: cannot create output folder /proc/audio (no such file or directory): "
                     "choose another -o folder"]  # fmt: skip
    fine = tmp_path / "new" / "deeper"
    from audio_edition.publish.staging import check_output_folder

    check_output_folder(fine)  # made and removed again: nothing left before the build writes
    assert not (tmp_path / "new").exists()


def _script(*argv: str) -> dict:  # type: ignore[type-arg]
    code, _ = run("script", str(SAMPLE), "--json", *argv)
    assert code == 0
    return json.loads(CliRunner().invoke(cli, ["script", str(SAMPLE), "--json", *argv]).output)


def test_script_takes_every_option_that_changes_the_script(tmp_path: Path) -> None:
    plain = _script()
    assert plain["segments"][0]["text"] == "Audio Edition."
    assert _script("--show", "Harbour Radio")["segments"][0]["text"] == "Harbour Radio."
    assert not [s for s in _script("--no-opening")["segments"] if s["role"] in ("intro", "outro")]
    assert _script("--lang", "fr")["language"] == "fr"
    lexicon = tmp_path / "lexicon.toml"
    lexicon.write_text('"Okonkwo-Reyes" = "Oh-konk-woh Ray-es"\n', encoding="utf-8")
    said = " ".join(s["speech"] for s in _script("--lexicon", str(lexicon))["segments"])
    assert "Oh-konk-woh Ray-es" in said
    assert _script("--no-default-lexicon")["segments"]


def test_script_shows_the_speaker_roles_build_gives(tmp_path: Path) -> None:
    article = tmp_path / "two.txt"
    article.write_text(
        "Talks Resume\n\n"
        '"We will meet again on Monday," said Anna Berg. "Nothing is settled yet," said Anna Berg.\n'
        '"The union wants a deal," said Tom Reed. "It wants one soon," said Tom Reed.\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["script", str(article), "--json", "--speaker-voices"])
    assert result.exit_code == 0, result.output
    voices = {s["voice"] for s in json.loads(result.output)["segments"]}
    assert {"speaker:Anna Berg", "speaker:Tom Reed"} <= voices
    out = tmp_path / "out"
    code, _ = run("build", str(article), *FAKE, "--speaker-voices", "-o", str(out), "-q")
    built = json.loads((out / "two.json").read_text(encoding="utf-8"))
    assert code == 0 and {s["voice"] for s in built["segments"]} == voices


@pytest.mark.parametrize(
    ("dateline", "date", "published"),
    [
        ("April 2, 2026", "2026-04-02", None),
        ("2026-04-10", "2026-04-10", None),
        ("2026-04-11T08:00:00+00:00", "2026-04-11", "2026-04-11T08:00:00+00:00"),
        ("Updated 2:14 PM EST, February 3, 2026", "2026-02-03", "2026-02-03T14:14:00-05:00"),
    ],
)
def test_the_manifest_date_is_one_iso_8601_day_the_dateline_kept_apart(
    tmp_path: Path, dateline: str, date: str, published: str | None
) -> None:
    article = tmp_path / "story.md"
    article.write_text(f"---\ntitle: Ferry Story\ndate: '{dateline}'\n---\n\n{STORY}", encoding="utf-8")
    out = tmp_path / "out"
    code, _ = run("build", str(article), *FAKE, "-o", str(out), "-q")
    made = json.loads((out / "story.json").read_text(encoding="utf-8"))
    assert code == 0
    assert (made["date"], made["published"], made["dateline"]) == (date, published, dateline)


def test_cache_counts_agree_with_their_number(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    code, _ = run("build", str(SAMPLE), *FAKE, "-o", str(tmp_path / "out"), "--cache-dir", str(cache), "-q")
    assert code == 0
    code, lines = run("cache", "info", "--cache-dir", str(cache))
    assert code == 0 and ", 1 episode, " in lines[0] and "1 episodes" not in lines[0]
    code, lines = run("cache", "clear", "--cache-dir", str(cache))
    assert code == 0 and " segments and 1 episode (" in lines[0]


def test_feed_and_follow_name_the_feed_language_alike(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", str(SAMPLE), *FAKE, "-o", str(out), "-q")[0] == 0
    code, _ = run("feed", str(out), "--base-url", "https://example.org/a", "--feed-language", "en-GB")
    assert code == 0 and "<language>en-GB</language>" in (out / "feed.xml").read_text(encoding="utf-8")
    follow = next(c for name, c in cli.commands.items() if name == "follow")
    assert any("--feed-language" in p.opts for p in follow.params)


def test_the_readme_states_the_small_truths() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    articles = [p for p in (ROOT / "articles").iterdir() if p.suffix in (".txt", ".md", ".html")]
    assert f"({len(articles)} sample articles" in readme
    assert "audio-edition batch DIR [-o OUT]" in readme
    assert "writes six files into `output/`" in readme
    assert "huggingface.co/rhasspy/piper-voices" in readme


def test_feed_warns_for_each_episode_it_leaves_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for name in ("ferry", "bus", "tram"):
        (tmp_path / f"{name}.txt").write_text(STORY.replace("Ferry", name.title()), encoding="utf-8")
        assert run("build", str(tmp_path / f"{name}.txt"), *FAKE, "-o", str(out), "-q")[0] == 0
    with (out / "bus.mp3").open("ab") as mp3:
        mp3.write(b"\0")
    (out / "tram.vtt").unlink()
    result = CliRunner().invoke(cli, ["feed", str(out), "--base-url", "https://example.org/a"])
    assert result.exit_code == 0
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: bus left out of the feed: bus.mp3 is missing or changed since the build; build it again",
        "warning: tram left out of the feed: tram.vtt is missing or changed since the build; build it again",
    ]
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "ferry.mp3" in feed and "bus.mp3" not in feed and "tram.mp3" not in feed


def _cli_process(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """The command in a fresh process, every request sent to a proxy where nothing listens."""
    dead = "http://127.0.0.1:9"
    environment = {
        **os.environ,
        "HTTPS_PROXY": dead,
        "https_proxy": dead,
        "NO_PROXY": "",
        "no_proxy": "",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "audio_edition.cli", *args], env=environment, capture_output=True, text=True,
        timeout=240, check=False,
    )  # fmt: skip


def test_engine_gtts_offline_says_google_is_unreachable_before_any_retry(tmp_path: Path) -> None:
    began = time.monotonic()
    result = _cli_process(["build", str(SAMPLE), "--engine", "gtts", "-o", str(tmp_path / "out")])
    took = time.monotonic() - began
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: Google is not reachable (") and "use --engine piper" in lines[0]
    assert took < 10 and not (tmp_path / "out").exists()


def test_one_word_keeps_the_text_on_this_machine(tmp_path: Path) -> None:
    """AUDIO_EDITION_ENGINE chooses the engine as --engine does (fake here, for speed): no probe is
    made, so nothing is said about Google; --help names the variable."""
    out = tmp_path / "out"
    result = _cli_process(["build", str(SAMPLE), "-o", str(out)], AUDIO_EDITION_ENGINE="fake")
    assert result.returncode == 0, result.stderr
    assert "Google" not in result.stderr
    assert json.loads((out / "harbour-ferry-strike.json").read_text(encoding="utf-8"))["engine"] == "fake"
    assert "AUDIO_EDITION_ENGINE" in CliRunner().invoke(cli, ["build", "--help"]).output


def test_auto_says_the_text_goes_to_google_when_it_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    from audio_edition.voices import auto

    monkeypatch.setattr(auto, "_probe", lambda: (True, "Google answered"))
    sentence = auto.engine_choice("auto").sentence
    assert sentence.startswith("auto: Google answered, so the text is sent to Google")
    assert "--engine piper (or AUDIO_EDITION_ENGINE=piper) keeps it on this machine" in sentence
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    top = readme[: readme.index("## Quickstart")]
    assert "sends the article's text to Google" in top and "--engine piper" in top


class _Feed(BaseHTTPRequestHandler):
    """Serves an RSS feed, as a news site does at /rss.xml."""

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>'
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_hints_point_the_right_way(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Feed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/rss.xml"
        code, lines = run("build", url, *FAKE, "-o", str(tmp_path / "out"), "--allow-private-hosts")
    finally:
        server.shutdown()
    assert code == 2 and len(lines) == 1
    assert lines[0].startswith(
        f"Error: {url} is a news feed (RSS or Atom), not an article: follow its articles"
    )
    code, lines = run("build", str(ROOT / "articles"), *FAKE, "-o", str(tmp_path / "out"))
    assert code == 2 and lines[0].endswith(
        f"or build every article in it with `audio-edition batch {ROOT / 'articles'}`"
    )
    code, lines = run("build", "example.org/news/page.html", *FAKE, "-o", str(tmp_path / "out"))
    assert code == 2 and lines == [
        "Error: article not found: example.org/news/page.html: for a web page give its whole address, "
        "https://example.org/news/page.html"
    ]
    code, lines = run("batch", str(tmp_path / "nosuch"), *FAKE, "-o", str(tmp_path / "out"))
    assert code == 2 and lines == [
        f"Error: {tmp_path / 'nosuch'} does not exist: give the folder that holds the articles"
    ]
    code, lines = run("biuld", str(SAMPLE))
    assert code == 2 and lines[-1] == "Error: No such command 'biuld': did you mean 'build'?"
    assert not (tmp_path / "out").exists()


def test_an_article_name_depends_only_on_the_article(tmp_path: Path) -> None:
    """Built alone, beside another, or in a batch: `story.txt` is `story`; in a batch `b/story.txt`
    is `b-story` whatever else the folder holds; two articles of one name are one error."""
    news = tmp_path / "news"
    (news / "b").mkdir(parents=True)
    (news / "story.txt").write_text(STORY, encoding="utf-8")
    (news / "b" / "story.txt").write_text(STORY.replace("Ferry", "Bus"), encoding="utf-8")
    (news / "other.txt").write_text(STORY.replace("Ferry", "Tram"), encoding="utf-8")
    alone, together, batched = tmp_path / "alone", tmp_path / "together", tmp_path / "batched"
    assert run("build", str(news / "story.txt"), *FAKE, "-o", str(alone), "-q")[0] == 0
    assert (
        run("build", str(news / "story.txt"), str(news / "other.txt"), *FAKE, "-o", str(together), "-q")[0]
        == 0
    )
    assert run("batch", str(news), *FAKE, "-o", str(batched), "-q")[0] == 0
    assert {p.name for p in alone.glob("*.json")} == {"story.json", "story.qa.json", "story.chapters.json"}
    assert {p.stem for p in together.glob("*.mp3")} == {"story", "other"}
    assert {p.stem for p in batched.glob("*.mp3")} == {"story", "b-story", "other"}
    (news / "story.md").write_text("# Ferry Story\n\nFerries stop tonight.\n", encoding="utf-8")
    code, lines = run("batch", str(news), *FAKE, "-o", str(tmp_path / "clash"))
    assert code == 2 and lines == [
        f"Error: {news / 'story.md'} and {news / 'story.txt'} would both be written as story.*: "
        "rename one of them, or move it to a folder of its own"
    ]
    assert not (tmp_path / "clash").exists()


def test_the_cache_removes_the_least_recently_used_first(tmp_path: Path) -> None:
    """Three articles built; the first read again (a warm rebuild) after the others were made: a
    prune to the size of its stored episode keeps that one and removes everything older."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    names = ("ferry", "bus", "tram")
    for name in names:
        (tmp_path / f"{name}.txt").write_text(STORY.replace("Ferry", name.title()), encoding="utf-8")
        unbounded = ("--cache-dir", str(cache), "--cache-max-size", "0", "-q")
        assert run("build", str(tmp_path / f"{name}.txt"), *FAKE, "-o", str(out), *unbounded)[0] == 0
    entries = sorted((cache / "episodes").glob("*.episode"))
    for age, path in enumerate(p for p in cache.rglob("*") if p.is_file()):
        os.utime(path, (1_000_000 + age, 1_000_000 + age))  # all long ago
    assert run("build", str(tmp_path / "ferry.txt"), *FAKE, "-o", str(out), *unbounded)[0] == 0
    newest = max(entries, key=lambda p: p.stat().st_mtime)
    code, lines = run("cache", "prune", "--cache-dir", str(cache), "--max-size", str(newest.stat().st_size))
    assert code == 0 and lines[0].startswith("removed ") and "1 episode," in lines[0]
    assert [p for p in cache.rglob("*") if p.is_file()] == [newest]
    again = run("build", str(tmp_path / "ferry.txt"), *FAKE, "-o", str(out), "--cache-dir", str(cache), "-q")
    assert again[0] == 0


def test_a_size_that_is_no_size_is_a_usage_error(tmp_path: Path) -> None:
    code, lines = run("build", str(SAMPLE), *FAKE, "--cache-max-size", "lots")
    assert code == 2 and "'lots' is not a size: give bytes or a number with k, M, G or T" in lines[-1]


def test_an_audio_edition_ffmpeg_that_is_no_program_stops_the_build_before_any_audio(tmp_path: Path) -> None:
    out = tmp_path / "out"
    missing = tmp_path / "no-ffmpeg"
    result = _cli_process(["build", str(SAMPLE), *FAKE, "-o", str(out)], AUDIO_EDITION_FFMPEG=str(missing))
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"Error: AUDIO_EDITION_FFMPEG={missing} is not an ffmpeg program that can be run: "
        "give the path of an ffmpeg binary, or unset AUDIO_EDITION_FFMPEG to use the one found"
    ]
    assert not out.exists()
