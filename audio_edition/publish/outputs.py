"""What an output folder holds: an episode's set of files, described by its manifest (`S.json`), is
trusted only when every file the manifest names is on disk with the size and SHA-256 it records."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from audio_edition.publish.formats import BY_NAME, MANIFEST, MP3, QA, owned_names


def describe(staged: Mapping[str, Path]) -> list[dict[str, Any]]:
    """The manifest's `files`: for each final name and the path holding it now, its name, size and
    SHA-256; a folder gives one entry per file in it, named `FOLDER/relative/path`."""
    entries = []
    for name, path in staged.items():
        if path.is_dir():
            members = sorted(p for p in path.rglob("*") if p.is_file())
            entries += [_entry(f"{name}/{p.relative_to(path).as_posix()}", p) for p in members]
        else:
            entries.append(_entry(name, path))
    return entries


def verified_manifest(out_dir: Path, slug: str) -> dict[str, Any] | None:
    """The manifest of `slug` when its set is whole: it names the MP3, and every file it names is
    there with its recorded size and hash. None otherwise (no manifest, an older one without
    `files`, a commit cut short, a file changed since)."""
    return checked_manifest(out_dir, slug)[0]


def checked_manifest(out_dir: Path, slug: str) -> tuple[dict[str, Any] | None, str]:
    """(the manifest, "") when `slug`'s set is whole, else (None, why not) in a few words."""
    try:
        data = json.loads((out_dir / (slug + MANIFEST)).read_text(encoding="utf-8"))
    except OSError as exc:
        return None, f"its manifest cannot be read ({exc.strerror or exc})"
    except ValueError:
        return None, "its manifest is not valid JSON"
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list) or not files:
        return None, "its manifest lists no files (made by an older version)"
    ours = owned_names(slug) - {slug + MANIFEST}
    for entry in files:
        if not isinstance(entry, dict) or not _matches(out_dir, entry, ours):
            name = entry.get("name") if isinstance(entry, dict) else None
            return None, f"{name or 'a file it names'} is missing or changed since the build"
    if slug + MP3 not in set_names(data):
        return None, "its manifest names no MP3"
    return data, ""


def set_names(manifest: dict[str, Any]) -> set[str]:
    """The files and folders (top-level names) a manifest's set holds, the manifest left out."""
    return {str(entry["name"]).split("/")[0] for entry in manifest["files"]}


def stale_names(out_dir: Path, slug: str, keep: set[str]) -> list[str]:
    """Files and folders of `slug` in `out_dir` that are not in `keep`: a new build of it removes
    them. Only names a build can write are looked at (no listing of the folder)."""
    return sorted(name for name in owned_names(slug) - keep if (out_dir / name).exists())


def discard_unverified(out_dir: Path, slug: str) -> list[str]:
    """Remove the slug's files when its manifest does not vouch for them (a build stopped mid-
    commit left a mix): a set is whole or absent. Returns the names removed."""
    if verified_manifest(out_dir, slug) is not None:
        return []
    removed = []
    for name in sorted(owned_names(slug)):
        path = out_dir / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists() or path.is_symlink():
            path.unlink(missing_ok=True)
        else:
            continue
        removed.append(name)
    return removed


def up_to_date(out_dir: Path, slug: str, stamp: str, formats: tuple[str, ...]) -> bool:
    """True when `out_dir` holds this article's whole set (MP3, QA report, `formats`), made with
    fingerprint `stamp`."""
    manifest = verified_manifest(out_dir, slug)
    if manifest is None or manifest.get("fingerprint") != stamp:
        return False
    wanted = {slug + MP3, slug + QA} | {BY_NAME[name].file_name(slug) for name in formats}
    return set_names(manifest) == wanted


def _entry(name: str, path: Path) -> dict[str, Any]:
    return {"name": name, "size": path.stat().st_size, "sha256": _sha256(path)}


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _matches(out_dir: Path, entry: dict[str, Any], ours: set[str]) -> bool:
    """The file an entry names is one of the set's, on disk, with the entry's size and hash."""
    name, size, digest = entry.get("name"), entry.get("size"), entry.get("sha256")
    if not isinstance(name, str) or not isinstance(size, int) or not isinstance(digest, str):
        return False
    parts = PurePosixPath(name).parts
    if not parts or parts[0] not in ours or ".." in parts or PurePosixPath(name).is_absolute():
        return False
    path = out_dir.joinpath(*parts)
    try:
        if not path.is_file() or path.stat().st_size != size:
            return False
        return _sha256(path) == digest
    except OSError:
        return False
