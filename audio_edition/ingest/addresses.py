"""Which network addresses a fetch may reach: public ones only, unless the user allows their own
network. A name is resolved once; the address checked is the address connected to."""

from __future__ import annotations

import ipaddress
import socket

from audio_edition.errors import InputError

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


class PrivateAddress(InputError):
    """A URL whose host is (or resolves to) a loopback, private, link-local, multicast, unspecified or
    reserved address, refused without `--allow-private-hosts`."""


def is_public(address: str) -> bool:
    """True for a globally routable unicast address; False for loopback, private, shared, link-local,
    multicast, unspecified, reserved and documentation ranges of IPv4 and IPv6, and for IPv6
    addresses carrying such an IPv4 address (mapped, 6to4, Teredo, NAT64)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if (
        not ip.is_global
        or ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_unspecified
        or ip.is_reserved
    ):
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        return all(is_public(str(inner)) for inner in _embedded(ip))
    return True


def _embedded(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo, NAT64)."""
    found = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if ip in _NAT64 or ip in _NAT64_LOCAL:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [inner for inner in found if inner is not None]


def pinned_address(url: str, host: str, port: int, *, allow_private: bool) -> str:
    """The one address `host` resolves to that the request will connect to; PrivateAddress when it
    is not public and private hosts are not allowed. A failed lookup raises `socket.gaierror`."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    address = str(found[0][4][0])
    if not allow_private and not is_public(address):
        raise PrivateAddress(
            f"refused: {url} resolves to a private address {address}: "
            "pass --allow-private-hosts to read your own network"
        )
    return address
