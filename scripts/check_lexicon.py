"""Measure what the shipped pronunciation lexicon does for Piper, by offline speech recognition.

Each entry's name is spoken by Piper alone and in a carrier sentence, with the entry and without
it (espeak-ng's own phonemization), and pocketsphinx, whose dictionary is given the name's target
pronunciation (ARPAbet from the entry's IPA), says whether it heard the name and how many words of
the sentence it got wrong (WER). The reference article is measured the same way, built whole with
and without the shipped lexicon, against hand-written target pronunciations of its names.

    python scripts/check_lexicon.py entries [--lexicon FILE] [--sample 30] [--repeat 2] [--json OUT]
    python scripts/check_lexicon.py article [ARTICLE] [--repeat 2]
    python scripts/check_lexicon.py timing [ARTICLE]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audio_edition.languages import language_for  # noqa: E402
from audio_edition.script.lexicon import (  # noqa: E402
    Entry,
    apply_lexicon,
    shipped_categories,
    shipped_lexicon,
    with_possessives,
)
from audio_edition.script.speech import speech_text  # noqa: E402

ENGLISH = language_for("en")

REFERENCE = ROOT.parent / "shared" / "articles" / "peace-talks-istanbul.txt"
SHIPPED = ROOT / "audio_edition" / "data" / "news_names.json"
RATE = 16000
CARRIER = "Reporters said on Monday that {name} would be part of the talks next week."

# Target pronunciations of the reference article's names, written independently of the lexicon's
# IPA from standard English news usage (BBC / AP guidance): what a listener should hear.
ARTICLE_NAMES: dict[str, tuple[str, ...]] = {
    "kyiv": ("K IY V", "K IY IH V", "K IY Y IH V"),
    "zelenskyy": ("Z EH L EH N S K IY", "Z AH L EH N S K IY"),
    "volodymyr": ("V AA L AH D IY M IH R", "V OW L OW D IY M IH R", "V AA L AH D IH M IH R"),
    "umerov": ("UW M EH R AA F", "UW M EH R AO F", "UW M EH R AH F"),
    "yermak": ("Y EH R M AA K", "Y ER M AA K"),
    "peskov": ("P EH S K AO F", "P IH S K AO F", "P EH S K AA F"),
    "andriy": ("AA N D R IY",),
    "rustem": ("R UW S T EH M", "R AH S T EH M"),
}

# espeak-ng's en-us IPA (the symbols Piper's voices were trained on) to ARPAbet, longest first.
_ARPABET = dict(
    pair.split("=")
    for pair in (
        "aɪ=AY aʊ=AW eɪ=EY oʊ=OW ɔɪ=OY tʃ=CH dʒ=JH iː=IY i=IY ɪ=IH ᵻ=IH ɨ=IH ɛ=EH e=EH æ=AE a=AA "
        "ɑ=AA ɒ=AA ɔ=AO o=OW ʊ=UH u=UW ʌ=AH ə=AH ɐ=AH ɚ=ER ɜ=ER y=UW ø=ER œ=ER p=P b=B t=T d=D k=K "
        "ɡ=G g=G f=F v=V θ=TH ð=DH s=S z=Z ʃ=SH ʒ=ZH h=HH x=HH ç=HH m=M n=N ŋ=NG ɲ=N l=L ɫ=L ɬ=L "
        "ɹ=R r=R ɾ=T j=Y w=W ʎ=L "
    ).split()
)
_NUMBER = re.compile(r"\d+")


@dataclass
class Counts:
    """Recognition of one text over repeats: names heard, words wrong, words said."""

    hits: int = 0
    mentions: int = 0
    errors: int = 0
    words: int = 0
    heard: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        """Accumulate another measurement into this one."""
        self.hits += other.hits
        self.mentions += other.mentions
        self.errors += other.errors
        self.words += other.words
        self.heard += other.heard

    @property
    def wer(self) -> float:
        """Word error rate (errors per reference word)."""
        return self.errors / self.words if self.words else 0.0


def ipa_to_arpabet(ipa: str) -> list[str]:
    """ARPAbet phones for one word of espeak-style IPA (stress, length and unknown marks dropped)."""
    text = unicodedata.normalize("NFC", ipa).replace("ː", "").replace("ˈ", "").replace("ˌ", "")
    phones: list[str] = []
    at = 0
    while at < len(text):
        two, one = text[at : at + 2], text[at]
        if two in _ARPABET:
            phones.append(_ARPABET[two])
            at += 2
            continue
        if one in _ARPABET and not (one in "ɹr" and phones and phones[-1] == "ER"):
            phones.append(_ARPABET[one])
        at += 1
    return phones


def asr_words(grapheme: str) -> list[str]:
    """The recognizer's words for a written name: lower case, no accents, no punctuation."""
    bare = unicodedata.normalize("NFKD", grapheme).encode("ascii", "ignore").decode()
    return [w for w in (re.sub(r"[^a-z'\-]", "", p) for p in bare.lower().split()) if w]


def pronunciations(entries: Iterable[Entry]) -> dict[str, set[str]]:
    """Recognizer words and ARPAbet pronunciations for entries with IPA (one IPA word per word)."""
    out: dict[str, set[str]] = {}
    for entry in entries:
        words, ipa_words = asr_words(entry.grapheme), (entry.ipa or "").split()
        if entry.ipa and len(words) == len(ipa_words):
            for word, ipa in zip(words, ipa_words, strict=True):
                phones = ipa_to_arpabet(ipa)
                if phones:
                    out.setdefault(word, set()).add(" ".join(phones))
    return out


class Listener:
    """pocketsphinx's US English model, with extra words, decoding one utterance at a time."""

    def __init__(self, extra: dict[str, set[str]] | dict[str, tuple[str, ...]]) -> None:
        import pocketsphinx

        self.decoder = pocketsphinx.Decoder(samprate=RATE, loglevel="FATAL")
        items = [(w, p) for w, prons in sorted(extra.items()) for p in sorted(prons)]
        for i, (word, phones) in enumerate(items):
            self._add(word, phones, update=i == len(items) - 1)
            self._add(f"{word}'s", f"{phones} {_possessive(phones)}", update=False)

    def _add(self, word: str, phones: str, update: bool) -> None:
        n = 1
        name = word
        while self.decoder.lookup_word(name) is not None:
            n += 1
            name = f"{word}({n})"
        self.decoder.add_word(name, phones, update)

    def hear(self, samples: np.ndarray) -> list[str]:
        """The words recognised in mono float samples at 16 kHz."""
        pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
        self.decoder.start_utt()
        self.decoder.process_raw(pcm.tobytes(), full_utt=True)
        self.decoder.end_utt()
        hyp = self.decoder.hyp()
        return hyp.hypstr.split() if hyp else []


def _possessive(phones: str) -> str:
    return "IH Z" if phones.split()[-1] in ("S", "Z", "SH", "ZH", "CH", "JH") else "Z"


class Speaker:
    """Piper's bundled voice speaking text at 16 kHz, as a build would (normalised, lexicon applied)."""

    def __init__(self) -> None:
        from audio_edition.voices.piper_engine import PiperEngine, _load, _model_path

        self.engine = PiperEngine(workers=1)
        self.model = _load(_model_path("joe"), threads=1)

    def espeak(self, words: str) -> str:
        """espeak-ng's own IPA for `words`, word by word, as Piper would be given it without a lexicon."""
        return " ".join("".join("".join(s) for s in self.model.phonemize(w)) for w in words.split())

    def needed(self, entry: Entry) -> bool:
        """Whether the entry's IPA differs from espeak-ng's own (secondary stress aside)."""
        return self.espeak(entry.grapheme).replace("ˌ", "") != (entry.ipa or "").replace("ˌ", "")

    def say(self, text: str, entries: tuple[Entry, ...]) -> np.ndarray:
        """Samples of `text` spoken with `entries` as its lexicon."""
        from audio_edition.audio.shape import resample

        speech = speech_text(text, ENGLISH, entries)
        return resample(self.engine.synthesize_speech(speech, "joe"), RATE).samples


def reference_words(text: str) -> list[str]:
    """The words a listener should hear for written `text` (figures in words, no punctuation)."""
    from num2words import num2words

    spoken = _NUMBER.sub(
        lambda m: f" {num2words(int(m.group())).replace(' and ', ' ')} ", speech_text(text, ENGLISH).text
    )
    spoken = unicodedata.normalize("NFKD", spoken.replace("’", "'")).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", spoken.lower().replace("-", " "))
    return words


def word_errors(ref: Sequence[str], hyp: Sequence[str]) -> int:
    """Word-level edit distance (substitutions, insertions, deletions)."""
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


def name_hits(names: Iterable[str], ref: Sequence[str], hyp: Sequence[str]) -> tuple[int, int]:
    """(times a name was heard, times it was said), a possessive counting as the name."""
    bare = [w.removesuffix("'s") for w in hyp]
    said = [w.removesuffix("'s") for w in ref]
    hits = mentions = 0
    for name in set(names):
        hits += min(bare.count(name), said.count(name))
        mentions += said.count(name)
    return hits, mentions


def measure(listener: Listener, samples: np.ndarray, text: str, names: Sequence[str]) -> Counts:
    """Recognition of one spoken text against what it should say."""
    ref, hyp = reference_words(text), listener.hear(samples)
    hits, mentions = name_hits(names, ref, hyp)
    return Counts(hits, mentions, word_errors(ref, hyp), len(ref), [" ".join(hyp)])


@dataclass
class EntryResult:
    """One entry's sweep: the name alone and in the carrier, without and with the entry."""

    grapheme: str
    category: str
    alone_without: Counts
    alone_with: Counts
    carrier_without: Counts
    carrier_with: Counts

    @property
    def helps(self) -> bool:
        """Heard more often with the entry, alone and in the sentence together."""
        return (
            self.alone_with.hits + self.carrier_with.hits
            > self.alone_without.hits + self.carrier_without.hits
        )

    @property
    def hurts(self) -> bool:
        """Heard less often with the entry, or the sentence recognised worse by more than a word a try."""
        fewer = (
            self.alone_with.hits + self.carrier_with.hits
            < self.alone_without.hits + self.carrier_without.hits
        )
        tries = max(1, self.carrier_with.mentions)
        worse = self.carrier_with.errors - self.carrier_without.errors > tries
        return fewer or worse


def sweep_entry(
    entry: Entry, category: str, speaker: Speaker, listener: Listener, repeat: int
) -> EntryResult:
    """Speak one entry's name alone and in the carrier sentence `repeat` times each way."""
    names = asr_words(entry.grapheme)
    with_entry = with_possessives((entry,))
    counts = {key: Counts() for key in ("aw", "ai", "cw", "ci")}
    for _ in range(repeat):
        for text, prefix in ((f"{entry.grapheme}.", "a"), (CARRIER.format(name=entry.grapheme), "c")):
            counts[prefix + "w"].add(measure(listener, speaker.say(text, ()), text, names))
            counts[prefix + "i"].add(measure(listener, speaker.say(text, with_entry), text, names))
    return EntryResult(entry.grapheme, category, counts["aw"], counts["ai"], counts["cw"], counts["ci"])


def sample(items: Sequence[Any], n: int | None) -> list[Any]:
    """`n` items spread evenly over `items` (all of them when `n` is None or too large)."""
    if n is None or n >= len(items):
        return list(items)
    return [items[round(i * (len(items) - 1) / max(1, n - 1))] for i in range(n)]


def categorised(path: Path) -> list[tuple[str, Entry]]:
    """(category, entry) for every IPA entry of a shipped-style lexicon file, in file order."""
    return [(c, e) for c, entries in shipped_categories(path.read_bytes()) for e in entries if e.ipa]


def run_entries(args: argparse.Namespace) -> None:
    """The per-entry sweep, printed one line per entry and summarised by category."""
    speaker = Speaker()
    every = categorised(args.lexicon)
    unneeded = [e.grapheme for _, e in every if not speaker.needed(e)]
    print(f"{len(unneeded)} of {len(every)} entries say what espeak-ng says already: {', '.join(unneeded)}")
    chosen = sample([(c, e) for c, e in every if e.grapheme not in unneeded], args.sample)
    listener = Listener(pronunciations(e for _, e in chosen))
    results = []
    for category, entry in chosen:
        result = sweep_entry(entry, category, speaker, listener, args.repeat)
        results.append(result)
        print(_entry_line(result), flush=True)
    _print_summary(results)
    if args.json:
        Path(args.json).write_text(json.dumps([_as_dict(r) for r in results], indent=1), encoding="utf-8")


def _entry_line(r: EntryResult) -> str:
    verdict = "helps" if r.helps else "HURTS" if r.hurts else "same"
    return (
        f"{r.grapheme:24s} alone {r.alone_without.hits}->{r.alone_with.hits}/{r.alone_with.mentions}"
        f"  carrier {r.carrier_without.hits}->{r.carrier_with.hits}/{r.carrier_with.mentions}"
        f"  WER {r.carrier_without.wer:.2f}->{r.carrier_with.wer:.2f}  {verdict}"
        f"  | {r.carrier_without.heard[-1]} | {r.carrier_with.heard[-1]}"
    )


def _four(r: EntryResult) -> tuple[Counts, Counts, Counts, Counts]:
    return r.alone_without, r.alone_with, r.carrier_without, r.carrier_with


def _print_summary(results: list[EntryResult]) -> None:
    total = {k: Counts() for k in ("aw", "ai", "cw", "ci")}
    for r in results:
        for key, counts in zip(total, _four(r), strict=True):
            total[key].add(counts)
    print(
        f"\n{len(results)} entries: helps {sum(r.helps for r in results)}, "
        f"hurts {sum(r.hurts for r in results)}, same {sum(not r.helps and not r.hurts for r in results)}\n"
        f"name alone heard {total['aw'].hits}/{total['aw'].mentions} without, "
        f"{total['ai'].hits}/{total['ai'].mentions} with\n"
        f"in carrier heard {total['cw'].hits}/{total['cw'].mentions} without, "
        f"{total['ci'].hits}/{total['ci'].mentions} with; "
        f"carrier WER {total['cw'].wer:.3f} without, {total['ci'].wer:.3f} with"
    )
    for r in results:
        if r.hurts:
            print(f"  hurts: {r.grapheme} ({r.category})")


def _as_dict(r: EntryResult) -> dict[str, Any]:
    return {**asdict(r), "helps": r.helps, "hurts": r.hurts}


def build_article(
    article: Path, out: Path, use_default: bool, candidate: Path | None = None
) -> tuple[Path, list[dict[str, Any]]]:
    """Build the article with Piper (no cache), with or without the shipped lexicon, or with a
    `candidate` shipped-style lexicon in its place."""
    from audio_edition.options import Options
    from audio_edition.pipeline import produce

    user = _flat_copy(candidate, out) if candidate and use_default else None
    options = Options(
        out_dir=out, engine="piper", use_cache=False, default_lexicon=use_default and not user, lexicon=user
    )
    built = produce(article, options)
    manifest = json.loads(built.files[1].read_text(encoding="utf-8"))
    return built.files[0], manifest["segments"]


def _flat_copy(path: Path, folder: Path) -> Path:
    """A shipped-style lexicon (categories as tables) written as a plain user lexicon in `folder`."""
    lines = [
        f"{json.dumps(e.grapheme)} = {{ alias = {json.dumps(e.alias)}, ipa = {json.dumps(e.ipa)} }}"
        for _, e in categorised(path)
    ]
    flat = folder / "candidate-lexicon.toml"
    flat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return flat


def hear_episode(mp3: Path, segments: list[dict[str, Any]], listener: Listener) -> dict[str, Counts]:
    """Recognition over every segment's time slot: per article name, and "*" for the whole text."""
    from audio_edition.audio.ffmpeg import decode_audio

    samples = decode_audio(mp3, RATE).samples
    out = {name: Counts() for name in [*ARTICLE_NAMES, "*"]}
    for seg in segments:
        part = samples[int(float(seg["start"]) * RATE) : int(float(seg["end"]) * RATE)]
        heard = measure(listener, part, str(seg["text"]), ())
        out["*"].add(heard)
        ref, hyp = reference_words(str(seg["text"])), heard.heard[0].split()
        for name in ARTICLE_NAMES:
            hits, mentions = name_hits([name], ref, hyp)
            out[name].add(Counts(hits, mentions))
    return out


def article_numbers(
    article: Path, use_default: bool, listener: Listener, candidate: Path | None = None
) -> dict[str, Counts]:
    """One build of the article and what the recognizer heard of it."""
    with tempfile.TemporaryDirectory() as tmp:
        mp3, segments = build_article(article, Path(tmp), use_default, candidate)
        return hear_episode(mp3, segments, listener)


def run_article(args: argparse.Namespace) -> None:
    """Kyiv and Zelenskyy hits and the episode WER, with and without the shipped lexicon."""
    listener = Listener(ARTICLE_NAMES)
    for run in range(args.repeat):
        for use_default in (True,) if args.only_with else (False, True):
            got = article_numbers(args.article, use_default, listener, args.lexicon)
            names = "  ".join(f"{n} {c.hits}/{c.mentions}" for n, c in got.items() if n != "*")
            label = "with   " if use_default else "without"
            print(f"run {run + 1} {label} WER {got['*'].wer:.3f}  {names}", flush=True)


def run_timing(args: argparse.Namespace) -> None:
    """Time of apply_lexicon over the article's text: the shipped entries, then one re.sub per entry."""
    text = args.article.read_text(encoding="utf-8")
    entries = with_possessives(shipped_lexicon())
    apply_lexicon(text, entries)
    print(f"{len(entries)} entries (with possessives), {len(text)} characters")
    print(f"compiled alternation: {_best_ms(lambda: apply_lexicon(text, entries)):.2f} ms")
    print(f"one re.sub per entry: {_best_ms(lambda: _per_entry(text, entries)):.2f} ms")


def _per_entry(text: str, entries: tuple[Entry, ...]) -> str:
    """The former apply_lexicon: one re.sub per entry (each word by its alias), for comparison."""
    for entry in entries:
        replacement = entry.alias or entry.grapheme
        pattern = rf"(?<!\w){re.escape(entry.grapheme)}(?!\w)"
        text = re.sub(pattern, replacement.replace("\\", r"\\"), text, flags=re.IGNORECASE)
    return text


def _best_ms(call: Any, tries: int = 20) -> float:
    times = []
    for _ in range(tries):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    entries = sub.add_parser("entries", help="sweep entries: name alone and in a sentence, with and without")
    entries.add_argument("--lexicon", type=Path, default=SHIPPED)
    entries.add_argument("--sample", type=int, default=None)
    entries.add_argument("--repeat", type=int, default=2)
    entries.add_argument("--json")
    article = sub.add_parser("article", help="the reference article built with and without the lexicon")
    article.add_argument("article", type=Path, nargs="?", default=REFERENCE)
    article.add_argument("--repeat", type=int, default=2)
    article.add_argument("--lexicon", type=Path, help="a candidate shipped-style lexicon instead")
    article.add_argument("--only-with", action="store_true", help="skip the builds without the lexicon")
    timing = sub.add_parser("timing", help="time apply_lexicon on the article")
    timing.add_argument("article", type=Path, nargs="?", default=REFERENCE)
    args = parser.parse_args(argv)
    {"entries": run_entries, "article": run_article, "timing": run_timing}[args.command](args)


if __name__ == "__main__":
    main()
