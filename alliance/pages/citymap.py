"""The map of the cities: one folium (Leaflet) document per language, shown in an iframe of the map page.

Safety: folium writes a popup's HTML into a JavaScript template literal without escaping it, so
every data string is escaped here for HTML and made inert in a template literal (`\\`, backtick
and `$` become character references). Marker titles go through folium's JSON encoder, which
escapes `<`, `>`, `&` and `'`.

Nothing loads from a CDN: Leaflet, Leaflet.markercluster and jQuery (which folium's popups use)
are served by the site from assets/vendor/ (alliance/assembly/vendor.py), set on each object rather than
on folium's classes, whose lists every map of the process shares.

Determinism: folium names every element with a random id; the rendered document numbers them
in order of appearance, so that two builds give the same bytes.

Phones: the legend sits below the map, never over it (the map gives it room), folded on narrow
screens; the zoom buttons, legend, attribution and the message shown without JavaScript are in
the document's language.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import folium
from branca.element import Element, Figure, MacroElement
from folium.plugins import MarkerCluster
from folium.template import Template
from jinja2.utils import htmlsafe_json_dumps

from alliance.assembly.vendor import VENDOR_URL
from alliance.data.cities import City
from alliance.data.countries import country_name
from alliance.data.dataset import Dataset
from alliance.data.schemas import vocabulary
from alliance.localized import ORIGINAL_LANGUAGE, Shown, localized_name
from alliance.pages.citypages import CITY_LIST_ANCHOR
from alliance.pages.mapframe import MAP_STEM
from alliance.pages.markers import MARKER_SIZE, marker_svg
from alliance.pages.markup import html_text

TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_COPYRIGHT = "https://www.openstreetmap.org/copyright"


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


def marker_title(dataset: Dataset, city: City, language: str) -> str:
    """What a keyboard or screen-reader user hears on a marker (and a mouse shows): the name and
    every documented role, since the marker's shape shows only the first."""
    roles = "; ".join(
        dataset.labels.term("role", role, language).text for role in vocabulary("role") if role in city.roles
    )
    return f"{city.name[language]} — {roles}"


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
    """The roles the markers show, each with its shape, in the page's language.

    Folded by default; a script opens it where the screen is wide enough (LEGEND_OPEN_FROM)."""
    shown = {shown_role(city) for city in dataset.cities}
    items = "".join(
        f"<li>{marker_svg(role)} {_shown_html(dataset.labels.term('role', role, language))}</li>"
        for role in vocabulary("role")
        if role in shown
    )
    title = html_text(dataset.labels.ui("map-legend", language))
    return f'<details class="am-legend"><summary>{title}</summary><ul>{items}</ul></details>'


def noscript_html(dataset: Dataset, language: str) -> str:
    """Without JavaScript there is no map: the message says so and leads to the same cities as a
    list, on the map page around the frame (map/ seen from map/cities-map.html)."""
    message = html_text(dataset.labels.ui("map-noscript", language))
    link = html_text(dataset.labels.ui("map-noscript-list", language))
    return (
        f'<noscript><p class="am-noscript">{message} '
        f'<a href="./#{CITY_LIST_ANCHOR}" target="_parent">{link}</a></p></noscript>'
    )


# The narrowest screen on which the legend starts open (a phone in landscape, a tablet).
LEGEND_OPEN_FROM = "40em"

_STYLE = """<style>
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
/* folium enlarges Leaflet's text to 1rem: the attribution would take two lines on a phone. */
.leaflet-container .leaflet-control-attribution { font-size: .75rem; }
.am-noscript { margin: 0; padding: 1rem; font: 1rem/1.5 system-ui, sans-serif; }
.am-popup p { margin: 0 0 .25rem; }
.am-popup-name { font-weight: 700; }
.am-marker { background: none; border: 0; }
.am-cluster div { height: auto; padding: 2px 4px; width: auto; }
.am-cluster span { line-height: 1.3; }
.am-cluster-roles { display: flex; justify-content: center; gap: 1px; }
.am-cluster-roles span { display: block; line-height: 0; }
.am-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>"""


# A group of nearby markers shows its count and the shapes of the roles in it: a place's role is
# seen before zooming in (Cascais's, next to Lisbon). The shapes are ours; the role labels (data)
# become text through textContent, never markup.
CLUSTER_SHAPE_SIZE = 12
_CLUSTER_ICON = """function (cluster) {
    var shapes = %(shapes)s, labels = %(labels)s;
    var present = {};
    cluster.getAllChildMarkers().forEach(function (marker) { present[marker.options.amRole] = true; });
    var roles = Object.keys(shapes).filter(function (role) { return present[role]; });
    var icon = document.createElement("div"), count = document.createElement("span"), kinds = document.createElement("span");
    count.textContent = cluster.getChildCount();
    kinds.className = "am-cluster-roles";
    roles.forEach(function (role) {
        var shape = document.createElement("span");
        shape.innerHTML = shapes[role];
        kinds.appendChild(shape);
    });
    var said = document.createElement("span");
    said.className = "am-visually-hidden";
    said.textContent = roles.map(function (role) { return labels[role]; }).join("; ");
    icon.appendChild(count);
    icon.appendChild(kinds);
    icon.appendChild(said);
    var size = cluster.getChildCount() < 10 ? "small" : cluster.getChildCount() < 100 ? "medium" : "large";
    return L.divIcon({
        html: icon, className: "marker-cluster marker-cluster-" + size + " am-cluster",
        iconSize: L.point(Math.max(40, roles.length * %(shape)d + 16), 40 + %(shape)d),
    });
}"""


def cluster_icon_js(dataset: Dataset, language: str) -> str:
    """Leaflet.markercluster's iconCreateFunction: the count, and each role's shape in the schema's order."""
    roles = vocabulary("role")
    shapes = {role: marker_svg(role, CLUSTER_SHAPE_SIZE) for role in roles}
    labels = {role: dataset.labels.term("role", role, language).text for role in roles}
    return _CLUSTER_ICON % {
        "shapes": htmlsafe_json_dumps(shapes),
        "labels": htmlsafe_json_dumps(labels),
        "shape": CLUSTER_SHAPE_SIZE,
    }


# The view shows every city, with room for the zoom buttons (top left) and the attribution
# (bottom) so that no marker starts under them; it is fitted again when the legend's folding
# changes the map's height, unless the reader has moved the map.
FIT_OPTIONS = {"paddingTopLeft": [50, 30], "paddingBottomRight": [30, 40], "maxZoom": 10, "animate": False}


class _MapChrome(MacroElement):
    """The legend below the map, and the controls in the document's language.

    A child of the map: its HTML follows the map's, its script runs once the map exists. The
    labels go through Jinja's tojson, which escapes <, >, & and ' inside the script.
    """

    _template = Template("""
        {% macro html(this, kwargs) %}
            {{ this.legend }}
            <script>
                if (window.matchMedia({{ this.open_query|tojson }}).matches) {
                    document.querySelector(".am-legend").open = true;
                }
            </script>
        {% endmacro %}

        {% macro script(this, kwargs) %}
            {%- set map = this._parent.get_name() %}
            L.control.zoom({
                zoomInTitle: {{ this.zoom_in|tojson }},
                zoomOutTitle: {{ this.zoom_out|tojson }},
            }).addTo({{ map }});
            {%- if this.bounds %}
            // Whether the reader has moved the map since it was last fitted to the cities.
            var am_moved = false, am_fitting = false;
            {{ map }}.on("movestart zoomstart", function () { if (!am_fitting) am_moved = true; });
            function am_fit() {
                am_fitting = true;
                {{ map }}.fitBounds({{ this.bounds|tojson }}, {{ this.fit_options|tojson }});
                am_fitting = false;
                am_moved = false;
            }
            am_fit();
            {%- endif %}
            document.querySelector(".am-legend").addEventListener("toggle", function () {
                {{ map }}.invalidateSize();
                {%- if this.bounds %}
                if (!am_moved) am_fit();
                {%- endif %}
            });
        {% endmacro %}
    """)

    def __init__(self, legend: str, zoom_in: str, zoom_out: str, bounds: list | None):
        super().__init__()
        self._name = "MapChrome"
        self.legend = legend
        self.open_query = f"(min-width: {LEGEND_OPEN_FROM})"
        self.zoom_in = zoom_in
        self.zoom_out = zoom_out
        self.bounds = bounds
        self.fit_options = FIT_OPTIONS


def _bounds(cities: tuple[City, ...]) -> list | None:
    positions = [position for city in cities if (position := city.position) is not None]
    if not positions:
        return None
    lats = [lat for lat, _ in positions]
    lons = [lon for _, lon in positions]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


class _Document(Figure):
    """branca's Figure with the document's language on <html> (branca's has none), and valid."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="{{ this.lang }}">\n'
        "<head>\n"
        "<title>{{ this.title|e }}</title>"
        "    {{this.header.render(**kwargs)}}\n"
        "</head>\n"
        "<body>\n"
        "    {{this.html.render(**kwargs)}}\n"
        # Inside <body>: branca's Figure puts it after </body>, which is not valid HTML.
        "<script>\n"
        "    {{this.script.render(**kwargs)}}\n"
        "</script>\n"
        "</body>\n"
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
    # Leaflet's own zoom control is in English: _MapChrome adds one in the document's language.
    the_map = folium.Map(tiles=folium.TileLayer(TILES, attr=attribution, max_zoom=19), zoom_control=False)
    the_map.default_js = [("leaflet", f"{vendor}leaflet/leaflet.js"), ("jquery", f"{vendor}jquery/jquery.min.js")]
    the_map.default_css = [("leaflet_css", f"{vendor}leaflet/leaflet.css")]
    document.add_child(the_map)

    cluster = MarkerCluster(options={"maxClusterRadius": 40}, icon_create_function=cluster_icon_js(dataset, language))
    cluster.default_js = [("markerclusterjs", f"{vendor}leaflet.markercluster/leaflet.markercluster.js")]
    cluster.default_css = [
        ("markerclustercss", f"{vendor}leaflet.markercluster/MarkerCluster.css"),
        ("markerclusterdefaultcss", f"{vendor}leaflet.markercluster/MarkerCluster.Default.css"),
    ]
    cluster.add_to(the_map)
    half = MARKER_SIZE // 2
    for city in dataset.cities:
        if city.position is None:
            continue  # listed on the city list and its page, which say why it is not mapped
        folium.Marker(
            city.position,
            popup=folium.Popup(popup_html(dataset, city, language)),
            icon=folium.DivIcon(
                html=marker_svg(shown_role(city)),
                icon_size=(MARKER_SIZE, MARKER_SIZE),
                icon_anchor=(half, half),
                popup_anchor=(0, -half),
                class_name="am-marker",
            ),
            title=marker_title(dataset, city, language),
            am_role=shown_role(city),  # read by the groups' icons (cluster_icon_js)
        ).add_to(cluster)
    labels = dataset.labels
    _MapChrome(
        legend_html(dataset, language),
        labels.ui("map-zoom-in", language),
        labels.ui("map-zoom-out", language),
        _bounds(dataset.cities),
    ).add_to(the_map)
    document.header.add_child(Element(_STYLE), name="am_style")
    document.html.add_child(Element(noscript_html(dataset, language)), name="am_noscript")
    rendered = document.render()
    rendered, found = _FOLIUM_VIEWPORT.subn("initial-scale=1.0", rendered)
    if found != 1:
        raise RuntimeError(
            "folium's viewport tag has changed: check alliance/pages/citymap.py against the installed folium"
        )
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
