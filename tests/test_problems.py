"""How problems are put together and printed: one line per place, one count, one hint."""

from __future__ import annotations

import pytest

from alliance.data.problems import DataError, Problem, did_you_mean, format_report
from alliance.paths import ROOT, display_path


def test_the_report_counts_its_problems_in_plain_words():
    one = Problem("data/cities.yaml", 3, 5, "city lisbon: name is missing")
    two = Problem("data/cities.yaml", 9, 1, "city porto: role is missing")
    assert format_report([one]) == (
        "data/cities.yaml:3:5: city lisbon: name is missing\n1 problem found: fix the lines above, then build again."
    )
    assert format_report([one, two]).splitlines() == [
        "data/cities.yaml:3:5: city lisbon: name is missing",
        "data/cities.yaml:9:1: city porto: role is missing",
        "2 problems found: fix the lines above, then build again.",
    ]
    assert format_report([]) == "0 problems found: fix the lines above, then build again."


def test_problems_of_one_value_make_one_line_and_the_others_stay():
    at = ("data/cities.yaml", 4, 3)
    error = DataError(
        [
            Problem(*at, "city lisbon: name: too long"),
            Problem(*at, "city lisbon: name: not text"),
            Problem(*at, "city lisbon: starts with a space"),
            Problem("data/cities.yaml", 8, 3, "city porto: role is missing"),
            Problem(*at, "city lisbon: name: too long"),
        ]
    )
    # The place is what comes before the first ": ", so the rest may hold ": " too.
    assert error.problems == (
        Problem(*at, "city lisbon: name: not text; name: too long; starts with a space"),
        Problem("data/cities.yaml", 8, 3, "city porto: role is missing"),
    )
    assert str(error).endswith("\n2 problems found: fix the lines above, then build again.")


def test_problems_at_one_place_about_different_things_are_not_merged():
    at = ("data/cities.yaml", 4, 3)
    error = DataError([Problem(*at, "city lisbon: name is missing"), Problem(*at, "the file: is empty")])
    assert len(error.problems) == 2


@pytest.mark.parametrize(
    ("value", "candidates", "hint"),
    [
        ("lisbn", ["lisbon", "porto"], ' (did you mean "lisbon"?)'),
        ("lisbonn", ["lisboa", "lisbon"], ' (did you mean "lisbon"?)'),
        ("LISBON", ["porto", "lisbon"], ' (did you mean "lisbon"?)'),
        ("madrid", ["lisbon", "porto"], ""),
        (3, ["lisbon"], ""),
        (None, ["lisbon"], ""),
    ],
)
def test_a_near_miss_gets_the_closest_candidate(value, candidates, hint):
    assert did_you_mean(value, candidates) == hint


def test_a_file_is_named_from_the_repository_when_it_is_inside_it(tmp_path):
    assert display_path(ROOT / "data" / ".." / "data" / "cities.yaml") == "data/cities.yaml"
    assert display_path(tmp_path / "cities.yaml") == str(tmp_path / "cities.yaml")
