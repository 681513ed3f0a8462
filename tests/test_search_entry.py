"""How a page enters the search index, and the search page's interface texts (alliance/assembly/search.py)."""

from __future__ import annotations

import re

import pytest

from alliance.assembly.search import (
    INTERFACE_TEXTS,
    SearchEntry,
    interface_translations,
    search_entry,
)
from alliance.data.dataset import load_dataset_cached
from tests.quality.cases import SITE_CONFIG


@pytest.mark.parametrize(
    "src_uri, meta, expected",
    [
        pytest.param("declaration.md", {}, SearchEntry(indexed=True, named=True), id="declaration"),
        pytest.param("cities/lisbon.en.md", {"title": "Lisbon"}, SearchEntry(indexed=True, named=True), id="city"),
        pytest.param("agenda/2023.md", {}, SearchEntry(indexed=True, named=True), id="agenda-year"),
        pytest.param("practices/palermo-charter.es.md", {}, SearchEntry(indexed=True, named=False), id="practice"),
        pytest.param("practices/index.md", {}, SearchEntry(indexed=True, named=True), id="practices-index"),
        pytest.param("practices/by-place.pt.md", {}, SearchEntry(indexed=True, named=True), id="practices-by-place"),
        pytest.param(
            "agenda/territories.md",
            {"search": {"exclude": True}},
            SearchEntry(indexed=False, named=True),
            id="excluded",
        ),
        pytest.param(
            "search.md", {"search": {"exclude": "yes"}}, SearchEntry(indexed=True, named=True), id="only-true-excludes"
        ),
        pytest.param("about.md", {"search": "exclude"}, SearchEntry(indexed=True, named=True), id="not-a-mapping"),
    ],
)
def test_search_entry(src_uri, meta, expected):
    assert search_entry(src_uri, meta) == expected


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
