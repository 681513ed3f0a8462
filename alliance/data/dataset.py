"""Loads and checks every data file at once: typed records, or every problem found."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alliance.data.actions import Action, build_actions, check_actions
from alliance.data.labels import Labels, build_labels, check_labels
from alliance.data.cities import City, Coverage, Declared, build_cities, check_cities, coverage
from alliance.paths import CONTENT_DIR, DATA_DIR, display_path
from alliance.data.practices import PRACTICES_FOLDER, Practice, load_practices
from alliance.data.problems import DataError, Problem
from alliance.data.schemas import schema_problems
from alliance.data.yamlload import YamlDocument, load_yaml


@dataclass(frozen=True)
class Dataset:
    declared: Declared
    cities: tuple[City, ...]
    actions: tuple[Action, ...]
    labels: Labels
    practices: tuple[Practice, ...] = ()

    def city(self, city_id: str) -> City:
        return next(city for city in self.cities if city.id == city_id)

    @property
    def coverage(self) -> Coverage:
        return coverage(self.declared, self.cities)


def _load(path: Path, schema: str, top_level: str) -> tuple[YamlDocument | None, list[Problem]]:
    try:
        doc = load_yaml(path, display_path(path))
    except DataError as error:
        return None, list(error.problems)
    if doc.data is None:
        return None, [Problem(doc.path, 1, 1, f'the file is empty: it must start with "{top_level}:"')]
    if not isinstance(doc.data, dict):
        return None, [Problem(doc.path, *doc.locate(()), f'the file must be a group of fields starting with "{top_level}:", not a list or a single value')]
    return doc, schema_problems(doc, schema)


def data_fingerprint(*folders: Path) -> tuple:
    """Changes whenever a file under the folders changes: the key of the per-process cache."""
    return tuple(
        sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for folder in folders for p in folder.rglob("*") if p.is_file())
    )


_cache: dict[tuple, Dataset] = {}


def load_dataset_cached(languages: tuple[str, ...], data_dir: Path = DATA_DIR, content_dir: Path = CONTENT_DIR) -> Dataset:
    """load_dataset once per process and state of the files: MkDocs builds each language in turn."""
    key = (languages, str(data_dir), str(content_dir), data_fingerprint(data_dir, content_dir / PRACTICES_FOLDER))
    if key not in _cache:
        _cache.clear()
        _cache[key] = load_dataset(languages, data_dir, content_dir)
    return _cache[key]


def load_dataset(languages: tuple[str, ...], data_dir: Path = DATA_DIR, content_dir: Path = CONTENT_DIR) -> Dataset:
    """Every problem of every file is raised together in one DataError."""
    cities_doc, problems = _load(data_dir / "cities.yaml", "cities.schema.json", "declared")
    actions_doc, action_problems = _load(data_dir / "actions.yaml", "actions.schema.json", "actions")
    problems += action_problems
    labels_doc, label_problems = _load(data_dir / "labels.yaml", "labels.schema.json", "role")
    problems += label_problems
    if labels_doc:
        problems += check_labels(labels_doc)
    city_countries: dict[str, str] | None = None  # unknown while cities.yaml cannot be read
    if cities_doc:
        problems += check_cities(cities_doc, languages)
        cities = cities_doc.data.get("cities")
        city_countries = {
            c["id"]: c.get("country") for c in cities if isinstance(c, dict) and isinstance(c.get("id"), str)
        } if isinstance(cities, list) else None
    if actions_doc:
        problems += check_actions(actions_doc, None if city_countries is None else set(city_countries), languages)
    practices, practice_problems = load_practices(content_dir / PRACTICES_FOLDER, city_countries, languages)
    problems += practice_problems
    if problems:
        raise DataError(problems)
    declared, cities = build_cities(cities_doc.data)
    return Dataset(declared, cities, build_actions(actions_doc.data), build_labels(labels_doc.data), practices)
