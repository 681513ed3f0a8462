"""The pure parts of the site's addresses: alternates, the portable 404 page."""

from __future__ import annotations

import pytest

from alliance.assembly.notfound import portable_not_found
from alliance.pages.alternates import home_alternates, page_alternates, root_path, x_default

SITE = "https://example.github.io/site/"


@pytest.mark.parametrize(
    "link, site_url, expected",
    [
        pytest.param("/site/en/", SITE, "en/", id="home-under-a-folder"),
        pytest.param("/site/", SITE, "", id="default-home"),
        pytest.param("en/declaration/", SITE, "en/declaration/", id="page"),
        pytest.param("/en/", "https://example.org/", "en/", id="home-at-a-domain-root"),
        pytest.param(".", SITE, "", id="the-root-itself"),
    ],
)
def test_root_path(link, site_url, expected):
    assert root_path(link, site_url) == expected


def test_alternates_are_absolute_and_x_default_is_the_original():
    alternates = page_alternates([("fr", "Français", "declaration/"), ("en", "English", "en/declaration/")], SITE)
    assert [a.url for a in alternates] == [SITE + "declaration/", SITE + "en/declaration/"]
    assert [a.path for a in alternates] == ["declaration/", "en/declaration/"]
    assert x_default(alternates, "fr").url == SITE + "declaration/"
    assert [a.path for a in home_alternates([("fr", "Français"), ("pt", "Português")], "fr", SITE)] == ["", "pt/"]


PAGE = '<html lang="en"><head><meta charset="utf-8"><link href="/site/assets/a.css" rel="stylesheet"></head><body><a href="/site/en/">home</a><a href="https://other.example/site/x">out</a><img src="/site/assets/i.png" alt=""></body></html>'


@pytest.mark.parametrize("chooses_language", [True, False])
def test_portable_not_found(chooses_language):
    page = portable_not_found(PAGE, "/site/", ("en", "es"), chooses_language)
    assert 'href="./assets/a.css"' in page and 'href="./en/"' in page and 'src="./assets/i.png"' in page
    assert 'href="https://other.example/site/x"' in page
    assert page.index("<script>") < page.index('<base href="/site/">') < page.index("a.css")
    assert ('fetch(r+g+"/404.html")' in page) is chooses_language


def test_portable_not_found_refuses_a_page_it_cannot_place_its_script_in():
    with pytest.raises(ValueError):
        portable_not_found("<html><head></head></html>", "/site/", ("en",), True)


def test_alternates_exactly_and_x_default_is_the_original_wherever_it_is_listed():
    """Written by hand: the plugin's links (absolute paths, paths from the root, "./"), the page's
    own language listed first as the switcher lists it."""
    links = [
        ("en", "English", "/site/en/declaration/"),
        ("fr", "Français", "/site/declaration/"),
        ("es", "Español", "es/declaration/"),
        ("pt", "Português", "./"),
    ]
    alternates = page_alternates(links, "https://example.github.io/site")
    assert [(a.language, a.name, a.path, a.url) for a in alternates] == [
        ("en", "English", "en/declaration/", "https://example.github.io/site/en/declaration/"),
        ("fr", "Français", "declaration/", "https://example.github.io/site/declaration/"),
        ("es", "Español", "es/declaration/", "https://example.github.io/site/es/declaration/"),
        ("pt", "Português", "", "https://example.github.io/site/"),
    ]
    assert x_default(alternates, "fr").url == "https://example.github.io/site/declaration/"
    assert x_default(alternates, "es").path == "es/declaration/"
