"""Fills the data sections of pages and marks pages shown in French for want of a translation."""

from __future__ import annotations

import secrets
from pathlib import Path, PurePosixPath

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from alliance.assembly.generated import generated_folders
from alliance.data.yamlload import read_text
from alliance.localized import ORIGINAL_LANGUAGE
from alliance.pages.catalogue import is_practice, practice_page, sanitize_practice_html
from alliance.pages.markup import fallback_notice_html, sanitize_page
from alliance.pages.sections import fill_sections
from alliance.pages.typography import typeset, typeset_text
from alliance.translations.status import edit_base, editor_url, translation_path
from hooks.site import current_language, dataset, guarded, page_file

# The secret of this build that marks the data sections of hand-written pages (markup.sanitize_page).
BUILD_NONCE = secrets.token_hex(16)


def _is_hand_written(page: Page) -> bool:
    """A page of content/ written by hand, not one the build generates from the data."""
    return PurePosixPath(page.file.src_uri).parts[0] not in generated_folders()


def _is_fallback(page: Page, config: MkDocsConfig) -> bool:
    return getattr(page.file, "locale", None) == ORIGINAL_LANGUAGE != current_language(config)


@guarded(page_file)
def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    # A practice page is built from the checked records, never from MkDocs' YAML 1.1 reading of it.
    practice = practice_page(dataset(config), page.file.src_uri, current_language(config))
    if practice is None and page.file.abs_src_path:
        # Read here rather than by MkDocs: a page that is not UTF-8 is a problem with its line.
        return read_text(Path(page.file.abs_src_path), page_file(page=page))
    return practice


# Before the i18n plugin (priority 50) rewrites the text, so that line numbers match the file.
@event_priority(100)
@guarded(page_file)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = page.file.content_string
    first_line = source[: len(source) - len(markdown)].count("\n") + 1 if source.endswith(markdown) else 1
    language = current_language(config)
    editor = edit_base(config.repo_url, config.edit_uri)
    if _is_fallback(page, config) and page.edit_url and editor:
        # The page's edit button starts its translation rather than editing the French original.
        page.edit_url = editor_url(
            editor, translation_path(PurePosixPath(page.file.src_uri), language).as_posix(), exists=False
        )
    # A problem of a data section (DataError) is reported by `guarded`, like any hook's. A
    # practice's text holds none: a marker there (in code) is the contributor's text.
    if not is_practice(dataset(config), page.file.src_uri):
        nonce = BUILD_NONCE if _is_hand_written(page) else None
        markdown = fill_sections(markdown, dataset(config), language, f"content/{page.file.src_uri}", first_line, nonce)
    if page.meta.get("description"):
        # Material writes the description into an attribute without escaping it; the typography
        # of text nodes (curly quotes, French spaces) is applied to it here, in the text's language.
        written_in = ORIGINAL_LANGUAGE if _is_fallback(page, config) else language
        page.meta["description"] = Markup.escape(typeset_text(str(page.meta["description"]).strip(), written_in))
    return markdown


@guarded(page_file)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The second line behind `make check`: a practice's text keeps only what plain Markdown makes.
    html = sanitize_practice_html(dataset(config), page.file.src_uri, html)
    if not is_practice(dataset(config), page.file.src_uri) and _is_hand_written(page):
        # Every other page written by hand, in any language, is a contribution too.
        html = sanitize_page(html, BUILD_NONCE)
    if _is_fallback(page, config):
        # The notice is in the reader's language (the page's <html lang>) when translated; the
        # text is French, left-to-right even on a right-to-left page.
        notice = dataset(config).labels.ui_shown("fallback-notice", current_language(config))
        notice_html = fallback_notice_html(notice.text, notice.language if notice.is_fallback else None)
        return notice_html + f'<div lang="{ORIGINAL_LANGUAGE}" dir="ltr">\n{html}\n</div>'
    return html


# The whole page as written (navigation, title and footer included), in its language's typography:
# French no-break spaces, English curly quotes (alliance/pages/typography.py).
@guarded(page_file)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return typeset(output, current_language(config))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # The 404 page is a template, not a page.
    return typeset(output, current_language(config)) if template_name.endswith(".html") else output
