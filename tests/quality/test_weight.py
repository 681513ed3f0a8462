"""What a reader downloads: the gzip size of everything the browser fetches to show each key page."""

from __future__ import annotations

import pytest

from alliance.builtsite.parse import BuiltSite
from alliance.builtsite.weight import gzip_size, requests_weight, search_index_weights
from tests.quality import browser as chromium
from tests.quality.cases import KEY_PAGE_CASES, SITE_CONFIG


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_key_page_weight_within_budget(site, observation, quality_report, page, language, address):
    load = observation(page, language, address)
    load.step("settle")
    # The site as served to the visit (by whichever xdist worker made it).
    weight = requests_weight(BuiltSite(site.root, load.base_url), address, load.own_requests)
    quality_report.append(
        f"weight /{address}: {weight.gzip / 1000:.1f} kB gzip, budget {page.budget / 1000:.0f} kB ({weight.raw / 1000:.1f} kB raw, {len(weight.files)} files)"
    )
    assert weight.files, f"no request of the site recorded for /{address}"
    largest = sorted(weight.files, key=lambda f: -f.gzip)[:5]
    assert weight.gzip <= page.budget, (
        f"/{address} weighs {weight.gzip} bytes gzip, over its budget of {page.budget}; largest files: "
        + ", ".join(f"{f.path} {f.gzip}" for f in largest)
    )


def test_search_index_size_per_language(site, quality_report):
    weights = search_index_weights(site)
    assert {w.language for w in weights} == set(SITE_CONFIG.codes)
    assert all(w.pages > 0 for w in weights), weights
    for w in weights:
        quality_report.append(
            f"search index, {w.language}: {w.pages} pages, {w.files} files, {w.gzip / 1000:.1f} kB gzip in all (fetched only by a search, in chunks)"
        )


@pytest.mark.parametrize("language", SITE_CONFIG.codes)
def test_search_fetches_nothing_before_a_query_and_finds_pages_of_its_language(
    browser, site, site_server, quality_report, language
):
    """Pages fetch no search file; the search page finds pages of its own language only."""
    served = BuiltSite(site.root, site_server)
    prefix = "" if language == SITE_CONFIG.default_language else f"{language}/"
    with chromium.visit(browser, site_server) as recorder:
        recorder.open(prefix + "declaration/", settle=False)
        recorder.page.wait_for_load_state("networkidle")
        assert not [url for url in recorder.own_requests if "/pagefind/" in url]
        before = len(recorder.own_requests)
        recorder.page.click('.md-header a[href$="search/"]')
        recorder.page.wait_for_load_state("networkidle")
        page_files = len(recorder.own_requests)
        recorder.page.fill(
            ".pagefind-ui__search-input",
            "Lisboa" if language in ("es", "pt") else "Lisbonne" if language == "fr" else "Lisbon",
        )
        recorder.page.wait_for_selector(".pagefind-ui__result-link")
        recorder.page.wait_for_load_state("networkidle")
        links = recorder.page.eval_on_selector_all(".pagefind-ui__result-link", "links => links.map(a => a.href)")
        lang = recorder.page.evaluate("document.documentElement.lang")
    search = requests_weight(served, "search", recorder.own_requests[before:])
    query = requests_weight(served, "query", recorder.own_requests[page_files:])
    quality_report.append(
        f"search /{prefix}search/: page with its interface {search.gzip / 1000:.1f} kB gzip, of which the first query {query.gzip / 1000:.1f} kB ({len(query.files)} files)"
    )
    assert lang == language and links
    others = [f"/{code}/" for code in SITE_CONFIG.codes if code != SITE_CONFIG.default_language and code != language]
    assert not [link for link in links if any(other in link for other in others)], links
    if language != SITE_CONFIG.default_language:
        assert all(f"/{language}/" in link for link in links), links


def test_weight_counts_every_request_of_the_browser(browser, tmp_path):
    """Frames, lazy images, absolute addresses of the site, fonts and what scripts fetch later all count."""
    files = {
        "style.css": "@font-face { font-family: f; src: url(font.woff2) } body { font-family: f } .x { background: url(img.png) }",
        "font.woff2": "F" * 3000,
        "img.png": "P" * 2000,
        "frame.html": '<!doctype html><title>f</title><script src="frame.js"></script>',
        "frame.js": "let framed = 1;" * 50,
        "lazy.png": "L" * 4000,
        "later.json": '{"late": true}' * 40,
        "other.html": "<p>" + "not loaded " * 500 + "</p>",
        "unused.css": ".unused {}" * 100,
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with chromium.serve(tmp_path, "/site/") as base_url:
        (tmp_path / "index.html").write_text(
            f'<!doctype html><title>t</title><link rel="stylesheet" href="{base_url}style.css">'
            '<p class="x">text</p><a href="other.html">other</a><div style="height: 6000px"></div>'
            '<iframe src="frame.html" title="frame" loading="lazy"></iframe><img src="lazy.png" alt="" loading="lazy">'
            "<script>setTimeout(() => fetch('later.json'), 1000)</script>",
            encoding="utf-8",
        )
        with chromium.visit(browser, base_url) as recorder:
            recorder.open("")
        weight = requests_weight(BuiltSite(tmp_path, base_url), "", recorder.own_requests)
    assert sorted(f.path for f in weight.files) == sorted(
        ["index.html", "style.css", "font.woff2", "img.png", "frame.html", "frame.js", "lazy.png", "later.json"]
    )
    assert weight.gzip == sum(gzip_size((tmp_path / f.path).read_bytes()) for f in weight.files)
