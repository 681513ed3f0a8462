"""The unused share of a style sheet or script, from the browser's coverage (alliance/builtsite/unused.py)."""

from __future__ import annotations

import pytest

from alliance.builtsite.unused import (
    CoverageRange,
    Range,
    UnusedCode,
    css_unused_length,
    js_unused_length,
    unused_code,
)
from alliance.builtsite.weight import gzip_size


@pytest.mark.parametrize(
    "length, used, unused",
    [
        pytest.param(100, [], 100, id="no rule used"),
        pytest.param(100, [Range(0, 100)], 0, id="all used"),
        pytest.param(100, [Range(60, 80), Range(10, 30)], 60, id="two rules, out of order"),
        pytest.param(100, [Range(10, 50), Range(20, 40)], 60, id="a rule inside another (@media) counted once"),
        pytest.param(100, [Range(10, 50), Range(40, 70)], 40, id="overlapping rules counted once"),
        pytest.param(50, [Range(40, 90)], 40, id="a range past the end is cut"),
        pytest.param(50, [Range(-20, 10)], 40, id="a range before the start is cut"),
    ],
)
def test_css_unused_length(length, used, unused):
    assert css_unused_length(length, used) == unused


@pytest.mark.parametrize(
    "length, ranges, unused",
    [
        pytest.param(100, [CoverageRange(0, 100, 1)], 0, id="the whole script ran"),
        pytest.param(100, [CoverageRange(0, 100, 0)], 100, id="nothing ran"),
        pytest.param(
            100,
            [CoverageRange(0, 100, 1), CoverageRange(20, 50, 0)],
            30,
            id="a function that never ran, inside one that did",
        ),
        pytest.param(
            100,
            [CoverageRange(20, 50, 0), CoverageRange(30, 40, 1), CoverageRange(0, 100, 1)],
            20,
            id="nested ranges in any order: the innermost decides",
        ),
        pytest.param(
            100,
            [CoverageRange(0, 100, 1), CoverageRange(10, 20, 0), CoverageRange(60, 90, 0)],
            40,
            id="siblings that never ran",
        ),
        pytest.param(
            100,
            [CoverageRange(0, 40, 0), CoverageRange(0, 100, 1)],
            40,
            id="a block at the start of its function: the shorter range is the inner one",
        ),
    ],
)
def test_js_unused_length(length, ranges, unused):
    assert js_unused_length(length, ranges) == unused


def test_saving_is_the_gzip_size_times_the_unused_share():
    assert UnusedCode("a.css", "css", length=1000, unused=250, gzip=400).unused_gzip == 100
    assert UnusedCode("empty.css", "css", length=0, unused=0, gzip=20).unused_gzip == 0


def test_a_files_length_counts_characters_and_its_gzip_size_its_utf8_bytes():
    text = "é" * 300 + "a" * 100
    assert unused_code("assets/site.css", "css", text, 250) == UnusedCode(
        "assets/site.css", "css", length=400, unused=250, gzip=gzip_size(text.encode("utf-8"))
    )
    assert gzip_size(text.encode("utf-8")) != gzip_size(text.encode("utf-16"))
