"""The 404 page wherever GitHub Pages (or any static host) serves it: the site's root 404.html
answers every missing address, at the configured base path, at `/`, under another folder, at any
depth, with and without JavaScript. It is styled, in the address's language, fetches nothing,
and each of its links answers; an address such as `//attacker.example/en/x` changes nothing but
the language shown (issue 23 item 2, issue 21 finding 2)."""

from __future__ import annotations

import os
import shutil
import urllib.error
import urllib.request
from contextlib import ExitStack
from urllib.parse import urlsplit

import pytest

from alliance.siteconfig import load_publication
from tests.quality import browser as chromium
from tests.quality.cases import SITE_CONFIG
from tests.quality.observe import axe_violations
from tests.quality.test_accessibility import assert_no_serious_violation

# Where the built site is served: its configured base path, the root of a domain, another folder.
PLACES = ("/site/", "/", "/preview/folder/")
# Missing addresses inside the site, and the language each must be shown in.
MISSING = (
    ("no-such-page/", SITE_CONFIG.default_language),
    ("practices/gone/a/b/c/", SITE_CONFIG.default_language),
    ("en/no-such-page/", "en"),
    ("es/agenda/2099/x/y/", "es"),
    ("pt/x.html", "pt"),
)
HEADER_COLOUR = "rgb(64, 81, 181)"


@pytest.fixture(scope="module")
def configured(built_site, tmp_path_factory):
    """The run's build, served by a local server at its configured base path, with its 404 page's
    absolute links made that server's (so that they can be followed), and that server's address.
    Only the origin of site_url changes, as in a build configured there (a copy built with
    SITE_URL did that at the cost of a whole build; the 404 page's builder takes any site_url:
    test_not_found_page.py)."""
    configured_url = load_publication().site_url
    site = tmp_path_factory.mktemp("not-found") / "site"
    shutil.copytree(built_site, site, copy_function=os.link)  # links: the shared build stays as it is
    with chromium.serve(site, urlsplit(configured_url).path) as address:
        page = site / "404.html"
        text = page.read_text(encoding="utf-8")
        assert configured_url in text
        page.unlink()
        page.write_text(text.replace(configured_url, address), encoding="utf-8")
        yield site, address


def answers(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def shown(recorder: chromium.Visit) -> dict:
    """What the reader sees: the languages shown, the visible links, the header's colour."""
    return recorder.page.evaluate(
        """() => ({
            lang: document.documentElement.lang,
            sections: [...document.querySelectorAll('section')].filter(s => s.checkVisibility()).map(s => s.lang),
            links: [...document.querySelectorAll('a')].filter(a => a.checkVisibility()).map(a => a.href),
            bases: document.querySelectorAll('base').length,
            header: getComputedStyle(document.querySelector('header')).backgroundColor,
        })"""
    )


def prefix(language: str) -> str:
    return "" if language == SITE_CONFIG.default_language else f"{language}/"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("place", PLACES)
def test_the_404_page_works_wherever_it_is_served(browser, configured, place, javascript):
    root, configured_url = configured
    others = [code for code in SITE_CONFIG.codes if code != SITE_CONFIG.default_language]
    with chromium.serve(root, place) as site_url, ExitStack() as tabs:
        # Each address in a tab of its own, all loaded before any is read: their waits for an idle
        # network overlap.
        recorders = [tabs.enter_context(chromium.visit(browser, site_url, javascript=javascript)) for _ in MISSING]
        responses = [
            recorder.page.goto(site_url + missing, wait_until="load")
            for recorder, (missing, _) in zip(recorders, MISSING, strict=True)
        ]
        for recorder, response, (missing, language) in zip(recorders, responses, MISSING, strict=True):
            address = site_url + missing
            recorder.page.wait_for_load_state("networkidle")
            seen = shown(recorder)
            where = f"{address} (JavaScript {'on' if javascript else 'off'})"
            assert response.status == 404, where
            assert recorder.failed_requests == [f"404 {address}"], f"{where}: {recorder.failed_requests}"
            assert not recorder.outside_requests, f"{where}: {recorder.outside_requests}"
            assert seen["header"] == HEADER_COLOUR, f"{where} is not styled"
            if javascript:
                assert (seen["lang"], seen["sections"]) == (language, [language]), where
            else:
                assert seen["sections"] == [SITE_CONFIG.default_language, *others], where
            # Served where it was configured, the links stay on the host serving it; elsewhere
            # they lead to the configured site.
            home = (site_url if javascript and place == "/site/" else configured_url) + prefix(language)
            assert home in seen["links"] and home + "search/" in seen["links"], f"{where}: {seen['links']}"
            broken = [f"{link} answers {status}" for link in seen["links"] if (status := answers(link)) != 200]
            assert not broken, f"{where}: " + ", ".join(broken)


@pytest.mark.parametrize("place", ["/", "/site/"])
def test_an_address_naming_another_host_is_only_an_address(browser, configured, place):
    """`https://site//attacker.example/en/x`: the page once took `//attacker.example/` as its
    <base> and wrote what that host answered into the site's origin (reflected DOM XSS)."""
    root, _ = configured
    with chromium.serve(root, place) as site_url:
        origin = site_url[: -len(place)]
        attack = f"{origin}{place}/attacker.example/en/x"
        with chromium.visit(browser, site_url) as recorder:
            recorder.page.goto(attack, wait_until="load")
            recorder.page.wait_for_load_state("networkidle")
            recorder.page.wait_for_timeout(500)
            seen = shown(recorder)
    assert urlsplit(recorder.page.url).netloc == urlsplit(origin).netloc
    assert not recorder.outside_requests, recorder.outside_requests
    assert seen["bases"] == 0
    assert seen["sections"] == ["en"]
    assert all(urlsplit(link).hostname == "127.0.0.1" for link in seen["links"]), seen["links"]


def test_the_404_page_is_accessible(browser, configured, quality_report):
    """axe-core on the page as shown with JavaScript (one language), then as shown without (all)."""
    root, _ = configured
    with chromium.serve(root, "/") as site_url, chromium.visit(browser, site_url) as recorder:
        recorder.page.goto(site_url + "es/no-such-page/", wait_until="load")
        assert_no_serious_violation(axe_violations(recorder), quality_report, "es/no-such-page/ (404)")
        recorder.page.evaluate("document.querySelectorAll('section').forEach(s => { s.hidden = false; })")
        assert_no_serious_violation(axe_violations(recorder), quality_report, "es/no-such-page/ (404, every language)")
