"""The map of the cities: one folium (Leaflet) document per language, shown in an iframe of the map page.

Safety: folium writes a popup's HTML into a JavaScript template literal without escaping it, so
every data string is escaped here for HTML and made inert in a template literal (`\\`, backtick
and `$` become character references). Marker titles go through folium's JSON encoder, which
escapes `<`, `>`, `&` and `'`.

Nothing loads from a CDN: Leaflet, Leaflet.markercluster and jQuery (which folium's popups use)
are served by the site from assets/vendor/ (alliance/build/vendor.py), set on each object rather than
on folium's classes, whose lists every map of the process shares.

Determinism: folium names every element with a random id; the rendered document numbers them
in order of appearance, so that two builds give the same bytes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterator

import folium
from branca.element import Element, Figure
from folium.plugins import MarkerCluster
from folium.template import Template

from alliance.data.cities import City
from alliance.data.countries import country_name
from alliance.data.dataset import Dataset
from alliance.localized import ORIGINAL_LANGUAGE, Shown, localized_name
from alliance.pages.markup import html_text
from alliance.pages.mapframe import MAP_STEM
from alliance.data.schemas import vocabulary
from alliance.build.vendor import VENDOR_URL

TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_COPYRIGHT = "https://www.openstreetmap.org/copyright"


@dataclass(frozen=True)
class RoleMarker:
    """How a role is drawn: a shape (an SVG element of a 20×20 box) and a colour."""

    shape: str
    colour: str


# Told apart by shape first; the colours (Okabe-Ito, readable with colour blindness) only add.
ROLE_MARKERS: dict[str, RoleMarker] = {
    "lisbon-host": RoleMarker('<path d="M10 1l2.6 6 6.4.3-5 4.1 1.6 6.6-5.6-3.6-5.6 3.6 1.6-6.6-5-4.1 6.4-.3z"/>', "#D55E00"),
    "lisbon-represented": RoleMarker('<circle cx="10" cy="10" r="8"/>', "#0072B2"),
    "lisbon-supporter": RoleMarker('<path d="M10 1l9 9-9 9-9-9z"/>', "#009E73"),
    "meeting-host": RoleMarker('<rect x="3" y="3" width="14" height="14"/>', "#CC79A7"),
    "announced-host": RoleMarker('<path d="M10 2l9 16H1z"/>', "#E69F00"),
    "practices-shared": RoleMarker('<path d="M5.5 2h9l4.5 8-4.5 8h-9L1 10z"/>', "#56B4E9"),
    "pilot-territory": RoleMarker('<path d="M1 2h18l-9 16z"/>', "#F0E442"),
}
MARKER_SIZE = 22


def marker_svg(role: str) -> str:
    marker = ROLE_MARKERS[role]
    return (
        f'<svg width="{MARKER_SIZE}" height="{MARKER_SIZE}" viewBox="0 0 20 20" '
        f'aria-hidden="true" focusable="false"><g fill="{marker.colour}" stroke="#1a1a1a" stroke-width="1.5" '
        f'stroke-linejoin="round">{marker.shape}</g></svg>'
    )


def shown_role(city: City) -> str:
    """The role a city's marker shows: its first in the order of the schema's list."""
    return next(role for role in vocabulary("role") if role in city.roles)


def template_literal_html(text: str) -> str:
    """A data string as HTML text or attribute value that is also inert inside a JS template literal."""
    return html.escape(text, quote=True).replace("\\", "&#92;").replace("`", "&#96;").replace("$", "&#36;")


def _shown_html(shown: Shown) -> str:
    text = template_literal_html(shown.text)
    return f'<span lang="{shown.language}">{text}</span>' if shown.is_fallback else text


def city_page_url(city: City) -> str:
    """The city's page seen from the map document: both sit in their language's folder
    (map/cities-map.html and cities/lisbon/; en/map/... and en/cities/...)."""
    return f"../cities/{city.id}/"


def popup_html(dataset: Dataset, city: City, language: str) -> str:
    roles = "".join(
        f"<li>{_shown_html(dataset.labels.term('role', role, language))}</li>"
        for role in vocabulary("role")
        if role in city.roles
    )
    return (
        '<div class="am-popup">'
        f'<p class="am-popup-name"><a href="{template_literal_html(city_page_url(city))}" target="_parent">'
        f"{template_literal_html(city.name[language])}</a></p>"
        f"<p>{template_literal_html(country_name(city.country, language))}</p>"
        f"<ul>{roles}</ul></div>"
    )


def legend_html(dataset: Dataset, language: str) -> str:
    """The roles the markers show, each with its shape, in the page's language."""
    shown = {shown_role(city) for city in dataset.cities}
    items = "".join(
        f"<li>{marker_svg(role)} {_shown_html(dataset.labels.term('role', role, language))}</li>"
        for role in vocabulary("role")
        if role in shown
    )
    title = html_text(dataset.labels.ui("map-legend", language))
    return f'<details class="am-legend" open><summary>{title}</summary><ul>{items}</ul></details>'


_STYLE = """<style>
.am-legend { position: absolute; bottom: 1.5rem; left: .5rem; z-index: 1000; max-width: calc(100% - 1rem);
  background: #fff; color: #1a1a1a; border: 1px solid #555; border-radius: 4px; padding: .25rem .5rem;
  font: .8rem/1.4 system-ui, sans-serif; }
.am-legend summary { font-weight: 700; cursor: pointer; }
.am-legend ul, .am-popup ul { list-style: none; margin: .25rem 0 0; padding: 0; }
.am-legend li { display: flex; align-items: center; gap: .4rem; }
.am-popup p { margin: 0 0 .25rem; }
.am-popup-name { font-weight: 700; }
.am-marker { background: none; border: 0; }
</style>"""


class _Document(Figure):
    """branca's Figure with the document's language on <html> (branca's has none)."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="{{ this.lang }}">\n'
        "<head>\n"
        "<title>{{ this.title|e }}</title>"
        "    {{this.header.render(**kwargs)}}\n"
        "</head>\n"
        "<body>\n"
        "    {{this.html.render(**kwargs)}}\n"
        "</body>\n"
        "<script>\n"
        "    {{this.script.render(**kwargs)}}\n"
        "</script>\n"
        "</html>\n",
    )

    def __init__(self, lang: str, title: str):
        super().__init__(title=title)
        self.lang = lang


# folium's viewport forbids zooming the page, which WCAG 1.4.4 (resize text) does not allow.
_FOLIUM_VIEWPORT = re.compile(r"initial-scale=1\.0, maximum-scale=1\.0, user-scalable=no")


def map_document(dataset: Dataset, language: str) -> str:
    """The full HTML document of the map in `language`."""
    vendor = ("../" if language == ORIGINAL_LANGUAGE else "../../") + VENDOR_URL
    document = _Document(language, dataset.labels.ui("map-title", language))
    attribution = f'© <a href="{OSM_COPYRIGHT}">{html_text(dataset.labels.ui("map-attribution", language))}</a>'
    the_map = folium.Map(tiles=folium.TileLayer(TILES, attr=attribution, max_zoom=19))
    the_map.default_js = [("leaflet", f"{vendor}leaflet/leaflet.js"), ("jquery", f"{vendor}jquery/jquery.min.js")]
    the_map.default_css = [("leaflet_css", f"{vendor}leaflet/leaflet.css")]
    document.add_child(the_map)

    cluster = MarkerCluster(options={"maxClusterRadius": 40})
    cluster.default_js = [("markerclusterjs", f"{vendor}leaflet.markercluster/leaflet.markercluster.js")]
    cluster.default_css = [
        ("markerclustercss", f"{vendor}leaflet.markercluster/MarkerCluster.css"),
        ("markerclusterdefaultcss", f"{vendor}leaflet.markercluster/MarkerCluster.Default.css"),
    ]
    cluster.add_to(the_map)
    half = MARKER_SIZE // 2
    for city in dataset.cities:
        folium.Marker(
            (city.lat, city.lon),
            popup=folium.Popup(popup_html(dataset, city, language)),
            icon=folium.DivIcon(
                html=marker_svg(shown_role(city)), icon_size=(MARKER_SIZE, MARKER_SIZE),
                icon_anchor=(half, half), popup_anchor=(0, -half), class_name="am-marker",
            ),
            title=city.name[language],  # the name a keyboard or screen-reader user hears on the marker
        ).add_to(cluster)
    if dataset.cities:
        lats = [city.lat for city in dataset.cities]
        lons = [city.lon for city in dataset.cities]
        the_map.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(30, 30), max_zoom=10)

    document.header.add_child(Element(_STYLE), name="am_style")
    document.html.add_child(Element(legend_html(dataset, language)), name="am_legend")
    rendered = document.render()
    rendered, found = _FOLIUM_VIEWPORT.subn("initial-scale=1.0", rendered)
    if found != 1:
        raise RuntimeError("folium's viewport tag has changed: check alliance/pages/citymap.py against the installed folium")
    return _number_ids(rendered, document)


def _elements(element: Element) -> Iterator[Element]:
    yield element
    for part in ("header", "html", "script"):
        child = getattr(element, part, None)
        if isinstance(child, Element):
            yield from _elements(child)
    for child in element._children.values():
        yield from _elements(child)


def _number_ids(rendered: str, document: Figure) -> str:
    """Replaces folium's random element ids by their rank of first appearance in the document."""
    ids = {element._id for element in _elements(document)}
    numbers: dict[str, str] = {}
    for match in _ELEMENT_ID.finditer(rendered):
        if match[0] in ids and match[0] not in numbers:
            numbers[match[0]] = str(len(numbers) + 1)
    # One pass over the text: the document grows with the number of cities.
    return _ELEMENT_ID.sub(lambda match: numbers.get(match[0], match[0]), rendered)


# folium names each element by a uuid4 in hexadecimal.
_ELEMENT_ID = re.compile(r"[0-9a-f]{32}")


def map_documents(dataset: Dataset, languages: tuple[str, ...]) -> dict[str, str]:
    """{`cities-map.html`, `cities-map.en.html`, ...} for the generated folder map/."""
    return {localized_name(MAP_STEM, language, "html"): map_document(dataset, language) for language in languages}
