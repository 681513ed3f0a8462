"""The cities as open data: `cities.geojson` (RFC 7946) and `cities.csv`, from the same records,
and `lisbon-meeting.json`, what the declaration counts of the Lisbon meeting and what the data
documents of it. Sources are absolute addresses (alliance.pages.sources.absolute_source)."""

from __future__ import annotations

import csv
import io
import json

from alliance.data.countries import country_name
from alliance.data.dataset import Dataset
from alliance.data.schemas import vocabulary
from alliance.pages.markup import md_text, spreadsheet_safe
from alliance.pages.sources import absolute_source, published_evidence
from alliance.siteconfig import Publication, load_publication

EXPORTS_FOLDER = "open-data"
GEOJSON = "cities.geojson"
CSV = "cities.csv"
LISBON_MEETING = "lisbon-meeting.json"
# Excel on Windows reads a CSV file as UTF-8 only when it starts with a byte-order mark; other
# readers (Python's utf-8-sig, LibreOffice, frictionless) skip it.
CSV_BOM = "\ufeff"


def cities_geojson(dataset: Dataset, languages: tuple[str, ...], publication: Publication) -> str:
    """A FeatureCollection of points, `[longitude, latitude]` as RFC 7946 orders them."""
    features = [
        {
            "type": "Feature",
            "id": city.id,
            "geometry": {"type": "Point", "coordinates": [city.lon, city.lat]} if city.mapped else None,
            "properties": {
                "id": city.id,
                "name": {language: city.name.texts[language] for language in languages if city.name.has(language)},
                "country": city.country,
                "roles": list(city.roles),
                "sources": [absolute_source(source, publication) for source in city.sources],
                "evidence": published_evidence(city.evidence, publication),
            },
        }
        for city in dataset.cities
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=2) + "\n"


def cities_csv(dataset: Dataset, languages: tuple[str, ...], publication: Publication) -> str:
    """One row per city, after a byte-order mark; a name in every language, the French one where
    the sources give no other (never a blank cell: cities_table_schema states the rule); roles
    separated by ";" and sources by spaces. Coordinates are numbers this module writes, so they
    are left as they are (a negative longitude is not a formula)."""
    out = io.StringIO()
    out.write(CSV_BOM)
    # "\n" rather than CSV's "\r\n": the generated files are compared as text (universal newlines).
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["id", *(f"name_{language}" for language in languages), "country", "latitude", "longitude", "roles", "sources"]
    )
    for city in dataset.cities:
        texts = [
            city.id,
            *(city.name[language] for language in languages),
            city.country,
        ]
        writer.writerow(
            [
                *map(spreadsheet_safe, texts),
                "" if city.lat is None else repr(city.lat),
                "" if city.lon is None else repr(city.lon),
                spreadsheet_safe(";".join(city.roles)),
                spreadsheet_safe(" ".join(absolute_source(source, publication) for source in city.sources)),
            ]
        )
    return out.getvalue()


def cities_table_schema(languages: tuple[str, ...]) -> dict:
    """The Table Schema (Frictionless) of cities.csv: its columns, their types and rules."""

    def text(name: str, description: str, **constraints) -> dict:
        return {
            "name": name,
            "type": "string",
            "description": description,
            "constraints": {"required": True, **constraints},
        }

    roles = "|".join(vocabulary("role"))
    return {
        "fields": [
            text(
                "id",
                "The city's identifier, as in cities.geojson, actions.json and the site's addresses (cities/<id>/).",
                unique=True,
                pattern="[a-z0-9]+(-[a-z0-9]+)*",
            ),
            *(
                text(
                    f"name_{language}",
                    f"The city's name in {language}. Never blank: where the sources give no other name "
                    "in this language, the French name (name_fr), unchanged.",
                )
                for language in languages
            ),
            text("country", "ISO 3166-1 alpha-2 code of the city's country.", pattern="[A-Z]{2}"),
            {
                "name": "latitude",
                "type": "number",
                "description": "Latitude of the city centre, decimal degrees (WGS 84); empty for a city whose position no source gives.",
                "constraints": {"minimum": -90, "maximum": 90},
            },
            {
                "name": "longitude",
                "type": "number",
                "description": "Longitude of the city centre, decimal degrees (WGS 84); empty for a city whose position no source gives.",
                "constraints": {"minimum": -180, "maximum": 180},
            },
            text(
                "roles",
                'The city\'s roles in the network, separated by ";" (the list is in schemas/common.schema.json).',
                pattern=f"({roles})(;({roles}))*",
            ),
            text(
                "sources",
                "The addresses of the city's sources, separated by a space.",
                pattern=r"https?://\S+( https?://\S+)*",
            ),
        ],
        "primaryKey": ["id"],
        # An empty cell is missing (Table Schema's default), and every column is required: a blank
        # cell is an error, never a silent gap.
        "missingValues": [""],
    }


def lisbon_meeting_json(dataset: Dataset, languages: tuple[str, ...], publication: Publication) -> str:
    """The declaration's figures of the Lisbon meeting, and which of its cities and countries the
    data documents, Namibia and Mauritania (named without a city) included."""
    declared = dataset.declared
    attending = [city for city in dataset.cities if city.attended_lisbon]
    countries = sorted({city.country for city in attending} | set(declared.countries_present_without_city))
    record = {
        "declared": {
            "participants_more_than": declared.participants_more_than,
            "cities": declared.cities,
            "countries": declared.countries,
        },
        "documented": {
            "cities": [city.id for city in attending],
            "countries": countries,
            "countries_present_without_city": [
                {"country": code, "name": {language: country_name(code, language) for language in languages}}
                for code in declared.countries_present_without_city
            ],
        },
        "sources": [absolute_source(source, publication) for source in declared.sources],
        "evidence": published_evidence(declared.evidence, publication),
    }
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def city_exports(dataset: Dataset, languages: tuple[str, ...]) -> dict[str, str]:
    """The files of the cities in the generated folder open-data/ (language-neutral)."""
    publication = load_publication()
    return {
        GEOJSON: cities_geojson(dataset, languages, publication),
        CSV: cities_csv(dataset, languages, publication),
        LISBON_MEETING: lisbon_meeting_json(dataset, languages, publication),
    }


def render_city_exports(dataset: Dataset, language: str) -> str:
    """Links to the exports, for a page at the root of content/."""
    return "".join(
        f"- [{md_text(dataset.labels.ui(key, language))}]({EXPORTS_FOLDER}/{name}) (`{name}`)\n"
        for key, name in (("map-export-geojson", GEOJSON), ("map-export-csv", CSV))
    )
