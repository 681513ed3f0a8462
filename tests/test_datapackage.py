"""The open data is a Frictionless Data Package whose every export is valid against its own
published schema, read as a reuser reads it: from the built site, with frictionless for the
table and JSON Schema for JSON and GeoJSON; and the descriptor, made from small synthetic records,
is exactly what is written here by hand."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from dataclasses import replace
from pathlib import Path

import frictionless
import pytest
from icalendar import Calendar
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from alliance.data.dataset import Dataset
from alliance.data.evidence import Evidence, Source, declaration_source
from alliance.exports import datapackage
from alliance.exports.datapackage import DESCRIPTION, data_package, data_package_json
from alliance.exports.open_data import DATA_PACKAGE, FOLDER, SCHEMAS, group_exports
from alliance.siteconfig import Publication
from tests.synthetic_cities import city

FIXTURES = Path(__file__).parent / "fixtures" / "open-data"
PUBLICATION = Publication("https://example.org/site/", {})


def registry(schemas: Path) -> Registry:
    """The published schemas by name, as their relative $refs name each other."""
    return Registry().with_resources(
        (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT7))
        for path in schemas.glob("*.json")
    )


def json_problems(document, schema_name: str, schemas: Path) -> list[str]:
    found = registry(schemas)
    validator = Draft7Validator(
        found.contents(schema_name), registry=found, format_checker=Draft7Validator.FORMAT_CHECKER
    )
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]


def table_problems(descriptor: dict, folder: Path) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = frictionless.Resource(descriptor, basepath=str(folder)).validate()
    return [
        f"row {row}, {field}: {message}"
        for row, field, message in report.flatten(["rowNumber", "fieldName", "message"])
    ]


@pytest.fixture(scope="module")
def exports(built_site) -> Path:
    return built_site / FOLDER


@pytest.fixture(scope="module")
def package(exports) -> dict:
    return json.loads((exports / DATA_PACKAGE).read_text(encoding="utf-8"))


@pytest.mark.parametrize("fixture, valid", [("datapackage-bad.json", False), (None, True)])
def test_the_descriptor_is_a_valid_data_package(package, fixture, valid):
    descriptor = json.loads((FIXTURES / fixture).read_text(encoding="utf-8")) if fixture else package
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        errors = list(frictionless.Package.metadata_validate(descriptor))
    assert (not errors) == valid, errors


def test_the_package_describes_every_export_and_nothing_else(exports, package):
    """Every path is relative, inside the descriptor's folder: the package is self-contained."""
    described = set()
    for resource in package["resources"]:
        path = resource["path"]
        assert "://" not in path and not path.startswith("/") and ".." not in path.split("/"), path
        assert (exports / path).is_file(), path
        described.add(path)
        for schema in (resource.get("schema"), resource.get("jsonSchema")):
            assert schema is None or (exports / schema).is_file(), schema
    files = [p.relative_to(exports).as_posix() for p in exports.rglob("*") if p.is_file() and p.suffix != ".html"]
    assert {export.name for export in group_exports(files)} == described | {DATA_PACKAGE}
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    # Each source once, named by its publisher and title, at an address anyone can open.
    assert all(source["path"].startswith(("https://", "http://")) for source in package["sources"])
    assert len({source["path"] for source in package["sources"]}) == len(package["sources"])
    assert all("://" not in source["title"] for source in package["sources"])


def test_every_export_is_valid_against_its_published_schema(exports, package):
    checked = 0
    for resource in package["resources"]:
        if "schema" in resource:
            assert not table_problems(resource, exports), resource["name"]
        elif "jsonSchema" in resource:
            document = json.loads((exports / resource["path"]).read_text(encoding="utf-8"))
            schema = Path(resource["jsonSchema"])
            assert schema.parent.as_posix() == SCHEMAS
            assert not json_problems(document, schema.name, exports / SCHEMAS), resource["name"]
        else:
            assert resource["mediatype"] == "text/calendar"
            if not resource["path"].startswith("https://"):
                assert Calendar.from_ical((exports / resource["path"]).read_text(encoding="utf-8")).walk("VEVENT")
            continue
        checked += 1
    assert checked == 5  # cities (GeoJSON and CSV), the Lisbon meeting, the agenda, the practices


def test_the_csv_starts_with_a_byte_order_mark_for_spreadsheets(exports):
    assert (exports / "cities.csv").read_bytes().startswith(b"\xef\xbb\xbfid,name_fr,")


# Exports that break their schema the ways the old exports did: the schema must catch each.
@pytest.mark.parametrize(
    "fixture, schema, problem",
    [
        ("relative-source.geojson", "cities-geojson.schema.json", "does not match"),
        ("source-file-shape.geojson", "cities-geojson.schema.json", "is a required property"),
        ("relative-source-actions.json", "actions-json.schema.json", "does not match"),
        ("good.geojson", "cities-geojson.schema.json", None),
    ],
)
def test_json_schemas_reject_what_a_reuser_could_not_use(built_site, fixture, schema, problem):
    problems = json_problems(
        json.loads((FIXTURES / fixture).read_text(encoding="utf-8")), schema, built_site / FOLDER / SCHEMAS
    )
    if problem is None:
        assert not problems
    else:
        assert problems and all(problem in p or "Additional properties" in p for p in problems), problems


@pytest.mark.parametrize(
    "fixture, problem",
    [
        ("blank-name.csv", "row 3, name_en"),
        ("relative-source.csv", "row 2, sources"),
        ("good.csv", None),
    ],
)
def test_the_table_schema_rejects_blank_names_and_relative_sources(package, exports, tmp_path, fixture, problem):
    descriptor = dict(next(r for r in package["resources"] if r["name"] == "cities-csv"))
    (tmp_path / SCHEMAS).mkdir()
    (tmp_path / SCHEMAS / Path(descriptor["schema"]).name).write_bytes((exports / descriptor["schema"]).read_bytes())
    (tmp_path / descriptor["path"]).write_bytes((FIXTURES / fixture).read_bytes())
    problems = table_problems(descriptor, tmp_path)
    if problem is None:
        assert not problems
    else:
        assert any(p.startswith(problem) for p in problems), problems


# The descriptor itself, from small synthetic records, against what a reuser reads, written by hand.


def _web(source_id: str, publisher: str) -> Source:
    return Source(source_id, f"https://example.org/{source_id}", f"Titre de {source_id}", publisher, "fr")


def _cited(*sources: Source) -> tuple[Evidence, ...]:
    return tuple(Evidence(("title",), source, f"citation de {source.id}", {}) for source in sources)


# The catalogue's order, not the records', is the package's; the one source nobody cites is left out.
BY_PRACTICE = _web("by-practice", "Ville d'Évora")
UNCITED = _web("uncited", "Personne")
BY_CITY = _web("by-city", "Mairie de Ouagadougou")
BY_ACTION = _web("by-action", "CGLU Afrique")
BY_DECLARED = _web("by-declared", "Alliance Migrations")
CATALOGUE = (BY_PRACTICE, UNCITED, BY_CITY, BY_ACTION, BY_DECLARED)

WEB_SOURCES = [
    {"title": "Ville d'Évora, Titre de by-practice", "path": "https://example.org/by-practice"},
    {"title": "Mairie de Ouagadougou, Titre de by-city", "path": "https://example.org/by-city"},
    {"title": "CGLU Afrique, Titre de by-action", "path": "https://example.org/by-action"},
    {"title": "Alliance Migrations, Titre de by-declared", "path": "https://example.org/by-declared"},
]
DECLARATION = {
    "title": "Alliance Migrations, Final declaration of the Lisbon meeting (2023), French original, on this site",
    "path": "https://example.org/site/declaration/",
}


# Every export of the site but the descriptor itself; the calendar by its French file.
EXPECTED_RESOURCES = [
    {
        "name": "cities-geojson",
        "path": "cities.geojson",
        "title": "Cities and territories that a source names in connection with the Alliance Migrations",
        "description": "The cities and territories the sources name, with their coordinates, the role each source "
        "gives them (none says they are members) and their quotes, for maps.",
        "format": "geojson",
        "mediatype": "application/geo+json",
        "encoding": "utf-8",
        "jsonSchema": "schemas/cities-geojson.schema.json",
    },
    {
        "name": "cities-csv",
        "path": "cities.csv",
        "title": "Cities and territories that a source names in connection with the Alliance Migrations, one row per city",
        "description": "The same cities as a table (one row per city), for spreadsheets.",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": "schemas/cities-csv.tableschema.json",
    },
    {
        "name": "lisbon-meeting-json",
        "path": "lisbon-meeting.json",
        "title": "Participants of the Lisbon meeting (2023): declared and documented",
        "description": "The participants of the Lisbon meeting: the declaration's figures, and the cities and "
        "countries the data documents (including the countries named without a city).",
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "jsonSchema": "schemas/lisbon-meeting-json.schema.json",
    },
    {
        "name": "actions-json",
        "path": "actions.json",
        "title": "Agenda: meetings and common actions",
        "description": "The agenda and milestones of the network, with their dates, places, statuses and sources.",
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "jsonSchema": "schemas/actions-json.schema.json",
    },
    {
        "name": "agenda-ics-fr",
        "path": "agenda.ics",
        "title": "Agenda as a calendar (fr)",
        "description": "The agenda as a calendar, to add to a calendar application; one file per language.",
        "format": "ics",
        "mediatype": "text/calendar",
        "encoding": "utf-8",
    },
    {
        "name": "practices-json",
        "path": "practices.json",
        "title": "Catalogue of local practices",
        "description": "The catalogue of local practices, with their themes, places, years and sources.",
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "jsonSchema": "schemas/practices-json.schema.json",
    },
]


def small_dataset(real, city_sources: tuple[Source, ...]) -> Dataset:
    """One city, one action, one practice and the declared figures, each citing its own source."""
    cities = (city("town", 12.4, -1.5, ("pilot-territory",), evidence=_cited(*city_sources)),)
    declared = replace(real.declared, evidence=_cited(BY_DECLARED))
    action = replace(real.actions[0], evidence=_cited(BY_ACTION))
    practice = replace(real.practices[0], evidence=_cited(BY_PRACTICE))
    return Dataset(declared, cities, (action,), real.labels, (practice,), CATALOGUE)


def fix_last_data_commit(monkeypatch) -> None:
    """The data's last commit, fixed: single digits show the zero padding of `created`."""
    moment = dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    monkeypatch.setattr(datapackage, "data_changed_at", lambda: moment)


def test_the_descriptor_names_the_package_its_resources_and_each_cited_source_once(real_dataset, monkeypatch):
    fix_last_data_commit(monkeypatch)
    # A paragraph of the declaration (two, here) is cited as the declaration, once, before the web sources.
    dataset = small_dataset(real_dataset, (declaration_source(4), BY_CITY, declaration_source(7)))
    assert data_package(dataset, PUBLICATION) == {
        "name": "alliance-migrations",
        "title": "Alliance Migrations: cities, agenda and local practices",
        "description": DESCRIPTION,
        "homepage": "https://example.org/site/open-data/",
        "created": "2025-01-02T03:04:05Z",
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0 International",
            }
        ],
        "contributors": [{"title": "The contributors of the Alliance Migrations site", "role": "author"}],
        "sources": [DECLARATION, *WEB_SOURCES],
        "resources": EXPECTED_RESOURCES,
    }


def test_without_a_quote_of_the_declaration_the_package_does_not_cite_it(real_dataset, monkeypatch):
    fix_last_data_commit(monkeypatch)
    package = data_package(small_dataset(real_dataset, (BY_CITY,)), PUBLICATION)
    assert package["sources"] == WEB_SOURCES


def test_the_descriptor_file_is_readable_json_with_its_texts_unescaped(real_dataset, monkeypatch):
    fix_last_data_commit(monkeypatch)
    monkeypatch.setattr(datapackage, "load_publication", lambda: PUBLICATION)
    dataset = small_dataset(real_dataset, (BY_CITY,))
    files = data_package_json(dataset, ("fr", "en"))
    assert list(files) == ["datapackage.json"]
    text = files["datapackage.json"]
    assert text.startswith('{\n  "name": "alliance-migrations",\n  "title": ')
    assert '\n      "title": "Ville d\'Évora, Titre de by-practice",\n' in text
    assert text.endswith("\n  ]\n}\n")
    assert json.loads(text) == data_package(dataset, PUBLICATION)
