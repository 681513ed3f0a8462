"""The Content-Security-Policy holds on every key page, map document, search and 404 page: what the
site runs is allowed by it (no violation reported), and a script it did not write is refused."""

from __future__ import annotations

import pytest

from alliance.assembly.csp import META_START, with_policy
from alliance.localized import language_prefix
from alliance.pages.mapframe import MAP_FOLDER, MAP_STEM
from tests.quality import browser as chromium
from tests.quality.cases import KEY_PAGE_CASES, SITE_CONFIG

# Every document of the tab (its frames included) reports each violation of its policy.
_WATCH = """document.addEventListener("securitypolicyviolation", (e) => window.amViolation(
    location.pathname + ": " + e.effectiveDirective + " refused " + (e.blockedURI || "inline") +
    " at " + (e.sourceFile || "") + ":" + e.lineNumber + " " + (e.sample || "")), true);"""


def watch(visit: chromium.Visit) -> list[str]:
    """The violations reported in the visit's tab from now on."""
    violations: list[str] = []
    visit.page.context.expose_function("amViolation", lambda text: violations.append(text))
    visit.page.context.add_init_script(_WATCH)
    return violations


def settle(visit: chromium.Visit) -> None:
    visit.page.wait_for_load_state("networkidle", timeout=chromium.SETTLE_TIMEOUT_MS)
    visit.page.wait_for_timeout(300)


def open_every_popup(frame) -> int:
    """Clicks each single marker the map shows: its popup is built then (one stays open)."""
    frame.wait_for_selector(".leaflet-marker-icon")
    return frame.evaluate("""() => { const icons = [...document.querySelectorAll('.leaflet-marker-icon.am-marker')];
        icons.forEach(icon => icon.dispatchEvent(new MouseEvent('click', {bubbles: true})));
        return icons.length; }""")


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_key_pages_run_within_their_policy(site, observation, page, language, address):
    """The run's one visit of the page (tests/quality/observe.py) saw no violation, its frames included."""
    seen = observation(page, language, address)
    seen.step("settle")
    html = (site.root / address / "index.html").read_text(encoding="utf-8")
    assert html.count('http-equiv="Content-Security-Policy"') == 1
    violations = [
        f"{v['document']}: {v['directive']} refused {v['blocked'] or 'inline'} at {v['source']}:{v['line']} {v['sample']}"
        for v in seen.csp_violations
    ]
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("language", SITE_CONFIG.codes)
def test_map_documents_and_their_popups_run_within_their_policy(visit, language):
    violations = watch(visit)
    visit.open(f"{language_prefix(language, SITE_CONFIG.default_language)}{MAP_FOLDER}/{MAP_STEM}.html", settle=False)
    assert open_every_popup(visit.page) > 0
    visit.page.wait_for_selector(".am-popup")
    settle(visit)
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("language", SITE_CONFIG.codes)
def test_search_runs_within_its_policy(visit, language):
    """Pagefind's engine is WebAssembly: the search page alone may compile it."""
    violations = watch(visit)
    visit.open(f"{language_prefix(language, SITE_CONFIG.default_language)}search/?q=Lisbo", settle=False)
    visit.page.wait_for_selector(".pagefind-ui__result-link", timeout=chromium.SETTLE_TIMEOUT_MS)
    settle(visit)
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("address", ["no-such-page/", "en/no/such/page/"])
def test_the_404_page_runs_within_its_policy(visit, address):
    violations = watch(visit)
    visit.open(address, settle=False)
    settle(visit)
    assert not violations, "\n".join(violations)


def test_a_script_the_site_did_not_write_is_refused_and_reported(browser, tmp_path):
    """The control: the policy built from a page's own scripts refuses one injected later, and
    the watch above sees that refusal."""
    own = '<script>document.documentElement.dataset.own = "ran";</script>'
    page = with_policy(f"<!DOCTYPE html><html><head><title>t</title>{own}</head><body><p>text</p></body></html>")
    assert META_START in page
    injected = page.replace(
        "<p>text</p>",
        '<p>text</p><script>document.documentElement.dataset.injected = "ran";</script>'
        '<img src="x.png" onerror="document.documentElement.dataset.handler = \'ran\'" alt="">',
    )
    (tmp_path / "index.html").write_text(injected, encoding="utf-8")
    (tmp_path / "x.png").write_bytes(b"not an image")
    with chromium.serve(tmp_path, "/") as base_url, chromium.visit(browser, base_url) as visit:
        violations = watch(visit)
        visit.open("", settle=False)
        settle(visit)
        ran = visit.page.evaluate("({...document.documentElement.dataset})")
    assert ran == {"own": "ran"}
    assert len(violations) == 2 and all("script-src" in v for v in violations), violations
