"""The open data of the cities: GeoJSON (RFC 7946) and CSV, from the same records."""

from __future__ import annotations

import codecs
import csv
import io
import json
import warnings

import frictionless
import pytest

from alliance.data.cities import City, Declared
from alliance.data.dataset import Dataset
from alliance.data.evidence import Evidence, Source, declaration_source
from alliance.data.schemas import vocabulary
from alliance.exports.cityexports import (
    CSV,
    cities_csv,
    cities_geojson,
    cities_table_schema,
    city_exports,
    lisbon_meeting_json,
    render_city_exports,
    spreadsheet_safe,
)
from alliance.localized import LocalizedText
from alliance.siteconfig import Publication
from tests.synthetic_cities import HOSTILE, LANGUAGES, city, hostile_dataset

PUBLICATION = Publication("https://example.org/site/", {})


def read_csv(text: str) -> io.StringIO:
    """The file as a reader gets it: bytes, a byte-order mark first, for spreadsheets."""
    data = text.encode("utf-8")
    assert data.startswith(codecs.BOM_UTF8)
    return io.StringIO(data.decode("utf-8-sig"))


@pytest.fixture(scope="module")
def real(real_dataset):
    return real_dataset


def test_geojson_is_a_feature_collection_of_longitude_latitude_points(real):
    data = json.loads(cities_geojson(real, LANGUAGES, PUBLICATION))
    lisbon = next(f for f in data["features"] if f["id"] == "lisbon")
    assert "https://example.org/site/declaration/#p1" in lisbon["properties"]["sources"]
    assert data["type"] == "FeatureCollection" and "crs" not in data  # RFC 7946 removed crs
    assert [f["id"] for f in data["features"]] == [c.id for c in real.cities]
    for feature, c in zip(data["features"], real.cities, strict=True):
        assert feature["type"] == "Feature"
        # A city whose position no source gives is an unlocated feature (RFC 7946 §3.2).
        expected = None if c.position is None else {"type": "Point", "coordinates": [c.lon, c.lat]}
        assert feature["geometry"] == expected
        assert [e["quote"] for e in feature["properties"]["evidence"]] == [e.quote for e in c.evidence]
        assert feature["properties"]["country"] == c.country
        assert feature["properties"]["name"] == dict(c.name.texts)
    sao_paulo = next(f for f in data["features"] if f["id"] == "sao-paulo")
    assert sao_paulo["geometry"]["coordinates"] == [-46.6333, -23.5505]  # west, south: [lon, lat]


def test_geojson_keeps_hostile_text_as_data(real):
    dataset = hostile_dataset(real)
    data = json.loads(cities_geojson(dataset, LANGUAGES, PUBLICATION))
    assert data["features"][0]["properties"]["name"]["en"] == dataset.cities[0].name["en"]
    assert HOSTILE in data["features"][0]["properties"]["country"]


def test_csv_round_trip(real):
    rows = list(csv.DictReader(read_csv(cities_csv(real, LANGUAGES, PUBLICATION))))
    assert [row["id"] for row in rows] == [c.id for c in real.cities]
    for row, c in zip(rows, real.cities, strict=True):
        assert row["name_fr"] == c.name["fr"]
        # Never blank: the French name where the sources give no other.
        assert row["name_en"] == (c.name.texts.get("en") or c.name.texts["fr"])
        if c.position is None:
            assert (row["latitude"], row["longitude"]) == ("", "")
        else:
            assert (float(row["latitude"]), float(row["longitude"])) == (c.lat, c.lon)
        assert row["roles"].split(";") == list(c.roles)
        assert row["sources"].split(" ") == [
            f"https://example.org/site/declaration/#p{s.declaration_paragraph}"
            if s.declaration_paragraph is not None
            else s.url
            for s in c.sources
        ]
        assert row["country"] == c.country


def test_csv_rows_survive_quotes_commas_and_newlines(real):
    name = 'A "quoted", name\non two lines'
    dataset = hostile_dataset(
        real, (city("odd", 1.5, -2.25, ("pilot-territory",), name=LocalizedText.from_data({"fr": name}), country="PT"),)
    )
    rows = list(csv.DictReader(read_csv(cities_csv(dataset, LANGUAGES, PUBLICATION))))
    assert rows[0]["name_fr"] == name and rows[0]["longitude"] == "-2.25"


@pytest.mark.parametrize(
    "text, shown",
    [
        ('=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'),
        ("+1+1", "'+1+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\tLisbonne", "'\tLisbonne"),
        ("\nLisbonne", "'\nLisbonne"),
        (" =1+1", "' =1+1"),
        ("\u00a0+1", "'\u00a0+1"),
        ("\u3000@SUM(A1)", "'\u3000@SUM(A1)"),
        ("\uff1d1+1", "'\uff1d1+1"),  # full-width =, read as = by spreadsheets
        ("\uff0b1", "'\uff0b1"),
        ("\uff0d1", "'\uff0d1"),
        ("\uff20SUM(A1)", "'\uff20SUM(A1)"),
        ("Lisbonne", "Lisbonne"),
        ("Lisbonne = 1", "Lisbonne = 1"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_spreadsheet_formulas_are_disarmed(text, shown):
    assert spreadsheet_safe(text) == shown


def test_csv_disarms_every_text_cell_but_keeps_negative_coordinates(real):
    names = {"fr": "=1+1", "en": "@cmd", "es": "+x", "pt": "-y"}
    c = city("formula", -10.5, -20.5, ("pilot-territory",), name=LocalizedText.from_data(names), country="=PT")
    row = next(csv.DictReader(read_csv(cities_csv(hostile_dataset(real, (c,)), LANGUAGES, PUBLICATION))))
    assert [row[f"name_{lang}"] for lang in LANGUAGES] == ["'=1+1", "'@cmd", "'+x", "'-y"]
    assert row["country"] == "'=PT"
    assert (row["latitude"], row["longitude"]) == ("-10.5", "-20.5")


def test_exports_are_language_neutral_files(real):
    assert sorted(city_exports(real, LANGUAGES)) == ["cities.csv", "cities.geojson", "lisbon-meeting.json"]


def test_lisbon_meeting_names_the_countries_counted_without_a_city(real):
    record = json.loads(lisbon_meeting_json(real, LANGUAGES, PUBLICATION))
    assert record["declared"] == {"participants_more_than": 130, "cities": 41, "countries": 23}
    assert len(record["documented"]["countries"]) == real.coverage.countries
    assert record["documented"]["countries_present_without_city"] == [
        {"country": "NA", "name": {"fr": "Namibie", "en": "Namibia", "es": "Namibia", "pt": "Namíbia"}},
        {"country": "MR", "name": {"fr": "Mauritanie", "en": "Mauritania", "es": "Mauritania", "pt": "Mauritânia"}},
    ]
    assert "https://example.org/site/declaration/#p1" in record["sources"]


# Two cities as small as the exports allow, and what a reuser reads of them, written by hand: a
# city located (a name with an accent, in French and English; a quote of the declaration and one of
# the web) and a city whose position no source gives, named only in French. Two languages.
TWO_LANGUAGES = ("fr", "en")
NEWS = Source("news", "https://example.org/news/1", "Une rencontre", "Mairie d'Évora", "fr")
EVORA = City(
    id="evora",
    name=LocalizedText.from_data({"fr": "Évora", "en": "Evora"}),
    country="PT",
    lat=38.57,
    lon=-7.91,
    roles=("lisbon-represented", "pilot-territory"),
    note=None,
    evidence=(
        Evidence(("role:lisbon-represented",), declaration_source(4), "Évora était là", {"en": "Évora was there"}),
        Evidence(("role:pilot-territory",), NEWS, "territoire pilote", {"en": "pilot territory"}),
    ),
)
SANS_LIEU = City(
    id="sans-lieu",
    name=LocalizedText.from_data({"fr": "Sans-Lieu"}),
    country="SN",
    lat=None,
    lon=None,
    roles=("announced-host",),
    note=None,
    evidence=(Evidence(("role:announced-host",), NEWS, "accueillera", {}),),
    unmapped=LocalizedText.from_data({"fr": "Aucune source ne la situe."}),
)
DECLARED = Declared(
    cities=41,
    countries=23,
    participants_more_than=130,
    countries_present_without_city=("NA",),
    evidence=(Evidence(("cities",), declaration_source(1), "41 villes représentées", {"en": "41 cities represented"}),),
)


@pytest.fixture
def two_cities(real):
    return Dataset(DECLARED, (EVORA, SANS_LIEU), (), real.labels)


def test_geojson_of_two_cities_is_exactly_what_a_reuser_reads(two_cities):
    assert (
        cities_geojson(two_cities, TWO_LANGUAGES, PUBLICATION)
        == """\
{
  "type": "FeatureCollection",
  "features": [
    {
      "type": "Feature",
      "id": "evora",
      "geometry": {
        "type": "Point",
        "coordinates": [
          -7.91,
          38.57
        ]
      },
      "properties": {
        "id": "evora",
        "name": {
          "fr": "Évora",
          "en": "Evora"
        },
        "country": "PT",
        "roles": [
          "lisbon-represented",
          "pilot-territory"
        ],
        "sources": [
          "https://example.org/site/declaration/#p4",
          "https://example.org/news/1"
        ],
        "evidence": [
          {
            "claims": [
              "role:lisbon-represented"
            ],
            "source": "https://example.org/site/declaration/#p4",
            "quote": "Évora était là",
            "language": "fr",
            "translation": {
              "en": "Évora was there"
            }
          },
          {
            "claims": [
              "role:pilot-territory"
            ],
            "source": "https://example.org/news/1",
            "quote": "territoire pilote",
            "language": "fr",
            "translation": {
              "en": "pilot territory"
            }
          }
        ]
      }
    },
    {
      "type": "Feature",
      "id": "sans-lieu",
      "geometry": null,
      "properties": {
        "id": "sans-lieu",
        "name": {
          "fr": "Sans-Lieu"
        },
        "country": "SN",
        "roles": [
          "announced-host"
        ],
        "sources": [
          "https://example.org/news/1"
        ],
        "evidence": [
          {
            "claims": [
              "role:announced-host"
            ],
            "source": "https://example.org/news/1",
            "quote": "accueillera",
            "language": "fr",
            "translation": {}
          }
        ]
      }
    }
  ]
}
"""
    )


def test_csv_of_two_cities_is_exactly_what_a_spreadsheet_reads(two_cities):
    # A name the sources give only in French is the French name in every column; no position, empty cells.
    assert cities_csv(two_cities, TWO_LANGUAGES, PUBLICATION) == (
        "\ufeffid,name_fr,name_en,country,latitude,longitude,roles,sources\n"
        "evora,Évora,Evora,PT,38.57,-7.91,lisbon-represented;pilot-territory,"
        "https://example.org/site/declaration/#p4 https://example.org/news/1\n"
        "sans-lieu,Sans-Lieu,Sans-Lieu,SN,,,announced-host,https://example.org/news/1\n"
    )


def test_lisbon_meeting_of_two_cities_is_exactly_what_a_reuser_reads(two_cities):
    # Évora was represented; Sans-Lieu is only announced as a host: not documented as present.
    assert (
        lisbon_meeting_json(two_cities, TWO_LANGUAGES, PUBLICATION)
        == """\
{
  "declared": {
    "participants_more_than": 130,
    "cities": 41,
    "countries": 23
  },
  "documented": {
    "cities": [
      "evora"
    ],
    "countries": [
      "NA",
      "PT"
    ],
    "countries_present_without_city": [
      {
        "country": "NA",
        "name": {
          "fr": "Namibie",
          "en": "Namibia"
        }
      }
    ]
  },
  "sources": [
    "https://example.org/site/declaration/#p1"
  ],
  "evidence": [
    {
      "claims": [
        "cities"
      ],
      "source": "https://example.org/site/declaration/#p1",
      "quote": "41 villes représentées",
      "language": "fr",
      "translation": {
        "en": "41 cities represented"
      }
    }
  ]
}
"""
    )


@pytest.mark.parametrize(
    "language, links",
    [
        (
            "en",
            "- [The cities as GeoJSON, for mapping software](open-data/cities.geojson) (`cities.geojson`)\n"
            "- [The cities as CSV, for a spreadsheet](open-data/cities.csv) (`cities.csv`)\n",
        ),
        (
            "fr",
            "- [Les villes au format GeoJSON, pour les logiciels de cartographie](open-data/cities.geojson)"
            " (`cities.geojson`)\n"
            "- [Les villes au format CSV, pour un tableur](open-data/cities.csv) (`cities.csv`)\n",
        ),
    ],
)
def test_export_links(real, language, links):
    assert render_city_exports(real, language) == links


ROLES = "|".join(vocabulary("role"))  # the roles' one list, schemas/common.schema.json


def test_table_schema_of_two_languages_is_exactly_what_a_reuser_reads():
    def text(name: str, description: str, **constraints) -> dict:
        return {
            "name": name,
            "type": "string",
            "description": description,
            "constraints": {"required": True, **constraints},
        }

    never_blank = (
        "Never blank: where the sources give no other name in this language, the French name (name_fr), unchanged."
    )
    position = "decimal degrees (WGS 84); empty for a city whose position no source gives."
    assert cities_table_schema(TWO_LANGUAGES) == {
        "fields": [
            text(
                "id",
                "The city's identifier, as in cities.geojson, actions.json and the site's addresses (cities/<id>/).",
                unique=True,
                pattern="[a-z0-9]+(-[a-z0-9]+)*",
            ),
            text("name_fr", f"The city's name in fr. {never_blank}"),
            text("name_en", f"The city's name in en. {never_blank}"),
            text("country", "ISO 3166-1 alpha-2 code of the city's country.", pattern="[A-Z]{2}"),
            {
                "name": "latitude",
                "type": "number",
                "description": f"Latitude of the city centre, {position}",
                "constraints": {"minimum": -90, "maximum": 90},
            },
            {
                "name": "longitude",
                "type": "number",
                "description": f"Longitude of the city centre, {position}",
                "constraints": {"minimum": -180, "maximum": 180},
            },
            text(
                "roles",
                'The city\'s roles in the network, separated by ";" (the list is in schemas/common.schema.json).',
                pattern=f"({ROLES})(;({ROLES}))*",
            ),
            text(
                "sources",
                "The addresses of the city's sources, separated by a space.",
                pattern=r"https?://\S+( https?://\S+)*",
            ),
        ],
        "primaryKey": ["id"],
        "missingValues": [""],
    }


# The two cities' CSV, changed in one place: what its Table Schema accepts (the bounds included) and
# what it rejects, read by frictionless as a reuser reads it: (row, column, error), the header being row 1.
@pytest.mark.parametrize(
    "written, changed, problems",
    [
        (None, None, []),
        ("38.57,-7.91", "90,-180", []),
        ("38.57,-7.91", "-90,180", []),
        ("38.57,", "90.01,", [[2, "latitude", "constraint-error"]]),
        (",-7.91,", ",-180.01,", [[2, "longitude", "constraint-error"]]),
        ("evora,", "Evora,", [[2, "id", "constraint-error"]]),
        (",PT,", ",pt,", [[2, "country", "constraint-error"]]),
        ("lisbon-represented;pilot-territory", "lisbon-represented;", [[2, "roles", "constraint-error"]]),
        ("announced-host", "member", [[3, "roles", "constraint-error"]]),
        ("https://example.org/site/declaration/#p4 ", "declaration#p4 ", [[2, "sources", "constraint-error"]]),
        (",Sans-Lieu,SN", ",,SN", [[3, "name_en", "constraint-error"]]),
        ("sans-lieu,", "evora,", [[3, "id", "unique-error"], [3, None, "primary-key"]]),
    ],
)
def test_table_schema_accepts_the_csv_and_rejects_each_broken_cell(two_cities, tmp_path, written, changed, problems):
    text = cities_csv(two_cities, TWO_LANGUAGES, PUBLICATION)
    if written is not None:
        assert written in text
        text = text.replace(written, changed, 1)
    (tmp_path / CSV).write_text(text, encoding="utf-8")
    descriptor = {"name": "cities", "path": CSV, "format": "csv", "schema": cities_table_schema(TWO_LANGUAGES)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # frictionless's own deprecation warnings
        report = frictionless.Resource(descriptor, basepath=str(tmp_path)).validate()
    assert report.flatten(["rowNumber", "fieldName", "type"]) == problems
