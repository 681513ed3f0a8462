"""The open-data exports: their list for the "Open data" page, and the published JSON Schemas.

Every export generator writes into the shared generated folder `open-data/`; the build owns
that folder, so its contents are exactly the exports of this build. The page lists what is
there, described when the export is known here, so it stays right whatever generators exist.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from babel import localedata

from alliance.data.countries import language_name
from alliance.data.dataset import Dataset
from alliance.exports.cityexports import cities_table_schema
from alliance.localized import ORIGINAL_LANGUAGE, language_prefix, served_url
from alliance.pages.markup import html_text, md_text
from alliance.pages.typography import with_colon
from alliance.paths import CONTENT_DIR, SCHEMA_DIR

FOLDER = "open-data"
PAGE = PurePosixPath("open-data.md")  # the page holding the `open-data-exports` section
SCHEMAS = "schemas"  # sub-folder of FOLDER holding the published schemas
EXPORT_SCHEMA_DIR = SCHEMA_DIR / "exports"  # the exports' own JSON Schemas
TABLE_SCHEMA = "cities-csv.tableschema.json"  # cities.csv's Table Schema, made from the languages
DATA_PACKAGE = "datapackage.json"


@dataclass(frozen=True)
class ExportKind:
    label: str  # key of data/labels.yaml `ui:` describing the export
    title: str  # its title in the data package (English, as data portals read it)
    mediatype: str
    schema: str | None  # its own schema, in SCHEMAS (None: its format is its only schema)
    per_language: bool = False  # one file per language, `name.LANG.ext` (French: `name.ext`)


# Exports described on the page and in the data package, by their language-neutral name; others
# are listed on the page as "other" (and a test finds any export the data package misses).
EXPORT_KINDS: dict[str, ExportKind] = {
    "cities.geojson": ExportKind(
        "i18n-export-cities-geojson",
        "Cities and territories that a source names in connection with the Alliance Migrations",
        "application/geo+json",
        "cities-geojson.schema.json",
    ),
    "cities.csv": ExportKind(
        "i18n-export-cities-csv",
        "Cities and territories that a source names in connection with the Alliance Migrations, one row per city",
        "text/csv",
        TABLE_SCHEMA,
    ),
    "lisbon-meeting.json": ExportKind(
        "i18n-export-lisbon-meeting-json",
        "Participants of the Lisbon meeting (2023): declared and documented",
        "application/json",
        "lisbon-meeting-json.schema.json",
    ),
    "actions.json": ExportKind(
        "i18n-export-actions-json",
        "Agenda: meetings and common actions",
        "application/json",
        "actions-json.schema.json",
    ),
    "agenda.ics": ExportKind(
        "i18n-export-agenda-ics", "Agenda as a calendar", "text/calendar", None, per_language=True
    ),
    "practices.json": ExportKind(
        "i18n-export-practices-json", "Catalogue of local practices", "application/json", "practices-json.schema.json"
    ),
    DATA_PACKAGE: ExportKind("i18n-export-datapackage", "Data package descriptor", "application/json", None),
}

FORMATS = {
    ".geojson": "GeoJSON (RFC 7946)",
    ".csv": "CSV (UTF-8, BOM)",
    ".json": "JSON",
    ".ics": "iCalendar (RFC 5545)",
}


def publish_schemas(dataset: Dataset, languages: tuple[str, ...], schema_dir: Path = SCHEMA_DIR) -> dict[str, str]:
    """The generator publishing the schemas: each export's own (JSON Schema, or the Table Schema
    of the CSV), and those of the data files, whose shared definitions the exports' schemas use."""
    files = [
        *sorted(schema_dir.glob("*.schema.json")),
        *sorted((schema_dir / EXPORT_SCHEMA_DIR.name).glob("*.schema.json")),
    ]
    published = {f"{SCHEMAS}/{path.name}": path.read_text(encoding="utf-8") for path in files}
    # The Table Schema's words are English and ASCII: the default escaping changes none of them.
    published[f"{SCHEMAS}/{TABLE_SCHEMA}"] = json.dumps(cities_table_schema(languages), indent=2) + "\n"
    return published


@dataclass(frozen=True)
class Export:
    name: str  # language-neutral name: agenda.ics
    files: dict[str, str]  # language ('' for a language-neutral file) -> file name in FOLDER


def _is_language(code: str) -> bool:
    return len(code) == 2 and code.islower() and localedata.exists(code)


def group_exports(names: Iterable[str]) -> tuple[Export, ...]:
    """Groups `agenda.ics`, `agenda.en.ics` ... into one export; schemas are not exports."""
    groups: dict[str, dict[str, str]] = {}
    for name in sorted(names):
        path = PurePosixPath(name)
        if path.parts[0] == SCHEMAS or path.suffix == ".md":
            continue
        parts = path.name.split(".")
        if len(parts) > 2 and _is_language(parts[-2]):
            neutral, language = ".".join(parts[:-2] + parts[-1:]), parts[-2]
        else:
            neutral, language = path.name, ""
        neutral = str(path.with_name(neutral))
        groups.setdefault(neutral, {})[language] = name
    return tuple(Export(name, files) for name, files in sorted(groups.items()))


def render_exports(dataset: Dataset, language: str, names: Iterable[str]) -> str:
    """The table of the exports in `names` (paths inside FOLDER), with their schemas, in Markdown."""
    names = list(names)
    ui = dataset.labels.ui
    schemas = sorted(PurePosixPath(n).name for n in names if PurePosixPath(n).parts[0] == SCHEMAS)
    exports = group_exports(names)
    out = []
    if not exports:
        out += [md_text(ui("i18n-export-none", language)), ""]
    else:
        # One card per file rather than a table: four columns do not fit a phone's width (issue 23).
        out.append('<ul class="am-files" markdown="block">')
        for export in exports:
            kind = EXPORT_KINDS.get(export.name)
            description = ui(kind.label if kind else "i18n-export-other", language)
            schema = kind.schema if kind and kind.schema in schemas else None
            suffix = PurePosixPath(export.name).suffix
            fmt = FORMATS.get(suffix, suffix[1:].upper())  # a suffix starts with its dot
            facts = f"<dt>{html_text(ui('i18n-export-format', language))}</dt><dd>{html_text(fmt)}</dd>"
            if schema:
                facts += (
                    f"<dt>{html_text(ui('i18n-export-schema', language))}</dt>"
                    f'<dd markdown="span">[{md_text(schema)}]({FOLDER}/{SCHEMAS}/{schema})</dd>'
                )
            out += [
                '<li markdown="block">',
                f'<p class="am-file-name" markdown="span">{_file_links(export, language)}</p>',
                f'<p markdown="span">{md_text(description)}</p>',
                f'<dl class="am-file-facts" markdown="block">{facts}</dl>',
                "</li>",
            ]
        out += ["</ul>", ""]
    if schemas:
        out += [md_text(ui("i18n-export-schemas", language)), ""]
        out += [f"- [{md_text(schema)}]({FOLDER}/{SCHEMAS}/{schema})" for schema in schemas]
        out.append("")
    return "\n".join(out)


def _file_links(export: Export, language: str) -> str:
    """A link to the export; a per-language export links each language's file, named by its language.

    The i18n plugin serves `agenda.en.ics` as `en/open-data/agenda.ics` and resolves a link to
    `open-data/agenda.ics` to the file of the language being built; the other languages' files are
    unknown to that build, so they are linked by the address they are served at.
    """
    neutral = f"{FOLDER}/{export.name}"
    if set(export.files) == {""}:
        return f"[{md_text(export.name)}]({neutral})"
    to_root = "../" * served_url(PAGE, language).count("/")
    # The reader's language first, then French, then the others.
    languages = sorted(
        {lang or ORIGINAL_LANGUAGE for lang in export.files},
        key=lambda lang: (lang != language, lang != ORIGINAL_LANGUAGE, lang),
    )
    links = []
    for lang in languages:
        name = md_text(language_name(lang, lang))
        if lang == language:
            links.append(f'[<span lang="{lang}">{name}</span>]({neutral})')
        else:
            href = to_root + language_prefix(lang) + neutral
            links.append(f'<a href="{html_text(href)}" hreflang="{lang}" lang="{lang}">{name}</a>')
    return f"{with_colon(md_text(export.name), language)} {', '.join(links)}"


def render_exports_section(dataset: Dataset, language: str, content_dir: Path = CONTENT_DIR) -> str:
    """The `open-data-exports` section: what the generators of this build wrote into FOLDER."""
    folder = content_dir / FOLDER
    # Before any generator has run, the folder does not exist: rglob then finds nothing.
    names = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    return render_exports(dataset, language, names)
