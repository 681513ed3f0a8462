"""The map document: hostile data stays text, no CDN, stable bytes, shapes and legend per role."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess

import pytest

from alliance.data.dataset import load_dataset
from alliance.data.evidence import Evidence, declaration_source
from alliance.data.labels import Labels
from alliance.data.schemas import vocabulary
from alliance.localized import LocalizedText
from alliance.pages.citymap import (
    CLUSTER_SHAPE_SIZE,
    cluster_icon_js,
    map_document,
    map_documents,
    marker_title,
    popup_html,
    shown_role,
    template_literal_html,
)
from alliance.pages.citypages import CITY_LIST_ANCHOR
from alliance.pages.mapframe import render_map_frame
from alliance.pages.markers import ROLE_MARKERS, marker_svg
from tests.synthetic_cities import HOSTILE, LANGUAGES, Markup, as_label, city, hostile_dataset
from tests.synthetic_cities import hostile as hostile_text

POPUP_LITERAL = re.compile(r"\$\(`(.*?)`\)\[0\]", re.S)
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)

# Runs the document's inline scripts in Node with Leaflet and jQuery replaced by recorders: what
# the popups receive as HTML, what the markers receive as titles, and whether anything ran alert().
_HARNESS = r"""
const vm = require("vm");
const source = require("fs").readFileSync(0, "utf8");
const seen = {alerts: 0, popups: [], titles: [], zoom: []};
const any = new Proxy(function () {}, {
  get: (target, key) => (key === Symbol.toPrimitive ? () => "" : any),
  apply: (target, self, args) => {
    for (const arg of args) {
      if (arg && typeof arg === "object" && typeof arg.title === "string") seen.titles.push(arg.title);
      if (arg && typeof arg === "object" && typeof arg.zoomInTitle === "string") seen.zoom.push(arg.zoomInTitle, arg.zoomOutTitle);
    }
    return any;
  },
});
const page = {matchMedia: () => ({matches: true}), document: {querySelector: () => any}};
const context = {L: any, $: (html) => { seen.popups.push(html); return [any]; }, alert: () => { seen.alerts += 1; }, window: page, document: page.document};
vm.runInNewContext(source, context);
process.stdout.write(JSON.stringify(seen));
"""


def run_scripts(document: str) -> dict:
    node = shutil.which("node")
    assert node, "Node.js is a prerequisite of the project (README): it runs the map's scripts in this test"
    scripts = "\n;\n".join(INLINE_SCRIPT.findall(document))
    result = subprocess.run([node, "-e", _HARNESS], input=scripts, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


# The interface texts the map document writes, hostile too: data/labels.yaml is a contribution.
MAP_UI = (
    "map-title",
    "map-legend",
    "map-attribution",
    "map-zoom-in",
    "map-zoom-out",
    "map-noscript",
    "map-noscript-list",
)


@pytest.fixture(scope="module")
def hostile():
    dataset = hostile_dataset()
    entries = dict(dataset.labels.entries)
    entries["ui"] = {
        **entries["ui"],
        **{
            key: LocalizedText.from_data(
                {language: as_label(hostile_text(f"{key}-{language}")) for language in LANGUAGES}
            )
            for key in MAP_UI
        },
    }
    return dataclasses.replace(dataset, labels=Labels(entries))


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_strings_stay_text_when_the_map_runs(hostile, language):
    seen = run_scripts(map_document(hostile, language))
    assert seen["alerts"] == 0
    # Each marker's title is the name and roles themselves, decoded as strings and nothing more.
    assert seen["titles"] == [marker_title(hostile, c, language) for c in hostile.cities]
    assert seen["zoom"] == [hostile_text(f"map-zoom-in-{language}"), hostile_text(f"map-zoom-out-{language}")]
    assert len(seen["popups"]) == len(hostile.cities)
    for popup, c in zip(seen["popups"], hostile.cities, strict=True):
        markup = Markup(popup)
        assert set(markup.tags) <= {"div", "p", "a", "ul", "li", "span"}
        assert markup.attributes <= {"id", "style", "class", "href", "target", "lang"}
        assert c.name[language] in markup.text and HOSTILE in markup.text
        assert f"country-{c.id} {HOSTILE}" in markup.text  # an unknown country code is shown as given, as text


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_strings_do_not_change_the_structure_of_the_document(hostile, language):
    """Same cities with plain texts: the same elements in the same order, so nothing was injected."""
    plain = hostile_dataset(
        tuple(
            city(
                c.id,
                c.lat,
                c.lon,
                c.roles,
                name=LocalizedText.from_data({"fr": c.id}),
                country="PT",
                evidence=(Evidence(("summary",), declaration_source(1), "La deuxième rencontre", {}),),
            )
            for c in hostile.cities
        ),
        label=lambda tag: tag,
    )
    plain = dataclasses.replace(plain, labels=hostile_dataset(label=lambda tag: tag).labels)
    document = map_document(hostile, language)
    assert Markup(document).tags == Markup(map_document(plain, language)).tags
    for literal in POPUP_LITERAL.findall(document):
        assert "${" not in literal and "\\" not in literal


def test_template_literal_html_escapes_for_html_and_for_javascript():
    assert template_literal_html("a`b${c}\\d<e>&\"'") == "a&#96;b&#36;{c}&#92;d&lt;e&gt;&amp;&quot;&#x27;"


def test_a_translated_label_has_no_lang_and_a_fallback_names_french(hostile):
    city_ = hostile.cities[0]
    assert '<span lang="fr">' in popup_html(hostile, city_, "en")
    assert '<span lang="fr">' not in popup_html(hostile, city_, "fr")


@pytest.fixture(scope="module")
def real():
    return load_dataset(LANGUAGES)


def test_two_builds_give_the_same_bytes(real):
    first = map_documents(real, LANGUAGES)
    assert first == map_documents(real, LANGUAGES)
    for document in first.values():
        assert not re.search(r"[0-9a-f]{32}", document), "a random folium id is left"


def test_one_document_per_language_in_its_language(real):
    documents = map_documents(real, LANGUAGES)
    assert sorted(documents) == sorted(
        ["cities-map.html"] + [f"cities-map.{lang}.html" for lang in LANGUAGES if lang != "fr"]
    )
    assert '<html lang="en">' in documents["cities-map.en.html"]
    assert "Legend" in documents["cities-map.en.html"] and "Légende" in documents["cities-map.html"]


@pytest.mark.parametrize("language, prefix", [("fr", "../"), ("en", "../../")])
def test_scripts_and_styles_come_from_the_site(real, language, prefix):
    markup = Markup(map_document(real, language))
    # Links to pages (the popups', the message shown without JavaScript) load nothing.
    loaded = [link for link in markup.links if not link.startswith("../cities/") and link != f"./#{CITY_LIST_ANCHOR}"]
    assert loaded and all(link.startswith(f"{prefix}assets/vendor/") for link in loaded)
    hosts = set(re.findall(r"https?://([^/\"'\s]+)", map_document(real, language)))
    # The tiles, and the attribution link that OpenStreetMap's licence asks for.
    assert hosts == {"tile.openstreetmap.org", "www.openstreetmap.org"}


def test_the_document_does_not_forbid_zooming(real):
    document = map_document(real, "fr")
    assert "user-scalable=no" not in document and "maximum-scale" not in document


def test_every_role_has_its_own_shape():
    assert set(ROLE_MARKERS) == set(vocabulary("role"))
    shapes = [marker.shape for marker in ROLE_MARKERS.values()]
    assert len(set(shapes)) == len(shapes)


def test_the_legend_names_the_roles_the_markers_show_in_the_language(real):
    document = map_document(real, "es")
    legend = re.search(r'<details class="am-legend".*?</details>', document, re.S)[0]
    for role in vocabulary("role"):
        label = real.labels.term("role", role, "es").text
        assert (label in legend) == any(shown_role(c) == role for c in real.cities)


def test_the_marker_shows_the_first_role_of_the_schema_list():
    assert shown_role(city("x", 0, 0, ("pilot-territory", "lisbon-host"))) == "lisbon-host"


def test_popup_links_to_the_city_page_of_the_parent_page(real):
    popup = Markup(popup_html(real, real.city("lisbon"), "pt"))
    assert popup.links == ["../cities/lisbon/"]
    assert "Lisboa" in popup.text and "Portugal" in popup.text


def test_the_view_fits_the_cities(real):
    document = map_document(real, "fr")
    # A city whose position no source gives (Ourno) is listed, not mapped.
    positions = [c.position for c in real.cities if c.position is not None]
    assert len(positions) == len(real.cities) - 1
    lats, lons = [lat for lat, _ in positions], [lon for _, lon in positions]
    assert f"[[{min(lats)}, {min(lons)}], [{max(lats)}, {max(lons)}]]" in document
    assert "Ourno" not in document


def test_a_map_without_cities_still_renders(real):
    empty = hostile_dataset(())
    assert "fitBounds" not in map_document(empty, "fr")


def test_the_frame_has_a_title_loads_lazily_and_links_its_document(real):
    markup = Markup(render_map_frame(real, "en"))
    assert markup.tags == ["iframe"]
    frame = re.search(r"<iframe[^>]*>", render_map_frame(real, "en"))[0]
    assert f'title="{real.labels.ui("map-title", "en")}"' in frame and 'loading="lazy"' in frame
    assert "(map/cities-map.html)" in render_map_frame(real, "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_document_is_whole_html_with_every_script_inside(real, language):
    document = map_document(real, language)
    # Nothing after </body> but </html> (branca puts its script there), one <body>, one <html>.
    assert re.search(r"</body>\s*</html>\s*\Z", document)
    assert document.count("<body>") == 1 and document.count("</body>") == 1 and document.count("<html ") == 1
    assert document.index("<body>") < document.rindex("<script>") < document.index("</body>")


@pytest.mark.parametrize("language", LANGUAGES)
def test_controls_and_messages_are_in_the_document_language(real, language):
    document = map_document(real, language)
    ui = lambda key: real.labels.ui(key, language)  # noqa: E731
    assert 'zoomControl": false' in document  # Leaflet's English control is replaced ...
    zoom = re.search(r"L\.control\.zoom\(\{(.*?)\}\)", document, re.S)[1]  # ... by one in the language
    assert json.dumps(ui("map-zoom-in")) in zoom and json.dumps(ui("map-zoom-out")) in zoom
    attribution = json.loads(re.search(r'"attribution": ("(?:[^"\\]|\\.)*")', document)[1])
    assert Markup(attribution).text == f"© {ui('map-attribution')}"
    noscript = Markup(re.search(r"<noscript>.*?</noscript>", document, re.S)[0])
    assert ui("map-noscript") in noscript.text and ui("map-noscript-list") in noscript.text
    assert noscript.links == [f"./#{CITY_LIST_ANCHOR}"]


def test_the_legend_is_below_the_map_and_folded_until_the_screen_is_wide(real):
    document = map_document(real, "fr")
    assert document.index('class="folium-map"') < document.index('<details class="am-legend">')
    assert '<details class="am-legend" open' not in document
    assert 'window.matchMedia("(min-width: 40em)")' in document


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_marker_title_names_the_place_and_each_of_its_roles(real, language):
    strasbourg = real.city("strasbourg")
    title = marker_title(real, strasbourg, language)
    assert title.startswith(strasbourg.name[language] + " — ")
    for role in strasbourg.roles:
        assert real.labels.term("role", role, language).text in title


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_does_not_call_its_places_members(real, language):
    """No source states membership for every place (issue 16): the map names roles, not members."""
    member_phrases = {
        "fr": "villes de l'Alliance",
        "en": "cities of the Alliance",
        "es": "ciudades de la Alianza",
        "pt": "cidades da Aliança",
    }
    document = map_document(real, language)
    assert member_phrases[language] not in document.replace("&#x27;", "'")
    cascais = real.city("cascais")
    assert real.labels.term("role", "lisbon-supporter", language).text in marker_title(real, cascais, language)


# Runs the groups' icon function in Node on two markers, with a recording stand-in for the DOM.
_CLUSTER_HARNESS = r"""
const make = (source) => {
  const created = [];
  const document = {createElement: (tag) => { const e = {tag, children: [], appendChild(c) { this.children.push(c); }}; created.push(e); return e; }};
  const L = {divIcon: (options) => options, point: (x, y) => [x, y]};
  const iconFor = new Function("document", "L", "return " + source)(document, L);
  const cluster = {getChildCount: () => 2, getAllChildMarkers: () => [{options: {amRole: "lisbon-supporter"}}, {options: {amRole: "lisbon-host"}}]};
  const icon = iconFor(cluster);
  return {className: icon.className,
          markup: created.filter(e => e.innerHTML !== undefined).map(e => e.innerHTML),
          texts: created.filter(e => e.textContent !== undefined).map(e => String(e.textContent))};
};
process.stdout.write(JSON.stringify(make(require("fs").readFileSync(0, "utf8"))));
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_group_of_markers_shows_the_shapes_of_its_roles_and_says_them_as_text(hostile, language):
    node = shutil.which("node")
    assert node, "Node.js is a prerequisite of the project (README): it runs the map's scripts in this test"
    result = subprocess.run(
        [node, "-e", _CLUSTER_HARNESS],
        input=cluster_icon_js(hostile, language),
        capture_output=True,
        text=True,
        check=True,
    )
    icon = json.loads(result.stdout)
    # Markup only from the site's own shapes, in the schema's order; the labels (data) only as text.
    assert icon["markup"] == [
        marker_svg("lisbon-host", CLUSTER_SHAPE_SIZE),
        marker_svg("lisbon-supporter", CLUSTER_SHAPE_SIZE),
    ]
    labels = [hostile.labels.term("role", role, language).text for role in ("lisbon-host", "lisbon-supporter")]
    assert icon["texts"] == ["2", "; ".join(labels)]
    assert "marker-cluster-small" in icon["className"]
