"""Pages of text load no script but the site's own few lines (issue 23): Material's bundle is left
out, the pages work as well without JavaScript, and content/assets/site.js does what readers
still want of a script (the drawer closes when one of its links is followed, back to top)."""

from __future__ import annotations

import pytest

from tests.quality import browser as chromium
from tests.quality.cases import KEY_PAGE_CASES, SITE_CONFIG
from tests.quality.observe import axe_violations
from tests.quality.test_accessibility import assert_keyboard_reaches_controls, assert_no_serious_violation

# Pages that load more than the site's own script: the map (its document) and the search page.
SCRIPTED_PAGES = {"map", "search"}
SITE_SCRIPT = "assets/site.js"
TEXT_PAGE_CASES = [case for case in KEY_PAGE_CASES if not any(f"{name}-" in str(case.id) for name in SCRIPTED_PAGES)]
DEFAULT_LANGUAGE_CASES = [case for case in TEXT_PAGE_CASES if str(case.id).endswith(f"-{SITE_CONFIG.default_language}")]


@pytest.mark.parametrize("page, language, address", TEXT_PAGE_CASES)
def test_a_page_of_text_loads_no_script_but_the_sites_own(observation, page, language, address):
    seen = observation(page, language, address)
    seen.step("settle")
    scripts = [url for url in seen.own_requests if url.split("?")[0].endswith(".js")]
    assert scripts == [seen.base_url + SITE_SCRIPT], f"/{address} loads {scripts}"


@pytest.mark.parametrize("page, language, address", DEFAULT_LANGUAGE_CASES)
def test_without_javascript_a_page_of_text_is_accessible_and_keyboard_usable(
    browser, site_server, quality_report, page, language, address
):
    with chromium.visit(browser, site_server, javascript=False) as visit:
        assert_keyboard_reaches_controls(visit, page, address)
    # axe-core is a script itself: it checks the page with every script of the site kept out.
    with chromium.visit(browser, site_server) as visit:
        visit.page.route("**/*.js", lambda route: route.abort())
        visit.open(address, settle=False)
        assert_no_serious_violation(axe_violations(visit), quality_report, address)


@pytest.mark.parametrize("language", SITE_CONFIG.codes)
def test_on_a_phone_the_drawer_closes_when_one_of_its_links_is_followed_or_on_escape(browser, site_server, language):
    prefix = "" if language == SITE_CONFIG.default_language else f"{language}/"
    with chromium.visit(browser, site_server, viewport=chromium.PHONE) as visit:
        visit.open(prefix + "declaration/", settle=False)
        drawer = "document.getElementById('__drawer').checked"
        visit.page.click(".md-header label[for=__drawer]")
        assert visit.page.evaluate(drawer)
        visit.page.keyboard.press("Escape")
        assert not visit.page.evaluate(drawer)
        # The page's table of contents, in the drawer on a phone.
        visit.page.click(".md-header label[for=__drawer]")
        visit.page.click(".md-sidebar--primary label[for=__toc]")
        link = visit.page.locator(".md-sidebar--primary .md-nav--secondary a[href^='#']").nth(1)
        target = link.get_attribute("href")
        link.click()
        visit.wait_for(f"location.hash === {target!r}")
        assert not visit.page.evaluate(drawer)
        assert visit.page.locator(target).is_visible()


def test_back_to_top_shows_while_scrolling_up_and_leads_to_the_top(browser, site_server):
    with chromium.visit(browser, site_server, viewport=chromium.PHONE) as visit:
        visit.open("declaration/", settle=False)
        # Material's styles fade the button out while it has the attribute `hidden`.
        hidden = "document.querySelector('.md-top').hidden"
        visit.page.mouse.wheel(0, 3000)
        visit.wait_for("scrollY > 2000")
        assert visit.page.evaluate(hidden)
        visit.page.mouse.wheel(0, -300)
        visit.wait_for("!" + hidden)
        visit.page.click(".md-top")
        visit.wait_for("scrollY === 0")
        assert visit.page.evaluate(hidden)
