"""Shared fixtures: sample articles, the reference article, and a fake engine in the real registry."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from audio_edition import voices
from audio_edition.voices import FakeEngine, register_engine
from audio_edition.voices.auto import forget_probe

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"
REFERENCE = ROOT.parent / "shared" / "articles" / "peace-talks-istanbul.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True, scope="session")
def no_network_and_private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test reaches beyond this machine, and none touches the user's segment cache."""
    real = socket.getaddrinfo

    def local_only(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host not in ("localhost", "127.0.0.1", "::1", None):
            raise socket.gaierror(socket.EAI_NONAME, f"network disabled in tests ({host})")
        return real(host, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket, "getaddrinfo", local_only)
        patch.setenv("AUDIO_EDITION_CACHE", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(autouse=True)
def fresh_probe_and_registry() -> Iterator[None]:
    """Each test decides `auto` afresh, and engines a test registers leave with it."""
    forget_probe()
    factories, instances = dict(voices._FACTORIES), dict(voices._INSTANCES)
    yield
    voices._FACTORIES.clear()
    voices._FACTORIES.update(factories)
    voices._INSTANCES.clear()
    voices._INSTANCES.update(instances)


@pytest.fixture
def reference_path() -> Path:
    """The real news article this project started from (kept outside the repository)."""
    if not REFERENCE.exists():
        pytest.skip("../shared/articles is not present beside this checkout")
    return REFERENCE


@pytest.fixture
def fake_engine() -> Iterator[FakeEngine]:
    """A fresh tone engine registered as 'fake' through the public registry."""
    engine = FakeEngine()
    register_engine("fake", lambda: engine, replace=True)
    yield engine
    register_engine("fake", FakeEngine, replace=True)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    """Write an article file into tmp_path and return its path."""
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
