"""The data checks: every broken input is reported with its place, the good ones load."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given
from hypothesis import strategies as st

from alliance.assembly.generated import generated_folders
from alliance.data.checks import check_text_characters, check_unique_ids
from alliance.data.dataset import load_dataset
from alliance.data.problems import DataError
from alliance.data.yamlload import load_yaml, parse_yaml
from alliance.paths import DATA_DIR, ROOT
from alliance.siteconfig import load_site_config
from scripts import check
from tests.conftest import fuzz_settings

FIXTURES = Path(__file__).parent / "fixtures" / "data"
LANGUAGES = load_site_config().codes


def expected_problems() -> dict[str, set[str]]:
    expected: dict[str, set[str]] = {}
    for line in (FIXTURES / "bad" / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            fixture, _, problem = line.partition(" | ")
            expected.setdefault(fixture, set()).add(problem)
    return expected


BAD_FIXTURES = sorted(path.name for path in (FIXTURES / "bad").glob("*.yaml"))


def data_dir_with(tmp_path: Path, replacement: Path | None = None) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    """The good fixtures and the real labels, with one file replaced by `replacement`."""
    for path in (FIXTURES / "good").glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    shutil.copy(DATA_DIR / "labels.yaml", tmp_path / "labels.yaml")
    if replacement is not None:
        # `name.cities.yaml` replaces cities.yaml (likewise actions, sources, pages)
        shutil.copy(replacement, tmp_path / (replacement.name.split(".")[-2] + ".yaml"))
    return tmp_path


def load_fixture_data(data_dir: Path):
    """The fixture data alone: no practices (those of content/ name the real cities)."""
    return load_dataset(LANGUAGES, data_dir, content_dir=data_dir / "no-content")


def reported(error: DataError) -> set[str]:
    """Each problem with its file named by its name alone, also where a message names it."""
    return {
        f"{Path(p.path).name}:{p.line}:{p.column}: {p.message.replace(p.path, Path(p.path).name)}"
        for p in error.problems
    }


def test_the_corpus_is_large_and_every_fixture_has_expectations():
    assert len(BAD_FIXTURES) >= 30
    assert set(BAD_FIXTURES) == set(expected_problems())


@pytest.mark.parametrize("fixture", BAD_FIXTURES)
def test_broken_input_is_reported_with_its_place(fixture, tmp_path):
    with pytest.raises(DataError) as caught:
        load_fixture_data(data_dir_with(tmp_path, FIXTURES / "bad" / fixture))
    assert reported(caught.value) == expected_problems()[fixture]
    assert "Traceback" not in str(caught.value)
    assert str(caught.value).endswith("then build again.")


def test_an_id_used_twice_is_found_past_entries_the_schema_refuses():
    """An id that is not text and an entry that is not a record stop nothing: the second "alpha"
    is reported at its place, with the line of the first id (not of its record)."""
    text = "cities:\n  - id: 5\n  - name: Alpha\n    id: alpha\n  - not a record\n  - id: alpha\n"
    assert [str(problem) for problem in check_unique_ids(parse_yaml(text, "data/cities.yaml"), "cities")] == [
        'data/cities.yaml:6:9: cities[3].id: the id "alpha" is already used at data/cities.yaml:4'
    ]


BIDI = "a bidirectional embedding or override, an invisible character that can disguise the text: remove it"


@pytest.mark.parametrize(
    ("value", "found"),
    [
        # A text reports its first invisible character only: the contributor removes them all.
        ('"a\\u202eb\\u202cc"', [f"x.yaml:1:8: title: contains U+202E, {BIDI}"]),
        # A localized text, each of its languages.
        (
            '{fr: "a\\u202db", en: "c\\u202ad"}',
            [f"x.yaml:1:13: title.fr: contains U+202D, {BIDI}", f"x.yaml:1:29: title.en: contains U+202A, {BIDI}"],
        ),
        ("{fr: a, en: b}", []),
    ],
)
def test_a_text_or_each_language_of_a_localized_text_is_checked(value, found):
    doc = parse_yaml(f"title: {value}\n", "x.yaml")
    assert [str(problem) for problem in check_text_characters(doc, ("title",), doc.data["title"])] == found


def test_a_symbolic_link_is_refused_where_a_data_file_is_read(tmp_path):
    (tmp_path / "real.yaml").write_text("cities: []\n", encoding="utf-8")
    (tmp_path / "cities.yaml").symlink_to(tmp_path / "real.yaml")
    with pytest.raises(DataError) as caught:
        load_yaml(tmp_path / "cities.yaml", "data/cities.yaml")
    assert [str(problem) for problem in caught.value.problems] == [
        "data/cities.yaml:1:1: is a symbolic link: a pull request may only add or change files, write the file itself here"
    ]


def test_good_fixtures_load_as_typed_records(tmp_path):
    dataset = load_fixture_data(data_dir_with(tmp_path))
    beta = dataset.city("beta")
    assert beta.country == "NO"  # YAML 1.1 would have read `NO` as false
    assert beta.note.show("en").is_fallback and beta.note.show("pt").text == "Uma nota."
    assert dataset.city("gamma").lat == -14.0
    assert [a.id for a in dataset.actions] == ["first-meeting", "a-month", "a-year", "every-year", "ongoing"]
    assert dataset.actions[1].when.machine == "2023-11"
    assert [a.id for a in dataset.actions_in("alpha")] == ["first-meeting"]
    assert [a.id for a in dataset.actions_in("beta")] == ["a-month"] and dataset.actions_in("gamma") == ()
    # alpha (represented) counts, gamma (the host) does not; MR is named without a city
    assert dataset.coverage.summary() == "documented 1 of 41 cities, 2 of 23 countries"
    # Sources are records, cited by id; the evidence carries them, each once.
    assert [s.id for s in beta.sources] == ["fixture"] and beta.sources[0].url == "https://example.org/fixture"
    assert beta.evidence[0].claims == ("role:pilot-territory", "role:meeting-host", "note")
    passage = dataset.page_evidence["passage"][0].source
    assert (
        passage.date == "2023-01-27" and passage.note is not None and passage.note["es"] == "Écrite avant la rencontre."
    )


def test_the_real_data_is_valid():
    dataset = load_dataset(LANGUAGES)
    assert {city.id for city in dataset.cities} >= {"lisbon", "strasbourg", "gao", "sao-paulo", "paris"}
    assert dataset.declared.cities == 41 and dataset.declared.countries == 23
    # The host city is not counted among the 41: no source says it is one of them.
    assert dataset.coverage.summary() == "documented 8 of 41 cities, 7 of 23 countries"


def test_check_script_reports_data_and_translation_problems_in_one_run(tmp_path, capsys):
    # On main, `make check` stopped after the data's problems: the translations' came only later.
    data_dir = data_dir_with(tmp_path / "data", FIXTURES / "bad" / "unknown-country.cities.yaml")
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns(*generated_folders()))
    (tmp_path / "theme").mkdir()
    about = tmp_path / "content" / "about.en.md"
    about.write_text(about.read_text(encoding="utf-8").replace("## ", "### ", 1), encoding="utf-8")
    assert check.main(["--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert 'cities.yaml:24:14: cities[2].country: "XX" is not an ISO 3166-1 country code' in err
    assert "content/about.en.md:14:1: this heading is of level 3" in err
    assert data_dir.parent == tmp_path


def test_check_script_ends_with_the_summary(capsys):
    assert check.main([]) == 0
    assert "documented 8 of 41 cities, 7 of 23 countries" in capsys.readouterr().out


# Property tests: whatever the text, the outcome is records or a report, never a crash.


def _load_text(tmp_path: Path, name: str, text: str | bytes) -> None:
    data_dir = data_dir_with(tmp_path)
    target = data_dir / name
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    try:
        load_fixture_data(data_dir)
    except DataError as error:
        assert error.problems and all(p.line >= 1 and p.column >= 1 for p in error.problems)


SETTINGS = fuzz_settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.fuzz
@SETTINGS
@given(text=st.text())
def test_arbitrary_text_never_crashes(tmp_path, text):
    _load_text(tmp_path, "actions.yaml", text)


@pytest.mark.fuzz
@SETTINGS
@given(raw=st.binary())
def test_arbitrary_bytes_never_crash(tmp_path, raw):
    _load_text(tmp_path, "cities.yaml", raw)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@pytest.mark.fuzz
@SETTINGS
@given(value=yaml_values)
def test_arbitrary_yaml_structures_never_crash(tmp_path, value):
    _load_text(tmp_path, "cities.yaml", yaml.safe_dump({"declared": value, "cities": [value]}))


def _mutate(text: str, data: st.DataObject) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        operation = data.draw(st.sampled_from(["delete", "duplicate", "replace", "insert"]))
        if operation == "delete":
            del lines[i]
        elif operation == "duplicate":
            lines.insert(i, lines[i])
        elif operation == "replace" and lines[i].strip():
            j = data.draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:j] + data.draw(st.characters()) + lines[i][j + 1 :]
        else:
            lines.insert(i, data.draw(st.text(max_size=20)) + "\n")
        if not lines:
            break
    return "".join(lines)


@pytest.mark.fuzz
@SETTINGS
@given(data=st.data(), name=st.sampled_from(["cities.yaml", "actions.yaml", "labels.yaml"]))
def test_random_mutations_of_the_real_files_never_crash(tmp_path, data, name):
    _load_text(tmp_path, name, _mutate((DATA_DIR / name).read_text(encoding="utf-8"), data))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("v: NO", "NO"),
        ("v: no", "no"),
        ("v: on", "on"),
        ("v: yes", "yes"),
        ("v: true", True),
        ("v: 2023-06-15", "2023-06-15"),
        ("v: 12", 12),
        ("v: 0x1F", 31),
        ("v: 0o17", 15),
        ("v: 1.5", 1.5),
        ("v: 1:20", "1:20"),
        ("v: ~", None),
        ("v: null", None),
        ("v: 010", 10),
    ],
)
def test_scalars_follow_yaml_1_2(text, expected):
    assert parse_yaml(text, "x.yaml").data["v"] == expected


def test_valid_data_is_remembered_by_its_hash_and_nothing_else(tmp_path, monkeypatch):
    import alliance.data.dataset as dataset_module

    data_dir, cache = data_dir_with(tmp_path / "data"), tmp_path / "cache"
    first = load_dataset(LANGUAGES, data_dir, data_dir / "no-content", cache_dir=cache)
    assert len(list(cache.glob("*.json"))) == 1
    monkeypatch.setattr(dataset_module, "_load_and_check", lambda *args: pytest.fail("checked again"))
    assert load_dataset(LANGUAGES, data_dir, data_dir / "no-content", cache_dir=cache) == first
    monkeypatch.undo()
    cities = data_dir / "cities.yaml"
    cities.write_text(cities.read_text(encoding="utf-8").replace("country: SN", "country: XX"), encoding="utf-8")
    with pytest.raises(DataError, match='"XX" is not an ISO 3166-1 country code'):
        load_dataset(LANGUAGES, data_dir, data_dir / "no-content", cache_dir=cache)
    assert len(list(cache.glob("*.json"))) == 1  # problems are never remembered
