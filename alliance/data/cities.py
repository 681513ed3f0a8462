"""The cities and territories of the network (data/cities.yaml)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from alliance.data.checks import check_languages, check_text_characters, check_unique_ids, records
from alliance.data.countries import country_codes, suggest_country_code
from alliance.data.evidence import Evidence, EvidenceContext, Source, build_evidence, check_evidence, evidence_sources
from alliance.data.problems import Problem
from alliance.data.schemas import vocabulary
from alliance.data.yamlload import YamlDocument
from alliance.localized import LocalizedText

# The role that places a city among the "41 cities" the Lisbon declaration counts: a source says it
# was represented. The host city is not counted: no source states that it is one of the 41.
LISBON_ATTENDANCE_ROLES = ("lisbon-represented",)


@dataclass(frozen=True)
class City:
    id: str
    name: LocalizedText
    country: str
    lat: float | None  # None with lon for a city whose position no source gives (see `unmapped`)
    lon: float | None
    roles: tuple[str, ...]
    note: LocalizedText | None
    evidence: tuple[Evidence, ...]
    unmapped: LocalizedText | None = None  # why the city is not on the map

    @property
    def sources(self) -> tuple[Source, ...]:
        return evidence_sources(self.evidence)

    @property
    def position(self) -> tuple[float, float] | None:
        """(latitude, longitude), or None for a city whose position no source gives."""
        return None if self.lat is None or self.lon is None else (self.lat, self.lon)

    @property
    def mapped(self) -> bool:
        return self.position is not None

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
    evidence: tuple[Evidence, ...]

    @property
    def sources(self) -> tuple[Source, ...]:
        return evidence_sources(self.evidence)


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


def build_cities(data: dict[str, Any], sources: Mapping[str, Source]) -> tuple[Declared, tuple[City, ...]]:
    """Typed records from data that passed check_cities; `sources` is the catalogue of data/sources.yaml."""
    d = data["declared"]
    declared = Declared(
        d["cities"],
        d["countries"],
        d["participants_more_than"],
        tuple(d.get("countries_present_without_city", ())),
        build_evidence(d["evidence"], sources),
    )
    cities = tuple(
        City(
            id=c["id"],
            name=LocalizedText.from_data(c["name"]),
            country=c["country"],
            lat=float(c["coordinates"]["lat"]) if "coordinates" in c else None,
            lon=float(c["coordinates"]["lon"]) if "coordinates" in c else None,
            roles=tuple(c["roles"]),
            note=LocalizedText.from_data(c["note"]) if "note" in c else None,
            evidence=build_evidence(c["evidence"], sources),
            unmapped=LocalizedText.from_data(c["unmapped"]) if "unmapped" in c else None,
        )
        for c in data.get("cities") or ()
    )
    return declared, cities


# The claims of the `declared` block, each of which needs a quote.
DECLARED_CLAIMS = ("cities", "countries", "participants_more_than", "countries_present_without_city")


def city_claims(city: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the claims of a city that need a quote, every claim a quote may support): one per role, its note."""
    roles = city.get("roles")
    # A role the schema refuses needs no quote: its problem is reported once, by the schema.
    known = vocabulary("role")
    named = [role for role in roles if isinstance(role, str)] if isinstance(roles, list) else []
    note = ["note"] if "note" in city else []
    required = [f"role:{role}" for role in named if role in known] + note
    return tuple(required), (*(f"role:{role}" for role in named), *note, "name", "country")


def check_cities(doc: YamlDocument, languages: tuple[str, ...], context: EvidenceContext) -> Iterator[Problem]:
    """Checks the schema cannot express; tolerant of values the schema already rejected (the file
    itself is a group of fields: the loader reports any other)."""
    declared = doc.data.get("declared")
    if isinstance(declared, dict):
        for i, code in enumerate(declared.get("countries_present_without_city") or ()):
            yield from check_country(doc, ("declared", "countries_present_without_city", i), code)
        stated = [claim for claim in DECLARED_CLAIMS if claim in declared]
        yield from check_evidence(
            doc, ("declared", "evidence"), declared.get("evidence"), stated, DECLARED_CLAIMS, context
        )
    yield from check_unique_ids(doc, "cities")
    for i, city in records(doc, "cities"):
        yield from check_country(doc, ("cities", i, "country"), city.get("country"))
        for field in ("name", "note", "unmapped"):
            yield from check_languages(doc, ("cities", i, field), city.get(field), languages)
            yield from check_text_characters(doc, ("cities", i, field), city.get(field))
        required, allowed = city_claims(city)
        yield from check_evidence(doc, ("cities", i, "evidence"), city.get("evidence"), required, allowed, context)


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
