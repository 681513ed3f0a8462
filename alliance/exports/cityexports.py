"""The cities as open data: `cities.geojson` (RFC 7946) and `cities.csv`, from the same records."""

from __future__ import annotations

import csv
import io
import json

from alliance.data.dataset import Dataset
from alliance.pages.markup import md_text

EXPORTS_FOLDER = "open-data"
GEOJSON = "cities.geojson"
CSV = "cities.csv"

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cities_geojson(dataset: Dataset, languages: tuple[str, ...]) -> str:
    """A FeatureCollection of points, `[longitude, latitude]` as RFC 7946 orders them."""
    features = [
        {
            "type": "Feature",
            "id": city.id,
            "geometry": {"type": "Point", "coordinates": [city.lon, city.lat]},
            "properties": {
                "id": city.id,
                "name": {language: city.name.texts[language] for language in languages if city.name.has(language)},
                "country": city.country,
                "roles": list(city.roles),
                "sources": list(city.sources),
            },
        }
        for city in dataset.cities
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=2) + "\n"


def spreadsheet_safe(text: str) -> str:
    """A text cell that a spreadsheet shows as text: a leading apostrophe disarms a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def cities_csv(dataset: Dataset, languages: tuple[str, ...]) -> str:
    """One row per city; names in every language (empty where not translated); roles separated by
    ";" and sources by spaces. Coordinates are numbers this module writes, so they are left as
    they are (a negative longitude is not a formula)."""
    out = io.StringIO()
    # "\n" rather than CSV's "\r\n": the generated files are compared as text (universal newlines).
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", *(f"name_{language}" for language in languages), "country", "latitude", "longitude", "roles", "sources"])
    for city in dataset.cities:
        texts = [
            city.id,
            *(city.name.texts.get(language, "") for language in languages),
            city.country,
        ]
        writer.writerow(
            [*map(spreadsheet_safe, texts), repr(city.lat), repr(city.lon),
             spreadsheet_safe(";".join(city.roles)), spreadsheet_safe(" ".join(city.sources))]
        )
    return out.getvalue()


def city_exports(dataset: Dataset, languages: tuple[str, ...]) -> dict[str, str]:
    """The files of the cities in the generated folder open-data/ (language-neutral)."""
    return {GEOJSON: cities_geojson(dataset, languages), CSV: cities_csv(dataset, languages)}


def render_city_exports(dataset: Dataset, language: str) -> str:
    """Links to the exports, for a page at the root of content/."""
    return "".join(
        f"- [{md_text(dataset.labels.ui(key, language))}]({EXPORTS_FOLDER}/{name}) (`{name}`)\n"
        for key, name in (("map-export-geojson", GEOJSON), ("map-export-csv", CSV))
    )
