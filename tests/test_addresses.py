"""A source is a public web address: the tricks a browser accepts for a local host are seen through."""

from __future__ import annotations

import pytest

from alliance.data.addresses import address_problem
from alliance.data.contributed import link_scheme

NOT_PUBLIC = [
    "http://localhost/",
    "http://LOCALHOST./x",
    "http://app.localhost:3000/",
    "http://127.0.0.1/",
    "http://127.1/",
    "http://2130706433/",
    "http://0x7f000001/",
    "http://0x7f.1/",
    "http://0177.0.0.1/",
    "http://0/",
    "http://%6c%6fcalhost/",
    "http://\uff11\uff12\uff17.0.0.1/",
    "http://10.1.2.3/",
    "http://172.16.0.1/",
    "http://192.168.0.10:8080/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://[::1]/",
    "http://[::]/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:10.0.0.1]/",
    "http://224.0.0.1/",
]
WITH_USER = ["https://user:password@example.org/", "https://user@example.org/", "https://example.org@evil.example/"]
PUBLIC = [
    "https://example.org/",
    "http://example.org:8080/a?b=c#d",
    "https://8.8.8.8/",
    "https://[2001:4860:4860::8888]/",
    "https://example.org/'quoted'",
    "https://1234.example/",
    "declaration#p4",
]


@pytest.mark.parametrize("address", NOT_PUBLIC)
def test_local_and_private_hosts_are_refused(address):
    assert "not a public address" in address_problem(address) or "own machine" in address_problem(address)


@pytest.mark.parametrize("address", WITH_USER)
def test_a_user_name_or_password_is_refused(address):
    assert "user name or password" in address_problem(address)


@pytest.mark.parametrize(
    "address",
    ['https://example.org/"><script>', "https://example.org/<x>", "https://example.org/{x}", "https://example.org/`"],
)
def test_characters_addresses_do_not_allow_are_refused(address):
    assert "do not allow" in address_problem(address)


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address):
    assert address_problem(address) is None


@pytest.mark.parametrize(
    "href, scheme",
    [
        ("javascript:alert(1)", "javascript"),
        ("JaVaScRiPt:x", "javascript"),
        (" \x01javascript:x", "javascript"),
        ("java\tscript:x", "javascript"),
        ("java&#9;script:x", "javascript"),
        ("&#106;avascript:x", "javascript"),
        ("&#x6A;avascript:x", "javascript"),
        ("javascript&colon;x", "javascript"),
        ("vbscript:x", "vbscript"),
        ("data:text/html,x", "data"),
        ("https://x.org", "https"),
        ("mailto:a@b.org", "mailto"),
        ("../cities/lisbon.md", None),
        ("#anchor", None),
        ("//example.org/x", None),
        ("page.md?a=b:c", None),
    ],
)
def test_the_scheme_is_read_as_a_browser_reads_it(href, scheme):
    assert link_scheme(href) == scheme


NOT_PUBLIC_END = ": give a public web address"


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        # How a browser reads numbers in a host: the reader is told which address it is.
        ("http://0x/", "0x (0.0.0.0) is not a public address (local, private or reserved network)" + NOT_PUBLIC_END),
        (
            "http://0X7F000001/",
            "0x7f000001 (127.0.0.1) is not a public address (local, private or reserved network)" + NOT_PUBLIC_END,
        ),
        (
            "http://0177.1/",
            "0177.1 (127.0.0.1) is not a public address (local, private or reserved network)" + NOT_PUBLIC_END,
        ),
        ("http://00/", "00 (0.0.0.0) is not a public address (local, private or reserved network)" + NOT_PUBLIC_END),
        (
            "http://127.0.0.1./",
            "127.0.0.1 is not a public address (local, private or reserved network)" + NOT_PUBLIC_END,
        ),
        (
            "http://167772160/",
            "167772160 (10.0.0.0) is not a public address (local, private or reserved network)" + NOT_PUBLIC_END,
        ),
        # The last number fills the bytes the others leave, and no more.
        (
            "http://10.16777215/",
            "10.16777215 (10.255.255.255) is not a public address (local, private or reserved network)"
            + NOT_PUBLIC_END,
        ),
        ("http://10.16777216/", None),
        (
            "http://10.1.65535/",
            "10.1.65535 (10.1.255.255) is not a public address (local, private or reserved network)" + NOT_PUBLIC_END,
        ),
        ("http://10.1.65536/", None),
        (
            "http://10.1.1.255/",
            "10.1.1.255 is not a public address (local, private or reserved network)" + NOT_PUBLIC_END,
        ),
        ("http://10.1.1.256/", None),
        (
            "http://4294967295/",
            "4294967295 (255.255.255.255) is not a public address (local, private or reserved network)"
            + NOT_PUBLIC_END,
        ),
        ("http://4294967296/", None),
        (
            "http://10.255.1.1/",
            "10.255.1.1 is not a public address (local, private or reserved network)" + NOT_PUBLIC_END,
        ),
        ("http://256.0.0.1/", None),
        ("http://10.1.1.1.1/", None),
        ("http://10.1.1.1.0/", None),
        ("http://10.1.256.1/", None),
        ("http://9.16777216/", None),
        ("http://08.0.0.1/", None),
        ("http://0xg.1/", None),
        ("http://1.256/", None),
        # IPv6, and IPv4 carried inside it.
        (
            "http://[2002:7f00:1::]/",
            "2002:7f00:1:: is not a public address (local, private or reserved network)" + NOT_PUBLIC_END,
        ),
        ("http://[ff0e::1]/", "ff0e::1 is not a public address (local, private or reserved network)" + NOT_PUBLIC_END),
        ("http://[::ffff:8.8.8.8]/", None),
        (
            "http://[::ffff:127.0.0.1]/",
            "::ffff:127.0.0.1 (::ffff:7f00:1) is not a public address (local, private or reserved network)"
            + NOT_PUBLIC_END,
        ),
        ("http://[2002:808:808::]/", None),
        (
            "http://[64:ff9b::7f00:1]/",
            "64:ff9b::7f00:1 is not a public address (local, private or reserved network)" + NOT_PUBLIC_END,
        ),
        ("http://[64:ff9b::808:808]/", None),
        (
            "http://[2001:0:4136:e378:8000:63bf:f7f7:f7f7]/",
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7 is not a public address (local, private or reserved network)"
            + NOT_PUBLIC_END,
        ),
        ("http://[2001:4860::8888]/", None),
        ("http://[2001:4860::8888/", "is not a valid web address"),
        ("http://[zz::1]/", "is not a valid web address"),
        ("http://example.org:port/", "is not a valid web address"),
        ("http://x%3A1/", "is not a valid web address"),  # a ':' in the host once decoded
        ("HTTPS://LOCALHOST/", '"localhost" is the reader\'s own machine' + NOT_PUBLIC_END),
        ("http://a.localhost/", '"a.localhost" is the reader\'s own machine' + NOT_PUBLIC_END),
        ("http://localhost.example/", None),
        ("http:///path", "the address has no host name"),
        (
            "http://a@b/",
            "the address carries a user name or password (before '@'): give the public address without them",
        ),
        (
            "https://example.org/a\\b",
            "the address contains '\\\\', which web addresses do not allow: write it percent-encoded (such as %20 for a space)",
        ),
        (
            "https://example.org/\x7f",
            "the address contains '\\x7f', which web addresses do not allow: write it percent-encoded (such as %20 for a space)",
        ),
        ("ftp://10.0.0.1/", None),
    ],
)
def test_each_refusal_says_why_in_plain_words(address, problem):
    assert address_problem(address) == problem
