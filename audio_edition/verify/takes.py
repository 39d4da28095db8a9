"""Every take heard, and what came out wrong spoken again until it is right or the tries run out.

A segment is wrong when its word error rate is over its engine's threshold (`THRESHOLDS`, set
from the spread of good takes measured in BENCHMARKS.md) and at least `MIN_ERRORS` words are
wrong. A wrong segment is spoken again by its own voice (Piper samples its durations anew, gTTS is
asked again) up to `TRIES` takes in all, then once by the `--fallback` engine's voice for its role
when one is given; the take with the fewest errors is kept. A retake the same as a take tried
(an engine that says a text alike every time: espeak-ng, mostly gTTS) is not heard again. A take
found wrong among others is first heard again alone (Whisper now and then drops what follows a
silence in its window). Identical (voice, speech) segments are heard once, as they are spoken once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from audio_edition.errors import EngineError
from audio_edition.model import Clip, Script, Speech, Voice
from audio_edition.verify.boundaries import settle
from audio_edition.verify.compare import Token, heard_words, reference_tokens, score
from audio_edition.verify.recognizer import Heard, Recognizer
from audio_edition.verify.records import Checked, Take, VerifiedStore, take_id
from audio_edition.voices.base import spoken
from audio_edition.voices.cache import SegmentCache
from audio_edition.voices.cast import Cast
from audio_edition.voices.pcm import quantize
from audio_edition.voices.registry import get_engine

# Per engine, from the spread of takes measured in BENCHMARKS.md ("Verification"): Piper's takes
# of five articles are at most 0.18 in 98 of 100, espeak-ng's 0.5. gTTS could not be measured
# offline; it is given Piper's limit.
THRESHOLDS = {"piper": 0.25, "gtts": 0.25, "espeak": 0.5}
DEFAULT_THRESHOLD = 0.5  # an engine not measured
MIN_ERRORS = 2  # one word misheard is the recogniser's as often as the voice's
TRIES = 3  # takes by the segment's own voice, the first included

Item = tuple[Voice, Speech]


@dataclass(eq=False)
class _State:
    spec: Voice
    speech: Speech
    meant: list[Token]
    clip: Clip
    checked: Checked | None = None
    changed: bool = False


def threshold(engine: str) -> float:
    """The word error rate over which a take of `engine` is spoken again."""
    return THRESHOLDS.get(engine, DEFAULT_THRESHOLD)


def check_takes(
    script: Script,
    clips: list[Clip],
    cast: Cast,
    recognizer: Recognizer,
    *,
    fallback: Cast | None = None,
    store: tuple[VerifiedStore, SegmentCache, str] | None = None,
) -> list[Checked]:
    """One `Checked` per segment; `clips` has each wrong take replaced, where it was, by the best
    take found. `store` (records, segment cache, model identity): records of takes already
    verified are used instead of hearing them, and each newly verified take is filed in both
    (the segment cache then holds the kept take, so a rebuild speaks and hears nothing)."""
    states: dict[Item, _State] = {}
    for seg, clip in zip(script.segments, clips, strict=True):
        item = (cast[seg.voice], seg.speech)
        if item not in states:
            states[item] = _State(item[0], seg.speech, reference_tokens(seg.speech), clip)
    keys = {item: _keys(item, store) for item in states} if store else {}
    if store:
        for item, state in states.items():
            state.checked = store[0].get(keys[item][1], take_id(state.clip))
    fresh = [s for s in states.values() if s.checked is None]
    heard = settle(
        recognizer.hear([s.clip for s in fresh]), [s.meant for s in fresh], [s.clip.duration for s in fresh]
    )
    for state, words in zip(fresh, heard, strict=True):
        state.checked = _checked(state.spec.engine, state.meant, words, ())
    _hear_alone([s for s in fresh if not _passed(s)], recognizer)
    _retake([s for s in fresh if not _passed(s)], recognizer, fallback, script, cast)
    if store:
        heard_now = {id(s) for s in fresh}
        for item in (i for i, s in states.items() if id(s) in heard_now):
            _file(states[item], keys[item], store)
    for k, seg in enumerate(script.segments):
        clips[k] = states[(cast[seg.voice], seg.speech)].clip
    return [states[(cast[s.voice], s.speech)].checked for s in script.segments]  # type: ignore[misc]


def _passed(state: _State) -> bool:
    return state.checked is not None and state.checked.passed


def _checked(engine: str, meant: list[Token], words: list[Heard], before: tuple[Take, ...]) -> Checked:
    found = score(meant, heard_words([w.text for w in words], meant))
    wrong = found.rate > threshold(engine) and found.errors >= MIN_ERRORS
    take = Take(engine, round(found.rate, 3))
    return Checked(tuple(words), found.errors, found.words, not wrong, (*before, take))


def _hear_alone(wrong: list[_State], recognizer: Recognizer) -> None:
    """Hear each take found wrong among others once more on its own: Whisper now and then drops
    the words after a long silence or a stretch of other speech in its window, and what the
    recogniser missed is not the voice's fault."""
    for state in wrong:
        again = _checked(state.spec.engine, state.meant, recognizer.hear([state.clip])[0], ())
        if again.errors < state.checked.errors:  # type: ignore[union-attr]
            state.checked = again


def _retake(
    wrong: list[_State], recognizer: Recognizer, fallback: Cast | None, script: Script, cast: Cast
) -> None:
    """Speak the wrong segments again, all of a round heard in one pass, keeping each one's best."""
    voices: list[Callable[[_State], Voice | None]] = [lambda s: s.spec] * (TRIES - 1)
    if fallback:
        voices.append(lambda s: _fallback_voice(s, script, cast, fallback))
    tried = {id(s): {take_id(s.clip)} for s in wrong}
    for voice in voices:
        wrong = [s for s in wrong if not _passed(s)]
        spoken = [(s, c) for s in wrong if (c := _speak(voice(s), s.speech)) is not None]
        # a take the same as one tried (an engine that always says a text alike) is not heard again
        spoken = [(s, c) for s, c in spoken if _new(tried[id(s)], c)]
        if not spoken:
            continue
        heard = recognizer.hear([c for _, c in spoken])
        for (state, clip), words in zip(spoken, heard, strict=True):
            engine = voice(state).engine  # type: ignore[union-attr]
            old = state.checked
            assert old is not None
            new = _checked(engine, state.meant, words, old.takes)
            if (new.passed and not old.passed) or new.errors < old.errors:
                state.clip, state.checked, state.changed = clip, new, True
            else:
                state.checked = replace(old, takes=new.takes)


def _new(tried: set[str], clip: Clip) -> bool:
    found = take_id(clip)
    if found in tried:
        return False
    tried.add(found)
    return True


def _fallback_voice(state: _State, script: Script, cast: Cast, fallback: Cast) -> Voice | None:
    role = next((r for r, spec in cast.items() if spec == state.spec), "narrator")
    return fallback.get(role) or fallback.get("quote" if role.startswith("speaker") else "narrator")


def _speak(spec: Voice | None, speech: Speech) -> Clip | None:
    """A new take, at 16-bit steps as the cache keeps it; None when the engine fails this time."""
    if spec is None:
        return None
    try:
        clip = spoken(get_engine(spec.engine), speech, spec.voice)
    except EngineError:
        return None
    return quantize(clip) if clip.duration > 0 else None


def _keys(item: Item, store: tuple[VerifiedStore, SegmentCache, str]) -> tuple[str, str]:
    segment = SegmentCache.key(get_engine(item[0].engine), item[0], item[1])
    return segment, VerifiedStore.key(segment, store[2])


def _file(state: _State, keys: tuple[str, str], store: tuple[VerifiedStore, SegmentCache, str]) -> None:
    records, segments, _ = store
    if state.changed:
        segments.put(keys[0], state.clip)
    assert state.checked is not None
    records.put(keys[1], take_id(state.clip), state.checked)
