"""Pages and export files generated from the data, written into folders of content/.

The i18n plugin only handles real files inside docs_dir, so generated pages are files: each
folder of GENERATORS belongs to the build (git-ignored, emptied of anything it did not
generate), and a file is rewritten only when its text changed, so that `mkdocs serve` does not
rebuild forever. MkDocs then validates the links to them and copies them like any other page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from pathlib import Path

from alliance.data.dataset import Dataset
from alliance.exports import open_data
from alliance.exports.cityexports import EXPORTS_FOLDER, city_exports
from alliance.exports.datapackage import data_package_json
from alliance.pages.agenda import agenda_exports, agenda_pages
from alliance.pages.catalogue import practices_json
from alliance.pages.citypages import CITIES_FOLDER, city_pages
from alliance.pages.mapframe import MAP_FOLDER
from alliance.translations import status as translation_status


def map_documents(dataset: Dataset, languages: tuple[str, ...]) -> Mapping[str, str]:
    """The map's documents (alliance/pages/citymap.py), imported when first drawn: folium and numpy
    take about 0.4 s to import, which `make check` and a build stopped by a problem need not pay."""
    from alliance.pages import citymap

    return citymap.map_documents(dataset, languages)


# A generator returns {path inside its folder: text} for every language: Markdown pages named
# with localized_name, or export files (a language-specific export is named `name.LANG.ext`).
Generator = Callable[[Dataset, tuple[str, ...]], Mapping[str, str]]

# (folder of content/ owned by the build, generator); several generators may share a folder.
# .gitignore lists every folder, and mkdocs.yml's not_in_nav the generated pages.
GENERATORS: list[tuple[str, Generator]] = [
    (CITIES_FOLDER, city_pages),
    (MAP_FOLDER, map_documents),
    (EXPORTS_FOLDER, city_exports),
    ("agenda", agenda_pages),
    (EXPORTS_FOLDER, agenda_exports),
    (EXPORTS_FOLDER, practices_json),
    (open_data.FOLDER, open_data.publish_schemas),
    (open_data.FOLDER, data_package_json),
    # The translators' page lists the hand-written pages: every folder here is skipped.
    (
        translation_status.FOLDER,
        lambda data, languages: translation_status.status_pages(data, languages, skip_folders=generated_folders()),
    ),
]


def generated_folders() -> frozenset[str]:
    """The folders of content/ the build owns: no page in them is written by hand."""
    return frozenset(folder for folder, _ in GENERATORS)


def write_folder(folder: Path, pages: Mapping[str, str]) -> bool:
    """Makes `folder` hold exactly `pages`; returns whether any file changed."""
    changed = False
    wanted = {folder / relative for relative in pages}
    if folder.exists():
        for path in sorted(folder.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
                changed = True
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    for relative, text in pages.items():
        path = folder / relative
        # Bytes, not text: reading text turns the calendar's CRLF into LF, which made agenda.ics
        # differ from itself, so every build rewrote it and reported a change.
        data = text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            changed = True
    return changed


def generate(
    dataset: Dataset, languages: tuple[str, ...], skip_folders: frozenset[str] = frozenset()
) -> dict[str, dict[str, str]]:
    """{folder: {path inside it: text}} of every generator but those of `skip_folders`."""
    folders: dict[str, dict[str, str]] = defaultdict(dict)
    for folder, generator in GENERATORS:
        if folder in skip_folders:
            continue
        try:
            folders[folder].update(generator(dataset, languages))
        except Exception as error:
            # The build's report names what was being made instead of printing a traceback.
            error.add_note(f"content/{folder}/ (made by {generator.__module__}.{generator.__name__})")
            raise
    return folders


def write_generated(content_dir: Path, dataset: Dataset, languages: tuple[str, ...]) -> bool:
    changed = False
    for folder, pages in generate(dataset, languages).items():
        changed |= write_folder(content_dir / folder, pages)
    return changed
