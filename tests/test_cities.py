"""The records of data/cities.yaml, and the claims of a city that need a quote."""

from __future__ import annotations

import pytest

from alliance.data.cities import City, Declared, build_cities, city_claims
from alliance.data.evidence import Evidence, Source, declaration_source
from alliance.localized import LocalizedText

SOURCE = Source("fixture", "https://example.org/fixture", "A page", "A publisher", "en")


def test_a_mapped_city_and_an_unmapped_one_become_exact_records():
    """Every field of the data reaches its record; a declaration without countries named apart
    from a city has none."""
    data = {
        "declared": {
            "cities": 41,
            "countries": 23,
            "participants_more_than": 130,
            "evidence": [{"claim": ["cities", "countries"], "source": "declaration#p2", "quote": "41 villes"}],
        },
        "cities": [
            {
                "id": "alpha",
                "name": {"fr": "Alpha-la-Ville", "en": "Alpha Town"},
                "country": "FR",
                "coordinates": {"lat": 48.5, "lon": -2},
                "roles": ["lisbon-represented", "meeting-host"],
                "note": {"fr": "Une note."},
                "evidence": [
                    {
                        "claim": ["role:lisbon-represented", "note"],
                        "source": "fixture",
                        "quote": "Alpha was there.",
                        "translation": {"fr": "Alpha y était."},
                    },
                    {"claim": "role:meeting-host", "source": "fixture", "quote": "Alpha hosts."},
                ],
            },
            {
                "id": "delta",
                "name": {"fr": "Delta"},
                "country": "SN",
                "unmapped": {"fr": "Aucune source ne donne sa position."},
                "roles": ["practices-shared"],
                "evidence": [{"claim": ["role:practices-shared"], "source": "fixture", "quote": "Delta shares."}],
            },
        ],
    }
    declared, cities = build_cities(data, {"fixture": SOURCE})
    assert declared == Declared(
        41, 23, 130, (), (Evidence(("cities", "countries"), declaration_source(2), "41 villes", {}),)
    )
    assert cities == (
        City(
            id="alpha",
            name=LocalizedText({"fr": "Alpha-la-Ville", "en": "Alpha Town"}),
            country="FR",
            lat=48.5,
            lon=-2.0,
            roles=("lisbon-represented", "meeting-host"),
            note=LocalizedText({"fr": "Une note."}),
            evidence=(
                Evidence(("role:lisbon-represented", "note"), SOURCE, "Alpha was there.", {"fr": "Alpha y était."}),
                Evidence(("role:meeting-host",), SOURCE, "Alpha hosts.", {}),
            ),
        ),
        City(
            id="delta",
            name=LocalizedText({"fr": "Delta"}),
            country="SN",
            lat=None,
            lon=None,
            roles=("practices-shared",),
            note=None,
            evidence=(Evidence(("role:practices-shared",), SOURCE, "Delta shares.", {}),),
            unmapped=LocalizedText({"fr": "Aucune source ne donne sa position."}),
        ),
    )
    assert [city.position for city in cities] == [(48.5, -2.0), None]


@pytest.mark.parametrize(
    ("city", "required", "allowed"),
    [
        # Each known role and the note need a quote; a quote may also support the name and the country.
        (
            {"roles": ["lisbon-host", "meeting-host"], "note": {"fr": "Une note."}},
            ("role:lisbon-host", "role:meeting-host", "note"),
            ("role:lisbon-host", "role:meeting-host", "note", "name", "country"),
        ),
        # A role the schema refuses needs no quote (the schema reports it), but a quote may name it.
        ({"roles": ["lisbon-hots", 3]}, (), ("role:lisbon-hots", "name", "country")),
        # Roles that are not a list, or none at all: the schema reports them.
        ({"roles": "lisbon-host"}, (), ("name", "country")),
        ({}, (), ("name", "country")),
    ],
)
def test_the_claims_of_a_city_that_need_a_quote(city, required, allowed):
    assert city_claims(city) == (required, allowed)
