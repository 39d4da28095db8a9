"""Write a set of output files as one: temporary names in the target folder, renamed into place on
commit, a marker file (the manifest) renamed last."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import shutil
import socket
import time
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from audio_edition.errors import InputError, OutputError


def check_output_folder(out_dir: Path | str) -> None:
    """InputError when `out_dir` cannot become the output folder (a file stands there, a parent is a
    file, or the system refuses to make it), checked before any work: a missing folder is made and
    removed again, so nothing is left; it is made for good when written."""
    out_dir = Path(out_dir)
    for folder in (out_dir, *out_dir.parents):
        if folder.exists():
            if not folder.is_dir():
                raise InputError(f"output folder {out_dir} is a file: choose another -o folder")
            break
    if out_dir.is_dir():
        return
    missing = [f for f in (out_dir, *out_dir.parents) if not f.exists()]
    try:
        out_dir.mkdir(parents=True)
    except OSError as exc:
        raise cannot_create(out_dir, exc) from None
    finally:
        for folder in missing:  # deepest first
            try:
                folder.rmdir()
            except OSError:
                pass


def cannot_create(out_dir: Path, exc: OSError) -> InputError:
    """The one-line error for an output folder the system refuses to make."""
    why = (exc.strerror or str(exc)).lower()
    return InputError(f"cannot create output folder {out_dir} ({why}): choose another -o folder")


class Staging:
    """Hands out temporary paths beside their final names; `commit` renames them all into place.

    Leaving the `with` block without committing (an error) deletes every temporary file.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._pending: list[tuple[Path, Path]] = []

    def __enter__(self) -> Staging:
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise InputError(f"output folder {self.out_dir} is a file: choose another -o folder") from None
        except OSError as exc:
            raise cannot_create(self.out_dir, exc) from None
        if not os.access(self.out_dir, os.W_OK):
            raise InputError(f"output folder {self.out_dir} is not writable: choose another -o folder")
        sweep_once(self.out_dir)
        return self

    def path(self, name: str) -> Path:
        """A temporary path that becomes `out_dir/name` on commit."""
        final = self._final(name)
        temp = self.out_dir / f".{name}.{_owner()}-{secrets.token_hex(4)}.part"
        self._pending.append((temp, final))
        return temp

    def folder(self, name: str) -> Path:
        """A temporary folder that becomes `out_dir/name` on commit (replacing any old one)."""
        path = self.path(name)
        path.mkdir()
        return path

    def staged(self) -> dict[str, Path]:
        """Each staged final name and its temporary path, in the order they were staged."""
        return {final.name: temp for temp, final in self._pending}

    def commit(self, *, last: str | None = None, remove: Iterable[str] = ()) -> list[Path]:
        """Rename every staged file and folder into place and delete the names in `remove`; returns
        the final paths in the order they were staged.

        `last` names the commit marker (a manifest): its old file goes first, before anything
        moves, and the staged one is renamed after everything else, so a commit cut short at any
        point leaves no marker at all rather than one that describes a mixed set.
        """
        if last is not None:
            _discard(self._final(last))
        for temp, final in self._pending:
            if final.name != last:
                self._install(temp, final)
        for name in remove:
            _discard(self._final(name))
        for temp, final in self._pending:
            if final.name == last:
                self._install(temp, final)
        done = [final for _, final in self._pending]
        self._pending.clear()
        return done

    def _final(self, name: str) -> Path:
        final = self.out_dir / name
        if final.resolve().parent != self.out_dir.resolve():
            raise InputError(f"refusing to write {name!r} outside {self.out_dir}")
        return final

    def _install(self, temp: Path, final: Path) -> None:
        """Rename one staged file or folder to its final name (an old folder is moved aside first)."""
        if temp.is_dir():
            old = _aside(final)
            if final.exists():
                os.replace(final, old)
            os.replace(temp, final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(temp, final)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for temp, _ in self._pending:
            if temp.is_dir():
                shutil.rmtree(temp, ignore_errors=True)
            else:
                temp.unlink(missing_ok=True)
        self._pending.clear()
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise OutputError(
                f"disk full while writing in {self.out_dir}: nothing was written; "
                "free some space or choose another -o folder"
            ) from exc


_LEFTOVER = re.compile(r"^\..+\.([0-9a-f]{8})-(\d+)-[0-9a-f]{8}\.(part|old)$")
# A leftover of another machine (an output folder shared by a cluster) cannot be checked for a
# live process: it is removed only when nothing has touched it for this long.
FOREIGN_AGE_S = 24 * 3600


def _owner() -> str:
    """This machine and process, as staging names carry them: HOSTHASH-PID."""
    host = hashlib.sha256(socket.gethostname().encode("utf-8")).hexdigest()[:8]
    return f"{host}-{os.getpid()}"


def _aside(final: Path) -> Path:
    """A leftover-style name to move `final` to before deleting it (swept if we die meanwhile)."""
    return final.with_name(f".{final.name}.{_owner()}-{secrets.token_hex(4)}.old")


def _discard(path: Path) -> None:
    """Delete a file, or a folder after moving it aside (so no half-deleted folder keeps its name)."""
    if path.is_dir() and not path.is_symlink():
        old = _aside(path)
        os.replace(path, old)
        shutil.rmtree(old, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


# When each output folder was last swept by this process (pid, folder): a build sweeps its folder
# only the first time, so a batch of n articles lists it once instead of n times; a long-lived
# process sweeps again after RESWEEP_S.
_swept: dict[tuple[int, Path], float] = {}
RESWEEP_S = 3600.0


def sweep_once(folder: Path) -> list[Path]:
    """`sweep_leftovers(folder)` unless this process swept it less than RESWEEP_S ago."""
    key, now = (os.getpid(), folder.resolve()), time.monotonic()
    if key in _swept and now - _swept[key] < RESWEEP_S:
        return []
    _swept[key] = now
    return sweep_leftovers(folder)


def sweep_leftovers(folder: Path) -> list[Path]:
    """Remove staging files and folders left by builds that were killed: on this machine those
    whose process is gone, from other machines those untouched for a day. Returns what went."""
    removed = []
    host = _owner().split("-")[0]
    for entry in folder.iterdir():
        match = _LEFTOVER.match(entry.name)
        if match is None:
            continue
        if match.group(1) == host:
            if _alive(int(match.group(2))):
                continue
        elif time.time() - entry.lstat().st_mtime < FOREIGN_AGE_S:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True
