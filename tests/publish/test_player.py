"""The player's files: `--formats player` (and `all`) writes `S.player.js`, headed by the snippet that
embeds the episode; the script and its styles stay under 25 KB as written and name no other host."""

from __future__ import annotations

import re
from pathlib import Path

from audio_edition.publish.formats import owned_names, parse_formats
from audio_edition.publish.player import embed_snippet, player_script, player_sources

LIMIT = 25 * 1024


def test_script_and_styles_stay_under_25_kb_unminified() -> None:
    script, style = player_sources()
    size = len(script.encode("utf-8")) + len(style.encode("utf-8"))
    assert size < LIMIT, f"{size} bytes"
    assert len(player_script().encode("utf-8")) < LIMIT + 1024  # the style inside, as a JSON string


def test_the_script_loads_nothing_else() -> None:
    script = player_script()
    assert not re.search(r"https?:|//[a-z0-9.-]+\.[a-z]{2,}/", script)  # no address of another host
    assert not re.search(r"\bimport\s*\(|importScripts|@import|document\.cookie|XMLHttpRequest", script)
    assert script.count("fetch(") == 1 and 'credentials: "omit"' in script  # the manifest, without cookies
    assert "</script" not in script.lower()  # safe to inline in a page


def test_player_format_writes_the_script_with_its_snippet(built_player: Path) -> None:
    text = built_player.read_text(encoding="utf-8")
    assert text.startswith("/* Embed this episode with:\n" + embed_snippet("harbour-ferry-strike"))
    assert text.endswith(player_script())
    assert "player" in parse_formats("all") and "harbour-ferry-strike.player.js" in owned_names(
        "harbour-ferry-strike"
    )


def test_the_snippet_is_one_script_and_one_element() -> None:
    snippet = embed_snippet("a-story", "https://news.example/audio/", title='Rents "soar"')
    assert snippet.splitlines() == [
        '<script src="https://news.example/audio/a-story.player.js"></script>',
        '<audio-edition-player src="https://news.example/audio/a-story.mp3" '
        'manifest="https://news.example/audio/a-story.json" label="Rents &quot;soar&quot;">'
        "</audio-edition-player>",
    ]
