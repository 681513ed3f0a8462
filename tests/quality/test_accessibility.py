"""WCAG 2.1 AA in a real browser: axe-core on every key page in every language, and the keyboard."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest

from tests.quality.browser import AXE
from tests.quality.cases import KEY_PAGE_CASES, SITE_CONFIG

FAILING_IMPACTS = ("serious", "critical")
# The controls every page has, and which the keyboard must reach and operate.
LANGUAGE_SWITCHER = ".md-header .md-select > button"
LANGUAGE_LINKS = ".md-header .md-select__link"
NAVIGATION_LINKS = ".md-nav--primary a.md-nav__link"


def same_path(url: str, other: str) -> bool:
    """Whether two addresses show the same page (the server adds a folder's final slash)."""
    return urlsplit(url).path.rstrip("/") == urlsplit(other).path.rstrip("/")


def axe_violations(visit) -> list[dict]:
    """axe-core's violations for the open page, its frames included (axe runs in each)."""
    source = AXE.read_text(encoding="utf-8")
    for frame in visit.page.frames:
        # Evaluated by the browser tools, as the page's own policy (no inline script) would refuse a script tag.
        frame.evaluate(source)
    result = visit.page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return result["violations"]


def describe(violation: dict) -> str:
    nodes = "; ".join(
        f"{' > '.join(map(str, node['target']))}: {node['html'][:160]}" for node in violation["nodes"][:5]
    )
    return (
        f"[{violation['impact']}] {violation['id']}: {violation['help']} ({len(violation['nodes'])} elements: {nodes})"
    )


def assert_no_serious_violation(visit, quality_report: list[str], address: str) -> None:
    """Fails on a serious or critical axe-core finding of the page shown; reports the others."""
    violations = axe_violations(visit)
    failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    quality_report.extend(f"axe /{address}: {describe(v)}" for v in violations if v not in failing)
    assert not failing, f"axe-core on /{address}:\n" + "\n".join(map(describe, failing))


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_no_serious_accessibility_violation(visit, quality_report, page, language, address):
    visit.open(address)
    assert_no_serious_violation(visit, quality_report, address)


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_keyboard_reaches_switcher_navigation_and_page_controls(visit, page, language, address):
    assert_keyboard_reaches_controls(visit, page, address)


def assert_keyboard_reaches_controls(visit, page, address: str) -> None:
    """Tab from the top of the page reaches the language switcher and its links, the navigation
    and the page's own controls (KeyPage.keyboard_reachable)."""
    visit.open(address, settle=False)
    # The round starts at the page's first link (the skip link), also where a field has the focus
    # when the page opens (the search page's).
    visit.page.focus("a[href]")
    expected = {"language switcher": visit.mark(LANGUAGE_SWITCHER, "language switcher", visible_only=True)}
    # Its links show once the switcher has the focus: they are hidden when marked.
    expected["language link"] = visit.mark(LANGUAGE_LINKS, "language link", visible_only=False)
    expected["navigation"] = visit.mark(NAVIGATION_LINKS, "navigation", visible_only=True)
    for selector in page.keyboard_reachable:
        expected[selector] = visit.mark(selector, selector, visible_only=True)
    assert all(expected.values()), f"/{address} has none of: {[name for name, n in expected.items() if not n]}"
    reached = {stop["mark"] for stop in visit.tab_through() if stop.get("mark")}
    missed = [f"{name} {i}" for name, count in expected.items() for i in range(count) if f"{name} {i}" not in reached]
    assert not missed, f"the Tab key never reaches these elements of /{address}: {missed}"


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_keyboard_operates_language_switcher(visit, page, language, address):
    """Tab to the switcher, Enter, Tab to another language, Enter: the same page in that language."""
    codes = SITE_CONFIG.codes
    target = codes[(codes.index(language) + 1) % len(codes)]
    visit.open(address, settle=False)
    visit.mark(LANGUAGE_SWITCHER, "language switcher", visible_only=True)
    visit.tab_until(lambda stop: (stop.get("mark") or "").startswith("language switcher"))
    visit.page.keyboard.press("Enter")
    link = visit.tab_until(lambda stop: stop.get("hreflang") == target)
    # The list fades in when the switcher holds the focus.
    visit.wait_for(
        "document.activeElement.checkVisibility({visibilityProperty: true, opacityProperty: true})", timeout_ms=3000
    )
    with visit.page.expect_navigation():
        visit.page.keyboard.press("Enter")
    assert same_path(visit.page.url, urljoin(visit.base_url + address, link["href"]))
    assert visit.page.evaluate("document.documentElement.lang") == target


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_keyboard_follows_navigation_link(visit, page, language, address):
    visit.open(address, settle=False)
    current = urlsplit(visit.page.url).path
    visit.mark(NAVIGATION_LINKS, "navigation", visible_only=True)
    link = visit.tab_until(
        lambda stop: (
            (stop.get("mark") or "").startswith("navigation")
            and urlsplit(urljoin(visit.page.url, stop["href"])).path != current
        )
    )
    with visit.page.expect_navigation():
        visit.page.keyboard.press("Enter")
    assert same_path(visit.page.url, urljoin(visit.base_url + address, link["href"]))
    assert visit.page.evaluate("document.documentElement.lang") == language


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
    assert_no_serious_violation(visit, quality_report, f"{prefix}search/")
