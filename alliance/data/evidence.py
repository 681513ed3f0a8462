"""Sources as records (data/sources.yaml) and the quoted evidence of each claim a record makes.

A record (a city, an action, the `declared` block, a practice) carries `evidence:`, a list of
{claim, source, quote, translation}: which of its claims a passage supports, the source's id, the
passage verbatim in the source's language and the site's translation of it into the site's other
languages. The sources a record shows are those of its evidence: one list, in one place.
`declaration#pN` cites paragraph N of the Lisbon declaration; its quotes are checked word for word
against that paragraph of content/declaration.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from alliance.data.addresses import address_problem
from alliance.data.checks import check_languages, check_text_characters, check_unique_ids, records
from alliance.data.problems import Problem, did_you_mean
from alliance.data.yamlload import YamlDocument
from alliance.localized import ORIGINAL_LANGUAGE, LocalizedText

DECLARATION_SOURCE = re.compile(r"^declaration#p([1-9][0-9]*)$")
# A paragraph of content/declaration.md: its text, then the line giving its anchor.
_DECLARATION_PARAGRAPH = re.compile(r"(?:^|\n\n)((?:(?!\n\n).)+?)\n\{: #p([1-9][0-9]*) \}", re.S)
_SPACES = re.compile(r"\s+")
# What a quote may cut: the passage in two verbatim pieces joined by " […] ".
CUT = " […] "


@dataclass(frozen=True)
class Source:
    """A page that supports claims; `declaration#pN` is paragraph N of the Lisbon declaration."""

    id: str
    url: str  # a web address, or declaration#pN
    title: str
    publisher: str
    language: str
    date: str | None = None
    note: LocalizedText | None = None  # what a reader should know of it ("written before the event")

    @property
    def declaration_paragraph(self) -> int | None:
        match = DECLARATION_SOURCE.match(self.url)
        return int(match[1]) if match else None


@dataclass(frozen=True)
class Evidence:
    """A passage of a source, quoted, and the claims of its record that it supports."""

    claims: tuple[str, ...]
    source: Source
    quote: str
    translation: Mapping[str, str]  # the site's translation, by language; none in the source's language


def declaration_source(paragraph: int) -> Source:
    return Source(
        f"declaration#p{paragraph}",
        f"declaration#p{paragraph}",
        "Déclaration finale de Lisbonne",
        "Alliance Migrations",
        ORIGINAL_LANGUAGE,
        "2023-01-27",
    )


def build_sources(data: dict[str, Any]) -> dict[str, Source]:
    """The catalogue of sources, by id, from data that passed check_sources_file."""
    return {
        s["id"]: Source(
            s["id"],
            s["url"],
            s["title"],
            s["publisher"],
            s["language"],
            _date(s.get("date")),
            LocalizedText.from_data(s["note"]) if "note" in s else None,
        )
        for s in data.get("sources") or ()
    }


def _date(value: Any) -> str | None:
    return None if value is None else str(value)


def build_evidence(value: Any, sources: Mapping[str, Source]) -> tuple[Evidence, ...]:
    """Typed evidence from a list that passed check_evidence."""
    entries = []
    for entry in value or ():
        claim = entry["claim"]
        ref = entry["source"]
        match = DECLARATION_SOURCE.match(ref)
        source = declaration_source(int(match[1])) if match else sources[ref]
        entries.append(
            Evidence(
                tuple([claim] if isinstance(claim, str) else claim),
                source,
                entry["quote"],
                MappingProxyType(dict(entry.get("translation") or {})),
            )
        )
    return tuple(entries)


def evidence_sources(evidence: Iterable[Evidence]) -> tuple[Source, ...]:
    """The sources of some evidence, each once, in the order first cited."""
    seen: dict[str, Source] = {}
    for entry in evidence:
        seen.setdefault(entry.source.id, entry.source)
    return tuple(seen.values())


def declaration_paragraphs(path: Path) -> dict[int, str]:
    """The numbered paragraphs of the declaration page, as plain text on one line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    return {int(number): _plain(body) for body, number in _DECLARATION_PARAGRAPH.findall(text)}


def _plain(text: str) -> str:
    return _SPACES.sub(" ", text.replace("*", "")).strip()


def quote_in(quote: str, passage: str) -> bool:
    """Whether every piece of `quote` (cut with " […] ") is in `passage`, in order, spaces aside."""
    position = 0
    for piece in _plain(quote).split(CUT.strip()):
        piece = piece.strip()
        found = passage.find(piece, position)
        if not piece or found < 0:
            return False
        position = found + len(piece)
    return True


def check_sources_file(doc: YamlDocument, languages: tuple[str, ...]) -> Iterator[Problem]:
    """Checks of data/sources.yaml the schema cannot express."""
    yield from check_unique_ids(doc, "sources")
    urls: dict[str, int] = {}
    for i, source in records(doc, "sources"):
        url = source.get("url")
        if isinstance(url, str):
            if message := address_problem(url):
                yield doc.problem(("sources", i, "url"), message)
            if url in urls:
                yield doc.problem(
                    ("sources", i, "url"), f"is already the address of sources[{urls[url]}]: cite that id"
                )
            urls.setdefault(url, i)
        for field in ("title", "publisher", "note"):
            yield from check_text_characters(doc, ("sources", i, field), source.get(field))
        yield from check_languages(doc, ("sources", i, "note"), source.get("note"), languages)
        if isinstance(source.get("id"), str) and DECLARATION_SOURCE.match(source["id"]):
            yield doc.problem(("sources", i, "id"), "declaration#pN is built in: choose another id")


@dataclass(frozen=True)
class EvidenceContext:
    """What checking evidence needs to know besides the record: the sources' languages by id (None
    while data/sources.yaml cannot be read), the site's languages and the declaration's paragraphs."""

    source_languages: Mapping[str, str] | None
    languages: tuple[str, ...]
    declaration: Mapping[int, str]


def source_languages(doc: YamlDocument | None) -> dict[str, str] | None:
    if doc is None:
        return None
    return {
        s["id"]: s["language"]
        for _, s in records(doc, "sources")
        if isinstance(s.get("id"), str) and isinstance(s.get("language"), str)
    }


def check_evidence(
    doc: YamlDocument,
    keys: tuple,
    value: Any,
    required: Iterable[str],
    allowed: Iterable[str],
    context: EvidenceContext,
) -> Iterator[Problem]:
    """Each claim of `required` has a quote; each entry names a known claim and source, quotes the
    declaration word for word, and is translated into French when the source is not French."""
    allowed = tuple(allowed)
    if not isinstance(value, list) or not value:
        return  # the schema reports a missing or empty list, once
    covered: set[str] = set()
    for i, entry in enumerate(value):
        if not isinstance(entry, dict):
            continue  # the schema reports it
        where = (*keys, i)
        claims = entry.get("claim")
        claims = [claims] if isinstance(claims, str) else claims if isinstance(claims, list) else []
        for claim in claims:
            if not isinstance(claim, str):
                continue
            if claim in allowed:
                covered.add(claim)
            else:
                yield doc.problem(
                    (*where, "claim"),
                    f'"{claim}" is not a claim of this record (its claims: {", ".join(allowed)}){did_you_mean(claim, allowed)}',
                )
        quote = entry.get("quote")
        yield from check_text_characters(doc, (*where, "quote"), quote)
        yield from check_text_characters(doc, (*where, "translation"), entry.get("translation"))
        language = yield from _check_source(doc, where, entry.get("source"), quote, context)
        yield from _check_translation(doc, where, entry.get("translation"), language, context.languages)
    for claim in required:
        if claim not in covered:
            yield doc.problem(
                keys,
                f'the claim "{claim}" has no quote: add an entry with "claim: {claim}", the source\'s id and the passage that supports it',
                at_key=True,
            )


def _check_source(doc: YamlDocument, where: tuple, ref: Any, quote: Any, context: EvidenceContext):
    """Problems of an entry's source; returns the source's language (None when unknown)."""
    if not isinstance(ref, str):
        return None
    if match := DECLARATION_SOURCE.match(ref):
        paragraph = context.declaration.get(int(match[1]))
        if paragraph is None:
            yield doc.problem((*where, "source"), f"the declaration has no paragraph {match[1]}")
        elif isinstance(quote, str) and not quote_in(quote, paragraph):
            yield doc.problem(
                (*where, "quote"),
                f'is not word for word in paragraph {match[1]} of the declaration: copy the passage exactly (cut with "{CUT.strip()}")',
            )
        return ORIGINAL_LANGUAGE
    if context.source_languages is None:
        return None
    if ref not in context.source_languages:
        yield doc.problem(
            (*where, "source"),
            f'no source has the id "{ref}" in data/sources.yaml{did_you_mean(ref, sorted(context.source_languages))}',
        )
        return None
    return context.source_languages[ref]


def _check_translation(
    doc: YamlDocument, where: tuple, translation: Any, language: str | None, languages: tuple[str, ...]
) -> Iterator[Problem]:
    """A quote not in French has its French translation (the original site's language); the other
    languages are translated like any text, and shown with the French one until they are."""
    if language is None:
        return
    given = translation if isinstance(translation, dict) else {}
    if language in given:
        yield doc.problem(
            (*where, "translation", language),
            f'the quote is already in "{language}", the source\'s language: remove this translation',
            at_key=True,
        )
    if language != ORIGINAL_LANGUAGE and ORIGINAL_LANGUAGE not in given:
        yield doc.problem(
            (*where, "translation") if isinstance(translation, dict) else where,
            f'the quote is in "{language}": give its translation into {ORIGINAL_LANGUAGE} at least '
            f"({', '.join(code for code in languages if code != language)} for every reader)",
            at_key=True,
        )
    for code in given:
        if isinstance(code, str) and code not in languages and code != language:
            yield doc.problem(
                (*where, "translation", code),
                f'"{code}" is not a language of the site ({", ".join(languages)}){did_you_mean(code, languages)}',
                at_key=True,
            )


def check_pages_file(doc: YamlDocument, context: EvidenceContext) -> Iterator[Problem]:
    """Checks of data/pages.yaml the schema cannot express: each listed claim has its quote."""
    yield from check_unique_ids(doc, "pages")
    for i, page in records(doc, "pages"):
        claims = page.get("claims")
        listed = tuple(c for c in claims if isinstance(c, str)) if isinstance(claims, list) else ()
        yield from check_evidence(doc, ("pages", i, "evidence"), page.get("evidence"), listed, listed, context)


def build_page_evidence(data: dict[str, Any], sources: Mapping[str, Source]) -> dict[str, tuple[Evidence, ...]]:
    """The evidence of each passage of data/pages.yaml, by id."""
    return {page["id"]: build_evidence(page["evidence"], sources) for page in data.get("pages") or ()}
