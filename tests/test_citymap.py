"""The map document: hostile data stays text, no CDN, stable bytes, shapes and legend per role."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from alliance.pages.citymap import (
    ROLE_MARKERS, map_document, map_documents, popup_html, render_map_frame, shown_role, template_literal_html,
)
from alliance.data.dataset import load_dataset
from alliance.localized import LocalizedText
from alliance.data.schemas import vocabulary
from tests.synthetic_cities import HOSTILE, LANGUAGES, Markup, city, hostile_dataset

POPUP_LITERAL = re.compile(r"\$\(`(.*?)`\)\[0\]", re.S)
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)

# Runs the document's inline scripts in Node with Leaflet and jQuery replaced by recorders: what
# the popups receive as HTML, what the markers receive as titles, and whether anything ran alert().
_HARNESS = r"""
const vm = require("vm");
const source = require("fs").readFileSync(0, "utf8");
const seen = {alerts: 0, popups: [], titles: []};
const any = new Proxy(function () {}, {
  get: (target, key) => (key === Symbol.toPrimitive ? () => "" : any),
  apply: (target, self, args) => {
    for (const arg of args) if (arg && typeof arg === "object" && typeof arg.title === "string") seen.titles.push(arg.title);
    return any;
  },
});
const context = {L: any, $: (html) => { seen.popups.push(html); return [any]; }, alert: () => { seen.alerts += 1; }};
vm.runInNewContext(source, context);
process.stdout.write(JSON.stringify(seen));
"""


def run_scripts(document: str) -> dict:
    node = shutil.which("node")
    assert node, "Node.js is a prerequisite of the project (README): it runs the map's scripts in this test"
    scripts = "\n;\n".join(INLINE_SCRIPT.findall(document))
    result = subprocess.run([node, "-e", _HARNESS], input=scripts, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def hostile():
    return hostile_dataset()


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_strings_stay_text_when_the_map_runs(hostile, language):
    seen = run_scripts(map_document(hostile, language))
    assert seen["alerts"] == 0
    # Each marker's title is the name itself, decoded as a string and nothing more.
    assert seen["titles"] == [c.name[language] for c in hostile.cities]
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
    plain = hostile_dataset(tuple(
        city(c.id, c.lat, c.lon, c.roles, name=LocalizedText.from_data({"fr": c.id}), country="PT", sources=("declaration#p1",))
        for c in hostile.cities
    ), label=lambda tag: tag)
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
    assert sorted(documents) == sorted(["cities-map.html"] + [f"cities-map.{lang}.html" for lang in LANGUAGES if lang != "fr"])
    assert '<html lang="en">' in documents["cities-map.en.html"]
    assert "Legend" in documents["cities-map.en.html"] and "Légende" in documents["cities-map.html"]


@pytest.mark.parametrize("language, prefix", [("fr", "../"), ("en", "../../")])
def test_scripts_and_styles_come_from_the_site(real, language, prefix):
    markup = Markup(map_document(real, language))
    loaded = [link for link in markup.links if not link.startswith("../cities/")]
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
    lats = [c.lat for c in real.cities]
    lons = [c.lon for c in real.cities]
    assert f"[[{min(lats)}, {min(lons)}], [{max(lats)}, {max(lons)}]]" in document


def test_a_map_without_cities_still_renders(real):
    empty = hostile_dataset(())
    assert "fitBounds" not in map_document(empty, "fr")


def test_the_frame_has_a_title_loads_lazily_and_links_its_document(real):
    markup = Markup(render_map_frame(real, "en"))
    assert markup.tags == ["iframe"]
    frame = re.search(r"<iframe[^>]*>", render_map_frame(real, "en"))[0]
    assert 'title="Map of the cities and territories linked to the Alliance Migrations"' in frame and 'loading="lazy"' in frame
    assert "(map/cities-map.html)" in render_map_frame(real, "en")
