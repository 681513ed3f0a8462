"""Adding a language is configuration only: a fifth, right-to-left language builds with fallbacks.

The test adds Arabic to the i18n plugin's languages in a temporary configuration that inherits
mkdocs.yml, with no translated page, no nav translation and no Arabic text in data/: every
hand-written page is then shown in French with the notice, itself in French (data/labels.yaml
has no Arabic), and every page is laid out right to left.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from alliance.assembly.generated import generated_folders
from alliance.assembly.search import SEARCH_PAGE
from alliance.localized import ORIGINAL_LANGUAGE, served_url
from alliance.pages.typography import typeset_text
from alliance.paths import CONTENT_DIR
from alliance.siteconfig import load_site_config, read_mkdocs_yml
from alliance.translations.status import original_pages
from tests.conftest import SharedBuild, build_site, copy_project, shared_build
from tests.test_fallback_notices import notices

ARABIC = {"locale": "ar", "name": "العربية", "build": True, "nav_translations": {}}
# The copy also leaves this translation out, for test_practices_site.py's untranslated practice,
# and carries the changes test_check_then_build.py's cases say must pass: one build serves all
# three (a fifth language changes nothing on the other four's pages).
UNTRANSLATED_PRACTICE = "practices/palermo-charter.es.md"


def _build_with_arabic(folder: Path, site: Path):
    """Builds a copy of the project (its generated pages are Arabic too) with a configuration
    that inherits its mkdocs.yml and adds Arabic, without UNTRANSLATED_PRACTICE, and with the
    changes of the cases that must pass."""
    # Imported here: that module imports this one.
    from tests.test_check_then_build import change_copy

    plugins = read_mkdocs_yml()["plugins"]
    i18n = next(plugin["i18n"] for plugin in plugins if isinstance(plugin, dict) and "i18n" in plugin)
    i18n["languages"].append(ARABIC)
    project = folder / "project"
    project.mkdir()
    copy_project(project)
    (project / "content" / UNTRANSLATED_PRACTICE).unlink()
    change_copy(project, "passes")
    # Next to the copy's mkdocs.yml, so that its relative paths (docs_dir, hooks, theme) still hold.
    config = project / "mkdocs-arabic.yml"
    config.write_text(
        yaml.safe_dump({"INHERIT": "mkdocs.yml", "plugins": plugins}, allow_unicode=True), encoding="utf-8"
    )
    return build_site(site, config)


def arabic_copy(tmp_path_factory) -> SharedBuild:
    """The run's one build of the copy with Arabic (the project it built is beside the site)."""
    return shared_build(tmp_path_factory, "arabic", _build_with_arabic)


@pytest.fixture(scope="module")
def arabic_build(tmp_path_factory):
    build = arabic_copy(tmp_path_factory)
    if build.returncode != 0:
        pytest.fail(f"the build with Arabic failed:\n{build.output}")
    return build.site, build.output


def test_arabic_is_not_in_the_data(real_dataset):
    """The premise: nothing but configuration knows Arabic."""
    assert "ar" not in load_site_config().codes
    generated = generated_folders()
    assert [p for p in CONTENT_DIR.rglob("*.ar.md") if p.relative_to(CONTENT_DIR).parts[0] not in generated] == []
    labels = real_dataset.labels
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


def test_hand_written_pages_fall_back_to_french_with_a_french_notice(arabic_build, real_dataset):
    site, log = arabic_build
    french_notice = real_dataset.labels.ui("fallback-notice", ORIGINAL_LANGUAGE)
    # In French typography, being French (alliance/pages/typography.py).
    french_notice = typeset_text(french_notice, ORIGINAL_LANGUAGE)

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
            assert "data-pagefind-body" in (site / served_url(page, ORIGINAL_LANGUAGE) / "index.html").read_text(
                encoding="utf-8"
            ), page
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
