"""How a page enters the search index, and the search page's interface texts (alliance/assembly/search.py)."""

from __future__ import annotations

import re

import pytest

from alliance.assembly.search import (
    INTERFACE_TEXTS,
    PRACTICE_TITLE_WEIGHT,
    TITLE_WEIGHT,
    SearchEntry,
    interface_translations,
    search_entry,
)
from alliance.data.dataset import load_dataset_cached
from tests.quality.cases import SITE_CONFIG


@pytest.mark.parametrize(
    "src_uri, meta, expected",
    [
        pytest.param("declaration.md", {}, SearchEntry(True, TITLE_WEIGHT), id="declaration"),
        pytest.param("cities/lisbon.en.md", {"title": "Lisbon"}, SearchEntry(True, TITLE_WEIGHT), id="city"),
        pytest.param("agenda/2023.md", {}, SearchEntry(True, TITLE_WEIGHT), id="agenda-year"),
        pytest.param("practices/palermo-charter.es.md", {}, SearchEntry(True, PRACTICE_TITLE_WEIGHT), id="practice"),
        pytest.param("practices/index.md", {}, SearchEntry(True, TITLE_WEIGHT), id="practices-index"),
        pytest.param("practices/by-place.pt.md", {}, SearchEntry(True, TITLE_WEIGHT), id="practices-by-place"),
        pytest.param(
            "agenda/territories.md", {"search": {"exclude": True}}, SearchEntry(False, TITLE_WEIGHT), id="excluded"
        ),
        pytest.param(
            "search.md", {"search": {"exclude": "yes"}}, SearchEntry(True, TITLE_WEIGHT), id="only-true-excludes"
        ),
        pytest.param("about.md", {"search": "exclude"}, SearchEntry(True, TITLE_WEIGHT), id="not-a-mapping"),
    ],
)
def test_search_entry(src_uri, meta, expected):
    assert search_entry(src_uri, meta) == expected


def test_the_titles_weigh_more_than_a_heading():
    # Pagefind weighs an h1 7, and accepts weights up to 10.
    assert PRACTICE_TITLE_WEIGHT < TITLE_WEIGHT <= 10


_PAGEFIND_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")


@pytest.mark.parametrize("language", SITE_CONFIG.codes)
def test_interface_texts_keep_pagefind_s_placeholders(language):
    labels = load_dataset_cached(SITE_CONFIG.codes).labels
    texts = interface_translations(labels, language)
    english = interface_translations(labels, "en")
    assert set(texts) == {*INTERFACE_TEXTS, "search_label"}
    for key, text in texts.items():
        assert text.strip(), key
        assert sorted(_PAGEFIND_PLACEHOLDER.findall(text)) == sorted(_PAGEFIND_PLACEHOLDER.findall(english[key])), key
    if language == "fr":
        assert texts["clear_search"] == "Effacer"
