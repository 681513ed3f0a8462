"""Fixtures of the reader-facing checks: the built site, its local server, the browser (their report's
fixture, quality_report, is in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliance.builtsite.keypages import KeyPage
from alliance.builtsite.parse import BuiltSite
from tests.conftest import run_folder
from tests.quality import browser as chromium
from tests.quality.cases import KEY_PAGE_CASES
from tests.quality.observe import Observation, Target, observed


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
def observation(request, site_server, site_config, tmp_path_factory):
    """observation(page, language, address): the run's one visit of a key page in a language, shared
    by every browser check of it and by the xdist workers (tests/quality/observe.py)."""
    folder = run_folder(tmp_path_factory, "observations")
    codes = site_config.codes

    def target(page: KeyPage, language: str, address: str) -> Target:
        # The switcher is operated towards the next language.
        return Target(address, page.keyboard_reachable, codes[(codes.index(language) + 1) % len(codes)])

    every_page = [target(*case.values) for case in KEY_PAGE_CASES]

    def observation_of(page: KeyPage, language: str, address: str) -> Observation:
        wanted = target(page, language, address)
        return observed(folder, lambda: request.getfixturevalue("browser"), site_server, wanted, every_page)

    return observation_of


@pytest.fixture
def visit(browser, site_server):
    with chromium.visit(browser, site_server) as recorder:
        yield recorder
