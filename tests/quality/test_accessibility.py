"""WCAG 2.1 AA in a real browser: axe-core on every key page in every language, and the keyboard."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from tests.quality.cases import KEY_PAGE_CASES, SITE_CONFIG
from tests.quality.observe import axe_violations, keyboard_round

FAILING_IMPACTS = ("serious", "critical")


def same_path(url: str, other: str) -> bool:
    """Whether two addresses show the same page (the server adds a folder's final slash)."""
    return urlsplit(url).path.rstrip("/") == urlsplit(other).path.rstrip("/")


def describe(violation: dict) -> str:
    nodes = "; ".join(
        f"{' > '.join(map(str, node['target']))}: {node['html'][:160]}" for node in violation["nodes"][:5]
    )
    return (
        f"[{violation['impact']}] {violation['id']}: {violation['help']} ({len(violation['nodes'])} elements: {nodes})"
    )


def assert_no_serious_violation(violations: list[dict], quality_report: list[str], address: str) -> None:
    """Fails on a serious or critical axe-core finding; reports the others."""
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    quality_report.extend(f"axe /{address}: {describe(v)}" for v in violations if v not in failing)
    assert not failing, f"axe-core on /{address}:\n" + "\n".join(map(describe, failing))


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_no_serious_accessibility_violation(observation, quality_report, page, language, address):
    seen = observation(page, language, address)
    seen.step("axe")
    assert_no_serious_violation(seen.axe_violations, quality_report, address)


def assert_reached(expected: dict[str, int], reached: list[str], address: str) -> None:
    """Each marked element (KeyPage.keyboard_reachable, the switcher, the navigation) had the focus."""
    assert all(expected.values()), f"/{address} has none of: {[name for name, n in expected.items() if not n]}"
    missed = [f"{name} {i}" for name, count in expected.items() for i in range(count) if f"{name} {i}" not in reached]
    assert not missed, f"the Tab key never reaches these elements of /{address}: {missed}"


def assert_keyboard_reaches_controls(visit, page, address: str) -> None:
    """Tab from the top of the page reaches the language switcher and its links, the navigation
    and the page's own controls (KeyPage.keyboard_reachable)."""
    visit.open(address, settle=False)
    assert_reached(*keyboard_round(visit, page.keyboard_reachable), address)


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_keyboard_reaches_switcher_navigation_and_page_controls(observation, page, language, address):
    seen = observation(page, language, address)
    seen.step("keyboard")
    assert_reached(seen.keyboard_expected, seen.keyboard_reached, address)


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_keyboard_operates_language_switcher(observation, page, language, address):
    """Tab to the switcher, Enter, Tab to another language, Enter: the same page in that language."""
    seen = observation(page, language, address)
    seen.step("switcher")
    switched = seen.switcher
    assert same_path(switched["url"], urljoin(seen.base_url + address, switched["href"])), switched
    assert switched["lang"] == switched["target"], switched


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_keyboard_follows_navigation_link(observation, page, language, address):
    seen = observation(page, language, address)
    seen.step("navigation")
    followed = seen.navigation
    assert same_path(followed["url"], urljoin(seen.base_url + address, followed["href"])), followed
    assert followed["lang"] == language, followed


@pytest.mark.parametrize("language", SITE_CONFIG.codes)
def test_search_page_with_results_is_accessible_and_keyboard_usable(visit, quality_report, language):
    """Tab from the page's top reaches the search link; Enter opens the search page, whose field
    has the focus; typed words list results, in the page's language, without serious axe finding."""
    prefix = "" if language == SITE_CONFIG.default_language else f"{language}/"
    visit.open(prefix + "about/", settle=False)
    visit.mark('.md-header a[href$="search/"]', "search link", visible_only=True)
    visit.tab_until(lambda stop: (stop.get("mark") or "").startswith("search link"))
    with visit.page.expect_navigation():
        visit.page.keyboard.press("Enter")
    visit.page.wait_for_selector(".pagefind-ui__search-input:focus")
    visit.page.keyboard.type("migrations")
    visit.page.wait_for_selector(".pagefind-ui__result-link")
    assert visit.page.evaluate("document.documentElement.lang") == language
    assert_no_serious_violation(axe_violations(visit), quality_report, f"{prefix}search/")
