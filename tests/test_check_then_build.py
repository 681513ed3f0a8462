"""One contract: if `make check` accepts the data, every generator makes its pages without an exception.

Records are generated from data/schemas/ (from_schema below, for the keywords they use), with only what the schemas
cannot say arranged so that the cross-checks accept most of them: country codes from the list,
unique ids, actions placed in generated cities, dates that suit the status. Everything else is
whatever the schemas allow: any text in any script, any length up to the limits, any number in
range. Data the checks refuse is dropped: the contract is about the data they accept.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from alliance.assembly.generated import GENERATORS
from alliance.assembly.sitecheck import check_site
from alliance.data.actions import action_claims
from alliance.data.cities import DECLARED_CLAIMS, city_claims
from alliance.data.countries import country_codes
from alliance.data.dataset import load_dataset
from alliance.data.practices import practice_claims
from alliance.data.problems import DataError
from alliance.localized import localized_name
from alliance.pages.catalogue import practice_page
from alliance.pages.sections import SECTIONS
from alliance.paths import DATA_DIR, ROOT, SCHEMA_DIR
from alliance.siteconfig import load_site_config
from tests.conftest import build_site, copy_project, shared_build
from tests.test_new_language import arabic_copy

LANGUAGES = load_site_config().codes
COUNTRY = "^[A-Z]{2}$"
LANGUAGE_CODE = "^[a-z]{2,3}(-[A-Za-z0-9]+)?$"


def _inline(node, base: str):
    """The schema with every $ref replaced by what it points to, and the shapes the checks add."""
    if isinstance(node, list):
        return [_inline(item, base) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        uri, _, pointer = node["$ref"].partition("#")
        target = json.loads((SCHEMA_DIR / (uri or base)).read_text(encoding="utf-8"))
        for part in filter(None, pointer.split("/")):
            target = target[part]
        return {**_inline(target, uri or base), **_inline({k: v for k, v in node.items() if k != "$ref"}, base)}
    inlined = {
        k: _inline(v, base)
        for k, v in node.items()
        if k not in ("$schema", "$id", "errorMessage", "definitions", "description")
    }
    if inlined.get("pattern") == COUNTRY:
        return {"enum": sorted(country_codes())}
    if inlined.get("pattern") == LANGUAGE_CODE:
        return {"enum": list(LANGUAGES)}
    return inlined


def from_schema(node: dict) -> st.SearchStrategy:
    """Values valid against `node`, for the JSON Schema keywords data/schemas/ uses (checked below)."""
    if "enum" in node:
        return st.sampled_from(node["enum"])
    if "oneOf" in node:  # each alternative, merged with what the node says besides
        base = {k: v for k, v in node.items() if k != "oneOf"}
        return st.one_of(
            *(
                from_schema({**base, **alt, "required": [*base.get("required", []), *alt.get("required", [])]})
                for alt in node["oneOf"]
            )
        )
    kinds = node["type"] if isinstance(node.get("type"), list) else [node.get("type", "object")]
    return st.one_of(*(_of_type(kind, node) for kind in kinds))


def _of_type(kind: str, node: dict) -> st.SearchStrategy:
    if kind == "string":
        if "pattern" in node:
            text = st.from_regex(node["pattern"], fullmatch=True)
        else:
            text = st.text(min_size=node.get("minLength", 0), max_size=min(node.get("maxLength", 80), 80))
        return text.filter(lambda t: node.get("minLength", 0) <= len(t) <= node.get("maxLength", len(t)))
    if kind in ("integer", "number"):
        low, high = node.get("minimum", -(10**9)), node.get("maximum", 10**9)
        if kind == "integer":
            return st.integers(low, high)
        return st.floats(low, high, allow_nan=False, allow_infinity=False) | st.integers(int(low), int(high))
    if kind == "array":
        items = from_schema(node["items"])
        return st.lists(items, min_size=node.get("minItems", 0), max_size=4, unique=node.get("uniqueItems", False))
    properties = node.get("properties", {})
    required = node.get("required", [])
    optional = [name for name in properties if name not in required]
    if "maxProperties" in node:  # "exactly one of": place
        return st.sampled_from(sorted(properties)).flatmap(
            lambda name: st.fixed_dictionaries({name: from_schema(properties[name])})
        )
    fixed = st.fixed_dictionaries(
        {name: from_schema(properties[name]) for name in required if name in properties},
        optional={name: from_schema(properties[name]) for name in optional},
    )
    extra = node.get("additionalProperties", False)
    if extra is False:
        return fixed
    names = from_schema(node.get("propertyNames", {"type": "string"}))
    more = st.dictionaries(names, from_schema(extra), max_size=4)
    return st.tuples(fixed, more, *(from_schema(extra) for name in required if name not in properties)).map(
        lambda parts: {
            **parts[1],
            **dict(zip([n for n in required if n not in properties], parts[2:], strict=True)),
            **parts[0],
        }
    )


@cache
def schema(name: str, *path: str) -> dict:
    node = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    for part in path:
        node = node[part]
    return _inline(node, name)


def real_dates(length: int) -> st.SearchStrategy[str]:
    """Days that exist, written as the schema's pattern of that length (year, month, day, range)."""

    def written(day: dt.date) -> str:
        after = day + dt.timedelta(days=1)
        return {4: f"{day:%Y}", 7: f"{day:%Y-%m}", 10: day.isoformat(), 21: f"{day.isoformat()}/{after.isoformat()}"}[
            length
        ]

    return st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 30)).map(written)


def as_yaml(value) -> str:
    """JSON, which is YAML, with the characters a file may not hold raw written as escapes."""
    return re.sub(
        "[\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff\u2028\u2029]",
        lambda m: f"\\u{ord(m.group()):04x}",
        json.dumps(value, ensure_ascii=False),
    )


@st.composite
def datasets(draw):
    cities = draw(st.lists(from_schema(schema("cities.schema.json", "definitions", "city")), min_size=1, max_size=3))
    for i, city in enumerate(cities):
        city["id"] = f"{city['id'][:60].rstrip('-')}-{i}"
    declared = draw(from_schema(schema("cities.schema.json", "properties", "declared")))
    actions = draw(st.lists(from_schema(schema("actions.schema.json", "definitions", "action")), max_size=3))
    for i, action in enumerate(actions):
        action["id"] = f"{action['id'][:60].rstrip('-')}-{i}"
        if isinstance(action.get("when"), str) and action["when"] != "yearly":
            action["when"] = draw(real_dates(len(action["when"])))
        if "city" in action["place"]:
            action["place"]["city"] = draw(st.sampled_from(cities))["id"]
        if action["status"] == "recurring":
            action["when"] = "yearly"
        elif action["status"] == "held" and str(action.get("when", "yearly")) == "yearly":
            action["when"] = draw(st.integers(1900, 2099))
    practices = draw(st.lists(from_schema(schema("practice.schema.json")), max_size=2))
    for practice in practices:
        practice["sources_read"] = draw(real_dates(10))
        practice["summary"] = re.sub(r"[.!?…\s]+", " ", practice["summary"]).strip() + "."
        if draw(st.booleans()):
            practice["city"] = draw(st.sampled_from(cities))["id"]
            practice.pop("country", None)
        else:
            practice.pop("city", None)
            practice["country"] = draw(st.sampled_from(sorted(country_codes())))
    bodies = draw(
        st.lists(
            st.text(st.characters(blacklist_categories=("Cs",)), min_size=1),
            min_size=len(practices),
            max_size=len(practices),
        )
    )
    # Evidence the check accepts for each record's claims, so that most examples reach the build.
    declared["evidence"] = quoted(declared, [c for c in DECLARED_CLAIMS if c in declared])
    for city in cities:
        city["evidence"] = quoted(city, city_claims(city)[0])
    for action in actions:
        action["evidence"] = quoted(action, action_claims(action))
    for practice, body in zip(practices, bodies, strict=True):
        practice["evidence"] = quoted(practice, practice_claims(practice, body)[0])
    return {"declared": declared, "cities": cities}, {"actions": actions}, list(zip(practices, bodies, strict=True))


def quoted(record: dict, claims) -> list[dict]:
    """A quote of a real source (French) supporting `claims`, with its translations."""
    translation = {language: "…" for language in LANGUAGES if language != "fr"}
    return [{"claim": list(claims) or ["name"], "source": "am-common-ground", "quote": "…", "translation": translation}]


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=datasets())
def test_data_the_check_accepts_builds_every_page(tmp_path_factory, data):
    cities, actions, practices = data
    folder = tmp_path_factory.mktemp("data")
    (folder / "cities.yaml").write_text(as_yaml(cities), encoding="utf-8")
    (folder / "actions.yaml").write_text(as_yaml(actions), encoding="utf-8")
    for name in ("labels.yaml", "sources.yaml", "pages.yaml"):
        (folder / name).write_bytes((DATA_DIR / name).read_bytes())
    content = folder / "content"
    (content / "practices").mkdir(parents=True)
    for i, (front_matter, body) in enumerate(practices):
        text = f"---\n{as_yaml(front_matter)}\n---\n\n{body}\n"
        (content / "practices" / f"practice-{i}.md").write_text(text, encoding="utf-8")
    try:
        dataset = load_dataset(LANGUAGES, folder, content)
    except DataError:
        event("refused by the check")
        return  # `make check` refuses it: the build is never asked
    event("accepted by the check")
    for _, generate in GENERATORS:
        generate(dataset, LANGUAGES)
    for section in SECTIONS.values():
        for language in LANGUAGES:
            section(dataset, language)
    for practice in dataset.practices:
        for language in LANGUAGES:
            assert practice_page(dataset, f"practices/{localized_name(practice.id, language)}", language)


KEYWORDS = {
    "oneOf",
    "type",
    "enum",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "items",
    "minItems",
    "uniqueItems",
    "properties",
    "required",
    "additionalProperties",
    "propertyNames",
    "minProperties",
    "maxProperties",
    "title",
}


def test_from_schema_knows_every_keyword_the_schemas_use():
    def keywords(node):
        if isinstance(node, dict):
            yield from (k for k in node if k not in ("properties", "definitions"))
            for key, value in node.items():
                children = value.values() if key in ("properties", "definitions") else [value]
                for child in children:
                    yield from keywords(child)
        elif isinstance(node, list):
            for item in node:
                yield from keywords(item)

    used = {
        k
        for name in ("cities.schema.json", "actions.schema.json", "practice.schema.json")
        for k in keywords(schema(name))
    }
    assert used <= KEYWORDS, used - KEYWORDS


# --- `make check` and `make build` agree, case by case -------------------------------------------

PRACTICE = "content/practices/barcelona-saier.md"


def _append(path: str, text: str):
    def change(root: Path) -> None:
        with (root / path).open("a", encoding="utf-8") as file:
            file.write(text)

    return change


def _write(path: str, text: str):
    def change(root: Path) -> None:
        (root / path).write_text(text, encoding="utf-8")

    return change


def _replace(path: str, old: str, new: str):
    def change(root: Path) -> None:
        text = (root / path).read_text(encoding="utf-8")
        assert old in text
        (root / path).write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def _symlink(path: str, target: str):
    def change(root: Path) -> None:
        (root / path).symlink_to(target)

    return change


def _without_third_heading(root: Path) -> None:
    page = root / "content" / "about.en.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    del lines[[i for i, line in enumerate(lines) if line.startswith("#")][2]]
    page.write_text("\n".join(lines), encoding="utf-8")


# A year whose evidence is the declaration's § 1: the practice becomes the latest of its theme, and
# the home page links its source.
DECLARATION_YEAR = """year: 2099
evidence:
  - claim: year
    source: declaration#p1
    quote: La deuxième rencontre de l'Alliance Migrations, organisée par l'OCU et ANVITA
"""


TOO_DEEP = "opens the 13th bracket, parenthesis, tag or emphasis not yet closed in this paragraph: the most is 12"

# (name, change to a copy of the project, a problem both must report, or None: both pass); no
# change: the real sources, whose build is the run's one (tests/conftest.py).
CASES = [
    ("unchanged", None, None),
    # Appended to the text's last paragraph, whose quote covers it (a new paragraph needs its own).
    (
        "link-to-a-missing-page",
        _append(PRACTICE, "[x](../nowhere.md)\n"),
        '"../nowhere.md" leads to no page of the site',
    ),
    ("link-to-a-missing-anchor", _append(PRACTICE, "[x](../about.md#nowhere)\n"), 'no element "#nowhere"'),
    ("absolute-path", _append(PRACTICE, "[x](/about/)\n"), "is an absolute path"),
    # The reference &#0; reads as U+FFFD: no scheme, a path that leads nowhere.
    (
        "scheme-hidden-by-a-reference",
        _append(PRACTICE, "[x](java&#0;script:alert(1))\n"),
        '"java\ufffdscript:alert(1)" leads to no page',
    ),
    (
        "declaration-source-of-the-latest-practice",
        _replace(PRACTICE, "evidence:\n", DECLARATION_YEAR),
        None,
    ),
    ("data-marker-in-code-in-a-practice", _append(PRACTICE, "`<!-- data: nothing -->`\n"), None),
    (
        "markdown-file-kind",
        _write("content/practices/x.markdown", "# x\n"),
        "content/practices/x.markdown:1:1: content/ holds pages (.md files)",
    ),
    (
        "svg-in-content",
        _write("content/logo.svg", "<svg onload='alert(1)'/>"),
        "content/logo.svg:1:1: content/ holds pages",
    ),
    ("script-in-a-translation", _append("content/about.es.md", "\n<script>alert(1)</script>\n"), 'raw HTML "<script>'),
    # Named with their paths: the two share a copy.
    (
        "symlink-to-dev-zero",
        _symlink("content/practices/zero.md", "/dev/zero"),
        "content/practices/zero.md:1:1: is a symbolic link",
    ),
    (
        "symlink-out-of-the-repository",
        _symlink("data/extra.yaml", "/etc/hostname"),
        "data/extra.yaml:1:1: is a symbolic link",
    ),
    ("translation-without-a-heading", _without_third_heading, "at content/about.md:27 has no counterpart here"),
    ("deep-emphasis", _append(PRACTICE, "\n" + "*a " * 2000 + "b" + " c*" * 2000 + "\n"), f'"*" {TOO_DEEP}'),
    ("nested-brackets", _append(PRACTICE, "\n" + "[" * 20 + "x" + "]" * 20 + "\n"), f'"[" {TOO_DEEP}'),
]


# The copies the cases are checked and built in (a copy per case took 15 builds). The cases that must
# pass ride on the copy test_new_language.py builds with Arabic (one build for both: a fifth language
# changes nothing on the other four's pages). The problems the check reports together share one,
# each expected problem naming what only its own change can raise (its path, or its link); those of
# a practice's text too deep share another, as its data does not load for the rules the others need;
# so do the symbolic links, each message naming its path, as a link stops the check before the rest.
SHARED_COPIES = {
    "passes": ("declaration-source-of-the-latest-practice", "data-marker-in-code-in-a-practice"),
    "problems": (
        "link-to-a-missing-page",
        "link-to-a-missing-anchor",
        "absolute-path",
        "scheme-hidden-by-a-reference",
        "markdown-file-kind",
        "svg-in-content",
        "script-in-a-translation",
        "translation-without-a-heading",
    ),
    "too-deep": ("deep-emphasis", "nested-brackets"),
    "symbolic-links": ("symlink-to-dev-zero", "symlink-out-of-the-repository"),
}

assert sorted(name for names in SHARED_COPIES.values() for name in names) == sorted(
    name for name, change, _ in CASES if change is not None
)


def _checked(root: Path) -> str:
    """What the check reports on the project at `root`: nothing, or its problems."""
    try:
        check_site(LANGUAGES, root, root / "data", root / "content")
    except DataError as error:
        return str(error)
    return ""


def change_copy(root: Path, copy: str) -> None:
    """Makes the changes of the cases of `copy` to the copy of the project at `root`, then writes
    what the check reports on it to checked.txt (test_new_language.py's copy calls it too)."""
    for name, change, _ in CASES:
        if name in SHARED_COPIES[copy]:
            change(root)
    (root / "checked.txt").write_text(_checked(root), encoding="utf-8")


def _changed_copy(folder: Path, site: Path, copy: str):
    """A copy of the project in `folder` with the changes of `copy`, checked, then built into `site`."""
    config = copy_project(folder)
    change_copy(folder, copy)
    return build_site(site, config)


@pytest.mark.parametrize(("name", "change", "problem"), CASES, ids=[case[0] for case in CASES])
def test_check_and_build_agree(tmp_path_factory, request, name, change, problem):
    if change is None:
        checked, shared = _checked(ROOT), request.getfixturevalue("site_build")
        returncode, built = shared.returncode, shared.output
    else:
        copy = next(copy for copy, names in SHARED_COPIES.items() if name in names)
        if copy == "passes":
            made = arabic_copy(tmp_path_factory)
            project = made.site.parent / "project"
        else:
            made = shared_build(
                tmp_path_factory, f"check-{copy}", lambda folder, site: _changed_copy(folder, site, copy)
            )
            project = made.site.parent
        checked = (project / "checked.txt").read_text(encoding="utf-8")
        returncode, built = made.returncode, made.output
    assert "Traceback" not in built
    if problem is None:
        assert checked == "" and returncode == 0, checked + built
        return
    assert problem in checked and returncode != 0
    # Every problem line the check prints, the build prints too.
    assert all(line in built for line in checked.splitlines()[:-1]), (checked, built)
