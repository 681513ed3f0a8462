"""Whether a source's web address is public: not the reader's own machine or network, no password.

A browser reads hosts more loosely than they look: `http://2130706433/`, `http://0x7f.1/` and
`http://127.1/` are all 127.0.0.1, `%6c` in a host is `l`, full-width digits are digits. The
host is read here as the WHATWG URL standard reads it before it is judged.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import unquote, urlsplit

# Characters RFC 3986 does not allow anywhere in an address (they are written %3C, %22 ...).
_NOT_IN_ADDRESSES = re.compile(r'[<>"`{}|\\^\x00-\x08\x0e-\x1f\x7f]')
_NUMBER = re.compile(r"^(0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$")


def _ipv4_number(part: str) -> int | None:
    """One dotted part as WHATWG reads it: decimal, 0x hexadecimal or 0 octal; None if not a number."""
    if not _NUMBER.match(part):
        return None
    if part[:2].lower() == "0x":
        return int(part[2:] or "0", 16)
    return int(part, 8) if part.startswith("0") else int(part)


def _ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The address of a host that a browser reads as IPv4 (dotted, decimal, hex, octal, short forms)."""
    parts = host.split(".")
    if len(parts) > 4 or _ipv4_number(parts[-1]) is None:
        return None
    found = [_ipv4_number(part) for part in parts]
    numbers = [n for n in found if n is not None]
    if len(numbers) != len(found) or any(n > 255 for n in numbers[:-1]):
        return None
    last = numbers[-1]
    if last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for i, n in enumerate(numbers[:-1]):
        value += n * 256 ** (3 - i)
    return ipaddress.IPv4Address(value)


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def _not_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    # IPv6 addresses that carry an IPv4 one: 6to4 and NAT64 are global whatever they carry, so what
    # they carry is judged (IPv4-mapped and Teredo addresses are not global in the first place).
    if isinstance(address, ipaddress.IPv6Address):
        embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF) if address in _NAT64 else address.sixtofour
        if embedded is not None and _not_public(embedded):
            return True
    return not address.is_global or address.is_multicast


def address_problem(source: str) -> str | None:
    """Why a source's address may not be published, or None."""
    if not source.lower().startswith(("http://", "https://")):
        return None  # declaration#p4, or a form the schema reports
    if found := _NOT_IN_ADDRESSES.search(source):
        return f"the address contains {found[0]!r}, which web addresses do not allow: write it percent-encoded (such as %20 for a space)"
    try:
        parts = urlsplit(source)
        netloc = parts.netloc
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError:
        return "is not a valid web address"
    if "@" in netloc:
        return "the address carries a user name or password (before '@'): give the public address without them"
    host = unicodedata.normalize("NFKC", unquote(parts.hostname or "")).lower().removesuffix(".")
    if not host:
        return "the address has no host name"
    if host == "localhost" or host.endswith(".localhost"):
        return f'"{host}" is the reader\'s own machine: give a public web address'
    try:
        address = ipaddress.ip_address(host) if ":" in host else _ipv4(host)
    except ValueError:
        return "is not a valid web address"
    if address is not None and _not_public(address):
        shown = host if host == str(address) else f"{host} ({address})"
        return f"{shown} is not a public address (local, private or reserved network): give a public web address"
    return None
