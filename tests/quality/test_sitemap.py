"""What the built site tells search engines (issue 23 item 8): the sitemap's alternates name an
x-default, pages that repeat others are not in it, and every HTML file that is not a page with a
canonical address (the map documents shown in the map page's frame, the 404 page) asks not to be
indexed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from alliance.builtsite.parse import BuiltSite, parse_page
from tests.quality.cases import REPEATING_PAGES, SITE_CONFIG

NAMESPACES = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
NOINDEX = re.compile(r"""<meta\s+name=["']robots["']\s+content=["'][^"']*noindex""", re.I)


def sitemap(site: BuiltSite) -> list[tuple[str, dict[str, str]]]:
    """(address, {hreflang: address}) of each <url> of sitemap.xml."""
    root = ElementTree.parse(site.root / "sitemap.xml").getroot()
    urls = []
    for url in root.findall("s:url", NAMESPACES):
        alternates = {link.get("hreflang", ""): link.get("href", "") for link in url.findall("x:link", NAMESPACES)}
        urls.append((url.findtext("s:loc", "", NAMESPACES), alternates))
    return urls


def test_every_sitemap_address_names_its_languages_and_the_original_as_x_default(site: BuiltSite):
    urls = sitemap(site)
    assert len(urls) > 100, len(urls)
    wrong = [
        (loc, alternates)
        for loc, alternates in urls
        if set(alternates) != {*SITE_CONFIG.codes, "x-default"}
        or alternates["x-default"] != alternates[SITE_CONFIG.default_language]
        or loc not in alternates.values()
    ]
    assert not wrong, wrong[:5]


def test_pages_that_repeat_others_are_not_in_the_sitemap(site: BuiltSite):
    listed = [loc for loc, _ in sitemap(site)]
    assert not [loc for loc in listed if REPEATING_PAGES.search(loc)], [
        loc for loc in listed if REPEATING_PAGES.search(loc)
    ]
    # The pattern matches them where they are: each language has them, and they are pages.
    for code in SITE_CONFIG.codes:
        prefix = "" if code == SITE_CONFIG.default_language else f"{code}/"
        for path in ("search/", "translation-status/", "agenda/territories/"):
            assert (site.root / prefix / path / "index.html").is_file()
            assert REPEATING_PAGES.search(site.site_url + prefix + path)


def test_every_html_file_is_a_page_with_its_address_or_asks_not_to_be_indexed(site: BuiltSite):
    unmarked = []
    framed = 0
    for file in site.html_files():
        text = file.read_text(encoding="utf-8")
        canonical = [r for r in parse_page(text).references if r.tag == "link" and "canonical" in r.rel]
        if not canonical and not NOINDEX.search(text):
            unmarked.append(file.relative_to(site.root).as_posix())
        framed += "map/" in file.relative_to(site.root).as_posix() and file.name != "index.html"
    assert framed >= len(SITE_CONFIG.codes), "the map documents were not found"
    assert not unmarked, unmarked
