"""Country codes are ISO 3166-1's (pycountry's list) plus Kosovo's XK, each named in every language."""

from __future__ import annotations

import pycountry
import pytest

from alliance.data.countries import USER_ASSIGNED_CODES, country_codes, country_name, suggest_country_code


@pytest.mark.parametrize(
    ("code", "accepted"),
    [
        ("FR", True),
        ("SN", True),
        ("BR", True),
        ("PS", True),
        ("XK", True),
        # CLDR territories that are not ISO 3166-1 countries: exceptional reservations, regions, test codes.
        ("AC", False),
        ("CP", False),
        ("CQ", False),
        ("DG", False),
        ("EA", False),
        ("IC", False),
        ("TA", False),
        ("XA", False),
        ("XB", False),
        ("EU", False),
        ("EZ", False),
        ("UN", False),
        ("ZZ", False),
    ],
)
def test_a_code_is_accepted_only_if_iso_3166_1_or_kosovo(code, accepted):
    assert (code in country_codes()) is accepted


def test_the_codes_are_iso_3166_1_and_the_one_documented_exception():
    assert country_codes() == {country.alpha_2 for country in pycountry.countries} | {"XK"}
    assert {"XK"} == USER_ASSIGNED_CODES


def test_every_code_has_a_name_in_every_language(site_config):
    for language in site_config.codes:
        unnamed = sorted(code for code in country_codes() if country_name(code, language) == code)
        assert not unnamed, (language, unnamed)


def test_a_suggestion_is_never_a_refused_code():
    assert suggest_country_code("Ascension Island") is None
    assert suggest_country_code("Kosovo") == "XK"
    assert suggest_country_code("Sénégal") == "SN"


@pytest.mark.parametrize(
    ("value", "suggested"),
    [
        ("fr", "FR"),
        ("F.R.", "FR"),
        ("UK", "GB"),  # the European Union's codes
        ("el", "GR"),
        ("PRT", "PT"),  # alpha-3
        ("France", "FR"),
        (" sénégal ", "SN"),
        ("Portgual", "PT"),  # a near miss of a name
        ("Atlantis", None),  # no country of that name
        ("XX", None),
    ],
)
def test_the_code_a_contributor_probably_meant(value, suggested):
    assert suggest_country_code(value) == suggested
