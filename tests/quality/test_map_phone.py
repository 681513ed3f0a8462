"""The map in a real browser, on a phone and on a desktop, in every language (issue 12, item 6)."""

from __future__ import annotations

import pytest

from alliance.data.dataset import load_dataset
from alliance.localized import language_prefix
from alliance.pages.citypages import CITY_LIST_ANCHOR
from alliance.pages.mapframe import MAP_FOLDER, MAP_STEM
from tests.quality import browser as chromium
from tests.quality.cases import SITE_CONFIG

LANGUAGES = SITE_CONFIG.codes

# The boxes of the map's parts, in the map document's own coordinates.
_BOXES = """() => {
    const box = (e) => { const r = e.getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
    const visible = (e) => e.checkVisibility() && e.getBoundingClientRect().width > 0;
    return {
        map: box(document.querySelector('.am-map')),
        legend: box(document.querySelector('.am-legend')),
        legendOpen: document.querySelector('.am-legend').open,
        attribution: box(document.querySelector('.leaflet-control-attribution')),
        markers: [...document.querySelectorAll('.leaflet-marker-icon')].filter(visible).map(box),
        // Each marker (or cluster) whose centre is on the map: does a tap on its centre reach a marker
        // (itself or a neighbour drawn over it), rather than the legend or a control?
        markersOnTop: [...document.querySelectorAll('.leaflet-marker-icon')].filter(visible).flatMap(e => {
            const r = e.getBoundingClientRect(), map = document.querySelector('.am-map').getBoundingClientRect();
            const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
            if (x < map.left || x > map.right || y < map.top || y > map.bottom) return [];
            const hit = document.elementFromPoint(x, y);
            return [!!hit && !!hit.closest('.leaflet-marker-icon')];
        }),
        zoom: [...document.querySelectorAll('.leaflet-control-zoom a')].map(a => [a.title, a.getAttribute('aria-label')]),
    };
}"""


def overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(LANGUAGES)


def map_frame(visit, language: str):
    visit.open(f"{language_prefix(language, SITE_CONFIG.default_language)}{MAP_FOLDER}/", settle=False)
    # The frame loads lazily, once scrolled to (the tiles never load: the tests are offline).
    iframe = visit.page.locator(f'iframe[src$="{MAP_STEM}.html"]')
    iframe.scroll_into_view_if_needed()
    iframe.element_handle().wait_for_element_state("visible")
    for _ in range(150):
        frame = iframe.element_handle().content_frame()
        if frame is not None and MAP_STEM in frame.url:
            break
        visit.page.wait_for_timeout(100)
    else:
        pytest.fail(f"the map's frame did not load on /{visit.page.url}")
    frame.wait_for_selector(".leaflet-marker-icon")
    visit.page.wait_for_timeout(1000)  # the clusters' animation
    return frame


def assert_nothing_hidden(boxes: dict) -> None:
    assert boxes["markers"], "no marker is shown"
    assert not overlap(boxes["legend"], boxes["map"]), (
        f"the legend covers the map: {boxes['legend']} over {boxes['map']}"
    )
    assert not overlap(boxes["legend"], boxes["attribution"])
    # A marker at the map's edge is cut by the edge, not covered: what counts is that nothing lies
    # over a marker whose centre is on the map.
    assert boxes["markersOnTop"] and all(boxes["markersOnTop"]), f"a marker is covered: {boxes['markersOnTop']}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_legend_is_folded_and_never_over_a_marker(
    browser, site_server, dataset, quality_report, language
):
    with chromium.visit(browser, site_server, viewport=chromium.PHONE) as visit:
        frame = map_frame(visit, language)
        boxes = frame.evaluate(_BOXES)
        assert not boxes["legendOpen"], "the legend starts unfolded on a phone"
        assert_nothing_hidden(boxes)
        map_height = boxes["map"]["bottom"] - boxes["map"]["top"]
        quality_report.append(
            f"map on a 375 px phone ({language}): map {map_height:.0f} px high, legend folded to {boxes['legend']['bottom'] - boxes['legend']['top']:.0f} px"
        )
        frame.click(".am-legend summary")
        visit.page.wait_for_timeout(1000)  # the map is fitted again, the clusters animate
        opened = frame.evaluate(_BOXES)
        assert opened["legendOpen"]
        # Unfolded, it takes room from the map rather than covering it.
        assert_nothing_hidden(opened)
        assert opened["map"]["bottom"] < boxes["map"]["bottom"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_zoom_buttons_speak_the_page_language(visit, dataset, language):
    boxes = map_frame(visit, language).evaluate(_BOXES)
    expected = [dataset.labels.ui("map-zoom-in", language), dataset.labels.ui("map-zoom-out", language)]
    assert boxes["zoom"] == [[label, label] for label in expected]
    # On a wide screen the legend starts unfolded, still below the map.
    assert boxes["legendOpen"]
    assert_nothing_hidden(boxes)


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_map_leads_to_the_city_list(browser, site_server, dataset, language):
    with chromium.visit(browser, site_server, javascript=False) as visit:
        prefix = language_prefix(language, SITE_CONFIG.default_language)
        visit.open(f"{prefix}{MAP_FOLDER}/{MAP_STEM}.html", settle=False)
        message = visit.page.locator(".am-noscript")
        assert message.is_visible()
        assert dataset.labels.ui("map-noscript", language) in message.inner_text()
        message.get_by_role("link", name=dataset.labels.ui("map-noscript-list", language)).click()
        visit.page.wait_for_load_state("load")
        assert visit.page.url.endswith(f"{prefix}{MAP_FOLDER}/#{CITY_LIST_ANCHOR}")
        heading = visit.page.locator(f"#{CITY_LIST_ANCHOR}")
        assert heading.evaluate("e => e.tagName") == "H2"
        assert visit.page.locator(f"#{CITY_LIST_ANCHOR} ~ ul a[href*='cities/']").count() == len(dataset.cities)


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_map_comes_first(browser, site_server, language):
    """The map right under the page's heading, in the first screen of a phone (issue 23, item 3)."""
    with chromium.visit(browser, site_server, viewport=chromium.PHONE) as visit:
        visit.open(f"{language_prefix(language, SITE_CONFIG.default_language)}{MAP_FOLDER}/", settle=False)
        frame = visit.page.locator(f'iframe[src$="{MAP_STEM}.html"]')
        top = frame.evaluate("e => e.getBoundingClientRect().top")
        after_heading = visit.page.evaluate(
            "() => document.querySelector('article h1').nextElementSibling.matches('iframe, p:has(> iframe)')"
        )
    assert after_heading, "something comes between the heading and the map"
    assert top < chromium.PHONE["height"] / 2, (
        f"the map starts {top:.0f} px down a {chromium.PHONE['height']} px screen"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_marker_opens_its_popup_from_the_keyboard(visit, dataset, language):
    frame = map_frame(visit, language)
    marker = frame.locator(".leaflet-marker-icon.am-marker").first
    title = marker.get_attribute("title")
    marker.focus()
    visit.page.keyboard.press("Enter")
    link = frame.locator(".am-popup-name a")
    link.wait_for()
    city = next(c for c in dataset.cities if title and title.startswith(c.name[language] + " — "))
    assert link.inner_text() == city.name[language]
    assert link.get_attribute("href") == f"../cities/{city.id}/" and link.get_attribute("target") == "_parent"
