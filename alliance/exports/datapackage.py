"""open-data/datapackage.json: the exports as a Frictionless Data Package (Data Package v1).

It describes every export of EXPORT_KINDS: where it is (a path beside the descriptor: the package
is self-contained, so a per-language export is described by its French file), its format, media type and
encoding, its schema (`schema`, a Table Schema, for the CSV; `jsonSchema`, a JSON Schema, for
JSON and GeoJSON, a property the Data Package format leaves to publishers), the licence and
every source the records cite. `created` is the data's last commit, so two builds agree.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from alliance.assembly.reproducible import data_changed_at
from alliance.data.dataset import Dataset
from alliance.exports.open_data import DATA_PACKAGE, EXPORT_KINDS, FOLDER, SCHEMAS, TABLE_SCHEMA, ExportKind
from alliance.localized import ORIGINAL_LANGUAGE
from alliance.pages.sources import source_name
from alliance.siteconfig import Publication, load_publication

LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
# Read once, written into the package so that a reuser needs nothing else.
DESCRIPTION = (
    "The data of the Alliance Migrations site: the cities and territories that a source names in connection with "
    "the Alliance Migrations, each with the role the source gives it (none is stated to be a member), the "
    "participants of the Lisbon meeting (2023), the agenda and the catalogue of local practices, "
    "each record with its sources and, in `evidence`, the passage of each source that supports each claim, "
    "quoted in the source's language with the site's translations. Texts are in French (the original) and, where translated, "
    "English, Spanish and Portuguese. Sources are absolute addresses; a paragraph of the Lisbon "
    "declaration is the address of that paragraph on the site's declaration page. "
    "cities.csv is UTF-8 with a byte-order mark (so that spreadsheets read it as UTF-8); its name "
    "columns are never blank: where the sources give no other name in a language, the column "
    "holds the French name. JSON and GeoJSON resources name their JSON Schema in `jsonSchema`. "
    "Every path is relative to this file: the package is self-contained. Its calendar, agenda.ics, is in "
    "French; the site serves it in each other language at en/open-data/agenda.ics (es/, pt/), and "
    "actions.json holds the agenda's texts in every language."
)


def _resource(name: str, kind: ExportKind, labels, language: str | None) -> dict:
    """The resource of the export `name`, a file beside the descriptor (`language`: the language of its text)."""
    file = PurePosixPath(name)
    extension = file.suffix.removeprefix(".")
    resource = {
        "name": f"{file.stem}-{extension}" + (f"-{language}" if language else ""),
        "path": name,
        "title": kind.title + (f" ({language})" if language else ""),
        "description": labels.ui(kind.label, "en"),
        "format": extension,
        "mediatype": kind.mediatype,
        "encoding": "utf-8",
    }
    if kind.schema == TABLE_SCHEMA:
        resource["schema"] = f"{SCHEMAS}/{kind.schema}"
    elif kind.schema:
        resource["jsonSchema"] = f"{SCHEMAS}/{kind.schema}"
    return resource


def data_package(dataset: Dataset, publication: Publication) -> dict:
    # A path may not leave the descriptor's folder, and the package is self-contained: it holds a
    # per-language export's French file, beside it; the other languages' are served in their own
    # folders, and actions.json has every language's texts (DESCRIPTION says so).
    resources = [
        _resource(name, kind, dataset.labels, ORIGINAL_LANGUAGE if kind.per_language else None)
        for name, kind in EXPORT_KINDS.items()
        if name != DATA_PACKAGE
    ]
    cited = {
        source.id
        for records in (dataset.cities, dataset.actions, dataset.practices, (dataset.declared,))
        for record in records
        for source in record.sources
    }
    # The declaration once, as a whole; each paragraph's address is in the records' evidence.
    declaration = {
        "title": "Alliance Migrations, Final declaration of the Lisbon meeting (2023), French original, on this site",
        "path": publication.page_url(ORIGINAL_LANGUAGE, ORIGINAL_LANGUAGE, "declaration/"),
    }
    sources = [declaration] * any(ref.startswith("declaration#") for ref in cited) + [
        {"title": source_name(source), "path": source.url} for source in dataset.sources if source.id in cited
    ]
    return {
        "name": "alliance-migrations",
        "title": "Alliance Migrations: cities, agenda and local practices",
        "description": DESCRIPTION,
        "homepage": publication.page_url(ORIGINAL_LANGUAGE, ORIGINAL_LANGUAGE, f"{FOLDER}/"),
        "created": data_changed_at().strftime("%Y-%m-%dT%H:%M:%SZ"),
        "licenses": [LICENCE],
        "contributors": [{"title": "The contributors of the Alliance Migrations site", "role": "author"}],
        "sources": sources,
        "resources": resources,
    }


def data_package_json(dataset: Dataset, languages: tuple[str, ...]) -> dict[str, str]:
    """The generator of open-data/datapackage.json (the same in every language)."""
    package = data_package(dataset, load_publication())
    return {DATA_PACKAGE: json.dumps(package, ensure_ascii=False, indent=2) + "\n"}
