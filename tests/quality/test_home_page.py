"""The home page in a real browser, on a 375 px phone, in every language (issue 12, item 8)."""

from __future__ import annotations

import pytest

from alliance.data.dataset import load_dataset
from alliance.localized import language_prefix
from tests.quality import browser as chromium
from tests.quality.cases import SITE_CONFIG

LANGUAGES = SITE_CONFIG.codes


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_reads_on_a_phone_and_leads_everywhere(browser, site_server, dataset, language):
    with chromium.visit(browser, site_server, viewport=chromium.PHONE) as visit:
        visit.open(language_prefix(language, SITE_CONFIG.default_language), settle=False)
        page = visit.page
        # Nothing wider than the screen: no sideways scrolling to read a line.
        assert page.evaluate("document.documentElement.scrollWidth") <= chromium.PHONE["width"]
        figures = page.locator("article .am-figures li")
        assert figures.count() == 3
        for i, number in enumerate(
            (dataset.declared.participants_more_than, dataset.declared.cities, dataset.declared.countries)
        ):
            assert figures.nth(i).locator("strong").inner_text() == str(number)
            assert figures.nth(i).is_visible()
        # Figures, roles and agenda entries show their sources where they stand.
        assert page.locator("article .am-figures-source a[href*='declaration/#p1']").count() == 1
        article = page.locator("article")
        for target in ("declaration/", "map/", "agenda/", "practices/"):
            link = article.locator(f"a[href$='{target}']").first
            assert link.is_visible(), f"no visible link to {target}"
        map_link = article.locator(".md-button[href$='map/']")
        assert map_link.count() == 1 and map_link.bounding_box()["width"] <= chromium.PHONE["width"]
        assert article.locator("a[href*='agenda/#']").count() >= 1
        assert article.locator("a[href*='practices/'][href$='/']").count() >= 3
