"""Dates as readers see them: in the page's language, at the data's precision."""

from __future__ import annotations

import datetime as dt

import pytest

from alliance.data.actions import When, parse_when
from alliance.pages import dates
from alliance.pages.dates import format_day, format_day_range

DAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize(
    "language, expected",
    [
        ("fr", "26 novembre 2026"),
        ("en", "26 November 2026"),
        ("es", "26 de noviembre de 2026"),
        ("pt", "26 de novembro de 2026"),
    ],
)
def test_a_day_in_each_language(language, expected):
    assert format_day(DAY, language) == expected


def test_a_range_of_one_day_is_that_day():
    assert parse_when("2023-06-15/2023-06-15") == When("day", dt.date(2023, 6, 15), dt.date(2023, 6, 15))
    assert parse_when("2023-06-15/2023-06-16").precision == "range"


THIN = "\u2009"


@pytest.mark.parametrize(
    "language, expected",
    [
        ("fr", f"30 janvier{THIN}–{THIN}2 février 2023"),
        ("en", f"30 January{THIN}–{THIN}2 February 2023"),
        ("es", f"30 de enero{THIN}–{THIN}2 de febrero de 2023"),
        ("pt", f"30 de janeiro{THIN}–{THIN}2 de fevereiro de 2023"),
    ],
)
def test_a_range_over_two_months_names_both_in_full(language, expected):
    # The patterns are computed afresh here: another test may have filled their cache, and the
    # month names are widened (MMM -> MMMM) while they are computed.
    dates._day_range_patterns.cache_clear()
    assert format_day_range(dt.date(2023, 1, 30), dt.date(2023, 2, 2), language) == expected
