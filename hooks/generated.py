"""Writes the pages generated from the data into content/ before MkDocs lists the files."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from alliance.generated import GENERATORS, write_generated
from hooks.site import dataset, languages

_written_for: list = []


def on_pre_build(config: MkDocsConfig) -> None:
    data = dataset(config)
    # The i18n plugin runs one build per language: write once per state of the data.
    if _written_for and _written_for[0] is data:
        return
    write_generated(Path(config.docs_dir), data, languages(config))
    _written_for[:] = [data]


# After the i18n plugin (priority -100) has made the files of the language being built.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    generated = {folder for folder, _ in GENERATORS}
    for file in files:
        if file.src_uri.split("/", 1)[0] in generated:
            file.edit_uri = None  # written from data/: the repository has no such file to edit
    return files
