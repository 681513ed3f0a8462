"""A visit is reported to nobody: the built pages load nothing from a third-party host.

The one exception is the map's tile server. Two views: what the HTML and CSS of every page
reference, and what the browser actually requests while showing each key page and its frames
(requests to outside hosts are recorded and aborted: the test needs no network).
"""

from __future__ import annotations

import pytest

from alliance.builtsite.parse import BuiltSite, css_urls, host, is_inert, parse_page
from tests.quality import browser as chromium
from tests.quality.cases import KEY_PAGE_CASES
from tests.quality.observe import Observation

# OpenStreetMap's tile server: the map's background, requested by Leaflet from the reader's browser.
ALLOWED_HOSTS = frozenset({"tile.openstreetmap.org"})


def outside_loads(site: BuiltSite) -> list[tuple[str, str]]:
    """(where, address) of every resource a page or style sheet fetches from another host."""
    found = []
    for page in site.html_files():
        for reference in parse_page(page.read_text(encoding="utf-8")).references:
            if reference.loads and not site.is_internal(reference.url) and not is_inert(reference.url):
                found.append(
                    (
                        f"{page.relative_to(site.root)}:{reference.line}: <{reference.tag} {reference.attribute}>",
                        reference.url,
                    )
                )
    for sheet in sorted(site.root.rglob("*.css")):
        for url in css_urls(sheet.read_text(encoding="utf-8")):
            if not site.is_internal(url) and not is_inert(url):
                found.append((f"{sheet.relative_to(site.root)}: url()", url))
    return found


def test_pages_and_styles_load_nothing_from_third_parties(site, quality_report):
    loads = outside_loads(site)
    quality_report.extend(
        f"privacy: {where} loads {url} (allowed host)" for where, url in loads if host(url) in ALLOWED_HOSTS
    )
    forbidden = [f"{where} {url}" for where, url in loads if host(url) not in ALLOWED_HOSTS]
    assert not forbidden, "third-party resources in the built pages:\n" + "\n".join(forbidden)


def privacy_findings(visit: chromium.Visit | Observation) -> list[str]:
    """What a visit told a third party or could tell one later: requests and WebSockets to other
    hosts than the tiles', and any service worker (it runs and fetches outside the page's view)."""
    findings = [f"request to {url}" for url in visit.outside_requests if host(url) not in ALLOWED_HOSTS]
    findings += [f"service worker {url}" for url in visit.service_workers]
    return findings


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_browser_requests_no_third_party(observation, quality_report, page, language, address):
    load = observation(page, language, address)
    load.step("settle")
    allowed = [url for url in load.outside_requests if host(url) in ALLOWED_HOSTS]
    if allowed:
        quality_report.append(
            f"privacy /{address}: {len(allowed)} requests to {', '.join(sorted({host(u) for u in allowed}))} (aborted in the test)"
        )
    findings = privacy_findings(load)
    assert not findings, f"showing /{address} reaches third parties:\n" + "\n".join(findings)


@pytest.mark.parametrize(
    "html, css, expected",
    [
        pytest.param(
            '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">'
            '<script src="https://cdn.jsdelivr.net/npm/x.js"></script>'
            '<img src="//stats.example.com/pixel.gif" alt="">'
            '<div style="background: url(https://cdn.example.com/bg.png)"></div>',
            '@import "https://fonts.example.com/a.css"; .x { background: url(https://cdn.example.com/a.png) }',
            [
                "fonts.googleapis.com",
                "cdn.jsdelivr.net",
                "stats.example.com",
                "cdn.example.com/bg.png",
                "fonts.example.com",
                "cdn.example.com/a.png",
            ],
            id="third-parties",
        ),
        pytest.param(
            '<link rel="canonical" href="https://other.example/"><a href="https://example.org/">a link</a>'
            '<img src="../assets/a.png" alt=""><img src="https://tile.openstreetmap.org/1/1/1.png" alt="">',
            ".x { background: url(data:image/png;base64,AAAA) } .y { background: url(../img/a.png) }",
            [],
            id="own-files-links-and-tiles",
        ),
    ],
)
def test_the_listing_finds_third_party_loads(tmp_path, html, css, expected):
    (tmp_path / "index.html").write_text(html, encoding="utf-8")
    (tmp_path / "site.css").write_text(css, encoding="utf-8")
    found = [
        url
        for _, url in outside_loads(BuiltSite(tmp_path, "https://example.github.io/site/"))
        if host(url) not in ALLOWED_HOSTS
    ]
    assert len(found) == len(expected), found
    for fragment in expected:
        assert any(fragment in url for url in found), (fragment, found)


def test_the_browser_records_requests_of_lazy_frames(browser, tmp_path):
    """The net catches what a frame far down the page requests, and lets nothing out."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><div style="height: 5000px"></div>'
        '<iframe src="frame.html" loading="lazy" title="map"></iframe><div style="height: 5000px"></div>',
        encoding="utf-8",
    )
    (tmp_path / "frame.html").write_text(
        '<!doctype html><title>f</title><img src="https://tile.openstreetmap.org/1/0/0.png" alt="">'
        '<script src="https://cdn.example.com/lib.js"></script>',
        encoding="utf-8",
    )
    with chromium.serve(tmp_path, "/site/") as base_url, chromium.visit(browser, base_url) as recorder:
        recorder.open("")
        assert len(recorder.page.frames) == 2
    assert sorted(recorder.outside_requests) == [
        "https://cdn.example.com/lib.js",
        "https://tile.openstreetmap.org/1/0/0.png",
    ]


@pytest.mark.parametrize(
    "script, extra_file, expected",
    [
        pytest.param(
            "new WebSocket('wss://socket.example.com/track')",
            None,
            "request to wss://socket.example.com/track",
            id="websocket",
        ),
        pytest.param(
            "setTimeout(() => fetch('https://late.example.com/beacon'), 1500)",
            None,
            "request to https://late.example.com/beacon",
            id="late-request",
        ),
        pytest.param(
            "navigator.serviceWorker.register('sw.js')",
            ("sw.js", "self.addEventListener('fetch', () => {});"),
            "service worker",
            id="service-worker",
        ),
    ],
)
def test_the_net_sees_websockets_late_requests_and_service_workers(browser, tmp_path, script, extra_file, expected):
    (tmp_path / "index.html").write_text(f"<!doctype html><title>t</title><script>{script}</script>", encoding="utf-8")
    if extra_file:
        (tmp_path / extra_file[0]).write_text(extra_file[1], encoding="utf-8")
    with chromium.serve(tmp_path, "/site/") as base_url, chromium.visit(browser, base_url) as recorder:
        recorder.open("")
    findings = privacy_findings(recorder)
    assert findings and all(finding.startswith(expected) for finding in findings), findings
