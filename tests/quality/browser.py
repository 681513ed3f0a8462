"""Headless Chromium for the quality checks: the system's Chromium or Chrome, driven by Playwright.

Playwright's own browser download does not work on the project's machines, so the browser is
the system's: CHROMIUM (an executable's path) if set, else the first of BROWSER_NAMES on PATH. Every request to a host other than the local test server is recorded, then
aborted (and the browser resolves no other host name): the checks never need the network.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn
from urllib.parse import urlsplit

import pytest

from alliance.paths import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

# Debian's package, other distributions' and GitHub's runners' name for Chromium, then Google Chrome
# (.ci/missing-packages looks for the same names before installing one).
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # A request that escapes the interception still goes nowhere.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Wide enough for Material to show the navigation in the sidebar rather than in a drawer.
VIEWPORT = {"width": 1280, "height": 900}
# A small phone (iPhone SE, many Android phones): the narrowest screen the site is laid out for.
PHONE = {"width": 375, "height": 667}


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1")


def unavailable(reason: str) -> NoReturn:
    """Skips on a contributor's machine; CI must run the browser checks, so there it fails."""
    message = f"browser checks not run: {reason}"
    if in_ci():
        pytest.fail(message + " (CI=true: the browser checks may not be skipped)", pytrace=False)
    pytest.skip(message)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under a base path (/site/ ...) as GitHub Pages does: a missing address gets
    the site's root 404.html with the status 404."""

    base_path = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.base_path):
            return str(Path(self.directory) / "404.html.missing")
        return super().translate_path("/" + path[len(self.base_path) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # the browser closing a connection early is no finding


@contextmanager
def serve(directory: Path, base_path: str) -> Iterator[str]:
    """Serves `directory` at `base_path` on a free port of 127.0.0.1; yields the site's address."""
    handler = functools.partial(type("Handler", (_SiteHandler,), {"base_path": base_path}), directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()


def find_browser() -> Path | None:
    """The browser to drive: the CHROMIUM variable's path, else the first of BROWSER_NAMES on PATH."""
    chosen = os.environ.get("CHROMIUM")
    if chosen:
        return Path(chosen)
    found = next(filter(None, map(shutil.which, BROWSER_NAMES)), None)
    return Path(found) if found else None


@contextmanager
def launch() -> Iterator[Browser]:
    chromium = find_browser()
    if chromium is None:
        unavailable(f"no browser: set CHROMIUM to its path, or put one of {', '.join(BROWSER_NAMES)} on PATH")
    if not (chromium.is_file() and os.access(chromium, os.X_OK)):
        unavailable(f"CHROMIUM={chromium} is not an executable file")
    if not AXE.exists():
        unavailable(f"{AXE.relative_to(ROOT)} is missing (run make test, which runs npm ci)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the Python package playwright is not installed (run make test)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


# After the page is settled (network idle), how long the checks go on watching: a script may
# send something later (a timer, an analytics beacon).
LATE_REQUESTS_WAIT_MS = 2_500
# How long a page may take to settle: the map page (its frame, Leaflet and the aborted tile
# requests) once took over 15 s on a loaded 2-core CI machine.
SETTLE_TIMEOUT_MS = 60_000


@dataclass(frozen=True, kw_only=True)
class Traffic:
    """What a visit of the site served at `base_url` records of what its pages ask of the network
    and report: requests to outside hosts (aborted), the site's own requests and failures,
    WebSockets and service workers, the console and the Content-Security-Policy reports. The live
    recorder (Visit) fills the lists; an observation (observe.py) keeps a copy of them."""

    base_url: str
    outside_requests: list[str] = field(default_factory=list)
    own_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    websockets: list[str] = field(default_factory=list)
    service_workers: list[str] = field(default_factory=list)
    # The site's responses: "status bytes url" (bytes as Content-Length says, "-" without it).
    responses: list[str] = field(default_factory=list)
    # What the page and its frames print ("error: text") and throw ("uncaught: text").
    console: list[str] = field(default_factory=list)
    # Each `securitypolicyviolation` event of the page and its frames (its document, directive, blocked address).
    csp_violations: list[dict] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Visit(Traffic):
    """A browser tab on the local site that records its Traffic as it goes."""

    page: Page

    def open(self, address: str, settle: bool = True) -> None:
        """Loads a page of the site; to settle, loads its lazy frames and images, scrolls to its
        end, waits until the network is idle, then a while longer for late requests."""
        self.page.goto(self.base_url + address, wait_until="load", timeout=SETTLE_TIMEOUT_MS)
        if settle:
            self.settle()

    def settle(self) -> None:
        """Loads the open page's lazy frames and images, scrolls to its end, waits until the
        network is idle, then a while longer for late requests."""
        self.show_whole()
        self.page.wait_for_timeout(LATE_REQUESTS_WAIT_MS)
        self.end_late_watch()

    def show_whole(self) -> None:
        """settle's first half: the page, its lazy frames and images loaded, the network idle. Its
        second half, end_late_watch, comes LATE_REQUESTS_WAIT_MS later; tabs settled together
        (observe.py) wait for late requests at the same time."""
        # Lazy frames and images (the map's iframe) load too, wherever they are on the page.
        self.page.evaluate("document.querySelectorAll('[loading=lazy]').forEach(e => { e.loading = 'eager'; })")
        self.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        self.page.wait_for_load_state("networkidle", timeout=SETTLE_TIMEOUT_MS)
        for frame in self.page.frames:
            frame.wait_for_load_state("load", timeout=SETTLE_TIMEOUT_MS)

    def end_late_watch(self) -> None:
        """settle's second half, once the late requests have had LATE_REQUESTS_WAIT_MS to come."""
        self.page.wait_for_load_state("networkidle", timeout=SETTLE_TIMEOUT_MS)
        self.service_workers.extend(
            self.page.evaluate(
                "async () => navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).map(r => r.scope) : []"
            )
        )

    def wait_for(self, expression: str, timeout_ms: int = 15_000) -> None:
        """Waits until a JavaScript expression holds in the page. Playwright's wait_for_function
        compiles its predicate with eval, which the site's Content-Security-Policy rightly refuses;
        `evaluate` is not subject to it."""
        for _ in range(timeout_ms // 50):
            if self.page.evaluate(expression):
                return
            self.page.wait_for_timeout(50)
        pytest.fail(f"{expression} never held on {self.page.url}")

    def focused(self) -> dict:
        """What has the keyboard focus: tag, text, href, hreflang, mark()'s name, and `stop`, a
        number given to each element the first time it has the focus."""
        return self.page.evaluate(
            """() => { const e = document.activeElement;
                if (!e || e === document.body) return {tag: 'body'};
                if (!e.dataset.amStop) { window.amStops = (window.amStops || 0) + 1; e.dataset.amStop = window.amStops; }
                return {tag: e.tagName.toLowerCase(), text: (e.innerText || e.getAttribute('aria-label') || '').trim(),
                        href: e.getAttribute('href'), hreflang: e.getAttribute('hreflang'), mark: e.dataset.amMark || null,
                        stop: e.dataset.amStop}; }"""
        )

    def mark(self, selector: str, name: str, visible_only: bool) -> int:
        """Names the elements matching `selector` (those shown, if visible_only); returns how many."""
        return self.page.evaluate(
            """([selector, name, visibleOnly]) => { let n = 0;
                document.querySelectorAll(selector).forEach(e => {
                    if (!visibleOnly || e.checkVisibility({visibilityProperty: true})) { e.dataset.amMark = name + ' ' + n++; } });
                return n; }""",
            [selector, name, visible_only],
        )

    def tab_until(self, wanted, limit: int = 200) -> dict:
        """Presses Tab until wanted(focused()) holds; fails after `limit` presses."""
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            now = self.focused()
            if wanted(now):
                return now
        pytest.fail(f"{limit} presses of Tab never reached the element wanted on {self.page.url}")

    def tab_through(self, limit: int = 600) -> list[dict]:
        """Every stop of the keyboard focus from the top of the page until it comes round again.

        Tabbing inside a frame (the map) keeps the frame focused in the page: repeated stops
        are kept, only the first element coming back (or the page itself) ends the round.
        """
        stops: list[dict] = []
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            now = self.focused()
            if stops and (now["tag"] == "body" or now.get("stop") == stops[0].get("stop")):
                return stops
            stops.append(now)
        pytest.fail(f"the focus did not come round after {limit} presses of Tab on {self.page.url}")


_CSP_WATCH = """document.addEventListener('securitypolicyviolation', e => window.amCspViolation({
    document: e.documentURI, directive: e.effectiveDirective, blocked: e.blockedURI,
    source: e.sourceFile, line: e.lineNumber, sample: e.sample}), true);"""


@contextmanager
def visit(browser, base_url: str, viewport: dict = VIEWPORT, javascript: bool = True) -> Iterator[Visit]:
    local = urlsplit(base_url).netloc
    # Service workers are allowed so that a page registering one is seen doing it.
    context = browser.new_context(viewport=viewport, service_workers="allow", java_script_enabled=javascript)
    context.set_default_timeout(15_000)
    recorder = Visit(page=context.new_page(), base_url=base_url)

    def route(route) -> None:
        url = route.request.url
        if urlsplit(url).netloc == local or url.startswith(("data:", "blob:")):
            recorder.own_requests.append(url)
            route.continue_()
        else:
            recorder.outside_requests.append(url)
            route.abort()

    def response(response) -> None:
        if urlsplit(response.url).netloc != local:
            return
        recorder.responses.append(f"{response.status} {response.headers.get('content-length', '-')} {response.url}")
        if response.status >= 400:
            recorder.failed_requests.append(f"{response.status} {response.url}")

    def failure(request) -> None:
        if urlsplit(request.url).netloc == local:
            recorder.failed_requests.append(f"{request.failure} {request.url}")

    def websocket(socket) -> None:
        recorder.websockets.append(socket.url)
        if urlsplit(socket.url).netloc != local:
            recorder.outside_requests.append(socket.url)

    context.route("**/*", route)
    context.on("response", response)
    context.on("requestfailed", failure)
    context.on("serviceworker", lambda worker: recorder.service_workers.append(worker.url))
    recorder.page.on("websocket", websocket)
    recorder.page.on("console", lambda message: recorder.console.append(f"{message.type}: {message.text}"))
    recorder.page.on("pageerror", lambda error: recorder.console.append(f"uncaught: {error}"))
    # Every document (frames too) reports its Content-Security-Policy violations to the recorder.
    context.expose_binding("amCspViolation", lambda source, event: recorder.csp_violations.append(event))
    context.add_init_script(_CSP_WATCH)
    try:
        yield recorder
    finally:
        context.close()
