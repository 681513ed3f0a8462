"""Checks a YAML document against the JSON Schemas of data/schemas/, in plain words with positions."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from alliance.data.problems import Problem, did_you_mean
from alliance.data.yamlload import YamlDocument
from alliance.paths import SCHEMA_DIR


@cache
def _registry(schema_dir: Path) -> Registry:
    resources = []
    for path in sorted(schema_dir.glob("*.schema.json")):
        resources.append(
            (path.name, Resource.from_contents(json.loads(path.read_text("utf-8")), default_specification=DRAFT7))
        )
    return Registry().with_resources(resources)


@cache
def validator(name: str, schema_dir: Path = SCHEMA_DIR) -> Draft7Validator:
    registry = _registry(schema_dir)
    return Draft7Validator(registry.contents(name), registry=registry)


def vocabulary(kind: str, schema_dir: Path = SCHEMA_DIR) -> tuple[str, ...]:
    """The list of allowed values of `kind` (role, status, target, theme, region)."""
    common = _registry(schema_dir).contents("common.schema.json")
    return tuple(common["definitions"][kind]["enum"])


@cache
def _compiled(name: str, schema_dir: Path = SCHEMA_DIR):
    """The schema compiled to Python code; its $refs to sibling files resolve from schema_dir."""
    registry = _registry(schema_dir)
    return fastjsonschema.compile(
        registry.contents(name), handlers={"": lambda uri: registry.contents(uri.split("#")[0])}
    )


def schema_problems(doc: YamlDocument, name: str, schema_dir: Path = SCHEMA_DIR) -> list[Problem]:
    # Valid data, the usual case, passes the compiled check alone; a document it rejects is
    # walked by jsonschema, which finds every problem with its path.
    try:
        _compiled(name, schema_dir)(doc.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    problems: list[Problem] = []
    for error in validator(name, schema_dir).iter_errors(doc.data):
        problems.extend(_describe(doc, error))
    return problems


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return type(value).__name__


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list (lines starting with '- ')",
    "object": "a group of fields (name: value)",
    "boolean": "true or false",
}


def _show(value: Any) -> str:
    """A value as YAML would write it: text in quotes, true, null."""
    return json.dumps(value, ensure_ascii=False, default=str)


def _describe(doc: YamlDocument, error: ValidationError) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    custom = schema.get("errorMessage")
    kind = error.validator
    # Set on every error a validator reports (the stubs also allow them unset).
    value: Any = error.instance
    rule_value: Any = error.validator_value

    if "propertyNames" in error.relative_schema_path:
        yield doc.problem(path + (value,), f'"{value}" {custom or "is not an allowed field name"}', at_key=True)
    elif kind == "required":
        missing = re.match(r"^'(.+)' is a required property", error.message)
        name = missing.group(1) if missing else str(rule_value)
        yield doc.problem(path, f'the field "{name}" is missing', at_key=bool(path))
    elif kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        for extra in sorted(k for k in value if k not in allowed):
            hint = did_you_mean(extra, allowed) or (f" (allowed fields: {', '.join(allowed)})" if allowed else "")
            yield doc.problem(path + (extra,), f'unknown field "{extra}"{hint}', at_key=True)
    elif kind == "enum":
        options = [str(v) for v in rule_value]
        yield doc.problem(path, f"{_show(value)} is not one of: {', '.join(options)}{did_you_mean(value, options)}")
    elif kind == "type":
        expected: list[str] = rule_value if isinstance(rule_value, list) else [rule_value]
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        if value is None:
            yield doc.problem(path, f"is empty: it must be {words}")
        else:
            quote_hint = " (put it in quotes)" if "string" in expected else ""
            yield doc.problem(path, f"must be {words}, not {_kind(value)}{quote_hint}")
    elif kind == "pattern":
        yield doc.problem(path, f"{_show(value)} {custom or 'does not have the expected form'}")
    elif kind == "minimum":
        yield doc.problem(path, f"{value} is too small: the smallest allowed value is {rule_value}")
    elif kind == "maximum":
        yield doc.problem(path, f"{value} is too large: the largest allowed value is {rule_value}")
    elif kind == "minItems":
        yield doc.problem(path, f"must list at least {rule_value} item{'s' if rule_value > 1 else ''}")
    elif kind == "minLength":
        yield doc.problem(path, "must not be empty")
    elif kind == "maxLength":
        yield doc.problem(path, f"is {len(value):,} characters long: the most allowed is {error.validator_value:,}")
    elif kind == "uniqueItems":
        yield doc.problem(path, "lists the same value twice")
    elif kind in ("minProperties", "maxProperties") and schema.get("properties"):
        choices = " or ".join(f'"{p}"' for p in schema["properties"])
        yield doc.problem(path, f"must give exactly one of {choices}")
    else:
        yield doc.problem(path, error.message)
