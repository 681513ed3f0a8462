"""The catalogue in the built site: its indexes in every language, and the untranslated-page notice."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from alliance.localized import ORIGINAL_LANGUAGE
from alliance.paths import CONTENT_DIR
from tests.conftest import build_site, copy_project
from tests.test_new_language import UNTRANSLATED_PRACTICE, arabic_copy

NOTICE = "am-fallback-notice"


@pytest.fixture(scope="module")
def dataset(real_dataset):
    return real_dataset


def _folder(language: str) -> str:
    return "" if language == ORIGINAL_LANGUAGE else f"{language}/"


class _Sections(HTMLParser):
    """The links of a page, grouped under the id of the heading they follow (h2 and h3)."""

    def __init__(self):
        super().__init__()
        self.links: dict[str, list[str]] = {}
        self._h2 = self._h3 = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h2":
            self._h2, self._h3 = attrs.get("id"), None
        elif tag == "h3":
            self._h3 = attrs.get("id")
        elif tag == "a" and attrs.get("href") and not attrs.get("class"):
            for section in filter(None, (self._h2, self._h3)):
                self.links.setdefault(section, []).append(attrs["href"])


def _sections(page: Path) -> dict[str, list[str]]:
    parser = _Sections()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


def test_every_practice_is_in_its_theme_and_place_indexes_in_every_language(built_site, site_config, dataset):
    assert len(dataset.practices) == 13
    for language in site_config.codes:
        by_theme = _sections(built_site / f"{_folder(language)}practices/index.html")
        by_place = _sections(built_site / f"{_folder(language)}practices/by-place/index.html")
        for practice in dataset.practices:
            link = f"{practice.id}/"
            for theme in practice.themes:
                assert link in by_theme[theme], (language, practice.id, theme)
            place = f"city-{practice.city}" if practice.city else f"country-{practice.country.lower()}-no-single-city"
            assert f"../{link}" in by_place[place], (language, practice.id, place)
            assert f"../{link}" in by_place[f"country-{practice.country.lower()}"], (language, practice.id)


def test_each_practice_page_links_to_its_themes_and_names_its_place(built_site, site_config, dataset):
    for language in site_config.codes:
        for practice in dataset.practices:
            page = built_site / f"{_folder(language)}practices/{practice.id}/index.html"
            facts = _sections(page)
            assert [f"../#{theme}" for theme in practice.themes] == [
                href for href in facts["practice-facts"] if href.startswith("../#")
            ]
            web = [s.url for s in practice.sources if s.declaration_paragraph is None]
            assert [href for href in facts["practice-sources"] if href.startswith("http")][: len(web)] == web
            html = page.read_text(encoding="utf-8")
            # How the text was written, and no claim that the sources were opened on a given day.
            assert dataset.labels.ui("practices-text-origin", language)[:30] in html
            assert f'<time datetime="{practice.sources_read.isoformat()}">' not in html


def test_practices_export_lists_every_practice(built_site, dataset):
    exported = json.loads((built_site / "open-data/practices.json").read_text(encoding="utf-8"))["practices"]
    assert [p["id"] for p in exported] == sorted(p.id for p in dataset.practices)
    assert all(set(p["title"]) == {"fr", "en", "es", "pt"} for p in exported)


def _pages(content: Path, site_config) -> list[tuple[str, str, bool]]:
    """(French source, language, whether a translation exists) for every page of every language."""
    pages = []
    for source in sorted(content.rglob("*.md")):
        relative = source.relative_to(content).as_posix()
        if re.search(r"\.[a-z]{2,3}\.md$", relative):
            continue
        for language in site_config.codes:
            translated = language == ORIGINAL_LANGUAGE or source.with_suffix(f".{language}.md").exists()
            pages.append((relative, language, translated))
    return pages


def _built_page(site: Path, relative: str, language: str) -> Path:
    stem = relative.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        path = stem.removesuffix("index") + "index.html"
    else:
        path = f"{stem}/index.html"
    return site / f"{_folder(language)}{path}"


def _assert_notice_exactly_on_untranslated(site: Path, content: Path, site_config) -> int:
    shown = 0
    for relative, language, translated in _pages(content, site_config):
        html = _built_page(site, relative, language).read_text(encoding="utf-8")
        assert (NOTICE in html) == (not translated), (relative, language)
        shown += not translated
    return shown


def test_fallback_notice_is_exactly_on_untranslated_pages(built_site, site_config):
    _assert_notice_exactly_on_untranslated(built_site, CONTENT_DIR, site_config)


def _build_copy(tmp_path: Path, change) -> tuple[Path, Path, object]:
    """Builds the site from a copy of the project whose content/ `change(content)` modified first."""
    config_file = copy_project(tmp_path)
    content = tmp_path / "content"
    change(content)
    site = tmp_path / "site"
    return content, site, build_site(site, config_file)


def test_a_broken_front_matter_stops_the_build_with_its_position(tmp_path):
    def break_practice(content: Path) -> None:
        path = content / "practices/palermo-charter.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace("city: palermo", "city: palermo\ncountry: NO"), encoding="utf-8"
        )

    _, site, result = _build_copy(tmp_path, break_practice)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and not (site / "practices").exists()
    assert 'content/practices/palermo-charter.md:5:10: country: is "NO" but the city "palermo" is in IT' in output
    assert "Traceback" not in output


def test_a_practice_left_untranslated_falls_back_to_french_with_the_notice(tmp_path_factory, site_config):
    """The content has every practice in every language: a copy leaves one out in Spanish (the
    copy test_new_language.py builds with Arabic besides: one build for both)."""
    result = arabic_copy(tmp_path_factory)
    assert result.returncode == 0, result.output
    site, content = result.site, result.site.parent / "project" / "content"
    assert UNTRANSLATED_PRACTICE == "practices/palermo-charter.es.md" and not (content / UNTRANSLATED_PRACTICE).exists()

    _assert_notice_exactly_on_untranslated(site, content, site_config)
    page = (site / "es/practices/palermo-charter/index.html").read_text(encoding="utf-8")
    assert NOTICE in page and "Charte de Palerme sur la mobilité humaine" in page
    assert '<div lang="es">' in page  # the facts stay in the reader's language
    index = (site / "es/practices/index.html").read_text(encoding="utf-8")
    assert 'hreflang="fr" lang="fr">Charte de Palerme' in index or 'lang="fr" hreflang="fr">Charte de Palerme' in index
    assert "aún sin traducir" in index
    for language in ("en", "pt"):
        assert NOTICE not in (site / f"{language}/practices/palermo-charter/index.html").read_text(encoding="utf-8")
