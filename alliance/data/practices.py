"""The catalogue of local practices: one Markdown file per practice in content/practices/.

`palermo-charter.md` is the French original and holds every field; `palermo-charter.en.md`
and the other translations hold only their own title and summary, and their text. The front
matter is read here with the strict YAML 1.2 loader and checked against
data/schemas/practice.schema.json, like the data: MkDocs reads front matter with YAML 1.1 and
silently ignores what it cannot parse, so the build shows practices from these records only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from alliance.data.checks import check_text_characters
from alliance.data.cities import check_country
from alliance.data.contributed import PageLink, read_markdown
from alliance.data.evidence import Evidence, EvidenceContext, Source, build_evidence, check_evidence, evidence_sources
from alliance.data.problems import DataError, Problem, did_you_mean
from alliance.data.schemas import schema_problems
from alliance.data.yamlload import YamlDocument, parse_yaml, read_text
from alliance.localized import ORIGINAL_LANGUAGE, LocalizedText
from alliance.paths import display_path

# The folder of content/ holding the practices.
PRACTICES_FOLDER = "practices"

# Hand-written pages of content/practices/ that are not practices: the catalogue's indexes.
INDEX_PAGES = frozenset({"index", "by-place"})

# Fields a translation may carry; every other field is shared and lives in the French file.
TRANSLATED_FIELDS = ("title", "summary")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_LANGUAGE_SUFFIX = re.compile(r"^[a-z]{2,3}$")
# A sentence end followed by the start of another sentence.
_SECOND_SENTENCE = re.compile(r"[.!?…]\s+[«\"“¿¡]?[A-ZÀ-Ý]")


@dataclass(frozen=True)
class Practice:
    id: str
    title: LocalizedText
    summary: LocalizedText
    description: LocalizedText  # the page's Markdown text
    city: str | None
    country: str
    themes: tuple[str, ...]
    year: int | None
    evidence: tuple[Evidence, ...]
    sources_read: dt.date
    # The links of its text to pages of the site, in every file: checked once every page is known.
    links: tuple[PageLink, ...] = ()

    @property
    def sources(self) -> tuple[Source, ...]:
        return evidence_sources(self.evidence)


_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def paragraph_count(body: str) -> int:
    """How many blocks of text, separated by blank lines, a practice's text has."""
    return sum(1 for block in _BLANK_LINES.split(body) if block.strip())


def practice_claims(data: Mapping, body: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the claims of a practice that need a quote, every claim a quote may support): its title,
    summary, themes, year when given, and each paragraph of its French text."""
    required = ["title", "summary", "themes"]
    if "year" in data:
        required.append("year")
    required += [f"paragraph-{n}" for n in range(1, paragraph_count(body) + 1)]
    return tuple(required), (*required, "city", "country")


@dataclass(frozen=True)
class _SourceFile:
    """One file of the folder, split into its front matter and its text."""

    id: str
    language: str
    path: str
    doc: YamlDocument
    body: str
    body_line: int  # the file's line where the text starts


def practice_file(name: str) -> tuple[str, str] | None:
    """(practice id, language) of a file name of content/practices/, or None for an index page."""
    if not name.endswith(".md"):
        return None
    stem = name[: -len(".md")]
    language = ORIGINAL_LANGUAGE
    head, dot, suffix = stem.rpartition(".")
    if dot and _LANGUAGE_SUFFIX.match(suffix):
        stem, language = head, suffix
    return None if stem in INDEX_PAGES else (stem, language)


def load_practices(
    folder: Path,
    city_countries: Mapping[str, str | None] | None,
    languages: tuple[str, ...],
    context: EvidenceContext,
    sources: Mapping[str, Source] | None,
) -> tuple[tuple[Practice, ...], list[Problem]]:
    """Every practice of `folder` with every problem found; `city_countries` maps city ids to
    countries (None while cities.yaml cannot be read: city references are then not checked);
    `sources` is the catalogue of data/sources.yaml (None while it cannot be read)."""
    problems: list[Problem] = []
    files: list[_SourceFile] = []
    unreadable: set[str] = set()  # ids whose French file exists but cannot be read
    for path in sorted(folder.glob("*.md")):  # none where there is no folder
        named = practice_file(path.name)
        if named is None:
            continue
        try:
            files.append(_read(path, *named))
        except DataError as error:
            problems.extend(error.problems)
            if named[1] == ORIGINAL_LANGUAGE:
                unreadable.add(named[0])
    for path in sorted(folder.rglob("*/*.md")):
        problems.append(
            Problem(
                display_path(path), 1, 1, f"a practice goes directly in {display_path(folder)}/, not in a subfolder"
            )
        )
    originals = {f.id: f for f in files if f.language == ORIGINAL_LANGUAGE}
    links: dict[str, tuple[PageLink, ...]] = {}
    for source in files:
        problems.extend(_check_name(source, languages, originals, unreadable))
        if source.language == ORIGINAL_LANGUAGE:
            problems.extend(_check_original(source, city_countries, links, context))
        else:
            problems.extend(_check_translation(source, originals, links))
    if problems or city_countries is None or sources is None:
        return (), problems
    return tuple(
        _build(original, [f for f in files if f.id == original.id], city_countries, links, sources)
        for original in originals.values()
    ), []


def _read(path: Path, practice_id: str, language: str) -> _SourceFile:
    shown = display_path(path)
    text = read_text(path, shown)
    match = _FRONT_MATTER.match(text)
    if not match:
        opened = text.startswith("---")
        message = (
            'the front matter is not closed: add a line "---" after its last field'
            if opened
            else 'the file must begin with its front matter: a line "---", the fields (title: ...), then a line "---"'
        )
        raise DataError([Problem(shown, 1, 1, message)])
    # A comment in place of the opening "---" keeps the parser's line numbers equal to the file's.
    doc = parse_yaml("#\n" + match.group(1), shown)
    body_line = match.group(0).count("\n") + 1
    return _SourceFile(practice_id, language, shown, doc, text[match.end() :], body_line)


def _check_name(
    source: _SourceFile, languages: tuple[str, ...], originals: Mapping[str, _SourceFile], unreadable: set[str]
) -> Iterator[Problem]:
    if not _ID.match(source.id):
        yield Problem(
            source.path,
            1,
            1,
            f'the file name "{source.id}" must be a lowercase slug: letters a-z, digits and single hyphens, such as "palermo-charter.md"',
        )
    if source.language == ORIGINAL_LANGUAGE and source.path.endswith(f".{ORIGINAL_LANGUAGE}.md"):
        yield Problem(source.path, 1, 1, f'the French original has no language suffix: name it "{source.id}.md"')
    elif source.language not in languages:
        yield Problem(
            source.path,
            1,
            1,
            f'"{source.language}" is not a language of the site ({", ".join(languages)}){did_you_mean(source.language, languages)}',
        )
    elif source.language != ORIGINAL_LANGUAGE and source.id not in originals and source.id not in unreadable:
        yield Problem(
            source.path,
            1,
            1,
            f'this translation has no French original: add "{source.id}.md" next to it, or correct the file name',
        )


def _check_original(
    source: _SourceFile,
    city_countries: Mapping[str, str | None] | None,
    links: dict[str, tuple[PageLink, ...]],
    context: EvidenceContext,
) -> Iterator[Problem]:
    doc = source.doc
    if not isinstance(doc.data, dict):
        yield Problem(source.path, 2, 1, "the front matter must be fields of the form 'title: ...', one a line")
        return
    yield from schema_problems(doc, "practice.schema.json")
    yield from _check_texts(source, links)
    data = doc.data
    city, country = data.get("city"), data.get("country")
    if city is None and country is None:
        yield Problem(
            source.path,
            2,
            1,
            'give "city" (the id of a city of data/cities.yaml) or, for a practice that belongs to no single city, "country"',
        )
    if isinstance(city, str) and _ID.match(city) and city_countries is not None:
        if city not in city_countries:
            yield doc.problem(
                ("city",),
                f'no city has the id "{city}" in data/cities.yaml{did_you_mean(city, sorted(city_countries))}',
            )
        elif isinstance(country, str) and city_countries[city] is not None and country != city_countries[city]:
            yield doc.problem(
                ("country",),
                f'is "{country}" but the city "{city}" is in {city_countries[city]}: correct it, or leave "country" out',
            )
    yield from check_country(doc, ("country",), country)
    required, allowed = practice_claims(data, source.body)
    yield from check_evidence(doc, ("evidence",), data.get("evidence"), required, allowed, context)
    read = data.get("sources_read")
    if isinstance(read, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", read):
        try:
            dt.date.fromisoformat(read)
        except ValueError:
            yield doc.problem(("sources_read",), f'"{read}" is not a real calendar date')


def _check_translation(
    source: _SourceFile, originals: Mapping[str, _SourceFile], links: dict[str, tuple[PageLink, ...]]
) -> Iterator[Problem]:
    doc = source.doc
    if not isinstance(doc.data, dict):
        yield Problem(source.path, 2, 1, "the front matter must be fields of the form 'title: ...', one a line")
        return
    original = originals.get(source.id)
    shared = [key for key in doc.data if key not in TRANSLATED_FIELDS]
    for key in shared:
        if original is not None and isinstance(original.doc.data, dict) and key in original.doc.data:
            message = (
                f'is shared by every language: it is set once, in the French file "{source.id}.md", so remove it here'
            )
        else:
            message = f'a translation carries only {" and ".join(TRANSLATED_FIELDS)}: put "{key}" in the French file "{source.id}.md"'
        yield doc.problem((key,), message, at_key=True)
    own = doc.with_data({k: v for k, v in doc.data.items() if k not in shared})
    yield from schema_problems(own, "practice-translation.schema.json")
    yield from _check_texts(source, links)


def _check_texts(source: _SourceFile, links: dict[str, tuple[PageLink, ...]]) -> Iterator[Problem]:
    """What a schema cannot say about the words of a page, in any language."""
    summary = source.doc.data.get("summary")
    if isinstance(summary, str) and summary.strip():
        one_line = " ".join(summary.split())
        if not one_line.endswith((".", "!", "?", "…")) or _SECOND_SENTENCE.search(one_line):
            yield source.doc.problem(("summary",), "must be one sentence, ending with a full stop")
    if not source.body.strip():
        yield Problem(
            source.path, source.body_line, 1, "the page has no text after the front matter: describe the practice there"
        )
    for field in TRANSLATED_FIELDS:
        yield from check_text_characters(source.doc, (field,), source.doc.data.get(field))
    problems, rendered = read_markdown(source.body, source.path, source.body_line)
    links[source.path] = rendered.links
    yield from problems


def _build(
    original: _SourceFile,
    files: list[_SourceFile],
    city_countries: Mapping[str, str | None],
    links: Mapping[str, tuple[PageLink, ...]],
    sources: Mapping[str, Source],
) -> Practice:
    data = original.doc.data

    def texts(field: str) -> LocalizedText:
        return LocalizedText.from_data({f.language: f.doc.data[field] for f in files})

    return Practice(
        id=original.id,
        title=texts("title"),
        summary=texts("summary"),
        description=LocalizedText.from_data({f.language: f.body.strip("\n") + "\n" for f in files}),
        city=data.get("city"),
        # Empty only while cities.yaml reports the city's missing country: the dataset is refused then.
        country=data.get("country") or city_countries[data["city"]] or "",
        themes=tuple(data["themes"]),
        year=data.get("year"),
        evidence=build_evidence(data["evidence"], sources),
        sources_read=dt.date.fromisoformat(data["sources_read"]),
        links=tuple(link for f in files for link in links[f.path]),
    )
