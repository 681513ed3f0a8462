"""The JSON Schemas: valid draft-07, wired to editors, and every listed value has its words."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft7Validator

from alliance.data.dataset import load_dataset
from alliance.data.schemas import vocabulary
from alliance.paths import DATA_DIR, ROOT, SCHEMA_DIR
from alliance.siteconfig import load_site_config

DATA_FILES = ["cities", "actions", "labels"]


@pytest.mark.parametrize("path", sorted(SCHEMA_DIR.glob("*.schema.json")), ids=lambda p: p.name)
def test_schemas_are_valid_draft_07(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(schema)


@pytest.mark.parametrize("name", DATA_FILES)
def test_editors_find_the_schema_of_each_data_file(name):
    first_line = (DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=schemas/{name}.schema.json"
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"][f"./data/schemas/{name}.schema.json"] == f"data/{name}.yaml"


@pytest.mark.parametrize("kind", ["role", "status", "target", "theme", "region"])
def test_every_listed_value_has_its_words_in_every_language(kind):
    languages = load_site_config().codes
    labels = load_dataset(languages).labels
    for value in vocabulary(kind):
        for language in languages:
            assert not labels.term(kind, value, language).is_fallback, (kind, value, language)
