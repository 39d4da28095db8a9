"""The `--scheduler` address of a Dask cluster: `tcp://` or `tls://` only, and a warning when it
is neither loopback nor TLS (Dask moves pickles: whoever reaches a plain-TCP scheduler runs code
on its workers, and a scheduler not ours runs code in this process)."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from audio_edition.errors import InputError

SCHEMES = ("tcp", "tls")


def check_scheduler(address: str) -> None:
    """InputError unless `address` is `tcp://host:port` or `tls://host:port`."""
    parts = urlsplit(address)
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise InputError(
            f"--scheduler {address}: give the Dask scheduler as tcp://HOST:PORT (this machine) "
            "or tls://HOST:PORT (with Dask's TLS certificates configured)"
        )


def scheduler_warning(address: str | None) -> str | None:
    """A one-line warning when `address` is plain TCP to another machine; None when it is TLS,
    loopback, or not given."""
    if not address:
        return None
    parts = urlsplit(address)
    if parts.scheme == "tls" or _loopback(parts.hostname or ""):
        return None
    return (
        f"warning: --scheduler {address} is neither loopback nor TLS: anyone who can reach it can run "
        "code on the workers, and a scheduler not yours can run code here; use tls:// with "
        "certificates (README, Dask) or a scheduler bound to 127.0.0.1"
    )


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
