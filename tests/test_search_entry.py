"""How a page enters the search index, and the search page's interface texts (alliance/assembly/search.py)."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from alliance.assembly.search import (
    INTERFACE_TEXTS,
    SEARCH_BUNDLE,
    SearchEntry,
    SearchIndexFailed,
    index_site,
    interface_translations,
    search_entry,
)
from tests.quality.cases import SITE_CONFIG


@pytest.mark.parametrize(
    "src_uri, meta, expected",
    [
        pytest.param("declaration.md", {}, SearchEntry(indexed=True, named=True), id="declaration"),
        pytest.param("cities/lisbon.en.md", {"title": "Lisbon"}, SearchEntry(indexed=True, named=True), id="city"),
        pytest.param("agenda/2023.md", {}, SearchEntry(indexed=True, named=True), id="agenda-year"),
        pytest.param("practices/palermo-charter.es.md", {}, SearchEntry(indexed=True, named=False), id="practice"),
        pytest.param(
            "practices/2023/palermo-charter.md",
            {},
            SearchEntry(indexed=True, named=True),
            id="not-directly-in-practices",
        ),
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
def test_interface_texts_keep_pagefind_s_placeholders(language, real_dataset):
    labels = real_dataset.labels
    texts = interface_translations(labels, language)
    english = interface_translations(labels, "en")
    assert set(texts) == {*INTERFACE_TEXTS, "search_label"}
    for key, text in texts.items():
        assert text.strip(), key
        assert sorted(_PAGEFIND_PLACEHOLDER.findall(text)) == sorted(_PAGEFIND_PLACEHOLDER.findall(english[key])), key
    if language == "fr":
        assert texts["clear_search"] == "Effacer"
    if language == "en":
        assert (texts["clear_search"], texts["search_label"]) == ("Clear", "Search the site")


def _page(site, language, path):
    page = site / path / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(
        f'<!doctype html><html lang="{language}"><head><title>T</title></head><body><main data-pagefind-body>'
        f'<h1>Page {language} <a class="headerlink" href="#x">¶</a></h1><p>Un texte.</p></main></body></html>',
        encoding="utf-8",
    )


def test_the_index_lists_its_languages_sorted_and_leaves_out_permalink_signs(tmp_path):
    for language, path in (("pt", "pt"), ("fr", "."), ("es", "es"), ("en", "en")):
        _page(tmp_path, language, path)
    summary = index_site(tmp_path)
    assert "Indexed 4 pages" in summary
    entry = (tmp_path / SEARCH_BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8")
    assert list(json.loads(entry)["languages"]) == ["en", "es", "fr", "pt"]
    # written compact, with Pagefind's own characters as they are (no \\u escapes)
    assert entry == json.dumps(json.loads(entry), ensure_ascii=False, separators=(",", ":")) and "‿" in entry
    fragments = [gzip.decompress(f.read_bytes()) for f in (tmp_path / SEARCH_BUNDLE / "fragment").iterdir()]
    assert sorted(json.loads(f.removeprefix(b"pagefind_dcd"))["meta"]["title"] for f in fragments) == [
        "Page en",
        "Page es",
        "Page fr",
        "Page pt",
    ]


def test_a_site_pagefind_cannot_index_fails_with_what_it_printed(tmp_path):
    with pytest.raises(SearchIndexFailed, match=r"Pagefind was not able to build an index"):
        index_site(tmp_path)
