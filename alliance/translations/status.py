"""Which pages and data texts are translated into each language, and which lag behind French.

Pages are `content/**/page.md` (French, the original) and their `page.LANG.md` translations;
a translation is "outdated" when its French page was committed after it. Data texts are the
localized fields of data/ (FIELD_SOURCES); they share one file with their French text, so the
file's date cannot tell a stale translation: they are only translated or missing.
Dates come from git; without history (no git, a shallow CI clone, an uncommitted file) an
existing translation is "unknown" rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Literal
from urllib.parse import quote, urljoin

from alliance.assembly.reproducible import bounded_epoch
from alliance.data.countries import language_name
from alliance.data.dataset import Dataset
from alliance.data.problems import DataError
from alliance.data.yamlload import YamlDocument, load_yaml
from alliance.localized import ORIGINAL_LANGUAGE, LocalizedText, localized_name
from alliance.pages.markup import front_matter, md_table_header, md_text
from alliance.paths import CONTENT_DIR, ROOT
from alliance.siteconfig import read_mkdocs_yml

State = Literal["translated", "outdated", "missing", "unknown"]
STATES: tuple[State, ...] = ("translated", "outdated", "unknown", "missing")


# Where a text stands in its file: (the file's data, the text's key) -> the keys leading to it.
Locator = Callable[[Any, str], tuple[str | int, ...]]


@dataclass(frozen=True)
class FieldSource:
    """One kind of localized data text: the file holding it and how to read every instance."""

    path: str
    name: str
    texts: Callable[[Dataset], Iterable[tuple[str, LocalizedText | None]]]
    keys: Locator
    # A proper name given once (in French) is the same in every language, as CONTRIBUTING says:
    # a language without its own name is not a missing translation.
    same_unless_given: bool = False


def each(collection: str, field: str) -> Callable[[Dataset], Iterable[tuple[str, LocalizedText | None]]]:
    """The `field` of every record of `dataset.<collection>`, by record id."""
    return lambda dataset: ((record.id, getattr(record, field)) for record in getattr(dataset, collection))


def in_list(collection: str, field: str) -> Locator:
    """The `field` of the entry of `collection` whose id is the key."""

    def keys(data: Any, record_id: str) -> tuple[str | int, ...]:
        entries = data.get(collection) if isinstance(data, dict) else None
        index = next((i for i, e in enumerate(entries or ()) if isinstance(e, dict) and e.get("id") == record_id), None)
        return (collection,) if index is None else (collection, index, field)

    return keys


def _labels(dataset: Dataset) -> Iterable[tuple[str, LocalizedText]]:
    return ((f"{kind}.{key}", text) for kind, group in dataset.labels.entries.items() for key, text in group.items())


# Every localized text of data/: adding a source (practices, ...) is one line here.
FIELD_SOURCES: tuple[FieldSource, ...] = (
    FieldSource(
        "data/cities.yaml", "cities.name", each("cities", "name"), in_list("cities", "name"), same_unless_given=True
    ),
    FieldSource("data/cities.yaml", "cities.note", each("cities", "note"), in_list("cities", "note")),
    FieldSource("data/actions.yaml", "actions.title", each("actions", "title"), in_list("actions", "title")),
    FieldSource("data/actions.yaml", "actions.summary", each("actions", "summary"), in_list("actions", "summary")),
    FieldSource("data/labels.yaml", "labels", _labels, lambda data, key: tuple(key.split(".", 1))),
)


@dataclass(frozen=True)
class PageStatus:
    source: str  # content/about.md
    translation: str  # content/about.en.md
    in_docs: str  # about.en.md: the translation's path inside content/
    state: State
    source_date: int | None
    translation_date: int | None


@dataclass(frozen=True)
class MissingText:
    key: str  # the record's id, or kind.key of a label
    line: int | None  # the line of the file where the text's languages are written


@dataclass(frozen=True)
class FieldStatus:
    path: str
    name: str
    translated: tuple[str, ...]
    missing: tuple[MissingText, ...]
    same: tuple[str, ...] = ()  # names given once: the same in every language


@dataclass(frozen=True)
class LanguageStatus:
    language: str
    pages: tuple[PageStatus, ...]
    fields: tuple[FieldStatus, ...]

    def count(self, state: State) -> int:
        return sum(page.state == state for page in self.pages)


@dataclass(frozen=True)
class TranslationStatus:
    languages: tuple[LanguageStatus, ...]
    dated: bool  # False when git could not date the files
    data_dates: Mapping[str, int | None]

    def of(self, language: str) -> LanguageStatus:
        return next(status for status in self.languages if status.language == language)


def commit_dates(root: Path = ROOT, folders: tuple[str, ...] = ("content", "data")) -> dict[str, int] | None:
    """The last commit time of every file under `folders`, or None when history is missing."""
    try:
        shallow = subprocess.run(
            ["git", "rev-parse", "--is-shallow-repository"], cwd=root, capture_output=True, text=True, check=False
        )
        if shallow.returncode != 0 or shallow.stdout.strip() != "false":
            return None  # not a repository, or a shallow clone where every file has the same date
        log = subprocess.run(
            [
                "git",
                "-c",
                "core.quotePath=false",
                "log",
                "--format=%x00%ct",
                "--name-only",
                "--no-renames",
                "--",
                *folders,
            ],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None  # git is not installed
    if log.returncode != 0:
        return None
    dates: dict[str, int] = {}
    current = 0
    for line in log.stdout.splitlines():
        if line.startswith("\0"):
            current = bounded_epoch(line[1:]) or 0  # a commit dated past 2099: unknown
        elif line:
            dates.setdefault(line, current)  # the log is newest first
    return dates


def _is_translation(name: str, languages: tuple[str, ...]) -> bool:
    """`page.en.md` is a translation; `en.md` is a French page of that name."""
    parts = name.split(".")
    return len(parts) > 2 and parts[-2] in languages


def original_pages(content_dir: Path, languages: tuple[str, ...], skip_folders: Iterable[str] = ()) -> tuple[Path, ...]:
    """The French pages written by hand (relative to content_dir), not the generated ones."""
    skip = set(skip_folders)
    return tuple(
        path.relative_to(content_dir)
        for path in sorted(content_dir.rglob("*.md"))
        if path.relative_to(content_dir).parts[0] not in skip and not _is_translation(path.name, languages)
    )


def translation_path(page: PurePath, language: str) -> PurePath:
    return page.with_name(localized_name(page.stem, language))


def _page_state(exists: bool, source_date: int | None, translation_date: int | None) -> State:
    if not exists:
        return "missing"
    if not source_date or not translation_date:
        return "unknown"  # not committed, no history, or 0: a commit dated past 2099 (commit_dates)
    return "outdated" if source_date > translation_date else "translated"


def translation_status(
    dataset: Dataset,
    languages: tuple[str, ...],
    *,
    content_dir: Path = CONTENT_DIR,
    root: Path = ROOT,
    skip_folders: Iterable[str] = (),
    dates: Mapping[str, int] | None = None,
) -> TranslationStatus:
    """The status of every language but French. `dates` defaults to git's (see commit_dates)."""
    if dates is None:
        dates = commit_dates(root)
    dated = dates is not None
    dates = dates or {}
    documents: dict[str, YamlDocument | None] = {}

    def line_of(field: FieldSource, key: str) -> int | None:
        """The line of `key`'s text in its file (the line holding its field name)."""
        if field.path not in documents:
            try:
                documents[field.path] = load_yaml(root / field.path, field.path)
            except DataError:
                documents[field.path] = None
        doc = documents[field.path]
        return doc.locate_key(field.keys(doc.data, key))[0] if doc else None

    def repo_path(path: PurePath) -> str:
        absolute = content_dir / path
        try:
            return absolute.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return absolute.as_posix()

    pages = original_pages(content_dir, languages, skip_folders)
    statuses = []
    for language in languages:
        if language == ORIGINAL_LANGUAGE:
            continue
        page_statuses = []
        for page in pages:
            source, translation = repo_path(page), repo_path(translation_path(page, language))
            source_date, translation_date = dates.get(source), dates.get(translation)
            exists = (content_dir / translation_path(page, language)).is_file()
            page_statuses.append(
                PageStatus(
                    source,
                    translation,
                    translation_path(page, language).as_posix(),
                    _page_state(exists, source_date, translation_date),
                    source_date,
                    translation_date,
                )
            )
        fields = []
        for field in FIELD_SOURCES:
            texts = [(key, text) for key, text in field.texts(dataset) if text is not None]
            absent = [key for key, text in texts if not text.has(language)]
            fields.append(
                FieldStatus(
                    field.path,
                    field.name,
                    tuple(key for key, text in texts if text.has(language)),
                    () if field.same_unless_given else tuple(MissingText(key, line_of(field, key)) for key in absent),
                    tuple(absent) if field.same_unless_given else (),
                )
            )
        statuses.append(LanguageStatus(language, tuple(page_statuses), tuple(fields)))
    data_dates = {field.path: dates.get(field.path) for field in FIELD_SOURCES}
    return TranslationStatus(tuple(statuses), dated, data_dates)


def day(timestamp: int | None, unknown: str = "unknown") -> str:
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).date().isoformat() if timestamp else unknown


def render_text(status: TranslationStatus) -> str:
    """The report `make i18n-status` prints."""
    lines = ["Translation status (French is the original; pages are dated by their last commit)"]
    if not status.dated:
        lines.append("Git dates are unknown here (no git or a shallow clone): existing translations show as 'unknown'.")
    data_files = ", ".join(f"{path} {day(date)}" for path, date in status.data_dates.items())
    lines.append(
        f"Data texts are dated by their file only ({data_files}): they are translated or missing, never 'outdated'."
    )
    for language in status.languages:
        counts = ", ".join(f"{language.count(state)} {state}" for state in STATES)
        lines += ["", f"{language.language} ({language_name(language.language, 'en')})", f"  pages: {counts}"]
        for page in language.pages:
            if page.state != "translated":
                lines.append(
                    f"    {page.state:<10} {page.translation}  (French {page.source} {day(page.source_date)},"
                    f" translation {day(page.translation_date) if page.state != 'missing' else 'none'})"
                )
        done = sum(len(field.translated) for field in language.fields)
        total = done + sum(len(field.missing) for field in language.fields)
        same = sum(len(field.same) for field in language.fields)
        lines.append(
            f"  data texts: {done} of {total} translated"
            + (
                f" ({same} name{'s' if same != 1 else ''} given once, the same in every language: nothing to do)"
                if same
                else ""
            )
        )
        for field in language.fields:
            for missing in field.missing:
                where = f"{field.path}:{missing.line}" if missing.line else field.path
                lines.append(f"    missing    {where}  {field.name} of {missing.key}: add {language.language}")
    return "\n".join(lines) + "\n"


def edit_base(repo_url: str | None, edit_uri: str | None) -> str | None:
    """Where the web editor of content/ files starts (mkdocs.yml's repo_url joined with edit_uri)."""
    return urljoin(repo_url.rstrip("/") + "/", edit_uri) if repo_url and edit_uri else None


def editor_url(base: str, in_docs: str, exists: bool) -> str:
    """GitHub's web editor for a file of content/ (`base` from edit_base): edit it, or create it."""
    if exists:
        return base + quote(in_docs)
    folder, _, name = in_docs.rpartition("/")
    # GitHub's action is the last "/edit/" of the base: the owner or the repository may be named "edit".
    repository, _, branch_and_folder = base.rpartition("/edit/")
    return f"{repository}/new/{branch_and_folder}{quote(folder)}?filename={quote(name)}"


def render_page(status: TranslationStatus, dataset: Dataset, language: str, editor: str | None = None) -> str:
    """The translators' page in `language`: its own status, or every language's on the French page.

    With `editor` (see edit_base), each translation file links to GitHub's
    web editor, so that translating needs no git.
    """
    ui = dataset.labels.ui
    shown = status.languages if language == ORIGINAL_LANGUAGE else [status.of(language)]
    state_words = {state: ui(f"i18n-state-{state}", language) for state in STATES}

    def columns(*keys: str) -> list[str]:
        return md_table_header(ui(f"i18n-status-column-{key}", language) for key in keys)

    out = [
        front_matter(ui("i18n-status-title", language), ui("i18n-status-intro", language), searched=False)
        + f"# {md_text(ui('i18n-status-title', language))}",
        "",
        md_text(ui("i18n-status-intro", language)),
        "",
    ]
    if not status.dated:
        out += [md_text(ui("i18n-status-undated", language)), ""]
    for entry in shown:
        name = language_name(entry.language, language)
        name = name[:1].upper() + name[1:]  # CLDR writes French and Spanish names in lowercase
        out += [f"## {md_text(name)} ({entry.language}) {{ #{entry.language} }}", ""]
        out += [f"### {md_text(ui('i18n-status-pages', language))}", ""]
        for state in STATES:
            count = ui("i18n-status-count", language, state=state_words[state], count=entry.count(state))
            out.append(f"- {md_text(count)}")
        out.append("")
        out += columns("page", "translation", "state", "french-date", "translation-date")
        for page in entry.pages:
            translation = md_text(page.translation)
            if editor:
                translation = f"[{translation}]({editor_url(editor, page.in_docs, page.state != 'missing')})"
            out.append(
                f"| {md_text(page.source)} | {translation} | {md_text(state_words[page.state])}"
                f" | {md_text(day(page.source_date, '—'))} | {md_text(day(page.translation_date, '—'))} |"
            )
        out += [
            "",
            f"### {md_text(ui('i18n-status-data', language))}",
            "",
            md_text(ui("i18n-status-data-note", language)),
            "",
        ]
        out += columns("texts", "file", "translated", "missing", "missing-list")
        for field in entry.fields:
            missing = (
                md_text(
                    ", ".join(
                        f"{m.key} ({ui('i18n-status-line', language, line=m.line)})" if m.line else m.key
                        for m in field.missing
                    )
                )
                or "—"
            )
            counts = f"{len(field.translated)} | {len(field.missing)}"
            out.append(f"| {md_text(field.name)} | {md_text(field.path)} | {counts} | {missing} |")
        out.append("")
    return "\n".join(out)


FOLDER = "translation-status"


def status_pages(dataset: Dataset, languages: tuple[str, ...], *, skip_folders: Iterable[str]) -> dict[str, str]:
    """The translators' page, one per language; `skip_folders` are the generated ones."""
    status = translation_status(dataset, languages, skip_folders=skip_folders)
    config = read_mkdocs_yml()
    editor = edit_base(config.get("repo_url"), config.get("edit_uri"))
    return {localized_name("index", language): render_page(status, dataset, language, editor) for language in languages}
