"""Fetching on the open web: private addresses refused (directly and by redirect), the address
checked is the one connected to, and no server holds a request past its deadline."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from audio_edition.cli import cli
from audio_edition.errors import InputError
from audio_edition.ingest import addresses, read_article, safe_http
from audio_edition.ingest.addresses import PrivateAddress, is_public
from audio_edition.ingest.fetch import get
from tests.follow.site import Site, serve

STORY = "Ferry strike ends\n\nThe harbour ferry runs again from Monday after a week of strikes.\n"


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    server = serve(served)
    served.put("/story.txt", STORY, "text/plain; charset=utf-8")
    yield served
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "10.0.0.8", "172.16.4.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
        "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fe80::1%eth0", "fc00::1",
        "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "2002:a00:1::", "64:ff9b::7f00:1",
    ],
)  # fmt: skip
def test_private_and_reserved_addresses_are_not_public(address: str) -> None:
    assert not is_public(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111"])
def test_public_addresses_are_public(address: str) -> None:
    assert is_public(address)


def test_a_loopback_page_is_refused_in_one_line(site: Site) -> None:
    url = site.url("/story.txt")
    with pytest.raises(PrivateAddress) as caught:
        read_article(url)
    assert str(caught.value) == (
        f"refused: {url} resolves to a private address 127.0.0.1: "
        "pass --allow-private-hosts to read your own network"
    )
    assert site.count() == 0  # not even connected to


def test_allowed_private_hosts_are_read(site: Site) -> None:
    article = read_article(site.url("/story.txt"), allow_private=True)
    assert article.meta.title == "Ferry strike ends"


def test_build_refuses_a_private_url_with_exit_2(site: Site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = site.url("/story.txt")
    result = CliRunner().invoke(cli, ["build", url, "-o", str(tmp_path / "out"), "--engine", "fake"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines == [
        f"Error: refused: {url} resolves to a private address 127.0.0.1: "
        "pass --allow-private-hosts to read your own network"
    ]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def _only_loopback_v4_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 stands for a public site (the tests have no other); every other address is as it is."""
    real = addresses.is_public
    monkeypatch.setattr(addresses, "is_public", lambda a: a == "127.0.0.1" or real(a))


def test_a_redirect_to_a_private_address_is_refused(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    _only_loopback_v4_is_public(monkeypatch)
    secret = f"http://[::1]:{site.port}/secret"
    url = site.redirect("/story", secret)
    with pytest.raises(
        PrivateAddress, match=r"refused: http://\[::1\]:\d+/secret resolves to a private address ::1"
    ):
        get(url)
    assert site.count("/story") == 1 and site.count("/secret") == 0


def test_redirects_are_followed_by_hand_within_a_limit(site: Site) -> None:
    site.redirect("/a", site.url("/story.txt"))
    got = get(site.url("/a"), allow_private=True)
    assert got.url == site.url("/story.txt") and got.body.decode() == STORY
    site.redirect("/loop", "/loop")
    with pytest.raises(InputError, match=f"more than {safe_http.MAX_REDIRECTS} redirects"):
        get(site.url("/loop"), allow_private=True)
    assert site.count("/loop") == safe_http.MAX_REDIRECTS + 1


def test_the_checked_address_is_the_one_connected_to(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """One lookup per hop: a name that resolves elsewhere the second time (DNS rebinding) is never
    asked twice; the Host header still names the host."""
    lookups: list[str] = []
    real = socket.getaddrinfo

    def resolver(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        lookups.append(host)
        if host == "news.example":
            return real("127.0.0.1", port, *args, **kwargs) if lookups.count(host) == 1 else []
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    got = get(f"http://news.example:{site.port}/story.txt", allow_private=True)
    assert got.body.decode() == STORY
    assert lookups.count("news.example") == 1
    assert site.log[-1].host == f"news.example:{site.port}"
    lookups.clear()
    with pytest.raises(PrivateAddress, match="news.example.*private address 127.0.0.1"):
        get(f"http://news.example:{site.port}/story.txt")


def test_a_dripping_server_cannot_hold_a_request_past_its_deadline(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safe_http, "DEADLINE", 1.0)
    url = site.drip("/slow", "x" * 1000, 0.05)  # 50 s for the whole body, a byte well within any timeout
    started = time.monotonic()
    with pytest.raises(InputError, match=r"no whole answer within 1 s \(deadline\)"):
        get(url, allow_private=True)
    assert time.monotonic() - started < 2.0
