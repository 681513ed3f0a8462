"""The site at any address: no failed request, a 404 page in the reader's language, links that
hold wherever the site is served (at the root of a domain or under a folder)."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import pytest

from alliance.builtsite.parse import parse_page
from alliance.data.dataset import load_dataset_cached
from tests.quality import browser as chromium
from tests.quality.cases import KEY_PAGE_CASES, SITE_CONFIG

LANGUAGE_CASES = [pytest.param(code, id=code) for code in SITE_CONFIG.codes]


def prefix(language: str) -> str:
    return "" if language == SITE_CONFIG.default_language else f"{language}/"


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_no_failed_request(observation, page, language, address):
    load = observation(page, language, address)
    load.step("settle")
    assert load.own_requests, f"no request recorded for /{address}"
    assert not load.failed_requests, f"showing /{address} makes failing requests:\n" + "\n".join(load.failed_requests)


@pytest.mark.parametrize("language", LANGUAGE_CASES)
def test_missing_address_shows_the_404_page_in_its_language(browser, site_server, language):
    labels = load_dataset_cached(SITE_CONFIG.codes).labels
    with chromium.visit(browser, site_server) as recorder:
        missing = site_server + prefix(language) + "no-such-page/"
        response = recorder.page.goto(missing, wait_until="load")
        assert response.status == 404
        recorder.wait_for(f"document.documentElement.lang === {language!r} && !document.documentElement.hidden")
        recorder.page.wait_for_load_state("networkidle")
        heading = recorder.page.inner_text("article h1")
        links = recorder.page.eval_on_selector_all("article a", "links => links.map(a => a.href)")
        navigation = recorder.page.eval_on_selector_all(
            ".md-nav--primary a.md-nav__link", "links => links.map(a => a.href)"
        )
        switcher = recorder.page.eval_on_selector_all(
            ".md-select__link", "links => links.map(a => [a.hreflang, a.href])"
        )
    assert heading == labels.ui("not-found-title", language)
    home = site_server + prefix(language)
    assert links == [home, home + "search/"]
    assert navigation and all(link.startswith(home) for link in navigation), navigation
    assert sorted(switcher) == sorted([code, site_server + prefix(code)] for code in SITE_CONFIG.codes)
    # The missing address itself answers 404, as it must; nothing else fails.
    assert recorder.failed_requests == [f"404 {missing}"], recorder.failed_requests


def test_without_javascript_the_404_page_is_french_and_works(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server + "en/no-such-page/", wait_until="load")
        assert page.evaluate("1") == 1  # evaluate works with scripts disabled in the page
        lang = page.get_attribute("html", "lang")
        stylesheet = page.eval_on_selector("link[rel=stylesheet]", "link => link.href")
    finally:
        context.close()
    assert lang == SITE_CONFIG.default_language
    assert stylesheet.startswith(site_server + "assets/")


def crawl(base_url: str) -> tuple[int, list[str]]:
    """Follows every address of the site served at base_url from its home page; returns how many
    addresses answered and the broken ones (with the page naming them)."""
    site_host = urlsplit(base_url).netloc
    seen: set[str] = set()
    queue = [(base_url, "start")]
    broken = []
    while queue:
        url, origin = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url) as response:
                body = response.read()
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as error:
            broken.append(f"{origin}: {url} answers {error.code}")
            continue
        if kind != "text/html":
            continue
        for reference in parse_page(body.decode("utf-8", errors="replace")).references:
            target = urljoin(url, reference.url).split("#")[0]
            if urlsplit(target).netloc == site_host and urlsplit(target).scheme == "http":
                queue.append((target, url))
    return len(seen), broken


@pytest.mark.parametrize("base_path", ["/", "/preview/folder/"])
def test_the_site_works_at_the_root_and_under_a_folder(site, base_path):
    """Served anywhere, every address a page names answers (absolute alternates and canonicals,
    which name the published address, are not followed)."""
    with chromium.serve(site.root, base_path) as base_url:
        count, broken = crawl(base_url)
    assert count > len(site.html_files()) / 2, f"the crawl reached only {count} addresses"
    assert not broken, "broken addresses:\n" + "\n".join(broken[:30])


def test_every_page_names_absolute_alternates_x_default_and_canonical(site):
    problems = []
    for file in site.html_files():
        if file.name != "index.html":  # pages are index.html; 404.html and the map's framed documents are not pages
            continue
        links = [r for r in parse_page(file.read_text(encoding="utf-8")).references if r.tag == "link"]
        canonical = [r.url for r in links if "canonical" in r.rel]
        alternates = {r.url for r in links if "alternate" in r.rel}
        where = file.relative_to(site.root).as_posix()
        if canonical != [site.site_url + site.url_path(file)[len(site.base_path) :]]:
            problems.append(f"{where}: canonical {canonical}")
        if not alternates or not all(url.startswith(site.site_url) for url in alternates):
            problems.append(f"{where}: alternates {sorted(alternates)}")
    assert not problems, "\n".join(problems[:20])
