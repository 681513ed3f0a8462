"""The linear de-duplication of the search index gives the i18n plugin's own result."""

from __future__ import annotations

import copy
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

from alliance.build.searchindex import remove_search_duplicates

LANGUAGES = ("fr", "en", "es", "pt")


def plugin_result(entries: list[dict], languages: tuple[str, ...]) -> list[dict]:
    """What mkdocs-static-i18n 1.3.1's own method leaves of `entries`."""
    entries = copy.deepcopy(entries)
    ExtendedPlugin.reconfigure_search_duplicates(SimpleNamespace(build_languages=languages), entries)
    return entries


def our_result(entries: list[dict], languages: tuple[str, ...]) -> list[dict]:
    entries = copy.deepcopy(entries)
    remove_search_duplicates(entries, languages)
    return entries


# How a page shows in a language: its own translation, the French page as it is, the French
# page after a notice (its first entry's text differs), or absent from that language.
SHOWN = st.sampled_from(("translated", "french", "french-with-notice", "absent"))


@st.composite
def search_entries(draw) -> list[dict]:
    """Entries as MkDocs' search plugin stacks them, one language after the other, each from its
    translated home page on: a page's entry, then one per section, at locations like `about/`,
    `en/about/#history`."""
    pages = [
        "",
        *draw(
            st.lists(
                st.sampled_from(("about/", "agenda/", "cities/lisbon/", "practices/", "agenda/2023/")), unique=True
            )
        ),
    ]
    sections = {
        page: draw(st.lists(st.sampled_from(("history", "goals", "sources")), unique=True, max_size=3))
        for page in pages
    }
    texts = st.sampled_from(("", "Texte", "Same text"))
    entries = []
    for language in LANGUAGES:
        prefix = "" if language == LANGUAGES[0] else f"{language}/"
        for page in pages:
            shown = "translated" if language == LANGUAGES[0] or page == "" else draw(SHOWN)
            if shown == "absent":
                continue
            words = "" if shown.startswith("french") else f" ({language})"
            notice = "Notice. " if shown == "french-with-notice" else ""
            entries.append(
                {"location": prefix + page, "title": f"Page {page}{words}", "text": notice + draw(texts) + words}
            )
            for section in sections[page]:
                entries.append(
                    {"location": f"{prefix}{page}#{section}", "title": section + words, "text": draw(texts) + words}
                )
    return entries


@settings(max_examples=300, deadline=None)
@given(search_entries())
def test_same_entries_as_the_plugin(entries):
    assert our_result(entries, LANGUAGES) == plugin_result(entries, LANGUAGES)


def test_french_pages_shown_in_other_languages_are_indexed_once():
    french = {"location": "about/", "title": "À propos", "text": "Texte"}
    entries = [
        french,
        {"location": "en/about/", "title": "À propos", "text": "Texte"},  # untranslated: a duplicate
        {"location": "es/about/", "title": "Acerca de", "text": "Texto"},  # translated
        {"location": "pt/about/", "title": "À propos", "text": "Aviso. Texte"},  # with a notice
    ]
    assert our_result(entries, LANGUAGES) == [entries[0], entries[2], entries[3]] == plugin_result(entries, LANGUAGES)


def test_a_duplicate_the_plugin_keeps_by_accident_is_removed():
    # The plugin removes entries from the list it is iterating over: of two adjacent entries
    # repeating the same French one, it skips the second. This cannot happen where each
    # language's entries start with its translated home page, as on this site.
    french = {"location": "about/", "title": "À propos", "text": "Texte"}
    entries = [french, dict(french, location="en/about/"), dict(french, location="es/about/")]
    assert plugin_result(entries, LANGUAGES) == [french, entries[2]]
    assert our_result(entries, LANGUAGES) == [french]


def test_every_duplicate_of_a_large_index_is_removed():
    # The size of a 10,000-page site in four languages (the plugin's own method takes ~30 s).
    entries = [
        {"location": f"{prefix}page-{n}/", "title": f"Page {n}", "text": f"Text {n}"}
        for prefix in ("", "en/", "es/", "pt/")
        for n in range(10_000)
    ]
    remove_search_duplicates(entries, LANGUAGES)
    assert [entry["location"] for entry in entries] == [f"page-{n}/" for n in range(10_000)]
