"""The map of the cities: one document per language, shown in an iframe of the map page.

Safety: data crosses into the document only as values. The document is our own Jinja template,
compiled once from this module's source and rendered once with autoescape: names, roles and
labels land in HTML text and attributes escaped, and the map's texts travel in a JSON data island
(`<script type="application/json">`, which no browser runs) that the site's script
(content/assets/cities-map.js) reads and writes into the page as text (textContent, title,
Leaflet's options), never as markup. No text of the data is ever compiled as a template, a
format string or a script: folium, whose rendering layer compiled every element's output as a
Jinja template a second time (a city name `{{ 7*7 }}` became 49), is no longer used.

Nothing loads from a CDN: Leaflet and Leaflet.markercluster are served by the site from
assets/vendor/ (alliance/assembly/vendor.py); there is no jQuery and no inline script, so the
document's Content-Security-Policy needs no hash for it.

Phones: the legend sits below the map, never over it (the map gives it room), folded on narrow
screens; the zoom buttons, legend, attribution and the message shown without JavaScript are in
the document's language.
"""

from __future__ import annotations

import json

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


def _text(dataset: Dataset, kind: str, key: str, language: str) -> dict[str, str | None]:
    """A label as the script shows it: its text, and its language when it is a fallback."""
    shown = dataset.labels.term(kind, key, language)
    return {"text": shown.text, "lang": shown.language if shown.is_fallback else None}


def map_data(dataset: Dataset, language: str) -> dict:
    """Everything the map's script needs, as plain values (the JSON data island)."""
    roles = vocabulary("role")
    attribution = html_text(dataset.labels.ui("map-attribution", language))
    return {
        "tiles": TILES,
        # Leaflet writes attributions as HTML: the label is escaped for it.
        "attribution": f'© <a href="{OSM_COPYRIGHT}">{attribution}</a>',
        "zoomIn": dataset.labels.ui("map-zoom-in", language),
        "zoomOut": dataset.labels.ui("map-zoom-out", language),
        "legendOpen": f"(min-width: {LEGEND_OPEN_FROM})",
        "fit": FIT_OPTIONS,
        "bounds": _bounds(dataset.cities),
        "clusterRadius": CLUSTER_RADIUS,
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


# Our template, compiled once from this source; data reaches it only as the render's values.
_DOCUMENT = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True).from_string(
    """<!DOCTYPE html>
<html lang="{{ language }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{{ title }}</title>
<!-- Shown in the map page's frame, which search engines index: not a page of its own. -->
<meta name="robots" content="noindex">
<link rel="stylesheet" href="{{ vendor }}leaflet/leaflet.css">
<link rel="stylesheet" href="{{ vendor }}leaflet.markercluster/MarkerCluster.css">
<link rel="stylesheet" href="{{ vendor }}leaflet.markercluster/MarkerCluster.Default.css">
<style>
/* The map takes the room the legend leaves: the legend never covers a marker. */
html, body { height: 100%; margin: 0; padding: 0; }
body { display: flex; flex-direction: column; }
.am-map { position: relative; flex: 1 1 auto; min-height: 8rem; }
.leaflet-container { font-size: 1rem; }
.am-legend { flex: none; max-height: 50%; overflow: auto; background: #fff; color: #1a1a1a;
  border-top: 1px solid #555; padding: .25rem .5rem; font: .8rem/1.4 system-ui, sans-serif; }
.am-legend summary { font-weight: 700; cursor: pointer; padding: .25rem 0; }
.am-legend ul, .am-popup ul { list-style: none; margin: .25rem 0 0; padding: 0; }
.am-legend ul { display: flex; flex-wrap: wrap; gap: .1rem 1.2rem; }
.am-legend li { display: flex; align-items: center; gap: .4rem; }
/* Leaflet's text at 1rem: the attribution would take two lines on a phone. */
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
<script defer src="{{ vendor }}leaflet/leaflet.js"></script>
<script defer src="{{ vendor }}leaflet.markercluster/leaflet.markercluster.js"></script>
<script defer src="{{ script }}"></script>
</head>
<body>
<noscript><p class="am-noscript">{{ noscript }} <a href="./#{{ list_anchor }}" target="_parent">{{ noscript_list }}</a></p></noscript>
<div class="am-map"></div>
<details class="am-legend"><summary>{{ legend_title }}</summary><ul>
{%- for item in legend %}<li>{{ item.shape }} {% if item.lang %}<span lang="{{ item.lang }}">{{ item.text }}</span>{% else %}{{ item.text }}{% endif %}</li>{% endfor -%}
</ul></details>
<script type="application/json" id="{{ island_id }}">{{ data }}</script>
</body>
</html>
"""
)


def map_document(dataset: Dataset, language: str) -> str:
    """The full HTML document of the map in `language`."""
    to_root = "../" if language == ORIGINAL_LANGUAGE else "../../"
    shown = {shown_role(city) for city in dataset.cities if city.mapped}
    legend = [
        {"shape": Markup(marker_svg(role)), **_text(dataset, "role", role, language)}
        for role in vocabulary("role")
        if role in shown
    ]
    ui = dataset.labels.ui
    return _DOCUMENT.render(
        language=language,
        title=ui("map-title", language),
        vendor=to_root + VENDOR_URL,
        script=to_root + MAP_SCRIPT,
        cluster_shape=CLUSTER_SHAPE_SIZE,
        noscript=ui("map-noscript", language),
        noscript_list=ui("map-noscript-list", language),
        list_anchor=CITY_LIST_ANCHOR,
        legend_title=ui("map-legend", language),
        legend=legend,
        island_id=ISLAND_ID,
        data=json_island(map_data(dataset, language)),
    )


def map_documents(dataset: Dataset, languages: tuple[str, ...]) -> dict[str, str]:
    """{`cities-map.html`, `cities-map.en.html`, ...} for the generated folder map/."""
    return {localized_name(MAP_STEM, language, "html"): map_document(dataset, language) for language in languages}
