"""The map document: data crosses into it only as values, no CDN, stable bytes, shapes and legend per role."""

from __future__ import annotations

import dataclasses
import html
import json
import re
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance.data.evidence import Evidence, declaration_source
from alliance.data.labels import Labels
from alliance.data.schemas import vocabulary
from alliance.localized import LocalizedText, localized_name
from alliance.pages import citymap
from alliance.pages.citymap import (
    CLUSTER_SHAPE_SIZE,
    OSM_COPYRIGHT,
    json_island,
    map_data,
    map_document,
    map_documents,
    shown_role,
    skeleton,
)
from alliance.pages.citypages import CITY_LIST_ANCHOR
from alliance.pages.mapframe import MAP_SCRIPT, MAP_STEM, render_map_frame
from alliance.pages.markers import ROLE_MARKERS, marker_svg
from alliance.paths import ROOT
from tests.synthetic_cities import HOSTILE, LANGUAGES, Markup, as_label, city, hostile_dataset, map_island
from tests.synthetic_cities import hostile as hostile_text


def marker_title(dataset, city, language: str) -> str:
    """What a marker's title says: the name and every documented role, in the schema's order."""
    roles = "; ".join(
        dataset.labels.term("role", role, language).text for role in vocabulary("role") if role in city.roles
    )
    return f"{city.name[language]} — {roles}"


# Runs the site's map script in Node against a recording stand-in for the DOM and for Leaflet:
# what each marker, popup, group icon and control receives, and every write of markup.
_HARNESS = r"""
const vm = require("vm");
const fs = require("fs");
const [script, island, groupRoles] = JSON.parse(fs.readFileSync(0, "utf8"));
const seen = {alerts: 0, titles: [], positions: [], zoom: [], attribution: null, markup: [], popups: [], group: null};
function node(tag) {
  const made = {tag, className: "", children: [], attributes: {},
    appendChild(child) { this.children.push(child); return child; },
    setAttribute(name, value) { this.attributes[name] = String(value); }};
  let inner;
  Object.defineProperty(made, "innerHTML", {get: () => inner, set: (value) => { inner = value; seen.markup.push(value); }});
  return made;
}
function tree(e) {
  return {tag: e.tag, className: e.className, text: e.textContent === undefined ? null : String(e.textContent),
          href: e.href || null, target: e.target || null, lang: e.lang || null, children: e.children.map(tree)};
}
const legend = {open: false, addEventListener() {}};
const document = {
  createElement: node,
  getElementById: (id) => (id === "am-map-data" ? {textContent: island} : null),
  querySelector: (selector) => (selector === ".am-legend" ? legend : {}),
};
const map = {on() {}, fitBounds() {}, invalidateSize() {}};
const chain = {addTo() { return chain; }};
const markers = [];
// folium's group of markers, as its constant script made it (no icon function of its own).
const group = {options: {maxClusterRadius: 40}, addLayers(layers) { markers.push(...layers); return group; }};
const L = {
  control: {
    zoom: (options) => { seen.zoom.push(options.zoomInTitle, options.zoomOutTitle); return chain; },
    attribution: () => ({addAttribution(text) { seen.attribution = text; return chain; }}),
  },
  divIcon: (options) => options,
  point: (x, y) => [x, y],
  marker: (at, options) => {
    seen.titles.push(options.title);
    seen.positions.push(at);
    return {options, bindPopup(content) { this.popup = content; return this; }};
  },
};
// folium's globals, by the names the island gives.
const names = JSON.parse(island);
const window = {matchMedia: () => ({matches: true}), [names.map]: map, [names.group]: group};
vm.runInNewContext(script, {L, document, window, alert: () => { seen.alerts += 1; }, JSON, Object, String, Math});
seen.popups = markers.map((marker) => tree(marker.popup()));
const icon = group.options.iconCreateFunction({
  getChildCount: () => groupRoles.length,
  getAllChildMarkers: () => groupRoles.map((role) => ({options: {amRole: role}})),
});
seen.group = {className: icon.className, html: tree(icon.html)};
process.stdout.write(JSON.stringify(seen));
"""


def run_map_script(document: str, group_roles: tuple[str, ...] = ("lisbon-supporter", "lisbon-host")) -> dict:
    node = shutil.which("node")
    assert node, "Node.js is a prerequisite of the project (README): it runs the map's script in this test"
    island = json.dumps(map_island(document))
    script = (ROOT / "content" / MAP_SCRIPT).read_text(encoding="utf-8")
    result = subprocess.run(
        [node, "-e", _HARNESS],
        input=json.dumps([script, island, list(group_roles)]),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def texts(tree: dict) -> list[str]:
    """Every text node's text, in order."""
    return ([tree["text"]] if tree["text"] is not None else []) + [t for c in tree["children"] for t in texts(c)]


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


def with_ui(dataset, text_of):
    entries = dict(dataset.labels.entries)
    entries["ui"] = {
        **entries["ui"],
        **{
            key: LocalizedText.from_data({language: as_label(text_of(f"{key}-{language}")) for language in LANGUAGES})
            for key in MAP_UI
        },
    }
    return dataclasses.replace(dataset, labels=Labels(entries))


@pytest.fixture(scope="module")
def hostile(real_dataset):
    return with_ui(hostile_dataset(real_dataset), hostile_text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_strings_stay_text_when_the_map_runs(hostile, language):
    seen = run_map_script(map_document(hostile, language))
    assert seen["alerts"] == 0
    # Each marker's title is the name and roles themselves.
    assert seen["titles"] == [marker_title(hostile, c, language) for c in hostile.cities]
    assert seen["zoom"] == [hostile_text(f"map-zoom-in-{language}"), hostile_text(f"map-zoom-out-{language}")]
    # Leaflet writes the attribution as HTML: the label in it is escaped.
    attribution = Markup(seen["attribution"])
    assert attribution.tags == ["a"] and attribution.text == f"© {hostile_text(f'map-attribution-{language}')}"
    # The only markup written is the site's own shapes.
    shapes = {marker_svg(role) for role in vocabulary("role")}
    assert set(seen["markup"]) <= shapes
    assert len(seen["popups"]) == len(hostile.cities)
    for popup, c in zip(seen["popups"], hostile.cities, strict=True):
        roles = [hostile.labels.term("role", role, language).text for role in vocabulary("role") if role in c.roles]
        assert texts(popup) == [c.name[language], f"country-{c.id} {HOSTILE}", *roles]
        link = popup["children"][0]["children"][0]
        assert (link["tag"], link["href"], link["target"]) == ("a", f"../cities/{c.id}/", "_parent")


def test_a_translated_label_has_no_lang_and_a_fallback_names_french(hostile):
    # The synthetic role labels exist only in French.
    french = run_map_script(map_document(hostile, "fr"))["popups"][0]["children"][2]["children"]
    english = run_map_script(map_document(hostile, "en"))["popups"][0]["children"][2]["children"]
    assert {item["lang"] for item in french} == {None}
    assert {item["lang"] for item in english} == {"fr"}


@pytest.fixture(scope="module")
def plain(hostile, real_dataset):
    """The hostile fixture's cities with plain texts: every text differs from the hostile one."""
    plain = hostile_dataset(
        real_dataset,
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
    return with_ui(
        dataclasses.replace(plain, labels=hostile_dataset(real_dataset, label=lambda tag: tag).labels), lambda t: t
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_strings_do_not_change_the_structure_of_the_document(hostile, plain, language):
    """Same cities with plain texts: the same elements in the same order, so nothing was injected."""
    document = map_document(hostile, language)
    assert Markup(document).tags == Markup(map_document(plain, language)).tags
    # The island gives the values back whole.
    assert map_island(document) == json.loads(json.dumps(map_data(hostile, language)))


# What a text may hold, every character included, and the syntaxes of every engine that ever saw
# the map's texts (Jinja, str.format, %-format, template literals, HTML, the JSON island's end).
ENGINE_SYNTAX = (
    "{{ 7*7 }}",
    "{% raw %}",
    "{# c #}",
    "{0}",
    "%(x)s",
    "${7*7}",
    "`x`",
    "</script>",
    "<!--",
    "]]>",
    "\u2028\u2029",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    # The skeleton's slots: filled once, never searched again.
    "<!--am:head-->",
    "<!--am:after-map-->",
)
any_text = st.one_of(
    st.sampled_from(ENGINE_SYNTAX),
    st.lists(st.sampled_from(ENGINE_SYNTAX) | st.text(min_size=1), min_size=1, max_size=4).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=any_text, label=any_text, language=st.sampled_from(LANGUAGES))
def test_any_text_reaches_the_document_as_the_same_value(real, name, label, language):
    """A name and every label of the map come out as they went in: in the island as JSON values,
    in the HTML as escaped text (never evaluated, never markup)."""
    cities = tuple(dataclasses.replace(c, name=LocalizedText.from_data({"fr": name})) for c in real.cities[:3])
    dataset = with_ui(dataclasses.replace(real, cities=cities), lambda tag: label)
    document = map_document(dataset, language)
    island = map_island(document)
    assert [c["name"] for c in island["cities"]] == [name] * 3
    assert island["zoomIn"] == label
    for shown in (
        re.search(r"<title>(.*?)</title>", document, re.S)[1],
        re.search(r"<summary>(.*?)</summary>", document, re.S)[1],
    ):
        assert html.unescape(shown) == label and not re.search("[<>]", shown)
    # Nothing in the data ends the island early: the end tags are folium's, the script's and the island's.
    assert document.count("</script>") == "".join(skeleton(language != "fr").pieces).count("</script>") + 2


def test_a_city_named_like_a_template_is_not_evaluated(real):
    """The finding of issue 21: folium compiled the rendered map as a Jinja template a second
    time, so this name was published as 49 (and `{% raw %}` stopped the build)."""
    named = dataclasses.replace(real.cities[0], name=LocalizedText.from_data({"fr": "{{ 7*7 }}"}))
    document = map_document(dataclasses.replace(real, cities=(named,)), "fr")
    assert "{{ 7*7 }}" in document and "49" not in document


def _stable_ids(rendered: str) -> str:
    """folium's random element ids replaced by their rank: two renders of the same elements compare."""
    ranks: dict[str, str] = {}
    return re.sub(r"[0-9a-f]{32}", lambda found: ranks.setdefault(found[0], f"id{len(ranks)}"), rendered)


def test_folium_renders_the_same_bytes_whatever_the_data(hostile, plain, monkeypatch):
    """What folium and branca render (they compile it as a template) is byte-identical for two
    datasets whose every text differs, and holds none of the hostile texts: the data never
    reaches them, and each document is that skeleton with its slots filled."""
    templated = dataclasses.replace(
        hostile,
        cities=tuple(
            dataclasses.replace(c, name=LocalizedText.from_data({"fr": "{{ 7*7 }} {% raw %} " + c.id}))
            for c in hostile.cities
        ),
    )
    render = citymap._Document.render
    rendered: list[str] = []
    monkeypatch.setattr(
        citymap._Document, "render", lambda self, **kwargs: rendered.append(render(self, **kwargs)) or rendered[-1]
    )
    seen = {}
    try:
        for name, dataset in (("hostile", hostile), ("templated", templated), ("plain", plain)):
            skeleton.cache_clear()
            rendered.clear()
            documents = map_documents(dataset, LANGUAGES)
            seen[name] = [_stable_ids(text) for text in rendered]
            for language in LANGUAGES:
                pieces = skeleton(language != "fr").pieces
                document = documents[localized_name(MAP_STEM, language, "html")]
                assert re.fullmatch("(.*?)".join(map(re.escape, pieces)), document, re.S)
    finally:
        skeleton.cache_clear()
    # Made once per folder depth (map/, en/map/), whatever the number of languages.
    assert len(seen["plain"]) == 2
    assert seen["hostile"] == seen["templated"] == seen["plain"]
    through_folium = "".join(seen["hostile"])
    assert "alert" not in through_folium and "{{" not in through_folium and "{%" not in through_folium
    for c in hostile.cities:
        assert c.name["fr"] not in through_folium and c.id not in through_folium


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_jquery_no_bootstrap_and_no_host_but_the_tiles(real, language):
    document = map_document(real, language)
    assert not re.search("jquery|bootstrap|awesome-markers|font-awesome|cdn", document, re.I)
    # Every file the document loads is the site's own (a relative address).
    loaded = re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"', document)
    assert loaded and all(not re.match(r"[a-z]+:|//", link, re.I) for link in loaded)
    # The tiles, and the attribution's link that OpenStreetMap's licence asks for (a link, not a load).
    hosts = set(re.findall(r"https?://([^/\"'\s\\]+)", document))
    assert hosts == {"tile.openstreetmap.org", "www.openstreetmap.org"}
    assert re.findall(r"https?://www\.openstreetmap\.org[^\"\\]*", document) == [OSM_COPYRIGHT]


def test_the_island_escapes_what_could_end_it_or_start_markup():
    island = json_island({"a": "</script><!--&\u2028\u2029'\""})
    assert not re.search("[<>&\u2028\u2029]", island)
    assert json.loads(island) == {"a": "</script><!--&\u2028\u2029'\""}


@pytest.fixture(scope="module")
def real(real_dataset):
    return real_dataset


def test_two_builds_give_the_same_bytes(real):
    """folium names its elements at random: two skeletons made anew give the same bytes."""
    first = map_documents(real, LANGUAGES)
    skeleton.cache_clear()
    assert map_documents(real, LANGUAGES) == first


def test_one_document_per_language_in_its_language(real):
    documents = map_documents(real, LANGUAGES)
    assert sorted(documents) == sorted(
        ["cities-map.html"] + [f"cities-map.{lang}.html" for lang in LANGUAGES if lang != "fr"]
    )
    assert '<html lang="en">' in documents["cities-map.en.html"]
    assert "Legend" in documents["cities-map.en.html"] and "Légende" in documents["cities-map.html"]


@pytest.mark.parametrize("language, prefix", [("fr", "../"), ("en", "../../")])
def test_scripts_and_styles_come_from_the_site(real, language, prefix):
    document = map_document(real, language)
    markup = Markup(document)
    # The link shown without JavaScript leads to a page, it loads nothing.
    loaded = [link for link in markup.links if link != f"./#{CITY_LIST_ANCHOR}"]
    assert loaded and all(link.startswith(f"{prefix}assets/") for link in loaded)
    assert f"{prefix}{MAP_SCRIPT}" in loaded


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
        label = html.escape(real.labels.term("role", role, "es").text)
        assert (label in legend) == any(shown_role(c) == role for c in real.cities)


def test_the_marker_shows_the_first_role_of_the_schema_list():
    assert shown_role(city("x", 0, 0, ("pilot-territory", "lisbon-host"))) == "lisbon-host"


def test_popup_links_to_the_city_page_of_the_parent_page(real):
    seen = run_map_script(map_document(real, "pt"))
    lisbon = seen["popups"][[c.id for c in real.cities].index("lisbon")]
    assert lisbon["children"][0]["children"][0]["href"] == "../cities/lisbon/"
    assert texts(lisbon)[:2] == ["Lisboa", "Portugal"]


def test_the_view_fits_the_cities(real):
    data = map_data(real, "fr")
    # A city whose position no source gives (Ourno) is listed, not mapped.
    positions = [c.position for c in real.cities if c.position is not None]
    assert len(positions) == len(real.cities) - 1
    lats, lons = [lat for lat, _ in positions], [lon for _, lon in positions]
    assert data["bounds"] == [[min(lats), min(lons)], [max(lats), max(lons)]]
    assert "Ourno" not in [city["name"] for city in data["cities"]]


def test_a_map_without_cities_still_renders(real):
    empty = hostile_dataset(real, ())
    assert map_island(map_document(empty, "fr"))["bounds"] is None


def test_the_frame_has_a_title_loads_lazily_and_links_its_document(real):
    markup = Markup(render_map_frame(real, "en"))
    assert markup.tags == ["iframe"]
    frame = re.search(r"<iframe[^>]*>", render_map_frame(real, "en"))[0]
    assert f'title="{real.labels.ui("map-title", "en")}"' in frame and 'loading="lazy"' in frame
    assert "(map/cities-map.html)" in render_map_frame(real, "en")


def test_the_frame_reads_exactly_on_the_english_site(real):
    assert render_map_frame(real, "en") == (
        '<iframe class="am-map-frame" title="Map of the cities and territories named in the sources, with their roles" '
        'loading="lazy" src="cities-map.html"></iframe>\n\n'
        "[Open the map on its own, full screen](map/cities-map.html)\n"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_document_is_whole_html(real, language):
    document = map_document(real, language)
    assert re.search(r"</body>\s*</html>\s*\Z", document)
    assert document.count("<body>") == 1 and document.count("</body>") == 1 and document.count("<html ") == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_controls_and_messages_are_in_the_document_language(real, language):
    document = map_document(real, language)
    ui = lambda key: real.labels.ui(key, language)  # noqa: E731
    seen = run_map_script(document)
    assert seen["zoom"] == [ui("map-zoom-in"), ui("map-zoom-out")]
    assert Markup(seen["attribution"]).text == f"© {ui('map-attribution')}"
    noscript = Markup(re.search(r"<noscript>.*?</noscript>", document, re.S)[0])
    assert ui("map-noscript") in noscript.text and ui("map-noscript-list") in noscript.text
    assert noscript.links == [f"./#{CITY_LIST_ANCHOR}"]


def test_the_legend_is_below_the_map_and_folded_until_the_screen_is_wide(real):
    document = map_document(real, "fr")
    assert document.index('class="folium-map"') < document.index('<details class="am-legend">')
    assert '<details class="am-legend" open' not in document
    assert map_data(real, "fr")["legendOpen"] == "(min-width: 40em)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_marker_title_names_the_place_and_each_of_its_roles(real, language):
    titles = run_map_script(map_document(real, language))["titles"]
    strasbourg = real.city("strasbourg")
    title = titles[real.cities.index(strasbourg)]
    assert title.startswith(strasbourg.name[language] + " — ")
    for role in strasbourg.roles:
        assert real.labels.term("role", role, language).text in title


def test_each_marker_stands_at_its_latitude_then_longitude(hostile):
    """Leaflet takes [latitude, longitude]: a place swapped would stand elsewhere on the map, or
    on none (Lisbon's -9.1 is no latitude near it); Node sees it, without a browser."""
    assert [c.position for c in hostile.cities] == [(38.7, -9.1), (-23.5, -46.6), (48.8, 2.3)]
    assert run_map_script(map_document(hostile, "en"))["positions"] == [[38.7, -9.1], [-23.5, -46.6], [48.8, 2.3]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_does_not_call_its_places_members(real, language):
    """No source states membership for every place (issue 16): the map names roles, not members."""
    member_phrases = {
        "fr": "villes de l'Alliance",
        "en": "cities of the Alliance",
        "es": "ciudades de la Alianza",
        "pt": "cidades da Aliança",
    }
    document = html.unescape(map_document(real, language))
    assert member_phrases[language] not in document
    titles = run_map_script(map_document(real, language))["titles"]
    cascais = titles[real.cities.index(real.city("cascais"))]
    assert real.labels.term("role", "lisbon-supporter", language).text in cascais


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_group_of_markers_shows_the_shapes_of_its_roles_and_says_them_as_text(hostile, language):
    seen = run_map_script(map_document(hostile, language))
    group = seen["group"]
    # Markup only from the site's own shapes, in the schema's order; the labels (data) only as text.
    assert len(group["html"]["children"][1]["children"]) == 2
    assert seen["markup"][-2:] == [marker_svg("lisbon-host"), marker_svg("lisbon-supporter")]
    # Drawn at the group's size by the document's style.
    assert (
        f".am-cluster-roles svg {{ width: {CLUSTER_SHAPE_SIZE}px; height: {CLUSTER_SHAPE_SIZE}px; }}"
        in map_document(hostile, language)
    )
    labels = [hostile.labels.term("role", role, language).text for role in ("lisbon-host", "lisbon-supporter")]
    assert texts(group["html"]) == ["2", "; ".join(labels)]
    assert "marker-cluster-small" in group["className"]


@pytest.fixture
def small(real_dataset):
    """Three cities over the real labels, one role label French only: a city of two roles, one
    whose name is not translated, one whose position no source gives."""
    entries = dict(real_dataset.labels.entries)
    entries["role"] = {
        **entries["role"],
        "practices-shared": LocalizedText.from_data({"fr": "A partagé des pratiques"}),
    }
    cities = (
        city(
            "harbour",
            38.7,
            -9.1,
            ("pilot-territory", "lisbon-host"),
            LocalizedText.from_data({"fr": "Port", "en": "Harbour"}),
            "PT",
        ),
        city("hill", 45.0, 7.7, ("practices-shared",), LocalizedText.from_data({"fr": "Colline"}), "IT"),
        city("unplaced", None, None, ("announced-host",), LocalizedText.from_data({"fr": "Ailleurs"}), "NE"),
    )
    return dataclasses.replace(real_dataset, cities=cities, actions=(), labels=Labels(entries))


def _label(text: str, lang: str | None = None) -> dict:
    return {"text": text, "lang": lang}


def test_the_map_data_reads_exactly_on_the_english_site(small):
    expected = {
        "map": "map_1",
        "group": "marker_cluster_3",
        "attribution": '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a>',
        "zoomIn": "Zoom in",
        "zoomOut": "Zoom out",
        "legendOpen": "(min-width: 40em)",
        "fit": {"paddingTopLeft": [50, 30], "paddingBottomRight": [30, 40], "maxZoom": 10, "animate": False},
        "bounds": [[38.7, -9.1], [45.0, 7.7]],  # the unplaced city is left out
        "markerSize": 22,
        "clusterShapeSize": 12,
        "markers": {role: marker_svg(role) for role in vocabulary("role")},
        "roles": {
            "lisbon-host": _label("Host city of the Lisbon meeting (2023)"),
            "lisbon-represented": _label("Represented at the Lisbon meeting (2023)"),
            "lisbon-supporter": _label("Supported the Lisbon meeting (2023)"),
            "meeting-host": _label("Hosted a meeting of the Alliance"),
            "announced-host": _label("Announced host of a meeting"),
            "practices-shared": _label("A partagé des pratiques", "fr"),
            "pilot-territory": _label("Pilot territory"),
        },
        "cities": [
            {
                "name": "Harbour",
                "lat": 38.7,
                "lon": -9.1,
                "country": "Portugal",
                "url": "../cities/harbour/",
                "roles": ["lisbon-host", "pilot-territory"],  # in the schema's order
            },
            {
                "name": "Colline",
                "lat": 45.0,
                "lon": 7.7,
                "country": "Italy",
                "url": "../cities/hill/",
                "roles": ["practices-shared"],
            },
        ],
    }
    assert map_data(small, "en") == expected
    document = map_document(small, "en")
    assert map_island(document) == expected
    # The names the island gives are folium's map and group, numbered in the document.
    assert "var map_1 = L.map(" in document and "var marker_cluster_3 = L.markerClusterGroup(" in document
    assert not re.search("[0-9a-f]{32}", document)


def test_the_documents_own_parts_read_exactly_on_the_english_site(small):
    """Each slot of folium's skeleton filled with our text, in its place: the legend names only the
    roles the markers show (not that of the unplaced city), French where it is not translated."""
    pieces = skeleton(True).pieces
    document = map_document(small, "en")
    title = "<title>Map of the cities and territories named in the sources, with their roles</title>\n"
    assert document.startswith(pieces[0] + '<html lang="en">' + pieces[1] + title)
    island = json_island(map_data(small, "en"))
    assert document.endswith(
        '</style>\n<script defer src="../../assets/cities-map.js"></script>'
        + pieces[2]
        + '<noscript><p class="am-noscript">The map needs JavaScript, which is turned off in your browser. '
        '<a href="./#city-list" target="_parent">The same cities, in a list by country</a></p></noscript>'
        + pieces[3]
        + '<details class="am-legend"><summary>Legend</summary><ul>'
        f"<li>{marker_svg('lisbon-host')} Host city of the Lisbon meeting (2023)</li>"
        f'<li>{marker_svg("practices-shared")} <span lang="fr">A partagé des pratiques</span></li>'
        "</ul></details>\n"
        f'<script type="application/json" id="am-map-data">{island}</script>' + pieces[4]
    )


def test_only_the_ids_of_folium_elements_are_numbered(monkeypatch):
    """A 32-digit hexadecimal text in folium's document that names none of its elements (a hash,
    say) is left as folium wrote it."""
    foreign = "0123456789abcdef" * 2
    render = citymap._Document.render
    monkeypatch.setattr(
        citymap._Document,
        "render",
        lambda self, **kwargs: render(self, **kwargs).replace("</head>", f"<!-- {foreign} -->\n</head>"),
    )
    skeleton.cache_clear()
    try:
        made = skeleton(False)
    finally:
        skeleton.cache_clear()
    text = "".join(made.pieces)
    assert text.count(foreign) == 1 and set(re.findall("[0-9a-f]{32}", text)) == {foreign}
    assert (made.map_name, made.group_name) == ("map_1", "marker_cluster_3")
    assert "var map_1 = L.map(" in text and "var marker_cluster_3 = L.markerClusterGroup(" in text


def test_the_island_keeps_letters_as_they_are_and_refuses_what_json_cannot_hold():
    assert json_island({"name": "Liège", "lat": 50.6}) == '{"name": "Liège", "lat": 50.6}'
    # JavaScript's JSON.parse refuses NaN: the map's script would stop.
    with pytest.raises(ValueError):
        json_island({"lat": float("nan")})
