"""The pure parts of the site's addresses: alternates."""

from __future__ import annotations

import pytest

from alliance.pages.alternates import base_path, page_alternates, root_path, x_default

SITE = "https://example.github.io/site/"


@pytest.mark.parametrize(
    "link, site_url, expected",
    [
        pytest.param("/site/en/", SITE, "en/", id="home-under-a-folder"),
        pytest.param("/site/", SITE, "", id="default-home"),
        pytest.param("en/declaration/", SITE, "en/declaration/", id="page"),
        pytest.param("/en/", "https://example.org/", "en/", id="home-at-a-domain-root"),
        pytest.param(".", SITE, "", id="the-root-itself"),
        pytest.param("./", SITE, "", id="the-root-itself-with-a-slash"),
        pytest.param("/en/", "https://example.org", "en/", id="home-at-a-domain-without-a-slash"),
        pytest.param("/site/en/", "https://example.github.io/site", "en/", id="home-under-a-folder-without-a-slash"),
        pytest.param("/elsewhere/", SITE, "elsewhere/", id="absolute-path-outside-the-site"),
    ],
)
def test_root_path(link, site_url, expected):
    assert root_path(link, site_url) == expected


@pytest.mark.parametrize(
    "site_url, expected",
    [
        ("https://example.org", "/"),
        ("https://example.org/", "/"),
        ("https://example.github.io/site", "/site/"),
        ("https://example.github.io/site/", "/site/"),
    ],
)
def test_base_path_is_the_root_folder_with_its_slashes(site_url, expected):
    assert base_path(site_url) == expected


def test_alternates_are_absolute_and_x_default_is_the_original():
    alternates = page_alternates([("fr", "Français", "declaration/"), ("en", "English", "en/declaration/")], SITE)
    assert [a.url for a in alternates] == [SITE + "declaration/", SITE + "en/declaration/"]
    assert [a.path for a in alternates] == ["declaration/", "en/declaration/"]
    assert x_default(alternates, "fr").url == SITE + "declaration/"


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
