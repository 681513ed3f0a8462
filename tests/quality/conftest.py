"""Fixtures of the reader-facing checks: the built site, its local server, the browser (their report's
fixture, quality_report, is in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliance.builtsite.parse import BuiltSite
from tests.quality import browser as chromium


@pytest.fixture(scope="session")
def site(built_site: Path) -> BuiltSite:
    return BuiltSite.from_directory(built_site)


@pytest.fixture(scope="session")
def site_server(site: BuiltSite):
    with chromium.serve(site.root, site.base_path) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    with chromium.launch() as launched:
        yield launched


@pytest.fixture(scope="session")
def served_site(site: BuiltSite, site_server: str) -> BuiltSite:
    """The built site at the address the test server gives it."""
    return BuiltSite(site.root, site_server)


@pytest.fixture(scope="session")
def page_load(browser, site_server):
    """load(address): the record of one settled visit of a page, shared by the weight, privacy and
    failed-request checks (one visit per page and language instead of three)."""
    loads: dict[str, chromium.Visit] = {}

    def load(address: str) -> chromium.Visit:
        if address not in loads:
            with chromium.visit(browser, site_server) as recorder:
                recorder.open(address)
            loads[address] = recorder
        return loads[address]

    return load


@pytest.fixture
def visit(browser, site_server):
    with chromium.visit(browser, site_server) as recorder:
        yield recorder
