"""Loads and checks every data file at once: typed records, or every problem found."""

from __future__ import annotations

import gc
import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import version
from pathlib import Path

from alliance.data.actions import Action, build_actions, check_actions
from alliance.data.cities import City, Coverage, Declared, build_cities, check_cities, coverage
from alliance.data.evidence import (
    Evidence,
    EvidenceContext,
    Source,
    build_page_evidence,
    build_sources,
    check_pages_file,
    check_sources_file,
    declaration_paragraphs,
    source_languages,
)
from alliance.data.labels import Labels, build_labels, check_labels
from alliance.data.practices import PRACTICES_FOLDER, Practice, load_practices
from alliance.data.problems import DataError, Problem
from alliance.data.schemas import schema_problems
from alliance.data.yamlload import YamlDocument, load_yaml
from alliance.paths import CONTENT_DIR, DATA_DIR, ROOT, SCHEMA_DIR, display_path


@dataclass(frozen=True)
class Dataset:
    declared: Declared
    cities: tuple[City, ...]
    actions: tuple[Action, ...]
    labels: Labels
    practices: tuple[Practice, ...] = ()
    sources: tuple[Source, ...] = ()  # every source of data/sources.yaml, in its order
    # The quotes of the written pages (data/pages.yaml), by the id their marker names.
    page_evidence: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)

    def city(self, city_id: str) -> City:
        return self._cities_by_id[city_id]

    def actions_in(self, city_id: str) -> tuple[Action, ...]:
        """The actions that take place in the city, in the order of the agenda."""
        return self._actions_by_city.get(city_id, ())

    def practices_in(self, city_id: str) -> tuple[Practice, ...]:
        """The practices of the city, in the order of the catalogue."""
        return self._practices_by_city.get(city_id, ())

    # Indexes, made at first use (the records themselves are frozen): each city page and each
    # mention of a city looks up one entry rather than scanning every record.
    @cached_property
    def _cities_by_id(self) -> dict[str, City]:
        return {city.id: city for city in self.cities}

    @cached_property
    def _actions_by_city(self) -> dict[str, tuple[Action, ...]]:
        return _grouped(self.actions, lambda action: action.city)

    @cached_property
    def _practices_by_city(self) -> dict[str, tuple[Practice, ...]]:
        return _grouped(self.practices, lambda practice: practice.city)

    @property
    def coverage(self) -> Coverage:
        return coverage(self.declared, self.cities)


def _grouped(records, key) -> dict:
    groups: dict = defaultdict(list)
    for record in records:
        groups[key(record)].append(record)
    return {value: tuple(group) for value, group in groups.items()}


def _load(path: Path, schema: str, top_level: str) -> tuple[YamlDocument | None, list[Problem]]:
    try:
        doc = load_yaml(path, display_path(path))
    except DataError as error:
        return None, list(error.problems)
    if doc.data is None:
        return None, [Problem(doc.path, 1, 1, f'the file is empty: it must start with "{top_level}:"')]
    if not isinstance(doc.data, dict):
        return None, [
            Problem(
                doc.path,
                *doc.locate(()),
                f'the file must be a group of fields starting with "{top_level}:", not a list or a single value',
            )
        ]
    return doc, schema_problems(doc, schema)


def data_fingerprint(*folders: Path) -> tuple:
    """Changes whenever a file under the folders changes: the key of the per-process cache."""
    return tuple(
        sorted(
            (str(p), p.stat().st_mtime_ns, p.stat().st_size)
            for folder in folders
            for p in folder.rglob("*")
            if p.is_file()
        )
    )


_cache: dict[tuple, Dataset] = {}


def load_dataset_cached(
    languages: tuple[str, ...],
    data_dir: Path = DATA_DIR,
    content_dir: Path = CONTENT_DIR,
    cache_dir: Path | None = None,
) -> Dataset:
    """load_dataset once per process and state of the files: MkDocs builds each language in turn."""
    # The fingerprint names every file with its folder: it tells two folders apart.
    key = (languages, data_fingerprint(data_dir, content_dir / PRACTICES_FOLDER))
    if key not in _cache:
        _cache.clear()
        _cache[key] = load_dataset(languages, data_dir, content_dir, cache_dir)
    return _cache[key]


# A load that found no problem leaves the values it read in CACHE_DIR, named by the SHA-256 of
# everything that decided it: the bytes of the data files, of the schemas and of the practices, the
# languages, the source of this package (the reader and the checks) and the versions of the
# libraries it uses. The next load of the same bytes reads them back instead of checking again.
# It is safe: the folder is git-ignored, so a pull request cannot bring an entry and CI starts
# without any; an entry is plain JSON (values, never code) written only after a whole load
# passed; and any change to what decided it changes the name, so no verdict outlives its inputs.
CACHE_DIR = ROOT / ".cache" / "validated-data"
_CACHE_ENTRIES = 8  # the newest entries kept: a preview's edits, the branches being switched


def _cache_key(languages: tuple[str, ...], data_dir: Path, content_dir: Path) -> str:
    digest = hashlib.sha256(
        repr(
            (languages, [version(name) for name in ("PyYAML", "rapidyaml", "fastjsonschema", "jsonschema", "babel")])
        ).encode()
    )
    inputs = [
        *sorted(Path(__file__).parent.glob("*.py")),
        *(data_dir / name for name in DATA_FILES),
        *sorted(SCHEMA_DIR.glob("*.json")),
        DECLARATION_PAGE,
    ]
    inputs += sorted((content_dir / PRACTICES_FOLDER).rglob("*.md"))
    for path in inputs:
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes() if path.is_file() else b"\0missing")
    return digest.hexdigest()


def _cached(cache_dir: Path | None, key: str) -> dict | None:
    try:
        return json.loads((cache_dir / f"{key}.json").read_text(encoding="utf-8")) if cache_dir else None
    except (OSError, ValueError):
        return None


def _remember(cache_dir: Path, key: str, values: dict) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cache_dir / f"{key}.{os.getpid()}.tmp"
        partial.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
        partial.replace(cache_dir / f"{key}.json")  # whole or absent, even with builds side by side
        for old in sorted(cache_dir.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)[_CACHE_ENTRIES:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written only makes the next load slower


DATA_FILES = ("cities.yaml", "actions.yaml", "labels.yaml", "sources.yaml", "pages.yaml")
# The page whose numbered paragraphs `declaration#pN` quotes: the seed's text, the same whatever
# content folder is checked (tests check other folders against the one declaration).
DECLARATION_PAGE = CONTENT_DIR / "declaration.md"


def load_dataset(
    languages: tuple[str, ...],
    data_dir: Path = DATA_DIR,
    content_dir: Path = CONTENT_DIR,
    cache_dir: Path | None = None,
) -> Dataset:
    """Every problem of every file is raised together in one DataError; with `cache_dir`, data
    found valid before is read back from it (see CACHE_DIR)."""
    # The values read make no reference cycles: the cycle collector, which would walk them again
    # and again as they are made (a third of the time at 10,000 records), waits until the end.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _load_dataset(languages, data_dir, content_dir, cache_dir)
    finally:
        if paused:
            gc.enable()


def _load_dataset(languages: tuple[str, ...], data_dir: Path, content_dir: Path, cache_dir: Path | None) -> Dataset:
    key = _cache_key(languages, data_dir, content_dir) if cache_dir else ""
    values = _cached(cache_dir, key)
    if values is not None:
        cities = values["cities"]["cities"]
        sources = build_sources(values["sources"])
        context = EvidenceContext(
            {s.id: s.language for s in sources.values()},
            languages,
            declaration_paragraphs(DECLARATION_PAGE),
        )
        practices, problems = load_practices(
            content_dir / PRACTICES_FOLDER, {c["id"]: c["country"] for c in cities}, languages, context, sources
        )
        if not problems:
            declared, cities = build_cities(values["cities"], sources)
            return Dataset(
                declared,
                cities,
                build_actions(values["actions"], sources),
                build_labels(values["labels"]),
                practices,
                tuple(sources.values()),
                build_page_evidence(values["pages"], sources),
            )
    dataset, documents = _load_and_check(languages, data_dir, content_dir)
    if cache_dir:
        _remember(
            cache_dir,
            key,
            dict(
                zip(("cities", "actions", "labels", "sources", "pages"), (doc.data for doc in documents), strict=True)
            ),
        )
    return dataset


def _load_and_check(
    languages: tuple[str, ...], data_dir: Path, content_dir: Path
) -> tuple[Dataset, tuple[YamlDocument, ...]]:
    cities_doc, problems = _load(data_dir / "cities.yaml", "cities.schema.json", "declared")
    actions_doc, action_problems = _load(data_dir / "actions.yaml", "actions.schema.json", "actions")
    problems += action_problems
    labels_doc, label_problems = _load(data_dir / "labels.yaml", "labels.schema.json", "role")
    problems += label_problems
    if labels_doc:
        problems += check_labels(labels_doc)
    sources_doc, source_problems = _load(data_dir / "sources.yaml", "sources.schema.json", "sources")
    problems += source_problems
    if sources_doc:
        problems += check_sources_file(sources_doc, languages)
    context = EvidenceContext(source_languages(sources_doc), languages, declaration_paragraphs(DECLARATION_PAGE))
    # Built only from a file that passed its checks: evidence then refers to sources that exist.
    sources = build_sources(sources_doc.data) if sources_doc and not source_problems else None
    pages_doc, page_problems = _load(data_dir / "pages.yaml", "pages.schema.json", "pages")
    problems += page_problems
    if pages_doc:
        problems += check_pages_file(pages_doc, context)
    city_countries: dict[str, str | None] | None = None  # unknown while cities.yaml cannot be read
    if cities_doc:
        problems += check_cities(cities_doc, languages, context)
        cities = cities_doc.data.get("cities")
        city_countries = (
            {c["id"]: c.get("country") for c in cities if isinstance(c, dict) and isinstance(c.get("id"), str)}
            if isinstance(cities, list)
            else None
        )
    if actions_doc:
        problems += check_actions(
            actions_doc, None if city_countries is None else set(city_countries), languages, context
        )
    practices, practice_problems = load_practices(
        content_dir / PRACTICES_FOLDER, city_countries, languages, context, sources
    )
    problems += practice_problems
    if problems:
        raise DataError(problems)
    # A file that could not be read has reported a problem: here all four were read.
    assert cities_doc is not None and actions_doc is not None and labels_doc is not None
    assert sources_doc is not None and sources is not None and pages_doc is not None
    declared, cities = build_cities(cities_doc.data, sources)
    dataset = Dataset(
        declared,
        cities,
        build_actions(actions_doc.data, sources),
        build_labels(labels_doc.data),
        practices,
        tuple(sources.values()),
        build_page_evidence(pages_doc.data, sources),
    )
    return dataset, (cities_doc, actions_doc, labels_doc, sources_doc, pages_doc)
