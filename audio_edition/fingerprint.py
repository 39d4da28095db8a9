"""The fingerprint that lets a batch skip an article: what its edition is made from.

It covers the article's bytes; every option that shapes the edition (not where it goes); the
contents of the lexicon (the one `lexicon_for` would use, and the shipped one), music and cover
files; and the version and cache settings of every voice the build may speak with. It never
loads a voice model or synthesises: it runs for every article of a batch.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import time
from collections import OrderedDict
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from audio_edition.errors import AudioEditionError
from audio_edition.languages import language_for
from audio_edition.options import Options
from audio_edition.script.lexicon import lexicon_files
from audio_edition.voices import get_engine
from audio_edition.voices.auto import engines_for
from audio_edition.voices.cast import CastSettings, cast_voices

FINGERPRINT_VERSION = 2
MEDIA = ("intro_music", "outro_music", "sting", "cover")
MISSING = "missing"
# A file's digest is remembered while its stat is unchanged, but only once its last change is
# this old: an edit within the clock tick of the stat we saw would otherwise go unnoticed.
SETTLED_NS = 2_000_000_000
_REMEMBERED = 64
_digests: OrderedDict[str, tuple[tuple[int, ...], str]] = OrderedDict()
_VOICE_FAULTS = (AudioEditionError, OSError, ImportError, LookupError, ValueError)


def fingerprint(path: Path, options: Options) -> str:
    """A hash of everything the article's edition is made from (see the module's docstring)."""
    neutral = dataclasses.replace(
        options,
        out_dir=Path("."),
        jobs=None,
        cache_dir=None,
        use_cache=True,
        lexicon=None,
        cache_max_size=0,
        allow_private_hosts=False,
    )
    settings = dataclasses.asdict(neutral)
    settings["fingerprint"] = None  # once an option: kept, so the stamps of sets built then still match
    for name in MEDIA:  # a file counts by its content, not its path
        given = getattr(options, name)
        settings[name] = None if given is None else shared_digest(given)
    own, shipped = lexicon_files(options.lexicon, options.default_lexicon)
    material = {
        "v": FINGERPRINT_VERSION,
        "article": file_digest(path),
        "options": settings,
        "lexicon": None if own is None else shared_digest(own),
        "shipped lexicon": None if shipped is None else _resource_digest(shipped),
        "voices": voice_versions(options),
    }
    blob = json.dumps(material, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def file_digest(path: Path) -> str:
    """The sha256 of the file's bytes, or `missing` when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return MISSING


def shared_digest(path: Path) -> str:
    """`file_digest` for a file every article of a batch uses: hashed once while its stat
    (device, inode, size, mtime_ns, ctime_ns) stays the same and its last change has settled."""
    try:
        st = os.stat(path)
    except OSError:
        return MISSING
    name = str(path.resolve())
    stamp = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    known = _digests.get(name)
    if known is not None and known[0] == stamp:
        _digests.move_to_end(name)
        return known[1]
    digest = file_digest(path)
    if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > SETTLED_NS:
        _digests[name] = (stamp, digest)
        if len(_digests) > _REMEMBERED:
            _digests.popitem(last=False)
    return digest


def _resource_digest(resource: Traversable) -> str:
    """The digest of a package resource: a file on disk through `shared_digest`, else its bytes."""
    if isinstance(resource, Path):
        return shared_digest(resource)
    try:
        return hashlib.sha256(resource.read_bytes()).hexdigest()
    except OSError:
        return MISSING


def voice_versions(options: Options) -> dict[str, Any]:
    """Per engine the build may speak with (both choices of `auto`, and the fallback): its version
    and the cache settings of each voice it would use, as the segment cache keys them.

    Default voices are taken for `--language` (else English): the article's own language is in its
    bytes. An engine or voice that cannot be looked up is recorded as such; the build reports it.
    """
    engines = list(engines_for(options.engine))
    if options.fallback:
        engines.append(options.fallback.strip().lower())
    language = language_for(options.language)
    voices: dict[str, set[str]] = {}
    faults: list[str] = []
    for name in engines:
        try:
            for voice in cast_voices(_cast_settings(name, options), language):
                voices.setdefault(voice.engine, set()).add(voice.voice)
        except _VOICE_FAULTS as exc:
            faults.append(f"{name}: {exc}")
    found: dict[str, Any] = {name: _engine_versions(name, sorted(voices[name])) for name in sorted(voices)}
    return found | ({"faults": faults} if faults else {})


def _cast_settings(engine: str, options: Options) -> CastSettings:
    """The cast settings of a build of `options` speaking with `engine`."""
    return CastSettings(
        engine=engine,
        narrator=options.narrator,
        quote_voice=options.quote_voice,
        speaker_voices=options.speaker_voices,
    )


def _engine_versions(name: str, voices: list[str]) -> dict[str, Any]:
    """{"version": ..., "voices": {voice: cache settings}} for one engine."""
    try:
        engine = get_engine(name)
    except _VOICE_FAULTS as exc:
        return {"version": f"unavailable: {exc}", "voices": voices}
    settings: dict[str, Any] = {}
    for voice in voices:
        try:
            settings[voice] = engine.cache_settings(voice)
        except _VOICE_FAULTS as exc:
            settings[voice] = f"unavailable: {exc}"
    return {"version": engine.version, "voices": settings}
