/* audio-edition player: <audio-edition-player src="S.mp3" manifest="S.json"> plays an episode
   with its chapters and transcript. One file, no framework, no other host, no cookies (the chosen
   speed is kept in localStorage). Optional attributes: `text` (the id of an element of the page
   whose sentence spans, `#sN`, it highlights instead of its own transcript), `label` (its name). */
(() => {
  "use strict";
  if (customElements.get("audio-edition-player")) return;
  const STYLE = "/*STYLE*/";
  const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2];
  const KEY = "audio-edition-speed";
  const SKIP = 15;
  const path = d => `<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${d}"/></svg>`;
  const ICON = {
    play: path("M7 4v16l13-8z"),
    pause: path("M6 4h4v16H6zM14 4h4v16h-4z"),
    back: path("M12 5V1L6 6l6 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z"),
    fwd: path("M12 5V1l6 5-6 5V7a6 6 0 1 0 6 6h2a8 8 0 1 1-8-8z"),
    list: path("M3 5h2v2H3zm4 0h14v2H7zM3 11h2v2H3zm4 0h14v2H7zM3 17h2v2H3zm4 0h14v2H7z"),
    text: path("M4 4h16v2H4zm0 5h16v2H4zm0 5h10v2H4zm0 5h16v2H4z"),
    down: path("M11 3h2v10l4-4 1.4 1.4L12 16.8 5.6 10.4 7 9l4 4zM5 19h14v2H5z"),
  };
  const TEMPLATE = `
<div class="bar" role="group">
  <div class="row">
    <button class="play" type="button" aria-label="Play">${ICON.play}</button>
    <p class="title"></p>
    <input class="seek" type="range" min="0" max="0" step="any" value="0" aria-label="Position" aria-valuetext="0 seconds">
    <span class="time" aria-hidden="true"><span class="pos">0:00</span> / <span class="dur">-:--</span></span>
  </div>
  <div class="row">
    <button class="back" type="button">${ICON.back}<span class="label">Back ${SKIP} seconds</span></button>
    <button class="fwd" type="button">${ICON.fwd}<span class="label">Forward ${SKIP} seconds</span></button>
    <label><span class="label">Speed</span> <select class="speed">${SPEEDS.map(v => `<option value="${v}">${v}×</option>`).join("")}</select></label>
    <div class="chapters"><button class="open" type="button" aria-haspopup="menu" aria-expanded="false">${ICON.list}<span class="label">Chapters</span></button><ul class="menu" role="menu" aria-label="Chapters" hidden></ul></div>
    <button class="show" type="button" aria-expanded="false">${ICON.text}<span class="label">Transcript</span></button>
    <a class="download" download>${ICON.down}<span class="label">Download MP3</span></a>
  </div>
</div>
<p class="problem" hidden></p>
<div class="transcript" hidden>
  <label class="words" hidden><input type="checkbox" checked> Highlight each word</label>
  <div class="text" tabindex="0" role="region"></div>
</div>
<span class="sr" role="status"></span>
<audio preload="metadata"></audio>`;
  let sheet = null, parts = null;

  function clock(t) {
    t = Math.max(0, Math.floor(t || 0));
    const h = Math.floor(t / 3600), m = Math.floor(t / 60) % 60, s = String(t % 60).padStart(2, "0");
    return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
  }
  function spoken(t) {
    t = Math.max(0, Math.floor(t || 0));
    const m = Math.floor(t / 60), s = t % 60, unit = (n, w) => `${n} ${w}${n === 1 ? "" : "s"}`;
    return m ? `${unit(m, "minute")} ${unit(s, "second")}` : unit(s, "second");
  }
  function speedKept() {
    try { const v = parseFloat(localStorage.getItem(KEY)); return SPEEDS.includes(v) ? v : 1; } catch (e) { return 1; }
  }
  function keepSpeed(v) { try { localStorage.setItem(KEY, String(v)); } catch (e) { /* storage refused */ } }
  function indexAt(list, t) {
    let lo = 0, hi = list.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start <= t + 0.001) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }
  function fileName(url) { return String(url || "").split(/[?#]/)[0].split("/").pop() || "the file"; }

  class Player extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: "open" });
      if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet && "replaceSync" in CSSStyleSheet.prototype) {
        if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(STYLE); }
        root.adoptedStyleSheets = [sheet];
      } else {
        const style = document.createElement("style");
        style.textContent = STYLE;
        root.append(style);
      }
      if (!parts) { parts = document.createElement("template"); parts.innerHTML = TEMPLATE; }
      root.append(parts.content.cloneNode(true));
      const $ = s => root.querySelector(s);
      this.ui = {
        bar: $(".bar"), play: $(".play"), title: $(".title"), seek: $(".seek"), pos: $(".pos"), dur: $(".dur"),
        back: $(".back"), fwd: $(".fwd"), speed: $(".speed"), open: $(".open"), menu: $(".menu"),
        show: $(".show"), download: $(".download"), problem: $(".problem"), transcript: $(".transcript"),
        words: $(".words"), wordsOn: $(".words input"), text: $(".text"), say: $(".sr"), audio: $("audio"),
      };
      this.segments = [];
      this.chapters = [];
      this.spans = [];
      this.wordSpans = [];
      this.current = -1;
      this.word = -1;
      this.chapter = -1;
      this.dragging = false;
      this.calm = window.matchMedia("(prefers-reduced-motion: reduce)");
      this.wire();
    }

    connectedCallback() {
      if (this.started) return;
      this.started = true;
      const u = this.ui, src = this.getAttribute("src") || "";
      u.audio.src = src;
      u.download.href = src;
      u.speed.value = String(speedKept());
      u.audio.playbackRate = u.audio.defaultPlaybackRate = parseFloat(u.speed.value);
      this.name(this.getAttribute("label") || "Audio");
      this.load().catch(err => this.fail(err.message));
    }

    // the API a page may use, as on an <audio> element
    get currentTime() { return this.ui.audio.currentTime; }
    set currentTime(t) { this.ui.audio.currentTime = t; this.update(); }
    get duration() { return this.ui.audio.duration; }
    get paused() { return this.ui.audio.paused; }
    get readyState() { return this.ui.audio.readyState; }
    get playbackRate() { return this.ui.audio.playbackRate; }
    play() { return this.ui.audio.play(); }
    pause() { this.ui.audio.pause(); }

    name(title) {
      const u = this.ui;
      u.bar.setAttribute("aria-label", `Listen: ${title}`);
      u.title.textContent = title;
      u.text.setAttribute("aria-label", `Transcript: ${title}`);
    }

    async load() {
      const where = this.getAttribute("manifest") || "";
      let data;
      if (document.readyState === "loading") {
        await new Promise(done => document.addEventListener("DOMContentLoaded", done, { once: true }));
      }
      if (where.startsWith("#")) {
        const inline = document.getElementById(where.slice(1));
        if (!inline) throw new Error(`there is no timeline ${where} on the page`);
        data = JSON.parse(inline.textContent);
      } else {
        let answer;
        try { answer = await fetch(where, { credentials: "omit" }); } catch (e) { answer = null; }
        if (!answer || !answer.ok) throw new Error(`${fileName(where)} could not be loaded`);
        data = await answer.json();
      }
      this.segments = (data.segments || []).map((s, k) => ({ ...s, start: +s.start, end: +s.end, k }));
      this.chapters = (data.chapters || []).map(c => ({ title: String(c.title), start: +c.start, end: +c.end }));
      if (!this.getAttribute("label") && data.title) this.name(data.title);
      this.buildMenu();
      const target = this.getAttribute("text");
      if (target) {
        this.ui.show.hidden = true;
        this.adopt(document.getElementById(target));
      } else {
        this.render();
      }
      this.ui.words.hidden = !this.wordSpans.some(w => w && w.length);
      this.update();
      this.dispatchEvent(new CustomEvent("ready"));
    }

    fail(why) {
      const u = this.ui;
      u.bar.hidden = true;
      u.transcript.hidden = true;
      u.problem.hidden = false;
      u.problem.textContent = `This audio cannot be played: ${why}.`;
    }

    wire() {
      const u = this.ui, a = u.audio;
      u.play.addEventListener("click", () => (a.paused ? this.play().catch(() => {}) : a.pause()));
      u.back.addEventListener("click", () => this.seek(a.currentTime - SKIP));
      u.fwd.addEventListener("click", () => this.seek(a.currentTime + SKIP));
      u.speed.addEventListener("change", () => {
        const v = parseFloat(u.speed.value);
        a.playbackRate = a.defaultPlaybackRate = v;
        keepSpeed(v);
        this.tell(`Speed ${v} times`);
      });
      u.seek.addEventListener("input", () => { this.dragging = true; this.seek(parseFloat(u.seek.value)); });
      u.seek.addEventListener("change", () => { this.dragging = false; });
      u.seek.addEventListener("keydown", e => {
        const d = a.duration || 0, steps = { ArrowLeft: -5, ArrowDown: -5, ArrowRight: 5, ArrowUp: 5, PageDown: -60, PageUp: 60 };
        let to = null;
        if (e.key in steps) to = a.currentTime + steps[e.key];
        else if (e.key === "Home") to = 0;
        else if (e.key === "End") to = d;
        if (to === null) return;
        e.preventDefault();
        this.seek(to);
      });
      u.show.addEventListener("click", () => {
        const open = u.show.getAttribute("aria-expanded") !== "true";
        u.show.setAttribute("aria-expanded", String(open));
        u.transcript.hidden = !open;
        if (open) this.follow(true);
      });
      u.wordsOn.addEventListener("change", () => this.showWord(u.wordsOn.checked ? this.wordAt() : -1));
      u.open.addEventListener("click", () => this.menu(u.menu.hidden, 0));
      u.open.addEventListener("keydown", e => {
        if (e.key === "ArrowDown" || e.key === "ArrowUp") { e.preventDefault(); this.menu(true, e.key === "ArrowUp" ? -1 : 0); }
      });
      u.menu.addEventListener("keydown", e => this.menuKey(e));
      u.menu.addEventListener("click", e => {
        const item = e.target.closest("li");
        if (item) this.pick(+item.dataset.k);
      });
      u.menu.addEventListener("focusout", e => {
        if (!u.menu.contains(e.relatedTarget) && e.relatedTarget !== u.open) this.menu(false);
      });
      document.addEventListener("pointerdown", e => {
        if (!u.menu.hidden && !e.composedPath().includes(u.menu.parentElement)) this.menu(false);
      });
      u.text.addEventListener("click", e => this.clicked(e));
      for (const kind of ["timeupdate", "seeked", "durationchange", "loadedmetadata", "play", "pause", "ratechange"]) {
        a.addEventListener(kind, () => this.update());
      }
      a.addEventListener("play", () => this.tick());
      a.addEventListener("error", () => this.fail(`${fileName(this.getAttribute("src"))} could not be loaded`));
    }

    seek(t) {
      const a = this.ui.audio, d = isFinite(a.duration) ? a.duration : Infinity;
      a.currentTime = Math.min(Math.max(0, t), d);
      this.update();
    }

    tick() {
      // between timeupdates (four a second) while playing, so a word is lit when it is said
      if (this.ui.audio.paused) return;
      this.update();
      requestAnimationFrame(() => this.tick());
    }

    update() {
      const u = this.ui, a = u.audio, t = a.currentTime, d = isFinite(a.duration) ? a.duration : 0;
      if (this.shownPaused !== a.paused) {
        this.shownPaused = a.paused;
        u.play.setAttribute("aria-label", a.paused ? "Play" : "Pause");
        u.play.innerHTML = a.paused ? ICON.play : ICON.pause;
      }
      u.seek.max = String(d);
      if (!this.dragging) u.seek.value = String(t);
      const said = `${spoken(t)} of ${spoken(d)}`;  // changed once a second, not every frame
      if (u.seek.getAttribute("aria-valuetext") !== said) u.seek.setAttribute("aria-valuetext", said);
      u.pos.textContent = clock(t);
      u.dur.textContent = d ? clock(d) : "-:--";
      this.showSentence(indexAt(this.segments, t));
      this.showWord(u.wordsOn.checked ? this.wordAt() : -1);
      const c = indexAt(this.chapters, t);
      if (c !== this.chapter) {
        const was = this.chapter;
        this.chapter = c;
        [...u.menu.children].forEach((li, k) => li.setAttribute("aria-checked", String(k === c)));
        if (was >= 0 && c >= 0) this.tell(`Chapter: ${this.chapters[c].title}`);
      }
    }

    tell(words) {
      // the polite live region; the same words twice in a row are still said
      const say = this.ui.say;
      say.textContent = say.textContent === words ? `${words}\u00a0` : words;
    }

    showSentence(k) {
      if (k === this.current) return;
      const old = this.spans[this.current];
      if (old) { old.classList.remove("current"); old.removeAttribute("aria-current"); }
      this.current = k;
      const span = this.spans[k];
      if (span) { span.classList.add("current"); span.setAttribute("aria-current", "true"); }
      this.follow(false);
      this.dispatchEvent(new CustomEvent("segmentchange", { detail: { index: k, chapter: indexAt(this.chapters, this.currentTime) } }));
    }

    wordAt() {
      const words = this.segments[this.current] && this.segments[this.current].words;
      return words ? indexAt(words, this.ui.audio.currentTime) : -1;
    }

    showWord(j) {
      const list = this.wordSpans[this.current] || [];
      const span = j >= 0 ? list[j] : null;
      if (span === this.lit) return;
      if (this.lit) this.lit.classList.remove("word-current");
      this.lit = span;
      if (span) span.classList.add("word-current");
    }

    follow(now) {
      // keep the sentence in view: the page's text scrolls the page; the player's own, only itself
      const span = this.spans[this.current];
      if (!span) return;
      const behavior = this.calm.matches ? "auto" : "smooth";
      if (this.getAttribute("text")) { span.scrollIntoView({ block: "center", behavior }); return; }
      if (this.ui.transcript.hidden) return;
      const box = this.ui.text, top = span.offsetTop - box.offsetTop;
      box.scrollTo({ top: top - box.clientHeight / 3, behavior: now ? "auto" : behavior });
    }

    clicked(e) {
      const w = e.target.closest(".w"), s = e.target.closest(".s");
      if (w) this.playFrom(this.segments[+s.dataset.k].words[+w.dataset.w].start);
      else if (s) this.playFrom(this.segments[+s.dataset.k].start);
    }

    playFrom(t) {
      this.seek(t + 0.01);
      this.play().catch(() => {});
    }

    render() {
      // the player's own transcript: a paragraph per heading and per run of text between them
      const box = this.ui.text;
      let p = null;
      this.segments.forEach((seg, k) => {
        const heading = seg.role === "title" || seg.role === "heading";
        if (!p || heading || p.heading) {
          p = document.createElement("p");
          p.heading = heading;
          box.append(p);
        }
        const span = document.createElement(heading ? "strong" : "span");
        span.className = "s";
        span.dataset.k = k;
        this.spans[k] = span;
        this.wordSpans[k] = this.fill(span, seg);
        p.append(span, " ");
      });
    }

    adopt(root) {
      // the page's own text: its sentence spans, their words wrapped where the manifest times them
      this.segments.forEach((seg, k) => {
        const span = root && (root.querySelector(`#${cssEscape(seg.id || "s" + k)}`));
        this.spans[k] = span || null;
        if (!span) return;
        span.classList.add("s");
        span.dataset.k = k;
        if (seg.words && seg.words.length && span.textContent.trim() === seg.words.map(w => w.text).join(" ")) {
          span.textContent = "";
          this.wordSpans[k] = this.fill(span, seg);
        }
      });
      if (root) root.addEventListener("click", e => this.clicked(e));
    }

    fill(span, seg) {
      if (!seg.words || !seg.words.length) { span.textContent = seg.text; return null; }
      return seg.words.map((w, j) => {
        const word = document.createElement("span");
        word.className = "w";
        word.dataset.w = j;
        word.textContent = w.text;
        if (j) span.append(" ");
        span.append(word);
        return word;
      });
    }

    buildMenu() {
      const menu = this.ui.menu;
      this.ui.open.parentElement.hidden = this.chapters.length < 2;
      this.chapters.forEach((c, k) => {
        const li = document.createElement("li");
        li.setAttribute("role", "menuitemradio");
        li.setAttribute("aria-checked", "false");
        li.tabIndex = -1;
        li.dataset.k = k;
        li.textContent = c.title;
        const at = document.createElement("span");
        at.textContent = clock(c.start);
        at.setAttribute("aria-hidden", "true");
        li.append(at);
        menu.append(li);
      });
    }

    menu(open, focus) {
      const u = this.ui, items = [...u.menu.children];
      u.menu.hidden = !open;
      u.open.setAttribute("aria-expanded", String(open));
      if (!open) return;
      const at = focus === -1 ? items.length - 1 : Math.max(this.chapter, 0);
      if (items[at]) items[at].focus();
    }

    menuKey(e) {
      const items = [...this.ui.menu.children], k = items.indexOf(e.target.closest("li"));
      const go = j => items[(j + items.length) % items.length].focus();
      if (e.key === "ArrowDown") go(k + 1);
      else if (e.key === "ArrowUp") go(k - 1);
      else if (e.key === "Home") go(0);
      else if (e.key === "End") go(items.length - 1);
      else if (e.key === "Enter" || e.key === " ") this.pick(k);
      else if (e.key === "Escape") { this.menu(false); this.ui.open.focus(); }
      else if (e.key === "Tab") { this.menu(false); return; }
      else return;
      e.preventDefault();
    }

    pick(k) {
      const c = this.chapters[k];
      this.menu(false);
      this.ui.open.focus();
      if (!c) return;
      const playing = !this.ui.audio.paused;
      this.seek(c.start + 0.01);
      if (playing) this.play().catch(() => {});
    }
  }

  function cssEscape(id) { return window.CSS && CSS.escape ? CSS.escape(id) : id; }
  customElements.define("audio-edition-player", Player);
})();
