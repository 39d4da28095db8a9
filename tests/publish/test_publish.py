"""All-or-nothing output files, the manifest's shape, and file-safe names."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio_edition.errors import InputError
from audio_edition.publish.slug import slugify
from audio_edition.publish.staging import Staging


def test_staged_files_appear_only_on_commit(tmp_path: Path) -> None:
    with Staging(tmp_path) as stage:
        stage.path("a.mp3").write_bytes(b"audio")
        stage.path("a.json").write_text("{}")
        assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == []
        done = stage.commit()
    assert [p.name for p in done] == ["a.mp3", "a.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "a.mp3"]


def test_a_failure_before_commit_leaves_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.mp3").write_bytes(b"old episode")
    with pytest.raises(RuntimeError), Staging(tmp_path) as stage:
        stage.path("a.mp3").write_bytes(b"half")
        raise RuntimeError("encoder died")
    assert [p.name for p in tmp_path.iterdir()] == ["a.mp3"]
    assert (tmp_path / "a.mp3").read_bytes() == b"old episode"


def test_names_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    with Staging(tmp_path) as stage, pytest.raises(InputError, match="outside"):
        stage.path("../evil.mp3")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("peace-talks-istanbul", "peace-talks-istanbul"),
        ("Café Owners in Zürich", "cafe-owners-in-zurich"),
        ("../../etc/passwd", "etc-passwd"),
        ("“Quoted” — Title!", "quoted-title"),
        ("Київ", "episode"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug
