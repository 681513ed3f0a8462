"""The open-data page lists the exports this build generated, each with its schema."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote, urljoin

import pytest

from alliance.exports.cityexports import cities_table_schema
from alliance.exports.open_data import (
    EXPORT_SCHEMA_DIR,
    FOLDER,
    TABLE_SCHEMA,
    group_exports,
    publish_schemas,
    render_exports,
    render_exports_section,
)
from alliance.pages.typography import text_nodes
from alliance.paths import SCHEMA_DIR
from alliance.siteconfig import load_site_config

EXPORTS = [
    "cities.geojson",
    "cities.csv",
    "actions.json",
    "agenda.ics",
    "agenda.en.ics",
    "agenda.es.ics",
    "practices.json",
    "newthing.xml",
    "schemas/cities.schema.json",
    "schemas/actions.schema.json",
    "schemas/practice.schema.json",
    "schemas/common.schema.json",
    "schemas/cities-geojson.schema.json",
    "schemas/cities-csv.tableschema.json",
    "schemas/practices-json.schema.json",
]


def test_language_variants_are_one_export_and_schemas_are_not_exports():
    exports = {export.name: export.files for export in group_exports(EXPORTS)}
    assert exports["agenda.ics"] == {"": "agenda.ics", "en": "agenda.en.ics", "es": "agenda.es.ics"}
    assert exports["cities.geojson"] == {"": "cities.geojson"}
    assert not any(name.startswith("schemas") for name in exports)


def test_only_a_lowercase_language_code_before_the_extension_makes_a_language_variant():
    """`agenda.en.ics` is the English file of `agenda.ics`; `agenda.EN.ics`, `en.json` and
    `notes.v2.xml` are exports of their own; the page's Markdown is not an export."""
    exports = group_exports(
        ["agenda.EN.ics", "agenda.en.ics", "agenda.ics", "en.json", "notes.v2.xml", "open-data.md", "zones.csv"]
    )
    assert {export.name: export.files for export in exports} == {
        "agenda.EN.ics": {"": "agenda.EN.ics"},
        "agenda.ics": {"": "agenda.ics", "en": "agenda.en.ics"},
        "en.json": {"": "en.json"},
        "notes.v2.xml": {"": "notes.v2.xml"},
        "zones.csv": {"": "zones.csv"},
    }


def cards(text: str) -> dict[str, str]:
    """Each export's card (its list item), by the Markdown of its file's name line."""
    items = text.split('<li markdown="block">\n')[1:]
    return {item.split("\n")[0].removeprefix('<p class="am-file-name" markdown="span">'): item for item in items}


def test_each_export_links_its_schema_and_unknown_exports_are_still_listed(real_dataset):
    rows = cards(render_exports(real_dataset, "en", EXPORTS))
    # Each export links its own schema, never the schema of the source file it is made from.
    assert "(open-data/schemas/cities-geojson.schema.json)" in rows["[cities\\.geojson](open-data/cities.geojson)</p>"]
    assert "(open-data/schemas/cities-csv.tableschema.json)" in rows["[cities\\.csv](open-data/cities.csv)</p>"]
    assert "(open-data/schemas/practices-json.schema.json)" in rows["[practices\\.json](open-data/practices.json)</p>"]
    assert (
        "<dt>Schema</dt>" not in rows["[actions\\.json](open-data/actions.json)</p>"]
    )  # its schema is not in this list
    assert "Another export" in rows["[newthing\\.xml](open-data/newthing.xml)</p>"]


def test_the_files_are_cards_not_a_table(real_dataset):
    """Issue 23: a four-column table was 529 px wide on a 375 px phone; a card per file is a list."""
    text = render_exports(real_dataset, "fr", EXPORTS)
    assert "|" not in text.replace("\\|", "")
    assert text.count('<li markdown="block">') == len(group_exports(EXPORTS))
    assert (
        '<dl class="am-file-facts" markdown="block"><dt>Format</dt><dd>GeoJSON (RFC 7946)</dd><dt>Schéma</dt>' in text
    )


def test_a_per_language_export_links_each_language_where_it_is_served(real_dataset):
    """The reader's file through MkDocs (validated), the others by their address, French first."""
    english = next(name for name in cards(render_exports(real_dataset, "en", EXPORTS)) if name.startswith("agenda"))
    assert english.startswith(
        'agenda\\.ics: [<span lang="en">English</span>](open-data/agenda.ics), '
        '<a href="../../open-data/agenda.ics" hreflang="fr" lang="fr">français</a>, '
        '<a href="../../es/open-data/agenda.ics" hreflang="es" lang="es">español</a></p>'
    )
    french = next(name for name in cards(render_exports(real_dataset, "fr", EXPORTS)) if name.startswith("agenda"))
    assert '[<span lang="fr">français</span>](open-data/agenda.ics)' in french
    assert '<a href="../en/open-data/agenda.ics" hreflang="en" lang="en">English</a>' in french


# The English page for a per-language export, a known export with its schema and one unknown here.
ENGLISH_EXPORTS = """\
<ul class="am-files" markdown="block">
<li markdown="block">
<p class="am-file-name" markdown="span">agenda\\.ics: [<span lang="en">English</span>](open-data/agenda.ics), \
<a href="../../open-data/agenda.ics" hreflang="fr" lang="fr">français</a></p>
<p markdown="span">The agenda as a calendar, to add to a calendar application; one file per language\\.</p>
<dl class="am-file-facts" markdown="block"><dt>Format</dt><dd>iCalendar (RFC 5545)</dd></dl>
</li>
<li markdown="block">
<p class="am-file-name" markdown="span">[cities\\.geojson](open-data/cities.geojson)</p>
<p markdown="span">The cities and territories the sources name, with their coordinates, the role each source \
gives them \\(none says they are members\\) and their quotes, for maps\\.</p>
<dl class="am-file-facts" markdown="block"><dt>Format</dt><dd>GeoJSON (RFC 7946)</dd><dt>Schema</dt>\
<dd markdown="span">[cities\\-geojson\\.schema\\.json](open-data/schemas/cities-geojson.schema.json)</dd></dl>
</li>
<li markdown="block">
<p class="am-file-name" markdown="span">[notes\\.xml](open-data/notes.xml)</p>
<p markdown="span">Another export of the site's data\\.</p>
<dl class="am-file-facts" markdown="block"><dt>Format</dt><dd>XML</dd></dl>
</li>
</ul>

Every published schema: those of the files above \\(JSON Schema draft\\-07, and a Table Schema for the CSV\\), \
the definitions they share \\(common\\.schema\\.json\\) and those of the repository's data files they are made from:

- [cities\\-geojson\\.schema\\.json](open-data/schemas/cities-geojson.schema.json)
"""

# The French page: its own file first, the colon after a no-break space.
FRENCH_EXPORTS = """\
<ul class="am-files" markdown="block">
<li markdown="block">
<p class="am-file-name" markdown="span">agenda\\.ics\xa0: [<span lang="fr">français</span>](open-data/agenda.ics), \
<a href="../pt/open-data/agenda.ics" hreflang="pt" lang="pt">português</a></p>
<p markdown="span">L'agenda comme calendrier, à ajouter à une application d'agenda ; un fichier par langue\\.</p>
<dl class="am-file-facts" markdown="block"><dt>Format</dt><dd>iCalendar (RFC 5545)</dd></dl>
</li>
</ul>
"""

NO_EXPORTS = "Todavía no se ha publicado ninguna exportación\\.\n"  # in Spanish

EXPORTS_PAGES = [
    (
        "en",
        ["agenda.ics", "agenda.en.ics", "cities.geojson", "notes.xml", "schemas/cities-geojson.schema.json"],
        ENGLISH_EXPORTS,
    ),
    ("fr", ["agenda.pt.ics", "agenda.ics"], FRENCH_EXPORTS),
    (
        "pt",
        ["actions.json"],
        """\
<ul class="am-files" markdown="block">
<li markdown="block">
<p class="am-file-name" markdown="span">[actions\\.json](open-data/actions.json)</p>
<p markdown="span">A agenda e as etapas da rede, com as suas datas, locais, estados e fontes\\.</p>
<dl class="am-file-facts" markdown="block"><dt>Formato</dt><dd>JSON</dd></dl>
</li>
</ul>
""",
    ),
    ("es", [], NO_EXPORTS),
]


@pytest.mark.parametrize(("language", "names", "expected"), EXPORTS_PAGES)
def test_the_exports_section_reads_exactly(language, names, expected, real_dataset):
    assert render_exports(real_dataset, language, names) == expected


def test_the_section_lists_the_files_the_generators_wrote(tmp_path, real_dataset):
    folder = tmp_path / FOLDER
    (folder / "schemas").mkdir(parents=True)
    for name in ("agenda.ics", "agenda.en.ics", "cities.geojson", "notes.xml", "schemas/cities-geojson.schema.json"):
        (folder / name).write_text("{}", encoding="utf-8")
    assert render_exports_section(real_dataset, "en", tmp_path) == ENGLISH_EXPORTS
    # Before any generator has written its file, the folder does not exist yet.
    assert render_exports_section(real_dataset, "es", tmp_path / "empty") == NO_EXPORTS


def test_without_exports_the_page_says_so_and_still_lists_the_schemas(real_dataset):
    text = render_exports(real_dataset, "pt", ["schemas/common.schema.json"])
    assert "Ainda não foi publicada nenhuma exportação\\." in text
    assert "- [common\\.schema\\.json](open-data/schemas/common.schema.json)" in text


def test_the_schemas_are_published_unchanged(real_dataset):
    published = publish_schemas(real_dataset, load_site_config().codes)
    files = [*SCHEMA_DIR.glob("*.schema.json"), *EXPORT_SCHEMA_DIR.glob("*.schema.json")]
    assert set(published) == {f"schemas/{p.name}" for p in files} | {f"schemas/{TABLE_SCHEMA}"}
    for path in files:
        assert json.loads(published[f"schemas/{path.name}"]) == json.loads(path.read_text(encoding="utf-8"))
    table_schema = published[f"schemas/{TABLE_SCHEMA}"]
    assert json.loads(table_schema) == cities_table_schema(load_site_config().codes)
    # Laid out for a reader, like the other schemas, and ASCII (JSON escapes any other character).
    assert table_schema.startswith('{\n  "fields": [\n    {\n      "name": "id",\n') and table_schema.endswith("\n}\n")
    assert table_schema.isascii()


def test_every_open_data_page_links_files_that_the_site_serves(built_site, site_config):
    for language in site_config.codes:
        page = built_site / ("" if language == "fr" else language) / "open-data" / "index.html"
        document = page.read_text(encoding="utf-8")
        base = page.relative_to(built_site).as_posix()
        # Every relative link of the page, resolved from the page's address.
        targets = [urljoin(base, unquote(href)) for href in re.findall(r'href="([^"#:]+)"', document)]
        exports = [target for target in targets if target.startswith(f"{FOLDER}/") and not target.endswith("/")]
        assert f"{FOLDER}/schemas/common.schema.json" in exports, language
        for target in exports:
            assert (built_site / target).is_file(), f"{language}: {target} is not served"
        assert "CC BY 4.0" in document


# Words of the build, not of readers: they belong in the README or the schemas (issue 23).
BUILD_WORDS = re.compile(r"DTSTAMP|SOURCE_DATE_EPOCH|\bcommit\b|\bhooks?/")


def test_readers_pages_use_no_build_vocabulary(built_site):
    """The pages for readers (the translation status is for translators) never speak of the build."""
    found = []
    for page in sorted(built_site.rglob("*.html")):
        if "translation-status" in page.parts:
            continue
        text = " ".join(text for _, text, _ in text_nodes(page.read_text(encoding="utf-8"), "fr"))
        found += [f"{page.relative_to(built_site)}: {word}" for word in BUILD_WORDS.findall(text)]
    assert not found, found
