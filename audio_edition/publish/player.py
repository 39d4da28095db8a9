"""The embeddable player: one script of our own (`S.player.js`) defining the custom element
`<audio-edition-player src="S.mp3" manifest="S.json">`, its style sheet inside it. No framework, no
request to another host, no cookies. The read-along page inlines the same script (`player_script`)."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path

from audio_edition.model import Episode
from audio_edition.publish.edition import Edition
from audio_edition.publish.xml_text import escape

__all__ = ["ELEMENT", "embed_snippet", "player_script", "player_sources", "write_player"]

ELEMENT = "audio-edition-player"
_MARK = '"/*STYLE*/"'


@cache
def player_sources() -> tuple[str, str]:
    """The player's script and style sheet as written (package data, not minified)."""
    data = files("audio_edition") / "data"
    return (data / "player.js").read_text(encoding="utf-8"), (data / "player.css").read_text(encoding="utf-8")


@cache
def player_script() -> str:
    """The script with its style sheet in it, ready to serve as one file or inline in a page (no
    `</script` can occur in it: the style is a JSON string with `<` escaped)."""
    script, style = player_sources()
    return script.replace(_MARK, json.dumps(style, ensure_ascii=False).replace("<", "\\u003c"), 1)


def embed_snippet(slug: str, base: str = "", title: str | None = None) -> str:
    """What a publisher pastes: the script (best in `<head>`, so the bar takes its place before the
    page is first drawn) and the element pointing at the episode's MP3 and manifest under `base`."""
    prefix = base.rstrip("/") + "/" if base else ""
    label = f' label="{escape(title)}"' if title else ""
    return (
        f'<script src="{escape(prefix + slug)}.player.js"></script>\n'
        f'<{ELEMENT} src="{escape(prefix + slug)}.mp3" manifest="{escape(prefix + slug)}.json"{label}>'
        f"</{ELEMENT}>"
    )


def write_player(path: Path, episode: Episode, edition: Edition, mp3: bytes) -> None:
    """The `player` format: `S.player.js`, headed by the snippet that embeds this episode."""
    snippet = embed_snippet(edition.slug).replace("*/", "* /")
    head = f"/* Embed this episode with:\n{snippet}\n*/\n"
    path.write_text(head + player_script(), encoding="utf-8")
