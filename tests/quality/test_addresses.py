"""The site at any address: no failed request, links that hold wherever the site is served (at the
root of a domain or under a folder); the 404 page is checked in test_not_found.py."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import pytest

from alliance.builtsite.parse import parse_page
from tests.quality import browser as chromium
from tests.quality.cases import KEY_PAGE_CASES


@pytest.mark.parametrize("page, language, address", KEY_PAGE_CASES)
def test_no_failed_request(observation, page, language, address):
    load = observation(page, language, address)
    load.step("settle")
    assert load.own_requests, f"no request recorded for /{address}"
    assert not load.failed_requests, f"showing /{address} makes failing requests:\n" + "\n".join(load.failed_requests)


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
