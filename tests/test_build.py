"""The built site: four languages, alternates, social previews, no third-party host; bad data stops it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import GENERATOR, build_site, copy_project

# Hosts that would report a reader's visit to a third party or load code from elsewhere.
FORBIDDEN_HOSTS = (
    "fonts.googleapis.com",
    "fonts.gstatic.com",
    "cdn.jsdelivr.net",
    "cdnjs.cloudflare.com",
    "unpkg.com",
    "code.jquery.com",
    "netdna.bootstrapcdn.com",
    "google-analytics.com",
    "googletagmanager.com",
)


def pages(site: Path) -> list[Path]:
    found = sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)
    assert len(found) > 100, f"only {len(found)} pages found in {site}"  # 4 languages of ~50 pages
    return found


def language_of(site: Path, page: Path, codes: tuple[str, ...]) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in codes else "fr"


def test_each_language_has_its_home_with_the_right_lang(built_site, site_config):
    for code in site_config.codes:
        home = built_site / ("index.html" if code == site_config.default_language else f"{code}/index.html")
        assert f'<html lang="{code}"' in home.read_text(encoding="utf-8")


def test_every_page_links_its_alternates_in_every_language(built_site, site_config):
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue
        alternates = re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)"', html)
        assert {language for _, language in alternates} == set(site_config.codes) | {"x-default"}, page
        assert all(url.startswith("https://") for url, _ in alternates), page


def test_every_page_has_a_description_and_open_graph_tags(built_site, site_config):
    og_locale = {"fr": "fr_FR", "en": "en_GB", "es": "es_ES", "pt": "pt_PT"}
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue
        language = language_of(built_site, page, site_config.codes)
        assert re.search(r'<meta name="description" content="[^"]{20,}"', html), page
        for prop in ("og:title", "og:description", "og:url"):
            assert f'<meta property="{prop}" content="' in html, (page, prop)
        assert f'<meta property="og:locale" content="{og_locale[language]}">' in html, page
        alternates = set(re.findall(r'<meta property="og:locale:alternate" content="([^"]+)">', html))
        assert alternates == {og_locale[c] for c in site_config.codes if c != language}, page


def test_no_page_or_stylesheet_references_web_fonts_cdns_or_analytics(built_site):
    # What the browser really requests is checked by the quality tests in a headless browser.
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".css", ".xml"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            for host in FORBIDDEN_HOSTS:
                assert host not in text, f"{path.relative_to(built_site)} references {host}"


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project's site sources, to break without touching the real ones."""
    copy_project(tmp_path)
    return tmp_path


def test_invalid_data_stops_the_build_with_the_report_and_publishes_nothing(project_copy):
    cities = project_copy / "data" / "cities.yaml"
    text = cities.read_text(encoding="utf-8")
    cities.write_text(text.replace("country: SN", "country: XX", 1), encoding="utf-8")
    line = text[: text.index("country: SN")].count("\n") + 1
    site = project_copy / "site"
    site.mkdir()
    (site / "previous.html").write_text("the previously published site", encoding="utf-8")

    result = build_site(site, project_copy / "mkdocs.yml")

    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f'data/cities.yaml:{line}:14: cities[8].country: "XX" is not an ISO 3166-1 country code' in output
    assert "Traceback" not in output
    assert [p.name for p in site.iterdir()] == ["previous.html"]


def test_the_site_is_built_by_the_chosen_generator(built_site):
    # `make ... GENERATOR=properdocs` really switches: the generator names itself in every page.
    generator = re.search(
        r'<meta name="generator" content="([^"]+)"', (built_site / "index.html").read_text(encoding="utf-8")
    )
    assert generator and ("ProperDocs" in generator.group(1)) == (GENERATOR == "properdocs"), generator
