"""Synthetic data sets of any size, for the benchmark: cities and actions in every language, and
the hostile problem messages that measure the preview's hints.

They are written into a folder the caller gives (a temporary one), never into data/: the site
publishes only facts with sources. The records are valid, varied (every date precision, role,
status and target) and the same for the same arguments.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Sequence
from pathlib import Path

import yaml

from alliance.assembly.problempage import Hint
from alliance.data.actions import action_claims
from alliance.data.cities import city_claims
from alliance.data.countries import country_codes
from alliance.data.schemas import vocabulary
from alliance.data.yamlload import load_yaml
from alliance.paths import DATA_DIR

# Words to make names of varied length and with the accents real names have.
_SYLLABLES = ("ba", "lo", "mé", "san", "tri", "ão", "ñu", "gou", "ri", "ka", "dé", "ville", "ia", "por", "zé")


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _localized(text: str, languages: tuple[str, ...]) -> dict[str, str]:
    return {language: f"{text} ({language})" for language in languages}


def _evidence(claims: tuple[str, ...], languages: tuple[str, ...]) -> list[dict]:
    """One quote of a real French source supporting every claim, translated into the other languages."""
    translation = {language: f"Traduction ({language})" for language in languages if language != "fr"}
    return [{"claim": list(claims), "source": "am-common-ground", "quote": "Citation.", "translation": translation}]


def synthetic_cities(count: int, languages: tuple[str, ...], seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    countries = sorted(country_codes())
    roles = vocabulary("role")
    cities: list[dict[str, object]] = [
        {
            "id": f"city-{i:05d}",
            "name": {language: f"{_name(rng)} {i}" for language in languages},
            "country": rng.choice(countries),
            "coordinates": {"lat": round(rng.uniform(-60, 70), 4), "lon": round(rng.uniform(-180, 180), 4)},
            "roles": sorted(rng.sample(roles, rng.randint(1, 3))),
            "note": _localized(f"Une note sur la ville {i}, comme ses sources la donnent.", languages),
        }
        for i in range(count)
    ]
    for city in cities:
        city["evidence"] = _evidence(city_claims(city)[0], languages)
    return cities


def _when_and_status(i: int, rng: random.Random, statuses: tuple[str, ...]) -> tuple[str | None, str]:
    """A date of each precision in turn, with a status the checks accept for it."""
    year = rng.randint(2019, 2027)
    month, day = rng.randint(1, 12), rng.randint(1, 27)  # day + 1 exists in every month
    dated = [s for s in statuses if s != "recurring"]
    undated = [s for s in dated if s != "held"]
    kind = i % 6
    if kind == 0:
        return f"{year}-{month:02d}-{day:02d}", rng.choice(dated)
    if kind == 1:
        return f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{day + 1:02d}", rng.choice(dated)
    if kind == 2:
        return f"{year}-{month:02d}", rng.choice(dated)
    if kind == 3:
        return str(year), rng.choice(dated)
    if kind == 4:
        return "yearly", "recurring"
    return None, rng.choice(undated)


def synthetic_actions(count: int, city_ids: list[str], languages: tuple[str, ...], seed: int = 2) -> list[dict]:
    rng = random.Random(seed)
    statuses, targets, regions = vocabulary("status"), vocabulary("target"), vocabulary("region")
    actions = []
    for i in range(count):
        when, status = _when_and_status(i, rng, statuses)
        action: dict[str, object] = {
            "id": f"action-{i:05d}",
            "title": _localized(f"Action commune {i} : {_name(rng)}", languages),
            "summary": _localized(f"Ce que les sources disent de l'action {i}, en une ou deux phrases.", languages),
            "place": {"city": rng.choice(city_ids)} if city_ids and i % 4 else {"region": rng.choice(regions)},
            "targets": sorted(rng.sample(targets, rng.randint(1, len(targets)))),
            "status": status,
        }
        if when is not None:
            action["when"] = when
        action["evidence"] = _evidence(action_claims(action), languages)
        actions.append(action)
    return actions


def write_synthetic_data(data_dir: Path, cities: int, actions: int, languages: tuple[str, ...]) -> None:
    """data_dir gets the real schemas and labels, and generated cities.yaml and actions.yaml.

    The real cities stay first in cities.yaml, so that the practices of content/ still name
    existing cities; `cities` synthetic ones follow.
    """
    if data_dir.resolve() == DATA_DIR.resolve():
        raise ValueError("synthetic data never goes into the project's data/ folder")
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(DATA_DIR / "schemas", data_dir / "schemas", dirs_exist_ok=True)
    for name in ("labels.yaml", "sources.yaml", "pages.yaml"):
        shutil.copy2(DATA_DIR / name, data_dir / name)
    real = load_yaml(DATA_DIR / "cities.yaml").data
    city_records = real["cities"] + synthetic_cities(cities, languages)
    declared = real["declared"]
    _dump(data_dir / "cities.yaml", {"declared": declared, "cities": city_records})
    _dump(
        data_dir / "actions.yaml", {"actions": synthetic_actions(actions, [c["id"] for c in city_records], languages)}
    )


def _dump(path: Path, data: dict) -> None:
    # PyYAML quotes what YAML 1.1 would read as a date or a boolean ("2024-05-01", "NO"), which
    # the project's YAML 1.2 loader reads as the same strings.
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def hostile_hint_messages(hints: Sequence[Hint], size: int, count: int = 8) -> list[str]:
    """`count` problem messages of at least `size` characters, each made to make a row of the
    guide backtrack: its fixed texts repeated in order, without the last one, so that no row
    matches (the preview's hints: alliance/assembly/problempage.py)."""
    rows = sorted((hint for hint in hints if len(hint.parts) >= 3), key=lambda hint: -len(hint.parts))[:count]
    messages = []
    for hint in rows:
        unit = "x".join(hint.parts[:-1]) + "x"
        messages.append(unit * (size // len(unit) + 1))
    return messages
