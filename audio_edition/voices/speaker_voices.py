"""Voices of their own for recurring speakers of quotations (`--speaker-voices`).

A speaker is recurring when they are quoted in two or more quotations, a quotation being a run of
consecutive quote segments with the same speaker (a long quotation split into sentences counts
once). Recurring speakers, in order of first appearance, take the quote engine's speaker pool in
order: the first gets the ordinary quote voice, the next ones the pool's other voices. The
narrator's voice is never in the pool. With more speakers than voices the pool is reused
cyclically, skipping a voice already held by a speaker quoted right before or after. Unattributed
quotations and speakers quoted once keep the ordinary quote voice. The choice is stable within an
episode and across rebuilds of it, not across episodes: it follows who speaks first in each.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from audio_edition.errors import InputError
from audio_edition.languages.language import Language
from audio_edition.model import Script, Segment, Voice
from audio_edition.voices.base import SpeakerPool
from audio_edition.voices.cast import Cast
from audio_edition.voices.registry import described, get_engine

PREFIX = "speaker:"


def speaker_key(name: str) -> str:
    """The cast role of a speaker's own voice, e.g. `speaker:Dmitry Peskov`."""
    return f"{PREFIX}{name}"


def assign_speaker_voices(script: Script, cast: Cast) -> tuple[Script, Cast]:
    """The script with each recurring speaker's quote segments on their own cast role, and the cast
    with those roles added; unchanged when no speaker recurs. Applying it again (say with a
    fallback engine's cast) gives the same roles."""
    order = quotation_speakers(script.segments)
    speakers = recurring(order)
    if not speakers:
        return script, cast
    pool = speaker_pool(cast, script.language)
    chosen = choose_voices(speakers, neighbours(order, set(speakers)), pool)
    segments = tuple(_recast(seg, chosen) for seg in script.segments)
    extended = Cast.of({**cast, **{speaker_key(name): spec for name, spec in chosen.items()}})
    return dataclasses.replace(script, segments=segments), extended


def quotation_speakers(segments: Sequence[Segment]) -> list[str | None]:
    """The speaker of each quotation in order (None when unattributed), one entry per run of
    consecutive quote segments with the same speaker."""
    out: list[str | None] = []
    previous: Segment | None = None
    for seg in segments:
        if _spoken_as_quote(seg):
            same_run = previous is not None and _spoken_as_quote(previous) and previous.speaker == seg.speaker
            if not same_run:
                out.append(seg.speaker)
        previous = seg
    return out


def recurring(order: Sequence[str | None]) -> list[str]:
    """Speakers with two or more quotations, in order of first appearance."""
    counts = Counter(name for name in order if name)
    return [name for name in dict.fromkeys(order) if name and counts[name] >= 2]


def neighbours(order: Sequence[str | None], among: set[str]) -> dict[str, set[str]]:
    """For each speaker in `among`, the others in `among` quoted right before or after them."""
    out: dict[str, set[str]] = {name: set() for name in among}
    for first, second in zip(order, order[1:], strict=False):
        if first in among and second in among and first != second:
            out[first].add(second)
            out[second].add(first)
    return out


def choose_voices(
    speakers: Sequence[str], adjacent: dict[str, set[str]], pool: Sequence[Voice]
) -> dict[str, Voice]:
    """Speaker n takes pool[n mod len(pool)], or the next voice in the pool that no speaker
    adjacent to them already has (the preferred one when every voice is taken)."""
    chosen: dict[str, Voice] = {}
    for n, name in enumerate(speakers):
        taken = {chosen[other] for other in adjacent.get(name, set()) if other in chosen}
        rotated = [pool[(n + k) % len(pool)] for k in range(len(pool))]
        chosen[name] = next((spec for spec in rotated if spec not in taken), rotated[0])
    return chosen


def speaker_pool(cast: Cast, language: Language) -> list[Voice]:
    """The quote voice, then the other voices its engine offers for speakers that it can use for
    `language`, without the narrator's voice; just the quote voice for engines offering none."""
    quote, narrator = cast["quote"], cast["narrator"]
    engine = get_engine(quote.engine)
    offered = engine.speaker_pool(language, quote.voice) if isinstance(engine, SpeakerPool) else []
    candidates = dict.fromkeys([quote, *(described(Voice(quote.engine, voice)) for voice in offered)])
    pool = [spec for spec in candidates if spec != narrator and _usable(spec, language)]
    return pool or [quote]


def _usable(spec: Voice, language: Language) -> bool:
    try:
        get_engine(spec.engine).check_voice(spec.voice, language)
    except InputError:
        return False
    return True


def _spoken_as_quote(seg: Segment) -> bool:
    """A quote segment in the quote voice (or already on its speaker's own role)."""
    if seg.role != "quote":
        return False
    return seg.voice == "quote" or (seg.speaker is not None and seg.voice == speaker_key(seg.speaker))


def _recast(seg: Segment, chosen: dict[str, Voice]) -> Segment:
    if seg.speaker in chosen and _spoken_as_quote(seg):
        return dataclasses.replace(seg, voice=speaker_key(seg.speaker))
    return seg
