"""The read-along page's own script, beside the player's (which lights and scrolls the text and makes
sentences and words seek): chapter links that seek, keys inside the text, the chapter link of the
part being read marked current, and a polite live region naming each new voice unless the reader
unchecks the switch."""

from __future__ import annotations

SCRIPT = """
(() => {
  const player = document.getElementById("player");
  const text = document.getElementById("text");
  const header = document.querySelector("body > header");
  const speaking = document.getElementById("speaking");
  const announce = document.getElementById("announce");
  const timeline = JSON.parse(document.getElementById("timeline").textContent);
  const sentences = timeline.segments;
  const links = [...document.querySelectorAll("nav a[data-start]")];
  let current = -1;
  function say(voice) {
    if (announce.checked && speaking.textContent !== voice) speaking.textContent = voice;
  }
  player.addEventListener("segmentchange", event => {
    current = event.detail.index;
    if (current < 0) return;
    say(sentences[current].voice);
    const chapter = sentences[current].chapter;
    links.forEach((a, n) => {
      if (n === chapter) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current");
    });
  });
  function seek(t, play) {
    player.currentTime = t + 0.01;
    if (play) player.play().catch(() => {});
  }
  function fitUnderHeader() {
    const sticky = getComputedStyle(header).position === "sticky";
    document.documentElement.style.scrollPaddingTop = sticky ? header.offsetHeight + "px" : "";
  }
  new ResizeObserver(fitUnderHeader).observe(header);
  window.addEventListener("resize", fitUnderHeader);
  links.forEach(a => a.addEventListener("click", event => {
    event.preventDefault();
    seek(parseFloat(a.dataset.start), true);
  }));
  announce.addEventListener("change", () => {
    speaking.textContent = announce.checked && sentences.length ? sentences[Math.max(current, 0)].voice : "";
  });
  text.addEventListener("keydown", event => {
    // single-key shortcuts only where they are announced: in the text
    if (event.altKey || event.ctrlKey || event.metaKey || !sentences.length) return;
    const here = Math.max(current, 0);
    const chapter = current >= 0 ? sentences[current].chapter : 0;
    const last = timeline.chapters.length - 1;
    if (event.key === "k" || event.key === " ") {
      event.preventDefault();
      player.paused ? player.play().catch(() => {}) : player.pause();
    } else if (event.key === "j" || event.key === "ArrowLeft") {
      event.preventDefault();
      seek(sentences[Math.max(here - 1, 0)].start, !player.paused);
    } else if (event.key === "l" || event.key === "ArrowRight") {
      event.preventDefault();
      seek(sentences[Math.min(here + 1, sentences.length - 1)].start, !player.paused);
    } else if (event.key === "[") {
      seek(timeline.chapters[Math.max(chapter - 1, 0)].start, !player.paused);
    } else if (event.key === "]") {
      seek(timeline.chapters[Math.min(chapter + 1, last)].start, !player.paused);
    }
  });
})();
"""
