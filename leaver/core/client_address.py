"""The address a request comes from: one answer for the audit log and the sign-in lockout.

Behind a reverse proxy every request arrives from the proxy, so REMOTE_ADDR names the proxy and
the client's own address is in `X-Forwarded-For`. But anyone can send that header: believed
blindly, it lets an attacker write any address into the audit log and take a fresh lockout
count with every guess. So the header is read only when REMOTE_ADDR is one of
`settings.TRUSTED_PROXIES` (addresses and networks, from the environment), and then from the
right: each trusted proxy appends the address it received the request from, so the right-most
entry that is not itself a trusted proxy is the client as the outermost proxy saw it. Entries
further left were written by the client (or by proxies we know nothing of) and are ignored.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address as text, or None when the connection has none (a socket)."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    trusted: Iterable[Network] = settings.TRUSTED_PROXIES
    if remote is None or not _is_trusted(remote, trusted):
        return str(remote) if remote is not None else None
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    client = remote
    for hop in reversed([hop for hop in hops if hop]):
        address = _parse(hop)
        if address is None:
            # A trusted proxy never writes this; whatever is left of it cannot be believed.
            break
        client = address
        if not _is_trusted(address, trusted):
            break
    return str(client)


def _is_trusted(address: Address, trusted: Iterable[Network]) -> bool:
    return any(address.version == network.version and address in network
               for network in trusted)


def _parse(text: str) -> Address | None:
    """An address as a proxy may write it: `203.0.113.7`, `2001:db8::1`, `[2001:db8::1]`, or
    either with a port (`203.0.113.7:4711`, `[2001:db8::1]:4711`)."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped  # ::ffff:203.0.113.7 is 203.0.113.7
    return address
