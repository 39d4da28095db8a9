"""Per-stage settings: each stage's settings are derived from Options (at the top, in
`stage_settings.py`) with the values it reads, change only when an option it reads changes, make
the episode key, and have the defaults of a build; the article's fingerprint is given beside the
options."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from audio_edition.audio.episode_store import episode_key
from audio_edition.audio.settings import MasteringSettings, mastering_settings
from audio_edition.ingest import parse_article
from audio_edition.options import Options, Pauses
from audio_edition.pipeline import produce, produce_article
from audio_edition.publish.settings import PublishSettings
from audio_edition.script.settings import ScriptSettings
from audio_edition.stage_settings import StageSettings
from audio_edition.voices.cast import CastSettings
from audio_edition.voices.fake import FakeEngine
from tests.conftest import write

ARTICLE = (
    "Harbour lights return\n\n"
    'The harbour master said on Monday that "the lights will be back before the winter storms".\n\n'
    "Work begins next week and should last a month.\n"
)
SEGMENT_KEYS = ["a" * 64, "b" * 64]


def _stages(options: Options, fingerprint: str | None = None) -> StageSettings:
    return StageSettings.from_options(options, fingerprint)


def test_each_stage_takes_the_values_it_reads_from_options(tmp_path: Path) -> None:
    opts = Options(
        engine="fake",
        narrator="fake:low",
        quote_voice="fake:high",
        speaker_voices=True,
        show="Night Desk",
        opening=False,
        min_quote_words=6,
        pauses=Pauses(paragraph=900, heading=2000, lead_in=100, tail=700),
        lexicon=tmp_path / "names.toml",
        default_lexicon=False,
        loudness=-19.0,
        speed=1.25,
        bitrate="128k",
        sample_rate=48000,
        intro_music=tmp_path / "intro.wav",
        out_dir=tmp_path / "out",
        formats=("vtt", "epub"),
        cover=tmp_path / "cover.png",
    )
    stages = _stages(opts, fingerprint="f" * 64)
    script = stages.script
    assert (script.show, script.opening, script.min_quote_words) == ("Night Desk", False, 6)
    assert (script.pauses, script.lexicon, script.default_lexicon) == (
        opts.pauses,
        tmp_path / "names.toml",
        False,
    )
    cast = stages.cast
    assert (cast.engine, cast.narrator, cast.quote_voice, cast.speaker_voices) == (
        "fake",
        "fake:low",
        "fake:high",
        True,
    )
    m = stages.mastering
    assert (m.sample_rate, m.bitrate, m.loudness, m.speed) == (48000, "128k", -19.0, 1.25)
    assert (m.lead_in_ms, m.tail_ms, m.longest_pause_ms) == (100, 700, 2000)
    assert (m.intro_music, m.outro_music, m.sting) == (tmp_path / "intro.wav", None, None)
    p = stages.publishing
    assert (p.out_dir, p.formats, p.show, p.cover, p.fingerprint) == (
        tmp_path / "out",
        ("vtt", "epub"),
        "Night Desk",
        tmp_path / "cover.png",
        "f" * 64,
    )
    assert (p.bitrate, p.sample_rate) == ("128k", 48000)


# An option's change, and the stages whose settings it changes (the others' stay equal).
CHANGES: list[tuple[dict[str, Any], set[str]]] = [
    ({"formats": ("epub",)}, {"publishing"}),
    ({"out_dir": Path("elsewhere")}, {"publishing"}),
    ({"cover": Path("cover.png")}, {"publishing"}),
    ({"show": "Night Desk"}, {"script", "publishing"}),
    ({"opening": False}, {"script"}),
    ({"min_quote_words": 7}, {"script"}),
    ({"default_lexicon": False}, {"script"}),
    ({"engine": "espeak"}, {"cast"}),
    ({"narrator": "fake:low"}, {"cast"}),
    ({"speaker_voices": True}, {"cast"}),
    ({"loudness": -19.0}, {"mastering"}),
    ({"speed": 1.2}, {"mastering"}),
    ({"sting": Path("sting.wav")}, {"mastering"}),
    ({"bitrate": "128k"}, {"mastering", "publishing"}),
    ({"sample_rate": 48000}, {"mastering", "publishing"}),
    ({"pauses": Pauses(heading=5000)}, {"script", "mastering"}),
    ({"pauses": Pauses(tail=2000)}, {"script", "mastering"}),
    ({"pauses": Pauses(clause=200)}, {"script"}),
    ({"language": "de"}, set()),  # the pipeline sets it on the article
    ({"jobs": 1}, set()),
    ({"use_cache": False}, set()),
    ({"cache_dir": Path("cache")}, set()),
    ({"fallback": "espeak"}, set()),
]


@pytest.mark.parametrize(("change", "changed"), CHANGES, ids=lambda v: str(v))
def test_only_the_stages_that_read_an_option_see_it_change(change: dict[str, Any], changed: set[str]) -> None:
    before, after = _stages(Options()), _stages(Options(**change))
    differ = {f.name for f in dataclasses.fields(before) if getattr(before, f.name) != getattr(after, f.name)}
    assert differ == changed
    key_before = episode_key(SEGMENT_KEYS, mastering_settings(before.mastering, [400, 750]))
    key_after = episode_key(SEGMENT_KEYS, mastering_settings(after.mastering, [400, 750]))
    assert (key_before != key_after) == ("mastering" in changed)


def test_the_fingerprint_is_given_beside_the_options_and_only_the_publisher_reads_it() -> None:
    assert "fingerprint" not in {f.name for f in dataclasses.fields(Options)}
    plain, stamped = _stages(Options()), _stages(Options(), fingerprint="0" * 64)
    assert stamped.publishing.fingerprint == "0" * 64 and plain.publishing.fingerprint is None
    assert dataclasses.replace(stamped, publishing=plain.publishing) == plain


def test_the_episode_key_is_made_from_exactly_the_mastering_settings() -> None:
    settings = _stages(Options()).mastering
    made = mastering_settings(settings, [400])
    named = {f.name for f in dataclasses.fields(MasteringSettings)}
    assert set(made) == named | {"revision", "pauses"}
    assert mastering_settings(MasteringSettings(), [400]) == made  # its defaults are a build's


def test_each_stage_has_the_defaults_of_a_build() -> None:
    """A stage's settings made with no argument are those a default build derives: one home each."""
    assert _stages(Options(engine="fake")) == StageSettings(
        ScriptSettings(), CastSettings("fake"), MasteringSettings(), PublishSettings()
    )


def test_the_stages_called_with_their_own_settings_make_what_a_build_makes(
    tmp_path: Path, fake_engine: FakeEngine
) -> None:
    """Each stage given its settings (made from the options at the top) speaks, masters and
    publishes what the pipeline does for the same options: the same script, audio, MP3 and files."""
    import audio_edition
    from audio_edition import audio
    from audio_edition.pipeline import credited
    from audio_edition.preview import write_script
    from audio_edition.publish import publish
    from audio_edition.voices.synthesize import synthesize
    from tests.tagged import resolve_cast

    opts = Options(engine="fake", show="Night Desk", min_quote_words=3, loudness=-18.0, formats=("vtt",))
    stages = _stages(opts)
    article = parse_article(ARTICLE, name="harbour.txt")
    script = write_script(article, stages.script)
    assert audio_edition.write_script(article, opts) == script  # the library's face takes Options
    assert "Night Desk" in script.segments[0].text
    cast = resolve_cast(stages.cast, "en")
    clips = synthesize(script, cast)
    clipped = audio.engine_clipping(clips)
    delivered = audio.deliver(audio.master(script, clips, stages.mastering, "fake"), stages.mastering)
    measured = (delivered.loudness, delivered.true_peak)
    qa = audio.check_episode(delivered.episode, clipped, stages.mastering, measured).as_dict()
    made, parts = credited(delivered.episode, cast), tmp_path / "parts"
    publish(made, "harbour", dataclasses.replace(stages.publishing, out_dir=parts), delivered.mp3, qa)
    whole = tmp_path / "whole"
    built = produce_article(article, "harbour", dataclasses.replace(opts, out_dir=whole, use_cache=False))
    assert (built.episode.audio.samples == made.audio.samples).all()
    assert sorted(p.name for p in whole.iterdir()) == sorted(p.name for p in parts.iterdir())
    for name in ("harbour.mp3", "harbour.vtt", "harbour.qa.json"):
        assert (whole / name).read_bytes() == (parts / name).read_bytes(), name


def test_an_option_mastering_does_not_read_keeps_the_stored_episode(
    tmp_path: Path, fake_engine: FakeEngine
) -> None:
    """`--formats` is no mastering setting: the second build reuses the stored episode and only
    writes the other formats."""
    article = write(tmp_path, "harbour.txt", ARTICLE)
    opts = Options(engine="fake", out_dir=tmp_path / "out", cache_dir=tmp_path / "cache")
    assert not produce(article, opts).reused
    again = produce(article, dataclasses.replace(opts, formats=("srt",)))
    assert again.reused
    assert (tmp_path / "out" / "harbour.srt").exists() and len(fake_engine.calls) == 6


def test_a_longer_structural_pause_is_not_answered_with_a_stale_quality_report(
    tmp_path: Path, fake_engine: FakeEngine
) -> None:
    """The quality gate allows silences up to the longest structural pause. An article without
    headings never uses the heading pause, so its segments' pauses stay the same, but the report
    of a build with a longer one must say so: the stored episode (and its report) is not reused."""
    article = write(tmp_path, "harbour.txt", ARTICLE)
    opts = Options(engine="fake", out_dir=tmp_path / "out", cache_dir=tmp_path / "cache")
    produce(article, opts)
    built = produce(article, dataclasses.replace(opts, pauses=Pauses(heading=5000)))
    qa = json.loads((tmp_path / "out" / "harbour.qa.json").read_text(encoding="utf-8"))
    silence = next(c for c in qa["checks"] if c["name"] == "silence")
    assert "(allowed 5.50 s)" in silence["detail"]
    assert not built.reused


def test_the_formats_made_by_default_are_rows_of_the_formats_table() -> None:
    """Which formats are made by default is `defaults.DEFAULT_FORMATS`; each is a format of the one
    table, in its order, and what `--formats` gives for the default the command line shows."""
    from audio_edition.defaults import DEFAULT_FORMATS
    from audio_edition.publish.formats import FORMAT_NAMES, parse_formats

    assert set(DEFAULT_FORMATS) <= set(FORMAT_NAMES)
    assert parse_formats(",".join(("mp3", *DEFAULT_FORMATS))) == DEFAULT_FORMATS
    assert Options().formats == PublishSettings().formats == DEFAULT_FORMATS
