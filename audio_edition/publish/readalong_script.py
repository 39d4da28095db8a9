"""The read-along page's script: the highlight follows the audio, chapter links and sentences seek, keys
work in the text and the player, and a live region names each new voice unless the user turns it off."""

from __future__ import annotations

SCRIPT = """
(() => {
  const audio = document.getElementById("player");
  const text = document.getElementById("text");
  const header = document.querySelector("body > header");
  const speaking = document.getElementById("speaking");
  const announce = document.getElementById("announce");
  const timeline = JSON.parse(document.getElementById("timeline").textContent);
  const sentences = timeline.sentences;
  const spans = sentences.map(s => document.getElementById(s.id));
  const links = [...document.querySelectorAll("nav a[data-start]")];
  const calm = window.matchMedia("(prefers-reduced-motion: reduce)");
  let current = -1;
  function indexAt(t) {
    let lo = 0, hi = sentences.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].start <= t + 0.001) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }
  function announcing() { return announce.getAttribute("aria-pressed") === "true"; }
  function say(voice) { if (announcing() && speaking.textContent !== voice) speaking.textContent = voice; }
  function show(k) {
    if (k === current) return;
    if (current >= 0) {
      spans[current].classList.remove("current");
      spans[current].removeAttribute("aria-current");
    }
    current = k;
    if (k < 0) return;
    spans[k].classList.add("current");
    spans[k].setAttribute("aria-current", "true");
    spans[k].scrollIntoView({ block: "center", behavior: calm.matches ? "auto" : "smooth" });
    say(sentences[k].voice);
    const chapter = sentences[k].chapter;
    links.forEach((a, n) => {
      if (n === chapter) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current");
    });
  }
  function seek(t, play) {
    audio.currentTime = t + 0.01;
    show(indexAt(audio.currentTime));
    if (play) audio.play().catch(() => {});
  }
  function fitUnderHeader() {
    const sticky = getComputedStyle(header).position === "sticky";
    document.documentElement.style.scrollPaddingTop = sticky ? header.offsetHeight + "px" : "";
  }
  new ResizeObserver(fitUnderHeader).observe(header);
  window.addEventListener("resize", fitUnderHeader);
  audio.addEventListener("timeupdate", () => show(indexAt(audio.currentTime)));
  audio.addEventListener("seeked", () => show(indexAt(audio.currentTime)));
  links.forEach(a => a.addEventListener("click", event => {
    event.preventDefault();
    seek(parseFloat(a.dataset.start), true);
  }));
  spans.forEach((span, k) => span.addEventListener("click", () => seek(sentences[k].start, true)));
  announce.addEventListener("click", () => {
    const on = !announcing();
    announce.setAttribute("aria-pressed", String(on));
    speaking.textContent = on && sentences.length ? sentences[Math.max(current, 0)].voice : "";
  });
  document.addEventListener("keydown", event => {
    // single-key shortcuts only where they are announced: in the text and on the player
    const inPlayer = event.target === audio;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (!sentences.length || !(inPlayer || text.contains(event.target))) return;
    const here = Math.max(current, 0);
    const chapter = current >= 0 ? sentences[current].chapter : 0;
    const last = timeline.chapters.length - 1;
    if (event.key === "k" || (event.key === " " && !inPlayer)) {
      event.preventDefault();
      audio.paused ? audio.play().catch(() => {}) : audio.pause();
    } else if (event.key === "j" || (event.key === "ArrowLeft" && !inPlayer)) {
      event.preventDefault();
      seek(sentences[Math.max(here - 1, 0)].start, !audio.paused);
    } else if (event.key === "l" || (event.key === "ArrowRight" && !inPlayer)) {
      event.preventDefault();
      seek(sentences[Math.min(here + 1, spans.length - 1)].start, !audio.paused);
    } else if (event.key === "[") {
      seek(timeline.chapters[Math.max(chapter - 1, 0)].start, !audio.paused);
    } else if (event.key === "]") {
      seek(timeline.chapters[Math.min(chapter + 1, last)].start, !audio.paused);
    }
  });
})();
"""
