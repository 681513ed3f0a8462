"""The key pages' addresses, which every browser check and the benchmark open."""

from __future__ import annotations

import pytest

from alliance.builtsite.keypages import KeyPage, page_address

DECLARATION = KeyPage("declaration", "declaration/", budget=1)


@pytest.mark.parametrize(
    ("language", "default_language", "address"),
    [
        ("fr", "fr", "declaration/"),
        ("en", "fr", "en/declaration/"),
        # a site whose default language is not French: its own language has no prefix, French has one
        ("es", "es", "declaration/"),
        ("fr", "es", "fr/declaration/"),
    ],
)
def test_a_key_page_address_has_no_prefix_in_the_default_language_only(language, default_language, address):
    assert page_address(DECLARATION, language, default_language) == address
