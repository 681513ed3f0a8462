"""The open-data page on a small phone (issue 23): its list of files is read without sideways
scrolling, in every language."""

from __future__ import annotations

import pytest

from tests.quality import browser as chromium
from tests.quality.cases import SITE_CONFIG

# What sticks out of the screen's width or scrolls sideways inside the article.
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth, found = [];
    for (const element of document.querySelectorAll("article *")) {
        const box = element.getBoundingClientRect();
        const scrolls = element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== "visible";
        if (box.width && (box.right > width + 1 || box.left < -1) || scrolls)
            found.push(`${scrolls ? "scrolls" : "sticks out"}: ${element.outerHTML.slice(0, 100)}`);
    }
    return {found, page: document.documentElement.scrollWidth - width};
}"""


@pytest.mark.parametrize("language", SITE_CONFIG.codes)
def test_the_list_of_files_fits_a_375_px_phone(browser, site_server, language):
    prefix = "" if language == SITE_CONFIG.default_language else f"{language}/"
    with chromium.visit(browser, site_server, viewport=chromium.PHONE) as visit:
        visit.open(prefix + "open-data/", settle=False)
        files = visit.page.locator(".am-files > li")
        assert files.count() >= 5, "the open-data page lists no file"
        # Every card shows its file's link, its description and its format within the screen.
        assert visit.page.locator(".am-files .am-file-name a").count() >= files.count()
        overflow = visit.page.evaluate(OVERFLOWING)
    assert overflow["page"] <= 0 and not overflow["found"], overflow
