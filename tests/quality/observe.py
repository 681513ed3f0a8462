"""Observe once, assert many: one browser visit per key page and language per test run.

The visit records everything the browser checks assert on (the network, the console, the
Content-Security-Policy reports, axe-core's findings, the keyboard's round and what Enter does on
the language switcher and the navigation) as an Observation, written to the run's shared folder:
the xdist workers read the same record, and each check stays a test of its own that fails alone.
A step that breaks is recorded as that step's error, so only the checks that need it fail.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from filelock import FileLock

from alliance.builtsite.keypages import KeyPage
from alliance.builtsite.unused import CoverageRange, Range, css_unused_length, js_unused_length, unused_code
from tests.quality import browser as chromium

# The controls every page has, and which the keyboard must reach and operate.
LANGUAGE_SWITCHER = ".md-header .md-select > button"
LANGUAGE_LINKS = ".md-header .md-select__link"
NAVIGATION_LINKS = ".md-nav--primary a.md-nav__link"
# The lists of Traffic, copied from the live recorder.
_TRAFFIC = tuple(f.name for f in dataclasses.fields(chromium.Traffic) if f.name != "base_url")


@dataclass(frozen=True, kw_only=True)
class Observation(chromium.Traffic):
    """What one visit of a page saw: its Traffic once the page is settled (before the keyboard's
    round), and the rest."""

    address: str
    axe_violations: list[dict] = field(default_factory=list)
    # The keyboard's round from the top of the page: how many elements of each kind it must reach
    # (the marks' names), and the marks it reached.
    keyboard_expected: dict[str, int] = field(default_factory=dict)
    keyboard_reached: list[str] = field(default_factory=list)
    # What Enter did: {"target": language, "href": link followed, "url": address reached, "lang": its language}.
    switcher: dict[str, str] = field(default_factory=dict)
    navigation: dict[str, str] = field(default_factory=dict)
    # Each style sheet and script of the site the settled page loaded, and how much of it was not used
    # (alliance.builtsite.unused.UnusedCode's fields).
    unused_code: list[dict] = field(default_factory=list)
    # The steps that broke: {"axe": message, ...}.
    errors: dict[str, str] = field(default_factory=dict)

    def step(self, name: str) -> None:
        """Fails the test that needs step `name` if that step broke during the visit."""
        for broken in ("load", name):
            if broken in self.errors:
                pytest.fail(f"/{self.address}: the visit's {broken} step broke: {self.errors[broken]}", pytrace=False)


def axe_violations(visit: chromium.Visit) -> list[dict]:
    """axe-core's violations for the open page, its frames included (axe runs in each)."""
    source = chromium.AXE.read_text(encoding="utf-8")
    for frame in visit.page.frames:
        # Evaluated by the browser tools, as the page's own policy (no inline script) would refuse a script tag.
        frame.evaluate(source)
    return visit.page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")["violations"]


def keyboard_round(visit: chromium.Visit, reachable: tuple[str, ...]) -> tuple[dict[str, int], list[str]]:
    """Marks the switcher, its links, the navigation and `reachable`; Tab goes round the page once."""
    # The round starts at the page's first link (the skip link), also where a field has the focus
    # when the page opens (the search page's).
    visit.page.focus("a[href]")
    expected = {"language switcher": visit.mark(LANGUAGE_SWITCHER, "language switcher", visible_only=True)}
    # Its links show once the switcher has the focus: they are hidden when marked.
    expected["language link"] = visit.mark(LANGUAGE_LINKS, "language link", visible_only=False)
    expected["navigation"] = visit.mark(NAVIGATION_LINKS, "navigation", visible_only=True)
    for selector in reachable:
        expected[selector] = visit.mark(selector, selector, visible_only=True)
    return expected, sorted({stop["mark"] for stop in visit.tab_through() if stop.get("mark")})


def _followed(visit: chromium.Visit, link: dict) -> dict[str, str]:
    with visit.page.expect_navigation():
        visit.page.keyboard.press("Enter")
    return {"href": link["href"], "url": visit.page.url, "lang": visit.page.evaluate("document.documentElement.lang")}


def operate_switcher(visit: chromium.Visit, address: str, target: str) -> dict[str, str]:
    """Tab to the switcher, Enter, Tab to `target`'s link, Enter."""
    visit.open(address, settle=False)
    visit.mark(LANGUAGE_SWITCHER, "language switcher", visible_only=True)
    visit.tab_until(lambda stop: (stop.get("mark") or "").startswith("language switcher"))
    visit.page.keyboard.press("Enter")
    link = visit.tab_until(lambda stop: stop.get("hreflang") == target)
    # The menu fades in: Enter on a link still invisible does nothing (Chromium), so wait
    # until the link shows, as a reader would see it before pressing Enter.
    visit.wait_for(
        "document.activeElement.checkVisibility({visibilityProperty: true, opacityProperty: true})", timeout_ms=3000
    )
    return {"target": target} | _followed(visit, link)


def follow_navigation(visit: chromium.Visit, address: str) -> dict[str, str]:
    """Tab to the first navigation link to another page, Enter."""
    visit.open(address, settle=False)
    current = urlsplit(visit.page.url).path
    visit.mark(NAVIGATION_LINKS, "navigation", visible_only=True)
    link = visit.tab_until(
        lambda stop: (
            (stop.get("mark") or "").startswith("navigation")
            and urlsplit(urljoin(visit.page.url, stop["href"])).path != current
        )
    )
    return _followed(visit, link)


class CodeCoverage:
    """Chromium's coverage of the CSS rules and the JavaScript a page uses, through the DevTools
    protocol (what Lighthouse reads for its unused CSS and JavaScript), from before the page loads."""

    def __init__(self, visit: chromium.Visit) -> None:
        self.local = urlsplit(visit.base_url).netloc
        self.session = visit.page.context.new_cdp_session(visit.page)
        self.sheets: dict[str, str] = {}  # styleSheetId: its address (the page's own, for a <style>)
        self.session.on("CSS.styleSheetAdded", lambda event: self._sheet_added(event["header"]))
        for method in ("DOM.enable", "CSS.enable", "CSS.startRuleUsageTracking", "Debugger.enable", "Profiler.enable"):
            self.session.send(method)
        self.session.send("Profiler.startPreciseCoverage", {"callCount": False, "detailed": True})

    def _sheet_added(self, header: dict) -> None:
        if urlsplit(header["sourceURL"]).netloc == self.local:
            self.sheets[header["styleSheetId"]] = header["sourceURL"]

    def unused(self) -> list[dict]:
        """What the page loaded of the site's own CSS and JavaScript until now, and what of it it did not use."""
        found = []
        usage = self.session.send("CSS.stopRuleUsageTracking")["ruleUsage"]
        for sheet, url in self.sheets.items():
            text = self.session.send("CSS.getStyleSheetText", {"styleSheetId": sheet})["text"]
            used = [Range(r["startOffset"], r["endOffset"]) for r in usage if r["styleSheetId"] == sheet and r["used"]]
            found.append(unused_code(url, "css", text, css_unused_length(len(text), used)))
        for script in self.session.send("Profiler.takePreciseCoverage")["result"]:
            if urlsplit(script["url"]).netloc != self.local:
                continue  # the browser tools' own scripts (no address)
            text = self.session.send("Debugger.getScriptSource", {"scriptId": script["scriptId"]})["scriptSource"]
            ranges = [
                CoverageRange(r["startOffset"], r["endOffset"], r["count"])
                for function in script["functions"]
                for r in function["ranges"]
            ]
            found.append(unused_code(script["url"], "js", text, js_unused_length(len(text), ranges)))
        return [dataclasses.asdict(code) for code in found]


def observe(browser, base_url: str, address: str, reachable: tuple[str, ...], switch_to: str) -> Observation:
    """One visit: the settled page's network and axe-core's findings, the keyboard's round, then
    Enter on the switcher (towards `switch_to`) and on the navigation."""
    errors: dict[str, str] = {}
    found: dict = {}

    def step(name: str, action) -> None:
        try:
            action()
        except (Exception, pytest.fail.Exception) as error:
            errors[name] = f"{type(error).__name__}: {error}"

    with chromium.visit(browser, base_url) as visit:
        coverage = CodeCoverage(visit)
        step("load", lambda: visit.open(address, settle=False))
        if "load" not in errors:
            step("settle", visit.settle)
            step("coverage", lambda: found.update(unused_code=coverage.unused()))
            step("axe", lambda: found.update(axe_violations=axe_violations(visit)))
            # What showing the page fetched, before the keyboard's focus makes a script fetch more
            # (Pagefind's engine, when its field has the focus).
            found |= {name: list(getattr(visit, name)) for name in _TRAFFIC}

            def keyboard() -> None:
                found["keyboard_expected"], found["keyboard_reached"] = keyboard_round(visit, reachable)

            step("keyboard", keyboard)
            step("switcher", lambda: found.update(switcher=operate_switcher(visit, address, switch_to)))
            step("navigation", lambda: found.update(navigation=follow_navigation(visit, address)))
    return Observation(address=address, base_url=base_url, errors=errors, **found)


def observed(folder: Path, browser, base_url: str, page: KeyPage, address: str, switch_to: str) -> Observation:
    """The run's observation of `address`: made by whichever worker asks first, read by the others."""
    record = folder / f"{address.strip('/').replace('/', '_') or '_home'}.json"
    with FileLock(f"{record}.lock"):
        if not record.is_file():
            made = observe(browser(), base_url, address, page.keyboard_reachable, switch_to)
            record.write_text(json.dumps(dataclasses.asdict(made)), encoding="utf-8")
    return Observation(**json.loads(record.read_text(encoding="utf-8")))
