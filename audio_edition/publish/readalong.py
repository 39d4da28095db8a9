"""The read-along page: one accessible HTML file with the player, the text highlighted as it is
spoken, chapter buttons and keyboard control. No external requests; the MP3 sits beside it."""

from __future__ import annotations

import json
from html import escape

from audio_edition.model import Episode
from audio_edition.publish.edition import Edition
from audio_edition.publish.layout import part_html, sections, sentence_id

STYLE = """
:root { color-scheme: light dark; --mark: #ffe58a; --ink: #1a1a1a; --paper: #fffdf8; --focus: #1a5fb4; }
@media (prefers-color-scheme: dark) { :root { --mark: #5c4a00; --ink: #f2f2f2; --paper: #1b1b1b; --focus: #99c1f1; } }
body { font: 1.15rem/1.6 Georgia, serif; color: var(--ink); background: var(--paper); margin: 0; }
header, main, footer, nav { max-width: 42rem; margin: 0 auto; padding: 0 1rem; }
header { position: sticky; top: 0; z-index: 1; background: var(--paper); padding-bottom: .5rem; border-bottom: 1px solid #8886; }
audio { width: 100%; }
nav ol { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
button { font: inherit; font-size: 1rem; padding: .35rem .75rem; border: 2px solid currentColor; border-radius: .4rem; background: transparent; color: inherit; cursor: pointer; }
button[aria-current="true"] { background: var(--mark); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main span[id]:not(.speaker) { cursor: pointer; border-radius: .2rem; }
main span.current { background: var(--mark); }
.quote { font-style: italic; }
.speaker { font-size: .7em; font-variant: small-caps; letter-spacing: .04em; opacity: .75; user-select: none; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.programme { opacity: .85; font-size: .95em; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .5rem; z-index: 2; }
.keys { font-size: .9rem; }
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto !important; } }
"""

SCRIPT = """
(() => {
  const audio = document.getElementById("player");
  const timeline = JSON.parse(document.getElementById("timeline").textContent);
  const spans = timeline.sentences.map(s => document.getElementById(s.id));
  const chapterButtons = [...document.querySelectorAll("button[data-start]")];
  const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  let current = -1;
  function indexAt(t) {
    let lo = 0, hi = timeline.sentences.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (timeline.sentences[mid].start <= t + 0.001) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }
  function show(k) {
    if (k === current) return;
    if (current >= 0) { spans[current].classList.remove("current"); spans[current].removeAttribute("aria-current"); }
    current = k;
    if (k < 0) return;
    spans[k].classList.add("current");
    spans[k].setAttribute("aria-current", "true");
    spans[k].scrollIntoView({ block: "center", behavior: calm ? "auto" : "smooth" });
    const chapter = timeline.sentences[k].chapter;
    chapterButtons.forEach((b, n) => b.setAttribute("aria-current", String(n === chapter)));
  }
  function seek(t, play) { audio.currentTime = t + 0.01; show(indexAt(audio.currentTime)); if (play) audio.play(); }
  audio.addEventListener("timeupdate", () => show(indexAt(audio.currentTime)));
  audio.addEventListener("seeked", () => show(indexAt(audio.currentTime)));
  chapterButtons.forEach(b => b.addEventListener("click", () => seek(parseFloat(b.dataset.start), true)));
  spans.forEach((span, k) => span.addEventListener("click", () => seek(timeline.sentences[k].start, true)));
  document.addEventListener("keydown", event => {
    const typing = ["INPUT", "TEXTAREA", "BUTTON", "AUDIO"].includes(event.target.tagName);
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const here = Math.max(current, 0);
    const chapter = current >= 0 ? timeline.sentences[current].chapter : 0;
    if (event.key === "k" || (event.key === " " && !typing)) {
      event.preventDefault(); audio.paused ? audio.play() : audio.pause();
    } else if (event.key === "j" || event.key === "ArrowLeft" && !typing) {
      event.preventDefault(); seek(timeline.sentences[Math.max(here - 1, 0)].start, !audio.paused);
    } else if (event.key === "l" || event.key === "ArrowRight" && !typing) {
      event.preventDefault(); seek(timeline.sentences[Math.min(here + 1, spans.length - 1)].start, !audio.paused);
    } else if (event.key === "[") {
      seek(timeline.chapters[Math.max(chapter - 1, 0)].start, !audio.paused);
    } else if (event.key === "]") {
      seek(timeline.chapters[Math.min(chapter + 1, timeline.chapters.length - 1)].start, !audio.paused);
    }
  });
})();
"""

_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def readalong_page(episode: Episode, edition: Edition) -> str:
    """The page's HTML; it plays the edition's `slug.mp3` from its own folder."""
    meta = episode.script.article.meta
    slug = edition.slug
    chapters = sections(episode)
    timeline = {
        "sentences": [
            {
                "id": sentence_id(t),
                "start": round(t.start, 3),
                "end": round(t.end, 3),
                "chapter": t.segment.chapter,
            }
            for t in episode.timeline
        ],
        "chapters": [{"title": c.title, "start": c.start, "end": c.end} for c in episode.chapters],
    }
    buttons = "\n".join(
        f'<li><button type="button" data-start="{s.start}" aria-current="false">{escape(s.title)}</button></li>'
        for s in chapters
    )
    body = "\n".join(
        f'<section aria-labelledby="chapter{s.number}"><h2 class="visually-chapter" id="chapter{s.number}" '
        f"hidden>{escape(s.title)}</h2>\n" + "\n".join(part_html(p) for p in s.parts) + "\n</section>"
        for s in chapters
    )
    byline = f"<p>{escape(meta.byline)}</p>" if meta.byline else ""
    # as Django's json_script: no <, > or & in the element, so nothing in it can end or open a tag
    data = json.dumps(timeline, ensure_ascii=False).translate(_JSON_IN_HTML)
    return f"""<!DOCTYPE html>
<html lang="{escape(meta.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{escape(meta.title)} (audio edition)</title>
<style>{STYLE}</style>
</head>
<body>
<a class="skip" href="#text">Skip to the article text</a>
<header>
<h1>{escape(meta.title)}</h1>
{byline}
<audio id="player" controls preload="metadata" src="{escape(slug)}.mp3" aria-label="Audio edition of {escape(meta.title)}"></audio>
<nav aria-label="Chapters"><ol>
{buttons}
</ol></nav>
<p class="keys" id="keys">Keys: <kbd>k</kbd> or space play or pause, <kbd>j</kbd>/<kbd>l</kbd> previous or next sentence, <kbd>[</kbd>/<kbd>]</kbd> previous or next chapter. Select a sentence to play from it.</p>
</header>
<main id="text" tabindex="-1" aria-describedby="keys">
{body}
</main>
<footer><p>Read by a synthetic voice. Text and audio are synchronised sentence by sentence.</p></footer>
<script type="application/json" id="timeline">{data}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""
