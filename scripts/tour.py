# ruff: noqa: E501 - the tour is a table, a step a line
"""A newcomer's tour: run every command the README shows (each `$ audio-edition ...` line of its
console blocks, as written, in a folder holding sample articles, with the `fake` engine chosen by
AUDIO_EDITION_ENGINE unless the command names one, and the README's example feeds served locally),
then every documented option once, and check each output the README promises. Offline: the `fake`
engine for speed (its tones are real audio through the whole pipeline), Piper where a command asks
for it, espeak-ng where installed.

    python scripts/tour.py [--keep DIR]

Exits 0 when every step did what the README says, else 1 listing the steps that did not.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"
SAMPLE = ARTICLES / "harbour-ferry-strike.txt"
CONSOLE = Path(sys.executable).with_name("audio-edition")
COMMAND = [str(CONSOLE)] if CONSOLE.exists() else [sys.executable, "-m", "audio_edition.cli"]
FAKE = ["--engine", "fake"]

Check = Callable[[subprocess.CompletedProcess[str], Path], str | None]


def run(argv: list[str], cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    """One command as a user types it (a fresh process), offline for certain: every request goes
    to a proxy where nothing listens, so gTTS fails and `--fallback` is exercised on any machine."""
    env = {**os.environ, "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9", **extra}
    env["NO_PROXY"] = "localhost,127.0.0.1"
    return subprocess.run([*COMMAND, *argv], cwd=cwd, capture_output=True, text=True, timeout=600, env=env)


README = ROOT / "README.md"
# The sample articles the README's commands find in `articles/` (a few, for speed).
README_ARTICLES = (
    "harbour-ferry-strike.txt",
    "cafe-owners-zurich.md",
    "reservoir-levels.html",
    "night-bus-drivers.txt",
)
EXAMPLE_SITE = "https://news.example/"  # the README's example feeds, served locally by the tour
STORY = ["The harbour ferry runs again from Monday after its winter repairs.",
         "Its hull was checked and painted, and a quieter engine was fitted.",
         "Fares stay as they were, and children under five travel free."]  # fmt: skip


def readme_commands() -> list[str]:
    """Every command the README shows: each `$ audio-edition ...` line of its console blocks, a line
    ending in a backslash joined to the next."""
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            if line.startswith("$ "):
                commands.append(" ".join(line[2:].split()))
    return commands


def readme_checks(work: Path) -> dict[str, Check]:
    """The check of each command the README shows, by its text (a README command without one, or a
    check for a command the README no longer shows, fails the tour)."""
    out = work / "output"
    feed = lambda folder: ET.parse(folder / "feed.xml").getroot()  # noqa: E731
    return {
        "audio-edition build articles/harbour-ferry-strike.txt": lambda r, w: expect(files(out) == {f"harbour-ferry-strike{s}" for s in (".mp3", ".json", ".qa.json", ".vtt", ".srt", ".chapters.json")} and "harbour-ferry-strike.mp3" in r.stdout, f"files {sorted(files(out))}"),
        "audio-edition script articles/harbour-ferry-strike.txt": lambda r, w: expect("   0 intro       narrator + 400ms  Audio Edition." in r.stdout and "== chapter 2: What the Operator Says" in r.stdout and "dropped (read-also): READ ALSO" in r.stdout, "not the script shown"),
        "audio-edition build articles/harbour-ferry-strike.txt --formats all": lambda r, w: expect({"harbour-ferry-strike.html", "harbour-ferry-strike.epub", "harbour-ferry-strike.daisy"} <= files(out), "no read-along page, EPUB or DAISY book"),
        "audio-edition voices": lambda r, w: expect("piper (" in r.stdout and "piper:joe+high" in r.stdout, "no Piper voices listed"),
        "audio-edition build articles/harbour-ferry-strike.txt --quote-voice piper:joe+high --speaker-voices": lambda r, w: expect(manifest(out)["voices"]["quote"] == "piper:joe+high", f"quote voice {manifest(out)['voices']}"),
        'audio-edition feed output --base-url https://example.org/audio --title "Harbour News"': lambda r, w: expect(feed(out).findtext("channel/title") == "Harbour News" and feed(out).find("channel/item/enclosure") is not None, "no feed of the episode"),
        "audio-edition batch articles -o episodes --base-url https://example.org/audio": lambda r, w: expect(len(list((work / "episodes").glob("*.mp3"))) == len(README_ARTICLES) and len(feed(work / "episodes").findall("channel/item")) == len(README_ARTICLES), "not every article built and in the feed"),
        "audio-edition follow https://news.example/rss.xml -o podcast --base-url https://news.example/audio": lambda r, w: expect(len(feed(work / "podcast").findall("channel/item")) == 1, "the feed's article not built"),
        "audio-edition follow https://news.example/rss.xml https://news.example/atom.xml -o /srv/podcast --base-url https://news.example/audio --engine piper": lambda r, w: expect(len(feed(work / "srv-podcast").findall("channel/item")) == 1 and [json.loads(m.read_text())["engine"] for m in (work / "srv-podcast").glob("*.json") if m.name.count(".") == 1] == ["piper"], "not built with Piper from both feeds"),
        "audio-edition build articles/harbour-ferry-strike.txt --engine piper --verify": lambda r, w: expect(all(s.get("words") for s in manifest(out)["segments"]) and "body_word_error_rate" in json.loads((out / "harbour-ferry-strike.qa.json").read_text())["verification"], "no words timed or no verification report"),
        "audio-edition cache info": lambda r, w: expect(" segments, " in r.stdout and " episode" in r.stdout, "no cache info"),
        "audio-edition cache prune --max-size 500M": lambda r, w: expect(r.stdout.startswith("removed ") and " left" in r.stdout, "not pruned"),
    }  # fmt: skip


class _ExampleSite(BaseHTTPRequestHandler):
    """The README's news.example: an RSS and an Atom feed of one short article, carried whole."""

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        content = "".join(f"<p>{p}</p>" for p in STORY).replace("<", "&lt;").replace(">", "&gt;")
        title, link = "Harbour ferry returns", "https://news.example/ferry"
        feeds = {
            "/rss.xml": f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>News</title><link>https://news.example/</link><description>News</description><item><title>{title}</title><link>{link}</link><guid>ferry</guid><pubDate>Wed, 04 Mar 2026 09:00:00 GMT</pubDate><content:encoded>{content}</content:encoded></item></channel></rss>',
            "/atom.xml": f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><id>tag:news</id><updated>2026-03-04T09:00:00Z</updated><entry><title>{title}</title><link href="{link}"/><id>ferry</id><updated>2026-03-04T09:00:00Z</updated><content type="html">{content}</content></entry></feed>',
        }  # fmt: skip
        body = feeds.get(self.path, "").encode("utf-8")
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "application/xml")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def example_site() -> Iterator[str]:
    """news.example served on localhost while inside; yields its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ExampleSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_readme(work: Path) -> list[str]:
    """Run every command the README shows, in order, in `work` (sample articles in `articles/`);
    print each outcome; return the names of those that failed."""
    (work / "articles").mkdir(parents=True, exist_ok=True)
    for sample in README_ARTICLES:
        shutil.copy(ARTICLES / sample, work / "articles" / sample)
    env = {"AUDIO_EDITION_ENGINE": "fake", "AUDIO_EDITION_CACHE": str(work / "cache")}
    checks = readme_checks(work)
    failed = []
    commands = readme_commands()
    with example_site() as site:
        for command in commands:
            shown = command.replace(EXAMPLE_SITE, site).replace("/srv/podcast", str(work / "srv-podcast"))
            argv = shlex.split(shown)[1:]
            if shown != command and argv[0] in ("follow", "build", "batch", "script"):
                argv.append("--allow-private-hosts")  # the example site is served on this machine
            check = checks.get(command)
            result = run(argv, work, **env)
            if check is None:
                why: str | None = "the tour has no check for this README command"
            elif result.returncode != 0:
                why = f"exit {result.returncode}: {result.stderr.strip()[-300:]}"
            else:
                try:
                    why = check(result, work)
                except (OSError, ValueError, KeyError, IndexError, StopIteration, ET.ParseError) as exc:
                    why = f"its output could not be checked ({type(exc).__name__}: {exc})"
            print(f"{'ok  ' if why is None else 'FAIL'} README: {command}" + (f": {why}" if why else ""))
            if why is not None:
                failed.append(command)
    for gone in sorted(set(checks) - set(commands)):
        print(f"FAIL README: {gone}: checked by the tour but no longer shown in the README")
        failed.append(gone)
    return failed


def manifest(out: Path, slug: str = "harbour-ferry-strike") -> dict:  # type: ignore[type-arg]
    return json.loads((out / f"{slug}.json").read_text(encoding="utf-8"))


def files(out: Path, slug: str = "harbour-ferry-strike") -> set[str]:
    return {p.name for p in out.iterdir() if p.name.startswith(slug + ".")}


def expect(condition: bool, why: str) -> str | None:
    return None if condition else why


def steps(work: Path) -> list[tuple[str, list[str], Check]]:
    """(name, arguments, check of the outcome) for every documented command and option."""
    out = work / "out"
    music = ARTICLES / "media"
    cover = work / "cover.png"
    lexicon = work / "lexicon.toml"
    return [
        ("--help", ["--help"], lambda r, w: expect("Commands:" in r.stdout, "no command list")),
        ("--version", ["--version"], lambda r, w: expect("version" in r.stdout, "no version")),
        ("voices", ["voices"], lambda r, w: expect("piper" in r.stdout and "fake" in r.stdout, "engines missing")),
        ("voices --lang fr", ["voices", "--lang", "fr"], lambda r, w: expect("gtts:fr@" in r.stdout and "gtts:en@" not in r.stdout, "not filtered")),
        ("script", ["script", str(SAMPLE)], lambda r, w: expect("== chapter 2: What the Operator Says" in r.stdout, "no chapters")),
        ("script --json", ["script", str(SAMPLE), "--json"], lambda r, w: expect(json.loads(r.stdout)["segments"][0]["role"] == "intro", "no JSON script")),
        ("script --min-quote-words", ["script", str(SAMPLE), "--min-quote-words", "30"], lambda r, w: expect(" quote " not in r.stdout.split("What the Operator Says")[1], "short quotes still voiced")),
        ("script --lexicon", ["script", str(SAMPLE), "--lexicon", str(lexicon)], lambda r, w: expect("Harbour-line" in r.stdout, "lexicon not applied")),
        ("script --no-default-lexicon", ["script", str(ROOT.parent / "shared/articles/peace-talks-istanbul.txt") if (ROOT.parent / "shared/articles").is_dir() else str(SAMPLE), "--no-default-lexicon"], lambda r, w: expect(r.returncode == 0, "failed")),
        ("build (defaults)", ["build", str(SAMPLE), *FAKE, "-o", str(out)], lambda r, w: expect(files(out) == {f"harbour-ferry-strike{s}" for s in (".mp3", ".json", ".qa.json", ".vtt", ".srt", ".chapters.json")}, f"files {sorted(files(out))}")),
        ("build --formats all", ["build", str(SAMPLE), *FAKE, "-o", str(out), "--formats", "all"], lambda r, w: expect({"harbour-ferry-strike.epub", "harbour-ferry-strike.daisy", "harbour-ferry-strike.html"} <= files(out), "formats missing")),
        ("build -q", ["build", str(SAMPLE), *FAKE, "-o", str(out), "-q"], lambda r, w: expect(r.stdout == "" and r.stderr == "", "not quiet")),
        ("build --show --no-opening", ["build", str(SAMPLE), *FAKE, "-o", str(out), "--show", "Harbour Radio", "--no-opening"], lambda r, w: expect(not [s for s in manifest(out)["segments"] if s["role"] in ("intro", "outro")], "opening spoken")),
        ("build --show", ["build", str(SAMPLE), *FAKE, "-o", str(out), "--show", "Harbour Radio"], lambda r, w: expect(manifest(out)["segments"][0]["text"] == "Harbour Radio.", "show not said")),
        ("build --speed", ["build", str(SAMPLE), *FAKE, "-o", str(work / "fast"), "--speed", "1.2"], lambda r, w: expect(manifest(work / "fast")["duration"] < manifest(out)["duration"], "not faster")),
        ("build --loudness --bitrate", ["build", str(SAMPLE), *FAKE, "-o", str(work / "loud"), "--loudness", "-19", "--bitrate", "64k"], lambda r, w: expect(abs(json.loads((work / "loud/harbour-ferry-strike.qa.json").read_text())["measurements"]["loudness_lufs"] + 19) <= 1, "loudness missed")),
        ("build --intro-music --outro-music --sting", ["build", str(SAMPLE), *FAKE, "-o", str(work / "music"), "--intro-music", str(music / "jingle.mp3"), "--outro-music", str(music / "jingle.mp3"), "--sting", str(music / "sting.mp3")], lambda r, w: expect(r.returncode == 0, r.stderr.strip())),
        ("build --cover", ["build", str(SAMPLE), *FAKE, "-o", str(work / "cover"), "--cover", str(cover)], lambda r, w: expect(r.returncode == 0, r.stderr.strip())),
        ("build --lang --min-quote-words -j", ["build", str(SAMPLE), *FAKE, "-o", str(work / "lang"), "--lang", "en", "--min-quote-words", "3", "-j", "2"], lambda r, w: expect(manifest(work / "lang")["language"] == "en", "language")),
        ("build --narrator --quote-voice", ["build", str(SAMPLE), *FAKE, "-o", str(work / "cast"), "--narrator", "fake:low", "--quote-voice", "fake:quote"], lambda r, w: expect(r.returncode == 0, r.stderr.strip())),
        ("build --speaker-voices", ["build", str(SAMPLE), *FAKE, "-o", str(work / "speakers"), "--speaker-voices"], lambda r, w: expect(r.returncode == 0, r.stderr.strip())),
        ("build --fallback", ["build", str(SAMPLE), "--engine", "gtts", "--fallback", "fake", "-o", str(work / "fallback")], lambda r, w: expect(manifest(work / "fallback")["engine"] == "fake" and "--fallback" in r.stderr, "no fallback")),
        ("build --cache-dir (twice: reused)", ["build", str(SAMPLE), *FAKE, "-o", str(work / "cached"), "--cache-dir", str(work / "cache")], lambda r, w: expect(r.returncode == 0, r.stderr.strip())),
        ("build --cache-dir again", ["build", str(SAMPLE), *FAKE, "-o", str(work / "cached"), "--cache-dir", str(work / "cache")], lambda r, w: expect("audio reused" in r.stdout, "not reused")),
        ("build --no-cache", ["build", str(SAMPLE), *FAKE, "-o", str(work / "nocache"), "--no-cache"], lambda r, w: expect(r.returncode == 0, r.stderr.strip())),
        ("cache info", ["cache", "info", "--cache-dir", str(work / "cache")], lambda r, w: expect(" segments, " in r.stdout and not r.stdout.startswith("0"), "no cache info")),
        ("build --cache-max-size", ["build", str(SAMPLE), *FAKE, "-o", str(work / "cached"), "--cache-dir", str(work / "cache"), "--cache-max-size", "500M"], lambda r, w: expect(r.returncode == 0, r.stderr.strip())),
        ("cache prune", ["cache", "prune", "--cache-dir", str(work / "cache"), "--max-size", "1k"], lambda r, w: expect(r.stdout.startswith("removed ") and "0 segments, 0 episodes, 0.0 MB left" in r.stdout, "not pruned to its bound")),
        ("cache clear", ["cache", "clear", "--cache-dir", str(work / "cache")], lambda r, w: expect(r.stdout.startswith("removed "), "not cleared")),
        ("feed", ["feed", str(out), "--base-url", "https://example.org/audio", "--title", "T", "--author", "A", "--description", "D", "--image", "https://example.org/a.png", "--feed-language", "en", "--category", "News", "--explicit"], lambda r, w: expect(ET.parse(out / "feed.xml").getroot().find("channel/item/enclosure") is not None, "no item")),
        ("batch", ["batch", str(work / "in"), *FAKE, "-o", str(work / "batch"), "--base-url", "https://example.org/b"], lambda r, w: expect((work / "batch/feed.xml").exists() and "built" in r.stdout, "no batch")),
        ("batch again (skipped)", ["batch", str(work / "in"), *FAKE, "-o", str(work / "batch"), "--processes", "1"], lambda r, w: expect("skipped" in r.stdout, "not skipped")),
        ("--debug", ["--debug", "build", str(work / "missing.txt")], lambda r, w: expect("Traceback" in r.stderr, "no traceback")),
        ("an error is one line", ["build", str(work / "missing.txt")], lambda r, w: expect(r.returncode == 2 and r.stderr.count("\n") == 1, "not one line")),
    ]  # fmt: skip


def main() -> int:
    """Run the tour; print each step's outcome; exit 1 when a step failed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--keep", type=Path, help="leave the tour's files in this folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tour-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    (work / "cover.png").write_bytes(_png())
    (work / "lexicon.toml").write_text('Harbourline = "Harbour-line"\n', encoding="utf-8")
    (work / "in").mkdir(exist_ok=True)
    for sample in ("harbour-ferry-strike.txt", "cafe-owners-zurich.md", "reservoir-levels.html"):
        shutil.copy(ARTICLES / sample, work / "in" / sample)
    failed = run_readme(work / "readme")
    for name, argv, check in steps(work):
        result = run(argv, work)
        ok = result.returncode == 0 or name in ("--debug", "an error is one line")
        try:
            why = check(result, work) if ok else f"exit {result.returncode}: {result.stderr.strip()[-300:]}"
        except (OSError, ValueError, KeyError, IndexError, ET.ParseError) as exc:
            why = f"its output could not be checked ({type(exc).__name__}: {exc})"
        print(f"{'ok  ' if why is None else 'FAIL'} {name}" + (f": {why}" if why else ""))
        if why is not None:
            failed.append(name)
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"{len(failed)} of {len(steps(work)) + len(readme_commands())} steps failed"
        if failed
        else "every step did what the README says"
    )
    return 1 if failed else 0


def _png() -> bytes:
    """A 1x1 PNG image (a cover)."""
    import base64

    return base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )


if __name__ == "__main__":
    raise SystemExit(main())
