"""Writes the pages generated from the data into content/ before MkDocs lists the files."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from alliance.generated import is_generated, write_generated
from hooks.site import dataset, languages

_written_for: list = []


def on_pre_build(config: MkDocsConfig) -> None:
    data = dataset(config)
    # The i18n plugin runs one build per language: write once per state of the data.
    if _written_for and _written_for[0] is data:
        return
    write_generated(Path(config.docs_dir), data, languages(config))
    _written_for[:] = [data]


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    # A generated page has no file to edit (its text comes from data/): no "edit this page" link.
    if is_generated(page.file.src_uri):
        page.edit_url = None
    return context
