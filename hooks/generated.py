"""Writes the pages generated from the data into content/ before MkDocs lists the files."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from alliance.assembly.generated import generated_folders, write_generated
from hooks.site import dataset, guarded, languages, page_file

_written_for: list = []


@guarded(lambda config: "content/ (the pages generated from data/)")
def on_pre_build(config: MkDocsConfig) -> None:
    data = dataset(config)
    # The i18n plugin runs one build per language: write once per state of the data.
    if _written_for and _written_for[0] is data:
        return
    write_generated(Path(config.docs_dir), data, languages(config))
    _written_for[:] = [data]


@guarded(page_file)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # A generated page has no file in the repository to edit: no "edit this page" link.
    if page.file.src_uri.split("/", 1)[0] in generated_folders():
        page.edit_url = None
    return markdown
