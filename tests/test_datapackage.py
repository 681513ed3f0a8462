"""The open data is a Frictionless Data Package whose every export is valid against its own
published schema, read as a reuser reads it: from the built site, with frictionless for the
table and JSON Schema for JSON and GeoJSON."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import frictionless
import pytest
from icalendar import Calendar
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from alliance.exports.open_data import DATA_PACKAGE, FOLDER, SCHEMAS, group_exports

FIXTURES = Path(__file__).parent / "fixtures" / "open-data"


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
