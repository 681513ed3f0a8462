"""The map of the cities: one document per language, shown in an iframe of the map page.

folium writes each document's skeleton and no text of the data ever reaches it. Its rendering
layer (branca) compiles every element's rendered output as a Jinja template a second time (a city
name `{{ 7*7 }}` became 49), so the skeleton is made from this module's constants only: `skeleton`
takes no dataset and no text of any language, only whether the document sits one folder deeper
(its links to the site's files). It is made once per process (folium costs about 0.4 s to import
and render) and holds the map, its tiles and its group of markers, with stable element ids so
that two builds give the same bytes. Its document template leaves fixed slots, HTML comments such
as `<!--am:title-->`; the skeleton is cut at them once, and each document is the skeleton's pieces
joined with fragments of our own template, compiled once from this source and rendered once with
autoescape: the language, title, noscript message and legend as escaped HTML, the rest in a JSON
data island (`<script type="application/json">`, which no browser runs). The site's script
(content/assets/cities-map.js) reads the island, finds folium's map and group by the names the
island gives, and adds the controls, markers and popups, writing every text as text (textContent,
title, Leaflet's options), never as markup.

Nothing loads from a CDN: Leaflet and Leaflet.markercluster are served by the site from
assets/vendor/ (alliance/assembly/vendor.py), set on each folium object rather than on its
classes, whose lists every map of the process shares; there is no jQuery and no Bootstrap.
folium's two inline scripts are constants, allowed by their hashes in the document's
Content-Security-Policy (alliance/assembly/csp.py).

Phones: the legend sits below the map, never over it (the map gives it room), folded on narrow
screens; the zoom buttons, legend, attribution and the message shown without JavaScript are in
the document's language.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import folium
from branca.element import Element, Figure
from folium.plugins import MarkerCluster
from folium.template import Template
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from alliance.assembly.vendor import VENDOR_URL
from alliance.data.cities import City
from alliance.data.countries import country_name
from alliance.data.dataset import Dataset
from alliance.data.schemas import vocabulary
from alliance.localized import ORIGINAL_LANGUAGE, localized_name
from alliance.pages.citypages import CITY_LIST_ANCHOR
from alliance.pages.mapframe import MAP_SCRIPT, MAP_STEM
from alliance.pages.markers import MARKER_SIZE, marker_svg
from alliance.pages.markup import html_text

TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_COPYRIGHT = "https://www.openstreetmap.org/copyright"
# The narrowest screen on which the legend starts open (a phone in landscape, a tablet).
LEGEND_OPEN_FROM = "40em"
# The size of each role's shape in a group of markers.
CLUSTER_SHAPE_SIZE = 12
# The view shows every city, with room for the zoom buttons (top left) and the attribution
# (bottom) so that no marker starts under them; it is fitted again when the legend's folding
# changes the map's height, unless the reader has moved the map.
FIT_OPTIONS = {"paddingTopLeft": [50, 30], "paddingBottomRight": [30, 40], "maxZoom": 10, "animate": False}
# Markers closer than this (pixels) are shown as one group.
CLUSTER_RADIUS = 40
ISLAND_ID = "am-map-data"


def shown_role(city: City) -> str:
    """The role a city's marker shows: its first in the order of the schema's list."""
    return next(role for role in vocabulary("role") if role in city.roles)


def city_page_url(city: City) -> str:
    """The city's page seen from the map document: both sit in their language's folder
    (map/cities-map.html and cities/lisbon/; en/map/... and en/cities/...)."""
    return f"../cities/{city.id}/"


# The slots of the skeleton, in the order its template places them: what the data fills.
SLOTS = ("html", "head", "before-map", "after-map")
_SLOT = re.compile(r"<!--am:([a-z-]+)-->")


class _Document(Figure):
    """branca's Figure with our slots, and valid: its inline script inside <body> (branca's
    Figure puts it after </body>). A constant: nothing of the data is ever in it."""

    _template = Template(
        "<!DOCTYPE html>\n"
        "<!--am:html-->\n"
        "<head>\n"
        "{{ this.header.render(**kwargs) }}\n"
        "<!--am:head-->\n"
        "</head>\n"
        "<body>\n"
        "<!--am:before-map-->\n"
        "{{ this.html.render(**kwargs) }}\n"
        "<!--am:after-map-->\n"
        "<script>\n"
        "{{ this.script.render(**kwargs) }}\n"
        "</script>\n"
        "</body>\n"
        "</html>\n"
    )


@dataclass(frozen=True)
class Skeleton:
    """folium's document cut at its slots (one piece more than SLOTS), and the global names of
    the map and of its group of markers, which the site's script takes over."""

    pieces: tuple[str, ...]
    map_name: str
    group_name: str


# folium's viewport forbids zooming the page, which WCAG 1.4.4 (resize text) does not allow.
_FOLIUM_VIEWPORT = re.compile(r"initial-scale=1\.0, maximum-scale=1\.0, user-scalable=no")
# folium names each element by a uuid4 in hexadecimal.
_ELEMENT_ID = re.compile(r"[0-9a-f]{32}")


@functools.cache
def skeleton(nested: bool) -> Skeleton:
    """folium's map document, from constants only: `nested` says whether the document sits in a
    language's folder (en/map/), one level deeper than the original's (map/)."""
    vendor = ("../../" if nested else "../") + VENDOR_URL
    document = _Document()
    # The attribution is shown in the document's language by the site's script (no control here).
    tiles = folium.TileLayer(TILES, attr="OpenStreetMap", max_zoom=19)
    # The zoom buttons too: Leaflet's own speak English.
    the_map = folium.Map(tiles=tiles, zoom_control=False, attribution_control=False)
    the_map.default_js = [("leaflet", f"{vendor}leaflet/leaflet.js")]
    the_map.default_css = [("leaflet_css", f"{vendor}leaflet/leaflet.css")]
    document.add_child(the_map)
    group = MarkerCluster(options={"maxClusterRadius": CLUSTER_RADIUS})
    group.default_js = [("markerclusterjs", f"{vendor}leaflet.markercluster/leaflet.markercluster.js")]
    group.default_css = [
        ("markerclustercss", f"{vendor}leaflet.markercluster/MarkerCluster.css"),
        ("markerclusterdefaultcss", f"{vendor}leaflet.markercluster/MarkerCluster.Default.css"),
    ]
    group.add_to(the_map)
    rendered, found = _FOLIUM_VIEWPORT.subn("initial-scale=1.0", document.render())
    if found != 1:
        raise RuntimeError("folium's viewport tag has changed: check alliance/pages/citymap.py against folium")
    rendered, numbers = _number_ids(rendered, document)
    pieces = _SLOT.split(rendered)
    if tuple(pieces[1::2]) != SLOTS:
        raise RuntimeError(f"the map's skeleton has slots {pieces[1::2]}, not {SLOTS}")
    return Skeleton(
        pieces=tuple(pieces[0::2]),
        map_name=the_map.get_name().replace(the_map._id, numbers[the_map._id]),
        group_name=group.get_name().replace(group._id, numbers[group._id]),
    )


def _elements(element: Element) -> Iterator[Element]:
    """An element and all its descendants: the map and what it holds. (The parts of the document,
    its header, html and script, and the links they hold, never write their ids.)"""
    yield element
    for child in element._children.values():
        yield from _elements(child)


def _number_ids(rendered: str, document: Figure) -> tuple[str, dict[str, str]]:
    """Replaces folium's random element ids by their rank of first appearance in the document."""
    ids = {element._id for element in _elements(document)}
    numbers: dict[str, str] = {}
    for match in _ELEMENT_ID.finditer(rendered):
        if match[0] in ids and match[0] not in numbers:
            numbers[match[0]] = str(len(numbers) + 1)
    return _ELEMENT_ID.sub(lambda match: numbers.get(match[0], match[0]), rendered), numbers


def _text(dataset: Dataset, kind: str, key: str, language: str) -> dict[str, str | None]:
    """A label as the script shows it: its text, and its language when it is a fallback."""
    shown = dataset.labels.term(kind, key, language)
    return {"text": shown.text, "lang": shown.language if shown.is_fallback else None}


def map_data(dataset: Dataset, language: str) -> dict:
    """Everything the map's script needs, as plain values (the JSON data island)."""
    roles = vocabulary("role")
    attribution = html_text(dataset.labels.ui("map-attribution", language))
    the_skeleton = skeleton(language != ORIGINAL_LANGUAGE)
    return {
        # folium's map and group of markers, by their global names.
        "map": the_skeleton.map_name,
        "group": the_skeleton.group_name,
        # Leaflet writes attributions as HTML: the label is escaped for it.
        "attribution": f'© <a href="{OSM_COPYRIGHT}">{attribution}</a>',
        "zoomIn": dataset.labels.ui("map-zoom-in", language),
        "zoomOut": dataset.labels.ui("map-zoom-out", language),
        "legendOpen": f"(min-width: {LEGEND_OPEN_FROM})",
        "fit": FIT_OPTIONS,
        "bounds": _bounds(dataset.cities),
        "markerSize": MARKER_SIZE,
        "clusterShapeSize": CLUSTER_SHAPE_SIZE,
        # The site's own shapes (alliance/pages/markers.py): the only markup the script inserts
        # (a group's shapes are the same, made smaller by the style sheet).
        "markers": {role: marker_svg(role) for role in roles},
        "roles": {role: _text(dataset, "role", role, language) for role in roles},
        "cities": [
            {
                "name": city.name[language],
                "lat": city.lat,
                "lon": city.lon,
                "country": country_name(city.country, language),
                "url": city_page_url(city),
                # In the schema's order: the first is the one its marker shows (shown_role).
                "roles": [role for role in roles if role in city.roles],
            }
            for city in dataset.cities
            # A city whose position no source gives is on the city list and its page, which say why.
            if city.mapped
        ],
    }


def _bounds(cities: tuple[City, ...]) -> list | None:
    positions = [position for city in cities if (position := city.position) is not None]
    if not positions:
        return None
    lats = [lat for lat, _ in positions]
    lons = [lon for _, lon in positions]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


# What would end the island's element or be read as markup, and the two line separators that
# older JavaScript parsers took for line ends: written as JSON escapes, the same values.
_ISLAND_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def json_island(value: object) -> Markup:
    """A value as the text of a `<script type="application/json">` element: JSON whose every
    character that could end the element or start markup is escaped."""
    return Markup(json.dumps(value, ensure_ascii=False, allow_nan=False).translate(_ISLAND_ESCAPES))


# Our fragments, one per slot of the skeleton, compiled once from this source; data reaches them
# only as the render's values.
_ENVIRONMENT = Environment(autoescape=True, undefined=StrictUndefined)
_FRAGMENTS = {
    "html": _ENVIRONMENT.from_string('<html lang="{{ language }}">'),
    "head": _ENVIRONMENT.from_string(
        """<title>{{ title }}</title>
<!-- Shown in the map page's frame, which search engines index: not a page of its own. -->
<meta name="robots" content="noindex">
<style>
/* The map takes the room the legend leaves: the legend never covers a marker. folium sets the
   map's size on its id, hence !important. */
body { display: flex; flex-direction: column; }
.folium-map { flex: 1 1 auto; height: auto !important; min-height: 8rem; }
.am-legend { flex: none; max-height: 50%; overflow: auto; background: #fff; color: #1a1a1a;
  border-top: 1px solid #555; padding: .25rem .5rem; font: .8rem/1.4 system-ui, sans-serif; }
.am-legend summary { font-weight: 700; cursor: pointer; padding: .25rem 0; }
.am-legend ul, .am-popup ul { list-style: none; margin: .25rem 0 0; padding: 0; }
.am-legend ul { display: flex; flex-wrap: wrap; gap: .1rem 1.2rem; }
.am-legend li { display: flex; align-items: center; gap: .4rem; }
/* folium sets Leaflet's text at 1rem: the attribution would take two lines on a phone. */
.leaflet-container .leaflet-control-attribution { font-size: .75rem; }
.am-noscript { margin: 0; padding: 1rem; font: 1rem/1.5 system-ui, sans-serif; }
.am-popup p { margin: 0 0 .25rem; }
.am-popup-name { font-weight: 700; }
.am-marker { background: none; border: 0; }
.am-cluster div { height: auto; padding: 2px 4px; width: auto; }
.am-cluster span { line-height: 1.3; }
.am-cluster-roles { display: flex; justify-content: center; gap: 1px; }
.am-cluster-roles span { display: block; line-height: 0; }
.am-cluster-roles svg { width: {{ cluster_shape }}px; height: {{ cluster_shape }}px; }
.am-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>
<script defer src="{{ script }}"></script>"""
    ),
    "before-map": _ENVIRONMENT.from_string(
        '<noscript><p class="am-noscript">{{ noscript }} '
        '<a href="./#{{ list_anchor }}" target="_parent">{{ noscript_list }}</a></p></noscript>'
    ),
    "after-map": _ENVIRONMENT.from_string(
        """<details class="am-legend"><summary>{{ legend_title }}</summary><ul>
{%- for item in legend %}<li>{{ item.shape }} {% if item.lang %}<span lang="{{ item.lang }}">{{ item.text }}</span>{% else %}{{ item.text }}{% endif %}</li>{% endfor -%}
</ul></details>
<script type="application/json" id="{{ island_id }}">{{ data }}</script>"""
    ),
}


def map_document(dataset: Dataset, language: str) -> str:
    """The full HTML document of the map in `language`: folium's skeleton, its slots filled."""
    nested = language != ORIGINAL_LANGUAGE
    shown = {shown_role(city) for city in dataset.cities if city.mapped}
    legend = [
        {"shape": Markup(marker_svg(role)), **_text(dataset, "role", role, language)}
        for role in vocabulary("role")
        if role in shown
    ]
    ui = dataset.labels.ui
    values = {
        "language": language,
        "title": ui("map-title", language),
        "script": ("../../" if nested else "../") + MAP_SCRIPT,
        "cluster_shape": CLUSTER_SHAPE_SIZE,
        "noscript": ui("map-noscript", language),
        "noscript_list": ui("map-noscript-list", language),
        "list_anchor": CITY_LIST_ANCHOR,
        "legend_title": ui("map-legend", language),
        "legend": legend,
        "island_id": ISLAND_ID,
        "data": json_island(map_data(dataset, language)),
    }
    pieces = skeleton(nested).pieces
    # Each slot's fragment, then the skeleton's piece that follows it; joined, never searched
    # again: a marker written in the data is only text.
    return pieces[0] + "".join(
        _FRAGMENTS[slot].render(values) + pieces[after] for after, slot in enumerate(SLOTS, start=1)
    )


def map_documents(dataset: Dataset, languages: tuple[str, ...]) -> dict[str, str]:
    """{`cities-map.html`, `cities-map.en.html`, ...} for the generated folder map/."""
    return {localized_name(MAP_STEM, language, "html"): map_document(dataset, language) for language in languages}
