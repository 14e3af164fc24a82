"""The client's address behind reverse proxies.

A proxy appends the address it received a request from to X-Forwarded-For, so the header reads
"client, proxy1, proxy2" and the connection comes from the last proxy. Only the entries added by
proxies we trust are reliable; anything to their left may be written by the client. The client is
therefore the right-most address of the chain (the header followed by the connection's own address)
that is not a trusted proxy. Without trusted proxies the header is ignored altogether.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_networks(entries: Iterable[str]) -> tuple[Network, ...]:
    """Addresses ("10.0.0.5") and networks ("10.0.0.0/8", "fd00::/8"); ValueError names a bad entry."""
    networks = []
    for entry in entries:
        text = entry.strip()
        if not text:
            continue
        try:
            networks.append(ipaddress.ip_network(text, strict=False))
        except ValueError:
            raise ValueError(f"not an IP address or network: {text!r}") from None
    return tuple(networks)


def parse_address(text: str | None) -> Address | None:
    """An address as proxies write it ("192.0.2.1", "192.0.2.1:443", "[2001:db8::1]:443"), or None."""
    if not text:
        return None
    value = text.strip().strip('"')
    if value.startswith("["):
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]  # IPv4 with a port
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def client_address(*, remote_addr: str | None, forwarded_for: str | None, trusted: Sequence[Network]) -> str | None:
    """The client's address as text (normalised, e.g. "2001:db8::1"), or None if there is none.

    `remote_addr` is the connection's address, `forwarded_for` the X-Forwarded-For header (several
    headers joined with commas), `trusted` the proxies from `parse_networks`.
    """
    peer = parse_address(remote_addr)
    if peer is None:
        return None
    if not _is_trusted(peer, trusted) or not forwarded_for:
        return str(peer)
    chain = [part for part in forwarded_for.split(",") if part.strip()]
    nearest = peer
    for entry in reversed(chain):
        address = parse_address(entry)
        if address is None:
            # A trusted proxy writes addresses only; garbage comes from beyond it. The last address
            # we could follow is then the best we know.
            return str(nearest)
        if not _is_trusted(address, trusted):
            return str(address)
        nearest = address
    # Every hop is one of our proxies: the request started inside (a health check, say).
    return str(nearest)


def _is_trusted(address: Address, trusted: Sequence[Network]) -> bool:
    return any(address.version == network.version and address in network for network in trusted)
