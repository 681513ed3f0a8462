"""Every page served in French under another language says so, in the reader's language."""

from __future__ import annotations

import html
import re
from pathlib import Path

from alliance.localized import ORIGINAL_LANGUAGE, served_url
from alliance.pages.markup import fallback_notice_html
from alliance.paths import CONTENT_DIR
from alliance.translations.status import original_pages, translation_path

NOTICE = re.compile(
    r'<div class="admonition info am-fallback-notice" role="note"( lang="[^"]+")?><p>(.*?)</p></div>', re.S
)


def notices(document: str) -> list[tuple[str, str]]:
    """(lang attribute, text) of every fallback notice of a built page."""
    return [(lang, html.unescape(text)) for lang, text in NOTICE.findall(document)]


def fallback_expectations(site: Path, content_dir: Path, languages: tuple[str, ...]):
    """(built page, language, is shown in French) for every page of every language, generated ones included."""
    for page in original_pages(content_dir, languages):
        for language in languages:
            translated = language == ORIGINAL_LANGUAGE or (content_dir / translation_path(page, language)).is_file()
            yield site / served_url(page, language) / "index.html", language, not translated


def test_every_french_fallback_carries_the_notice_in_the_readers_language(built_site, site_config, real_dataset):
    languages = site_config.codes
    labels = real_dataset.labels
    checked = 0
    for built, language, in_french in fallback_expectations(built_site, CONTENT_DIR, languages):
        assert built.is_file(), f"{built.relative_to(built_site)} was not built"
        document = built.read_text(encoding="utf-8")
        assert f'<html lang="{language}"' in document
        found = notices(document)
        where = built.relative_to(built_site)
        edit = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon" rel="edit">', document)
        if in_french:
            assert [text for _, text in found] == [labels.ui("fallback-notice", language)], where
            assert f'<div lang="{ORIGINAL_LANGUAGE}" dir="ltr">' in document, where
            # Its edit button starts the translation in GitHub's editor.
            assert edit and "/new/" in edit.group(1) and edit.group(1).endswith(f".{language}.md"), where
        else:
            assert found == [], f"{where} is translated but carries the fallback notice"
        checked += 1
    assert checked >= len(languages) * 3


def test_the_notice_escapes_its_text_and_names_its_own_language():
    hostile = '"><img src=x onerror=alert(1)></script><script>alert(1)</script>'
    notice = fallback_notice_html(hostile, "fr")
    assert "<img" not in notice and "<script>" not in notice
    assert notices(notice) == [(' lang="fr"', hostile)]
    assert notices(fallback_notice_html("x")) == [("", "x")]
