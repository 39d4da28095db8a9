"""The read-along page's style sheet: light and dark colours with AA contrast, a visible focus ring, and a
player bar that stays in view only where the window is tall enough to spare it; the sentence and the
word being read lit."""

from __future__ import annotations

STYLE = """
:root { color-scheme: light dark; --mark: #ffe58a; --ink: #1a1a1a; --paper: #fffdf8; --focus: #1a5fb4;
  --link: #1a5fb4; --word: #f2c200; }
@media (prefers-color-scheme: dark) {
  :root { --mark: #5c4a00; --ink: #f2f2f2; --paper: #1b1b1b; --focus: #99c1f1; --link: #99c1f1;
    --word: #8f3f00; }
}
body { font: 1.15rem/1.6 Georgia, serif; color: var(--ink); background: var(--paper); margin: 0; }
h1, h2 { line-height: 1.25; }
header, main, nav, footer { max-width: 42rem; margin: 0 auto; padding: 0 1rem; }
header { background: var(--paper); padding-bottom: .25rem; border-bottom: 1px solid #8886; }
@media (min-height: 40rem) and (min-width: 40rem) { header { position: sticky; top: 0; z-index: 1; } }
a { color: var(--link); }
.masthead { font-variant: small-caps; letter-spacing: .04em; margin: .5rem 0; }
audio-edition-player { margin-top: .5rem; --ae-radius: .4rem; }
.voice { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; margin: .25rem 0;
  font-size: 1rem; }
.voice input { width: 1.25rem; height: 1.25rem; vertical-align: -.2rem; }
nav p { font-weight: bold; margin: 1.5rem 0 .5rem; }
nav ol { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0; }
nav a { font: inherit; font-size: 1rem; display: inline-block; padding: .35rem .75rem;
  border: 2px solid currentColor; border-radius: .4rem; background: transparent; cursor: pointer; }
nav a[aria-current="true"] { background: var(--mark); color: var(--ink); font-weight: bold; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main span[id]:not(.speaker) { cursor: pointer; border-radius: .2rem; }
main span.current { background: var(--mark); }
main span.word-current { background: var(--word); box-shadow: 0 2px 0 var(--ink); }
main ul { padding-left: 1.5rem; }
.quote { font-style: italic; }
.speaker { font-size: .7em; font-variant: small-caps; letter-spacing: .04em; opacity: .75;
  user-select: none; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
.programme { opacity: .85; font-size: .95em; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .5rem; z-index: 2; }
.keys { font-size: .9rem; margin: 1rem 0 .5rem; }
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto !important; } }
"""
