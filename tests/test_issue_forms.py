"""The issue forms mirror the JSON Schemas: every required field has its form field, lists match.

A form field's id is the path of its schema field joined by "-": `name-fr` is the French text
of `name`, `coordinates-lat` the latitude of `coordinates`, `place-region` the region of `place`.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml

from alliance.paths import ROOT, SCHEMA_DIR

FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
# form -> the schema of the record it proposes (the first that exists; practices are being written).
FORM_SCHEMAS = {
    "city.yml": ("cities.schema.json",),
    "action.yml": ("actions.schema.json",),
    "practice.yml": ("practice.schema.json", "practices.schema.json"),
}
FIELD_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def load_schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def resolve(node: dict, current: str) -> tuple[dict, str]:
    """Follows `$ref` (`#/definitions/x` or `file.schema.json#/definitions/x`) to its target."""
    while "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        current = target or current
        node = load_schema(current)
        for part in filter(None, pointer.split("/")):
            node = node[part]
    return node, current


def record_schema(name: str) -> tuple[dict, str]:
    """The schema of one record: the items of the file's list (cities, actions), or the file itself."""
    schema = load_schema(name)
    lists = [p for p in schema.get("properties", {}).values() if p.get("type") == "array" and "items" in p]
    if name.endswith("s.schema.json") and len(lists) == 1 and "$ref" in lists[0]["items"]:
        return resolve(lists[0]["items"], name)
    return schema, name


def required_fields(schema: dict, current: str, prefix: str = "") -> list[tuple[str, set[str]]]:
    """(form id, acceptable ids) for every required field; an object needing one of its fields
    (an action's place: city or region) is satisfied by a form field for any of them."""
    fields = []
    for name in schema.get("required", []):
        node, where = resolve(schema.get("properties", {}).get(name, {}), current)
        form_id = f"{prefix}{name}"
        if node.get("type") == "object" and node.get("required"):
            fields += required_fields(node, where, form_id + "-")
        elif node.get("type") == "object" and node.get("properties"):
            fields.append((form_id, {f"{form_id}-{sub}" for sub in node["properties"]}))
        elif node.get("type") == "array" and (items := resolve(node.get("items", {}), where)[0]).get("required"):
            # A list of groups (evidence: claim, source, quote): a form field for one of their fields.
            fields.append((form_id, {f"{form_id}-{sub}" for sub in items["required"]}))
        else:
            fields.append((form_id, {form_id}))
    return fields


def schema_field(schema: dict, current: str, form_id: str) -> tuple[dict, str] | None:
    """The schema field a form id names, following `-` into sub-fields."""
    node, where = schema, current
    rest = form_id
    while rest:
        properties = node.get("properties", {})
        name = next(
            (p for p in sorted(properties, key=len, reverse=True) if rest == p or rest.startswith(p + "-")), None
        )
        if name is None:
            return None
        node, where = resolve(properties[name], where)
        rest = rest[len(name) + 1 :]
    return node, where


def form_cases() -> list:
    cases = []
    for form, schemas in FORM_SCHEMAS.items():
        schema = next((name for name in schemas if (SCHEMA_DIR / name).is_file()), None)
        # Every form has its schema: a missing one fails here rather than dropping the form's tests.
        assert schema, f"{form}: none of {', '.join(schemas)} exists in {SCHEMA_DIR}"
        cases.append(pytest.param(form, schema, id=form))
    return cases


def load_form(form: str) -> dict:
    return yaml.safe_load((FORMS / form).read_text(encoding="utf-8"))


def fields_of(form: dict) -> dict[str, dict]:
    return {item["id"]: item for item in form["body"] if "id" in item}


@pytest.mark.parametrize("form", sorted(FORM_SCHEMAS))
def test_form_is_a_well_formed_issue_form(form):
    data = load_form(form)
    assert data["name"] and data["description"] and data["body"]
    ids = [item["id"] for item in data["body"] if "id" in item]
    assert len(ids) == len(set(ids)), "form field ids must be unique"
    for item in data["body"]:
        assert item["type"] in FIELD_TYPES
        if item["type"] != "markdown":
            assert re.fullmatch(r"[A-Za-z0-9_-]+", item["id"]) and item["attributes"]["label"]
        if item["type"] == "dropdown":
            options = item["attributes"]["options"]
            assert options and len(options) == len(set(options))


def missing_fields(fields: dict[str, dict], schema_name: str) -> list[str]:
    """The required fields of the schema without a required form field."""
    schema, where = record_schema(schema_name)
    problems = []
    for form_id, acceptable in required_fields(schema, where):
        if not acceptable & set(fields):
            problems.append(f"the required field {form_id!r} has no form field (any of {sorted(acceptable)})")
        elif acceptable == {form_id} and fields[form_id].get("validations", {}).get("required") is not True:
            problems.append(f"the form field {form_id!r} must be required")
    return problems


def dropdown_drift(fields: dict[str, dict], schema_name: str) -> list[str]:
    """Dropdowns whose options or multiplicity differ from the schema's list."""
    schema, where = record_schema(schema_name)
    problems = []
    for form_id, field in fields.items():
        if field["type"] != "dropdown":
            continue
        found = schema_field(schema, where, form_id)
        if not found:
            problems.append(f"the dropdown {form_id!r} names no field of {schema_name}")
            continue
        node, node_where = found
        is_list = node.get("type") == "array"
        if is_list:
            node, node_where = resolve(node["items"], node_where)
        if field["attributes"]["options"] != node.get("enum"):
            problems.append(f"the options of {form_id!r} differ from the schema's list {node.get('enum')}")
        if bool(field["attributes"].get("multiple")) != is_list:
            problems.append(f"the dropdown {form_id!r} must {'' if is_list else 'not '}allow several choices")
    return problems


@pytest.mark.parametrize(("form", "schema_name"), form_cases())
def test_every_required_schema_field_has_a_required_form_field(form, schema_name):
    assert missing_fields(fields_of(load_form(form)), schema_name) == []


@pytest.mark.parametrize(("form", "schema_name"), form_cases())
def test_dropdowns_offer_exactly_the_schema_lists(form, schema_name):
    fields = fields_of(load_form(form))
    assert any(field["type"] == "dropdown" for field in fields.values())
    assert dropdown_drift(fields, schema_name) == []


def test_every_list_field_of_the_schemas_is_a_dropdown():
    """The reverse: a schema enum proposed by a form is never a free text field."""
    dropdowns = 0
    for form, schemas in FORM_SCHEMAS.items():
        schema_name = next(name for name in schemas if (SCHEMA_DIR / name).is_file())
        schema, where = record_schema(schema_name)
        for form_id, field in fields_of(load_form(form)).items():
            found = schema_field(schema, where, form_id)
            if not found:
                continue
            node, node_where = found
            if node.get("type") == "array":
                node, node_where = resolve(node["items"], node_where)
            if "enum" in node:
                assert field["type"] == "dropdown", f"{form}: {form_id!r} must be a dropdown of the schema's list"
                dropdowns += 1
    assert dropdowns >= len(FORM_SCHEMAS), "each form proposes at least one of the schemas' lists"


def test_the_practice_form_lists_the_fields_of_issue_6():
    fields = fields_of(load_form("practice.yml"))
    assert {"title", "summary", "city", "country", "themes", "year", "sources_read"} <= set(fields)
    # Issue 22: the sources are quoted evidence, a source's id and its passage word for word.
    assert {"evidence-source", "evidence-quote", "evidence-translation"} <= set(fields)


def test_config_and_pull_request_template():
    config = yaml.safe_load((FORMS / "config.yml").read_text(encoding="utf-8"))
    assert isinstance(config["blank_issues_enabled"], bool)
    assert all(link["url"].startswith("https://") and link["about"] for link in config["contact_links"])
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for word in ("Sources", "make check", "make test", "Traductions", "make serve"):
        assert word in template
    assert template.count("- [ ]") >= 5


def _without(*ids):
    return lambda fields: {i: f for i, f in fields.items() if i not in ids}


def _changed(form_id, **attributes):
    def change(fields):
        field = fields[form_id]
        return dict(fields, **{form_id: dict(field, attributes=dict(field.get("attributes", {}), **attributes))})

    return change


@pytest.mark.parametrize(
    ("form", "break_form", "message"),
    [
        ("city.yml", _without("evidence-source", "evidence-quote"), "'evidence' has no form field"),
        ("action.yml", _without("place-city", "place-region"), "'place' has no form field"),
        (
            "city.yml",
            lambda f: dict(f, country=dict(f["country"], validations={"required": False})),
            "'country' must be required",
        ),
        ("action.yml", _changed("status", options=["held", "planned"]), "options of 'status' differ"),
        ("city.yml", _changed("roles", multiple=False), "'roles' must allow several choices"),
        ("action.yml", lambda f: dict(f, colour=dict(f["status"], id="colour")), "'colour' names no field"),
    ],
    ids=[
        "missing-evidence",
        "missing-place",
        "optional-country",
        "stale-options",
        "single-choice-list",
        "unknown-dropdown",
    ],
)
def test_a_form_drifting_from_its_schema_is_caught(form, break_form, message):
    """The checks above can fail: each drift of a form from its schema is reported."""
    fields = break_form(fields_of(load_form(form)))
    problems = missing_fields(fields, FORM_SCHEMAS[form][0]) + dropdown_drift(fields, FORM_SCHEMAS[form][0])
    assert any(message in problem for problem in problems), problems
