"""The JSON Schemas: valid draft-07, wired to editors, and every listed value has its words."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from alliance.data.schemas import schema_problems, vocabulary
from alliance.data.yamlload import YamlDocument, parse_yaml
from alliance.paths import DATA_DIR, ROOT, SCHEMA_DIR
from alliance.siteconfig import load_site_config

DATA_FILES = ["cities", "actions", "labels"]
EVERY_RULE = Path(__file__).parent / "fixtures" / "schemas"


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
def test_every_listed_value_has_its_words_in_every_language(kind, real_dataset):
    languages = load_site_config().codes
    labels = real_dataset.labels
    for value in vocabulary(kind):
        for language in languages:
            assert not labels.term(kind, value, language).is_fallback, (kind, value, language)


BREAKS_EVERY_RULE = f"""\
id: Not-Lower
code: São
status: planed
state: true
count: 0
most: 11.5
title: {"x" * 1234}
name: ""
tags: [a, a]
pair: [a]
sources: []
place: {{city: a, region: b}}
where: {{}}
closed: {{a: 1}}
few: {{a: 1, b: 2}}
maybe: 3
names: {{fr: x, english: y}}
keys: {{Bad: 1}}
texts: [null, true, 3, 1.5, [a], {{a: b}}, São]
flag: "yes"
whole: 1.5
list: x
group: x
either: false
fixed: y
never: 1
nested: {{}}
colour: 1
statu: held
"""


def test_each_broken_rule_is_told_in_plain_words_at_its_place():
    problems = schema_problems(parse_yaml(BREAKS_EVERY_RULE, "t.yaml"), "every-rule.schema.json", EVERY_RULE)
    allowed = "id, absent, code, status, state, count, most, title, name, tags, pair, sources, place, where, closed, few, maybe, names, keys, texts, flag, whole, list, group, either, fixed, never, nested"
    assert [str(p) for p in problems] == [
        f't.yaml:28:1: colour: unknown field "colour" (allowed fields: {allowed})',
        't.yaml:29:1: statu: unknown field "statu" (did you mean "status"?)',
        't.yaml:1:1: the field "absent" is missing',
        't.yaml:1:5: id: "Not-Lower" must be lowercase letters',
        't.yaml:2:7: code: "São" does not have the expected form',
        't.yaml:3:9: status: "planed" is not one of: held, planned (did you mean "planned"?)',
        "t.yaml:4:8: state: true is not one of: held, planned",
        "t.yaml:5:8: count: 0 is too small: the smallest allowed value is 1",
        "t.yaml:6:7: most: 11.5 is too large: the largest allowed value is 10",
        "t.yaml:7:8: title: is 1,234 characters long: the most allowed is 1,000",
        "t.yaml:8:7: name: must not be empty",
        "t.yaml:9:7: tags: lists the same value twice",
        "t.yaml:10:7: pair: must list at least 2 items",
        "t.yaml:11:10: sources: must list at least 1 item",
        't.yaml:12:8: place: must give exactly one of "city" or "region"',
        't.yaml:13:8: where: must give exactly one of "city" or "region"',
        't.yaml:14:10: closed.a: unknown field "a"',
        "t.yaml:15:6: few: {'a': 1, 'b': 2} has too many properties",
        "t.yaml:16:8: maybe: must be text or null, not a number (put it in quotes)",
        't.yaml:17:16: names.english: "english" is not a language code',
        't.yaml:18:8: keys.Bad: "Bad" is not an allowed field name',
        "t.yaml:19:9: texts[0]: is empty: it must be text",
        "t.yaml:19:15: texts[1]: must be text, not true/false (put it in quotes)",
        "t.yaml:19:21: texts[2]: must be text, not a number (put it in quotes)",
        "t.yaml:19:24: texts[3]: must be text, not a number (put it in quotes)",
        "t.yaml:19:29: texts[4]: must be text, not a list (put it in quotes)",
        "t.yaml:19:34: texts[5]: must be text, not a group of fields (put it in quotes)",
        "t.yaml:20:7: flag: must be true or false, not text",
        "t.yaml:21:8: whole: must be a whole number, not a number",
        "t.yaml:22:7: list: must be a list (lines starting with '- '), not text",
        "t.yaml:23:8: group: must be a group of fields (name: value), not text",
        "t.yaml:24:9: either: must be text or a number, not true/false (put it in quotes)",
        # Rules the data schemas do not use keep jsonschema's words.
        "t.yaml:25:8: fixed: 'x' was expected",
        "t.yaml:1:1: False schema does not allow 1",
        't.yaml:27:1: nested: the field "inner" is missing',
    ]


def test_a_value_no_yaml_file_gives_is_named_by_its_type():
    day = datetime.date(2024, 1, 2)
    doc = YamlDocument("t.yaml", {"id": "a", "absent": 1, "texts": [day], "status": day})
    assert [p.message for p in schema_problems(doc, "every-rule.schema.json", EVERY_RULE)] == [
        'status: "2024-01-02" is not one of: held, planned',
        "texts[0]: must be text, not date (put it in quotes)",
    ]


def test_valid_data_has_no_problem():
    doc = parse_yaml("id: abc\nabsent: 1\ntitle: São\n", "t.yaml")
    assert schema_problems(doc, "every-rule.schema.json", EVERY_RULE) == []
