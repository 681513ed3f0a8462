"""Loading every data file at once (alliance/data/dataset.py): the load MkDocs repeats per language,
the cache of values found valid, and the problems of files that cannot be read."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest

import alliance.data.dataset as dataset_module
import alliance.paths
from alliance.data.dataset import data_fingerprint, load_dataset, load_dataset_cached
from alliance.data.problems import DataError
from tests.test_data_validation import FIXTURES, LANGUAGES, data_dir_with

PRACTICE = Path(__file__).parent / "fixtures" / "practices" / "good-city.md"


def test_the_fingerprint_of_folders_changes_with_any_file_in_them(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "deep").mkdir()
    (tmp_path / "b").mkdir()
    deep = tmp_path / "a" / "deep" / "x.yaml"
    deep.write_text("one", encoding="utf-8")
    (tmp_path / "b" / "y.md").write_text("two", encoding="utf-8")
    before = data_fingerprint(tmp_path / "a", tmp_path / "b")
    assert data_fingerprint(tmp_path / "a", tmp_path / "b") == before
    (tmp_path / "a" / "empty-folder").mkdir()
    assert data_fingerprint(tmp_path / "a", tmp_path / "b") == before  # a folder alone holds no data
    stat = deep.stat()
    os.utime(deep, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    touched = data_fingerprint(tmp_path / "a", tmp_path / "b")
    assert touched != before
    deep.write_text("three", encoding="utf-8")  # same time, another size
    os.utime(deep, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert data_fingerprint(tmp_path / "a", tmp_path / "b") != touched
    renamed = data_fingerprint(tmp_path / "a", tmp_path / "b")
    deep.rename(deep.with_name("w.yaml"))  # same time, same size, another name
    assert data_fingerprint(tmp_path / "a", tmp_path / "b") != renamed
    (tmp_path / "b" / "z.md").write_text("four", encoding="utf-8")
    assert len(data_fingerprint(tmp_path / "a", tmp_path / "b")) == 3


@pytest.fixture
def fixture_data(tmp_path):
    """The good fixtures, with a content folder holding one practice of its own."""
    data = data_dir_with(tmp_path / "data")
    practices = tmp_path / "content" / "practices"
    practices.mkdir(parents=True)
    text = PRACTICE.read_text(encoding="utf-8")
    for real, synthetic in (
        ("city: palermo", "city: alpha"),
        ("country: IT", "country: FR"),
        ("am-common-ground", "fixture"),
    ):
        text = text.replace(real, synthetic)
    (practices / "practice.md").write_text(text, encoding="utf-8")
    return data, tmp_path / "content"


def test_the_cached_load_reads_the_files_again_only_once_they_change(fixture_data, monkeypatch):
    data, content = fixture_data
    monkeypatch.setattr(dataset_module, "_cache", {})
    first = load_dataset_cached(LANGUAGES, data, content)
    assert [p.city for p in first.practices] == ["alpha"]
    assert load_dataset_cached(LANGUAGES, data, content) is first
    assert load_dataset_cached(LANGUAGES[::-1], data, content) is not first  # the languages are part of the key
    again = load_dataset_cached(LANGUAGES, data, content)
    assert again is not first and again == first  # one state of the files is kept, the last
    practice = content / "practices" / "practice.md"
    practice.write_text(practice.read_text(encoding="utf-8").replace("year: 2015", "year: 2016"), encoding="utf-8")
    assert load_dataset_cached(LANGUAGES, data, content).practices[0].year == 2016
    cities = data / "cities.yaml"
    cities.write_text(cities.read_text(encoding="utf-8").replace("lat: 48.5", "lat: 48.75"), encoding="utf-8")
    assert load_dataset_cached(LANGUAGES, data, content).city("alpha").lat == 48.75


def test_the_cached_load_remembers_valid_data_in_the_folder_given(fixture_data, tmp_path, monkeypatch):
    data, content = fixture_data
    monkeypatch.setattr(dataset_module, "_cache", {})
    load_dataset_cached(LANGUAGES, data, content, tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1


def test_a_problem_names_the_data_file_from_the_repository(tmp_path, monkeypatch):
    monkeypatch.setattr(alliance.paths, "ROOT", tmp_path)
    data = data_dir_with(tmp_path / "data", FIXTURES / "bad" / "empty-file.cities.yaml")
    with pytest.raises(DataError) as caught:
        load_dataset(LANGUAGES, data, tmp_path / "content")
    assert [str(problem) for problem in caught.value.problems] == [
        'data/cities.yaml:1:1: the file is empty: it must start with "declared:"'
    ]


def test_the_name_of_remembered_data_changes_with_everything_that_decided_it(fixture_data, tmp_path, monkeypatch):
    data, content = fixture_data
    key = dataset_module._cache_key
    first = key(LANGUAGES, data, content)
    assert key(LANGUAGES, data, content) == first
    assert key(LANGUAGES[::-1], data, content) != first
    practice = content / "practices" / "practice.md"
    practice.write_text(practice.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = key(LANGUAGES, data, content)
    assert edited != first
    schemas = tmp_path / "schemas"
    shutil.copytree(dataset_module.SCHEMA_DIR, schemas)
    monkeypatch.setattr(dataset_module, "SCHEMA_DIR", schemas)
    assert key(LANGUAGES, data, content) == edited
    (schemas / "common.schema.json").write_text("{}", encoding="utf-8")
    assert key(LANGUAGES, data, content) != edited
    monkeypatch.undo()
    code = tmp_path / "code"
    shutil.copytree(Path(dataset_module.__file__).parent, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(dataset_module, "__file__", str(code / "dataset.py"))
    assert key(LANGUAGES, data, content) == edited
    (code / "checks.py").write_text("# another check\n", encoding="utf-8")
    assert key(LANGUAGES, data, content) != edited


def test_a_missing_file_is_a_problem_with_or_without_the_cache(fixture_data, tmp_path):
    data, content = fixture_data
    (data / "pages.yaml").unlink()
    with pytest.raises(DataError, match=r"pages\.yaml:1:1: "):
        load_dataset(LANGUAGES, data, content, cache_dir=tmp_path / "cache")


def test_the_cache_keeps_its_newest_entries_in_a_folder_it_makes(tmp_path):
    cache = tmp_path / "new" / "cache"
    for i in range(10):
        dataset_module._remember(cache, f"key-{i}", {"n": i, "text": "Lisbonne, café"})
        # Written now, then dated back: each older than the one before, apart from the last written.
        if i < 9:
            os.utime(cache / f"key-{i}.json", (1_000_000 - i,) * 2)
    assert sorted(p.name for p in cache.iterdir()) == [*(f"key-{i}.json" for i in range(7)), "key-9.json"]
    assert dataset_module._cached(cache, "key-0") == {"n": 0, "text": "Lisbonne, café"}
    assert dataset_module._cached(cache, "key-8") is None and dataset_module._cached(None, "key-0") is None


def test_data_read_back_from_the_cache_is_the_data_checked(fixture_data, tmp_path):
    data, content = fixture_data
    cache = tmp_path / "cache"
    checked = load_dataset(LANGUAGES, data, content, cache_dir=cache)
    read_back = load_dataset(LANGUAGES, data, content, cache_dir=cache)
    assert read_back == checked and [p.city for p in read_back.practices] == ["alpha"]
    assert len(list(cache.glob("*.json"))) == 1
    # Remembered for the languages it was checked with: with two, the translations into the others are problems.
    with pytest.raises(DataError, match='"pt" is not a language of the site'):
        load_dataset(LANGUAGES[:2], data, content, cache_dir=cache)
    load_dataset(LANGUAGES[::-1], data, content, cache_dir=cache)
    assert len(list(cache.glob("*.json"))) == 2


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_is_left_as_it_was_found(fixture_data, enabled):
    data, content = fixture_data
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        load_dataset(LANGUAGES, data, content)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.parametrize(
    ("name", "first_field"),
    [
        ("cities.yaml", "declared"),
        ("actions.yaml", "actions"),
        ("labels.yaml", "role"),
        ("sources.yaml", "sources"),
        ("pages.yaml", "pages"),
    ],
)
def test_an_empty_data_file_names_the_field_it_starts_with(tmp_path, monkeypatch, name, first_field):
    monkeypatch.setattr(alliance.paths, "ROOT", tmp_path)
    data = data_dir_with(tmp_path / "data")
    (data / name).write_text("", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(LANGUAGES, data, tmp_path / "content")
    assert f'data/{name}:1:1: the file is empty: it must start with "{first_field}:"' in map(str, caught.value.problems)


def test_sources_with_problems_are_reported_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(alliance.paths, "ROOT", tmp_path)
    data = data_dir_with(tmp_path / "data")
    (data / "sources.yaml").write_text("sources:\n  - id: fixture\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(LANGUAGES, data, tmp_path / "content")
    assert any(str(p).startswith("data/sources.yaml:2:") for p in caught.value.problems)


@pytest.mark.parametrize("entry", ["- alpha", "- {name: {fr: Alpha}}"], ids=["text", "no-id"])
def test_a_city_that_is_no_record_is_a_problem_for_the_practices_too(fixture_data, entry):
    data, content = fixture_data
    cities = data / "cities.yaml"
    cities.write_text(
        cities.read_text(encoding="utf-8").replace("cities:\n", f"cities:\n  {entry}\n", 1), encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"cities\.yaml:"):
        load_dataset(LANGUAGES, data, content)
