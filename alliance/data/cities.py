"""The cities and territories of the network (data/cities.yaml)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from alliance.data.checks import check_languages, check_sources, check_text_characters, check_unique_ids, records
from alliance.data.countries import country_codes, suggest_country_code
from alliance.data.problems import Problem
from alliance.data.yamlload import YamlDocument
from alliance.localized import LocalizedText

# Roles that place a city among the "41 cities" the Lisbon declaration counts.
LISBON_ATTENDANCE_ROLES = ("lisbon-host", "lisbon-represented")


@dataclass(frozen=True)
class City:
    id: str
    name: LocalizedText
    country: str
    lat: float
    lon: float
    roles: tuple[str, ...]
    note: LocalizedText | None
    sources: tuple[str, ...]

    @property
    def attended_lisbon(self) -> bool:
        return any(role in LISBON_ATTENDANCE_ROLES for role in self.roles)


@dataclass(frozen=True)
class Declared:
    """What the Lisbon declaration states about the network."""

    cities: int
    countries: int
    participants_more_than: int
    countries_present_without_city: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Coverage:
    """How much of what the declaration states the data documents."""

    cities: int
    declared_cities: int
    countries: int
    declared_countries: int

    def summary(self) -> str:
        return (
            f"documented {self.cities} of {self.declared_cities} cities, "
            f"{self.countries} of {self.declared_countries} countries"
        )


def coverage(declared: Declared, cities: tuple[City, ...]) -> Coverage:
    attending = [city for city in cities if city.attended_lisbon]
    countries = {city.country for city in attending} | set(declared.countries_present_without_city)
    return Coverage(len(attending), declared.cities, len(countries), declared.countries)


def build_cities(data: dict[str, Any]) -> tuple[Declared, tuple[City, ...]]:
    """Typed records from data that passed check_cities."""
    d = data["declared"]
    declared = Declared(
        d["cities"],
        d["countries"],
        d["participants_more_than"],
        tuple(d.get("countries_present_without_city", ())),
        tuple(d["sources"]),
    )
    cities = tuple(
        City(
            id=c["id"],
            name=LocalizedText.from_data(c["name"]),
            country=c["country"],
            lat=float(c["coordinates"]["lat"]),
            lon=float(c["coordinates"]["lon"]),
            roles=tuple(c["roles"]),
            note=LocalizedText.from_data(c["note"]) if "note" in c else None,
            sources=tuple(c["sources"]),
        )
        for c in data.get("cities") or ()
    )
    return declared, cities


def check_cities(doc: YamlDocument, languages: tuple[str, ...]) -> Iterator[Problem]:
    """Checks the schema cannot express; tolerant of values the schema already rejected."""
    data = doc.data if isinstance(doc.data, dict) else {}
    declared = data.get("declared")
    if isinstance(declared, dict):
        for i, code in enumerate(declared.get("countries_present_without_city") or ()):
            yield from check_country(doc, ("declared", "countries_present_without_city", i), code)
        yield from check_sources(doc, ("declared", "sources"), declared.get("sources"))
    yield from check_unique_ids(doc, "cities")
    for i, city in records(doc, "cities"):
        yield from check_country(doc, ("cities", i, "country"), city.get("country"))
        for field in ("name", "note"):
            yield from check_languages(doc, ("cities", i, field), city.get(field), languages)
            yield from check_text_characters(doc, ("cities", i, field), city.get(field))
        yield from check_sources(doc, ("cities", i, "sources"), city.get("sources"))


def check_country(doc: YamlDocument, keys: tuple, code: Any) -> Iterator[Problem]:
    if isinstance(code, str) and len(code) == 2 and code.isupper() and code not in country_codes():
        hint = suggest_country_code(code)
        yield doc.problem(
            keys, f'"{code}" is not an ISO 3166-1 country code' + (f" (did you mean {hint}?)" if hint else "")
        )
    elif isinstance(code, str) and not (len(code) == 2 and code.isupper()):
        hint = suggest_country_code(code)
        if hint:
            # The schema reports the form; this adds the code the contributor probably meant.
            yield doc.problem(keys, f"did you mean {hint}?")
