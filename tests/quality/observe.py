"""Observe once, assert many: one browser visit per key page and language per test run.

The visit records everything the browser checks assert on (the network, the console, the
Content-Security-Policy reports, axe-core's findings, the keyboard's round and what Enter does on
the language switcher and the navigation) as an Observation, written to the run's shared folder:
the xdist workers read the same record, and each check stays a test of its own that fails alone.
A step that breaks is recorded as that step's error, so only the checks that need it fail.
A worker observes several pages at once, each in a tab of its own, so that their waits for late
requests overlap (most of a visit's time was that wait).
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from filelock import FileLock, Timeout

from alliance.builtsite.unused import CoverageRange, Range, css_unused_length, js_unused_length, unused_code
from tests.quality import browser as chromium

# The controls every page has, and which the keyboard must reach and operate.
LANGUAGE_SWITCHER = ".md-header .md-select > button"
LANGUAGE_LINKS = ".md-header .md-select__link"
NAVIGATION_LINKS = ".md-nav--primary a.md-nav__link"
# How many pages a worker observes at once, each in a tab of its own: while one tab waits for its
# page's late requests, the others load, settle and are examined.
OBSERVED_TOGETHER = 8
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


@dataclass(frozen=True)
class Target:
    """A page to observe: its address, the controls the keyboard must reach on it besides the switcher
    and the navigation (KeyPage.keyboard_reachable), the language to operate the switcher towards."""

    address: str
    reachable: tuple[str, ...]
    switch_to: str


class _Tab:
    """One visit's tab and what its steps found, in three phases (observe_together): a step that
    breaks is recorded as that step's error."""

    def __init__(self, visit: chromium.Visit, target: Target) -> None:
        self.visit, self.target = visit, target
        self.coverage = CodeCoverage(visit)
        self.found: dict = {}
        self.errors: dict[str, str] = {}
        self.shown_at: float | None = None

    def step(self, name: str, action) -> None:
        try:
            action()
        except (Exception, pytest.fail.Exception) as error:
            self.errors[name] = f"{type(error).__name__}: {error}"

    def show(self) -> None:
        """Loads the page and shows it whole (settle's first half)."""
        self.step("load", lambda: self.visit.open(self.target.address, settle=False))
        if "load" not in self.errors:
            self.step("settle", self.visit.show_whole)
        if not self.errors:
            self.shown_at = time.monotonic()

    def examine(self) -> None:
        """Once LATE_REQUESTS_WAIT_MS have passed since the page was shown whole: settle's second
        half, then the page's coverage, axe-core's findings and the traffic."""
        if self.shown_at is not None:
            self.step("settle", self._end_late_watch)
        self.step("coverage", self._coverage)
        self.step("axe", self._axe)
        # What showing the page fetched, before the keyboard's focus makes a script fetch more
        # (Pagefind's engine, when its field has the focus).
        self.found |= {name: list(getattr(self.visit, name)) for name in _TRAFFIC}

    def _coverage(self) -> None:
        self.found["unused_code"] = self.coverage.unused()

    def _axe(self) -> None:
        self.found["axe_violations"] = axe_violations(self.visit)

    def _end_late_watch(self) -> None:
        assert self.shown_at is not None
        waited_ms = (time.monotonic() - self.shown_at) * 1000
        self.visit.page.wait_for_timeout(max(0, chromium.LATE_REQUESTS_WAIT_MS - waited_ms))
        self.visit.end_late_watch()

    def operate(self) -> None:
        """The keyboard's round, then Enter on the switcher and on the navigation."""
        self.step("keyboard", self._keyboard)
        self.step("switcher", self._switcher)
        self.step("navigation", self._navigation)

    def _keyboard(self) -> None:
        self.found["keyboard_expected"], self.found["keyboard_reached"] = keyboard_round(
            self.visit, self.target.reachable
        )

    def _switcher(self) -> None:
        self.found["switcher"] = operate_switcher(self.visit, self.target.address, self.target.switch_to)

    def _navigation(self) -> None:
        self.found["navigation"] = follow_navigation(self.visit, self.target.address)

    def observation(self) -> Observation:
        return Observation(address=self.target.address, base_url=self.visit.base_url, errors=self.errors, **self.found)


def observe_together(browser, base_url: str, targets: Sequence[Target]) -> list[Observation]:
    """One visit of each target, each in a tab (a browser context) of its own, all open at once: the
    settled page's network and axe-core's findings, the keyboard's round, then Enter on the
    switcher and on the navigation. The tabs wait for their late requests at the same time: each
    still watches LATE_REQUESTS_WAIT_MS or longer after its page is shown whole."""
    with ExitStack() as opened:
        tabs = [_Tab(opened.enter_context(chromium.visit(browser, base_url)), target) for target in targets]
        for tab in tabs:
            tab.show()
        for tab in tabs:
            if "load" not in tab.errors:
                tab.examine()
        for tab in tabs:
            if "load" not in tab.errors:
                tab.operate()
        return [tab.observation() for tab in tabs]


def _record(folder: Path, target: Target) -> Path:
    return folder / f"{target.address.strip('/').replace('/', '_') or '_home'}.json"


def claim(folder: Path, candidates: Sequence[Target], held: ExitStack) -> list[Target]:
    """The first OBSERVED_TOGETHER of `candidates` that no worker has observed nor is observing,
    each locked until `held` closes."""
    claimed: list[Target] = []
    for target in candidates:
        if len(claimed) == OBSERVED_TOGETHER:
            break
        lock = FileLock(f"{_record(folder, target)}.lock")
        try:
            lock.acquire(blocking=False)
        except Timeout:
            continue  # another worker is observing it
        if _record(folder, target).is_file():
            lock.release()
        else:
            held.callback(lock.release)
            claimed.append(target)
    return claimed


def observed(folder: Path, browser, base_url: str, wanted: Target, every_page: Sequence[Target]) -> Observation:
    """The run's observation of `wanted`, made once and read by every xdist worker. A worker that
    needs it observes it with the pages that follow it in `every_page`; while another worker is
    observing it, this one observes pages that no one has taken yet, then waits."""
    record = _record(folder, wanted)
    others = [target for target in every_page if target != wanted]
    start = every_page.index(wanted) if wanted in every_page else 0
    candidates = [wanted, *others[start:], *others[:start]]
    while not record.is_file():
        with ExitStack() as held:
            together = claim(folder, candidates, held)
            if not together:
                # Every page is observed or being observed: wait for the worker observing `wanted`.
                held.enter_context(FileLock(f"{record}.lock"))
                continue
            for target, made in zip(together, observe_together(browser(), base_url, together), strict=True):
                _record(folder, target).write_text(json.dumps(dataclasses.asdict(made)), encoding="utf-8")
    return Observation(**json.loads(record.read_text(encoding="utf-8")))
