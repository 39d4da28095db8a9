"""Speak every segment with its cast voice: cached clips first, the rest in parallel, in order."""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from audio_edition.errors import EngineError, EngineFailure
from audio_edition.model import Clip, Script, Segment, Speech, Voice, segment_label
from audio_edition.voices.base import spoken
from audio_edition.voices.cache import SegmentCache
from audio_edition.voices.cast import Cast
from audio_edition.voices.decoding import Decoder, decoding_with
from audio_edition.voices.pcm import quantize
from audio_edition.voices.registry import get_engine

Progress = Callable[[int, int], None]


@dataclass
class SynthesisStats:
    """What one synthesis did: segments, distinct texts, cache hits and engine calls.

    The one value of the voices stage that changes: `synthesize` fills the one it is given as it
    goes (so a caller holds the counts of a synthesis that a fallback engine then redoes); the
    pipeline hands it on unchanged once the episode is made."""

    segments: int = 0
    unique: int = 0
    cached: int = 0
    synthesized: int = 0


def synthesize(
    script: Script,
    cast: Cast,
    progress: Progress | None = None,
    *,
    cache: SegmentCache | None = None,
    jobs: int | None = None,
    stats: SynthesisStats | None = None,
    decoder: Decoder | None = None,
) -> list[Clip]:
    """One clip per segment, in order.

    Identical (voice, speech) pairs are spoken once; cached clips are used without calling the
    engine; the rest run on up to `jobs` threads (default: each engine's own parallel limit), an
    engine that receives compressed audio decoding it with `decoder` (`voices.decoding`).
    EngineError names the segment that failed; nothing is returned partially.
    """
    stats = stats if stats is not None else SynthesisStats()
    wanted: dict[tuple[Voice, Speech], list[Segment]] = {}
    for seg in script.segments:
        wanted.setdefault((cast[seg.voice], seg.speech), []).append(seg)
    stats.segments, stats.unique = len(script.segments), len(wanted)
    done: dict[tuple[Voice, Speech], Clip] = {}
    keys: dict[tuple[Voice, Speech], str] = {}
    for item in wanted:
        if cache is not None:
            keys[item] = cache.key(get_engine(item[0].engine), item[0], item[1])
            hit = cache.get(keys[item])
            if hit is not None:
                done[item] = hit
    stats.cached = len(done)
    todo = sorted((w for w in wanted if w not in done), key=lambda w: len(w[1].text), reverse=True)
    report = _reporter(progress, len(wanted), len(done))
    if todo:
        with decoding_with(decoder):
            _run(todo, wanted, done, keys, cache, jobs, report)
    stats.synthesized = len(todo)
    return [done[(cast[seg.voice], seg.speech)] for seg in script.segments]


def _run(
    todo: list[tuple[Voice, Speech]],
    wanted: dict[tuple[Voice, Speech], list[Segment]],
    done: dict[tuple[Voice, Speech], Clip],
    keys: dict[tuple[Voice, Speech], str],
    cache: SegmentCache | None,
    jobs: int | None,
    report: Callable[[], None],
) -> None:
    engines = {spec.engine: get_engine(spec.engine) for spec, _ in todo}
    limits = {name: threading.Semaphore(max(1, jobs or e.max_parallel)) for name, e in engines.items()}
    workers = max(1, jobs or max(e.max_parallel for e in engines.values()))

    def speak(item: tuple[Voice, Speech]) -> None:
        spec, speech = item
        with limits[spec.engine]:
            try:
                clip = spoken(engines[spec.engine], speech, spec.voice)
            except EngineFailure as exc:
                raise exc.about(_name(wanted[item][0])) from exc
            except EngineError as exc:
                raise EngineError(f"{_name(wanted[item][0])}: {exc}") from exc
        if clip.duration <= 0.0:
            raise EngineError(f"{_name(wanted[item][0])} came back without audio from {spec}")
        if cache is not None:
            clip = quantize(clip)
            cache.put(keys[item], clip)
        done[item] = clip
        report()

    if workers == 1:
        for item in todo:
            speak(item)
        return
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="speak")
    try:
        # each in a copy of this context: the decoder this synthesis was handed (`decoding_with`)
        futures: list[Future[None]] = [
            pool.submit(contextvars.copy_context().run, speak, item) for item in todo
        ]
        finished, _ = wait(futures, return_when=FIRST_EXCEPTION)
        failed = next((f for f in finished if f.exception() is not None), None)
        if failed is not None:
            raise failed.exception()  # type: ignore[misc]
    finally:  # on failure or Ctrl-C, segments not yet begun are not spoken
        pool.shutdown(wait=True, cancel_futures=True)


def _name(seg: Segment) -> str:
    return segment_label(seg)


def _reporter(progress: Progress | None, total: int, already: int) -> Callable[[], None]:
    lock = threading.Lock()
    count = [already]
    if progress and already:
        progress(already, total)

    def report() -> None:
        if progress is None:
            return
        with lock:
            count[0] += 1
            progress(count[0], total)

    return report
