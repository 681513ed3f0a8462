"""The map, the city list, the city pages and the exports in the built site, in every language."""

from __future__ import annotations

import json
import posixpath
import re

import pytest

from alliance.data.countries import country_name
from alliance.pages.citypages import CITY_LIST_ANCHOR
from tests.synthetic_cities import LANGUAGES, Markup, map_island

DEFAULT = "fr"
NOSCRIPT_LINK = f"./#{CITY_LIST_ANCHOR}"


def prefix(language: str) -> str:
    return "" if language == DEFAULT else f"{language}/"


def map_page_path(language: str) -> str:
    return f"{prefix(language)}map/index.html"


def target(page: str, link: str) -> str:
    """The file of the site a relative link of `page` points at."""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), link.split("#")[0]))
    return f"{path}/index.html" if link.split("#")[0].endswith("/") else path


@pytest.fixture(scope="module")
def dataset(real_dataset):
    return real_dataset


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_page_frames_its_language_document(built_site, language):
    page = map_page_path(language)
    html = (built_site / page).read_text(encoding="utf-8")
    frame = re.search(r"<iframe[^>]*>", html)[0]
    assert 'loading="lazy"' in frame and re.search(r'title="[^"]+"', frame)
    document = built_site / target(page, re.search(r'src="([^"]+)"', frame)[1])
    assert f'<html lang="{language}">' in document.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_page_lists_every_city_by_country_with_its_page(built_site, dataset, language):
    page = map_page_path(language)
    markup = Markup((built_site / page).read_text(encoding="utf-8"))
    assert len(dataset.cities) >= 20  # the documented cities of data/cities.yaml
    for city in dataset.cities:
        link = f"../cities/{city.id}/"
        assert link in markup.links
        city_html = (built_site / target(page, link)).read_text(encoding="utf-8")
        assert f'<html lang="{language}"' in city_html
        assert re.search(rf'<h1 id="[^"]*">{re.escape(city.name[language])}<', city_html)
        assert country_name(city.country, language) in markup.text
    for export in ("cities.geojson", "cities.csv"):
        linked = [link for link in markup.links if link.endswith(f"open-data/{export}")]
        assert linked and (built_site / target(page, linked[0])).is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_popups_link_to_existing_city_pages_of_the_same_language(built_site, dataset, language):
    document = f"{prefix(language)}map/cities-map.html"
    links = [city["url"] for city in map_island((built_site / document).read_text(encoding="utf-8"))["cities"]]
    # A city whose position no source gives (Ourno) is listed, not mapped: it has no marker.
    assert len(links) == len([city for city in dataset.cities if city.position is not None])
    for link in links:
        assert target(document, link).startswith(f"{prefix(language)}cities/")
        assert (built_site / target(document, link)).is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_document_loads_only_site_files_and_tiles(built_site, language):
    document = f"{prefix(language)}map/cities-map.html"
    html = (built_site / document).read_text(encoding="utf-8")
    loaded = [link for link in Markup(html).links if not link.startswith("../cities/")]
    assert loaded
    for link in loaded:
        assert (built_site / target(document, link)).is_file(), link
    # (the policy names the tile host too, followed by a semicolon)
    assert set(re.findall(r"https?://([^/\"'\s;]+)", html)) == {"tile.openstreetmap.org", "www.openstreetmap.org"}
    assert "https://www.openstreetmap.org/copyright" in html


def test_leaflet_images_sit_next_to_its_style_sheet(built_site):
    images = re.findall(r"url\((images/[^)]+)\)", (built_site / "assets/vendor/leaflet/leaflet.css").read_text())
    assert len(images) >= 3  # layers, layers-2x, marker-icon
    for image in images:
        assert (built_site / "assets/vendor/leaflet" / image).is_file()


def test_the_open_data_is_published(built_site, dataset):
    geojson = json.loads((built_site / "open-data/cities.geojson").read_text(encoding="utf-8"))
    assert len(geojson["features"]) == len(dataset.cities)
    assert (built_site / "open-data/cities.csv").read_text(encoding="utf-8-sig").startswith("id,name_fr,")


def test_the_home_page_links_to_the_map(built_site):
    assert "map/" in Markup((built_site / "index.html").read_text(encoding="utf-8")).links


def test_generated_pages_have_no_edit_link(built_site):
    assert 'rel="edit"' not in (built_site / "cities/lisbon/index.html").read_text(encoding="utf-8")
    assert 'rel="edit"' in (built_site / "map/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_document_without_javascript_links_the_city_list_of_its_page(built_site, language):
    document = f"{prefix(language)}map/cities-map.html"
    html = (built_site / document).read_text(encoding="utf-8")
    noscript = re.search(r"<noscript>(.*?)</noscript>", html, re.S)[1]
    assert NOSCRIPT_LINK in Markup(noscript).links
    page = (built_site / target(document, NOSCRIPT_LINK)).read_text(encoding="utf-8")
    assert re.search(rf'<h2 id="{CITY_LIST_ANCHOR}"', page) and f'<html lang="{language}"' in page
