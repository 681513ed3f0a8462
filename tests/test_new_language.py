"""Adding a language is configuration only: a fifth, right-to-left language builds with fallbacks.

The test adds Arabic to the i18n plugin's languages in a temporary configuration that inherits
mkdocs.yml, with no translated page, no nav translation and no Arabic text in data/: every
hand-written page is then shown in French with the notice, itself in French (data/labels.yaml
has no Arabic), and every page is laid out right to left.
"""

from __future__ import annotations

import html
import os
import re

import pytest
import yaml

from alliance.data.dataset import load_dataset_cached
from alliance.build.generated import generated_folders, write_generated
from alliance.localized import ORIGINAL_LANGUAGE
from alliance.paths import CONTENT_DIR, ROOT
from alliance.siteconfig import load_site_config, read_mkdocs_yml
from alliance.build.search import SEARCH_PAGE
from alliance.localized import served_url
from alliance.translations.status import original_pages
from tests.conftest import build_site
from tests.test_fallback_notices import notices

ARABIC = {"locale": "ar", "name": "العربية", "build": True, "nav_translations": {}}


@pytest.fixture(scope="module")
def arabic_build(tmp_path_factory):
    plugins = read_mkdocs_yml()["plugins"]
    i18n = next(plugin["i18n"] for plugin in plugins if isinstance(plugin, dict) and "i18n" in plugin)
    i18n["languages"].append(ARABIC)
    # Next to mkdocs.yml, so that its relative paths (docs_dir, hooks, theme) still hold.
    config = ROOT / f".mkdocs-arabic-{os.getpid()}.yml"
    config.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml", "plugins": plugins}, allow_unicode=True), encoding="utf-8")
    target = tmp_path_factory.mktemp("site-ar")
    try:
        result = build_site(target, config)
    finally:
        config.unlink()
        # The build wrote Arabic generated pages into content/: put back the site's own.
        languages = load_site_config().codes
        write_generated(CONTENT_DIR, load_dataset_cached(languages), languages)
    if result.returncode != 0:
        pytest.fail(f"the build with Arabic failed:\n{result.stdout}\n{result.stderr}")
    return target, result.stdout + result.stderr


def test_arabic_is_not_in_the_data():
    """The premise: nothing but configuration knows Arabic."""
    assert "ar" not in load_site_config().codes
    generated = generated_folders()
    assert [p for p in CONTENT_DIR.rglob("*.ar.md") if p.relative_to(CONTENT_DIR).parts[0] not in generated] == []
    labels = load_dataset_cached(load_site_config().codes).labels
    assert labels.untranslated("ar") and not labels.untranslated("fr")


def test_every_arabic_page_is_right_to_left(arabic_build):
    site, _ = arabic_build
    pages = sorted((site / "ar").rglob("index.html"))
    assert pages
    for page in pages:
        document = page.read_text(encoding="utf-8")
        assert '<html lang="ar"' in document, page
        assert re.search(r'<body dir="rtl"', document), page
    assert '<body dir="ltr"' in (site / "index.html").read_text(encoding="utf-8")


def test_hand_written_pages_fall_back_to_french_with_a_french_notice(arabic_build):
    site, log = arabic_build
    french_notice = load_dataset_cached(load_site_config().codes).labels.ui("fallback-notice", ORIGINAL_LANGUAGE)

    pages = original_pages(CONTENT_DIR, load_site_config().codes, skip_folders=generated_folders())
    assert pages
    for page in pages:
        document = (site / served_url(page, "ar") / "index.html").read_text(encoding="utf-8")
        # No Arabic notice exists: the French one is shown, marked as French.
        assert notices(document) == [(f' lang="{ORIGINAL_LANGUAGE}"', french_notice)], page
        assert f'<div lang="{ORIGINAL_LANGUAGE}" dir="ltr">' in document
        # Left out of the Arabic search index: the French original is found once, in French.
        assert "data-pagefind-body" not in document, page
        if served_url(page, ORIGINAL_LANGUAGE) != SEARCH_PAGE:  # the search page is in no index
            assert "data-pagefind-body" in (site / served_url(page, ORIGINAL_LANGUAGE) / "index.html").read_text(encoding="utf-8"), page
    assert "ar: " in log and "labels of data/labels.yaml are not translated; they are shown in French" in log


def test_generated_pages_exist_in_arabic_without_notice(arabic_build):
    site, _ = arabic_build
    document = (site / "ar" / "translation-status" / "index.html").read_text(encoding="utf-8")
    assert notices(document) == []
    assert "العربية" in html.unescape(document)  # the status of Arabic, named in Arabic by CLDR


def test_open_graph_and_alternates_name_arabic(arabic_build):
    site, _ = arabic_build
    arabic = (site / "ar" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:locale" content="ar">' in arabic
    assert '<meta property="og:locale:alternate" content="fr_FR">' in arabic
    english = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:locale:alternate" content="ar">' in english
    assert re.search(r'<link rel="alternate" href="[^"]*ar/" hreflang="ar">', english)
