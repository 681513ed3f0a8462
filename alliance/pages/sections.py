"""Sections of pages that come from the data, placed in Markdown by `<!-- data: NAME -->`.

A content page written by hand says where a generated section goes; the build replaces the
marker with the section in the page's language. SECTIONS is the list of the names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from babel.lists import format_list

from alliance.data.countries import country_name
from alliance.data.dataset import Dataset
from alliance.data.problems import DataError, Problem
from alliance.exports.cityexports import render_city_exports
from alliance.exports.open_data import render_exports_section
from alliance.pages.catalogue import render_by_place, render_by_theme
from alliance.pages.citypages import render_city_list
from alliance.pages.home import render_agenda_glance, render_figures, render_map_entry, render_pillars
from alliance.pages.mapframe import render_map_frame
from alliance.pages.markup import generated_markers, md_text
from alliance.pages.sources import evidence_disclosure, render_source_list, sources_inline
from alliance.siteconfig import load_publication

MARKER = re.compile(r"<!--\s*data:\s*([A-Za-z0-9_-]*)\s*-->")


def render_coverage(dataset: Dataset, language: str) -> str:
    """How many of the cities and countries the declaration states the data documents.

    For pages at the root of content/ (the home page, the map): the sources link from there.
    """
    numbers = dataset.coverage
    sentence = dataset.labels.ui(
        "coverage",
        language,
        participants=dataset.declared.participants_more_than,
        cities=numbers.cities,
        declared_cities=numbers.declared_cities,
        countries=numbers.countries,
        declared_countries=numbers.declared_countries,
    )
    without_city = dataset.declared.countries_present_without_city
    if without_city:
        # Named, so that a reader can find every country the count includes.
        names = format_list([country_name(code, language) for code in without_city], locale=language)
        sentence += " " + dataset.labels.ui("coverage-countries-without-city", language, countries=names)
    invitation = dataset.labels.ui("coverage-invitation", language)
    return (
        f"{md_text(sentence)} {sources_inline(dataset.declared.sources, dataset.labels, language, '')}\n{{: .am-coverage }}\n\n"
        f"{evidence_disclosure(dataset.declared.evidence, dataset.labels, language, '', load_publication())}\n"
        f"{md_text(invitation)}\n"
    )


SECTIONS: dict[str, Callable[[Dataset, str], str]] = {
    "coverage": render_coverage,
    "home-figures": render_figures,
    "home-map": render_map_entry,
    "home-agenda": render_agenda_glance,
    "home-pillars": render_pillars,
    "practices-by-theme": render_by_theme,
    "practices-by-place": render_by_place,
    "city-map": render_map_frame,
    "city-list": render_city_list,
    "city-exports": render_city_exports,
    "open-data-exports": render_exports_section,
    "source-list": lambda dataset, language: render_source_list(dataset.sources, dataset.labels, language),
}


# A marker <!-- data: quotes-<id> --> shows the quotes of data/pages.yaml's passage <id>.
QUOTES_PREFIX = "quotes-"


def marker_problems(
    markdown: str, path: str, first_line: int = 1, quotes: Collection[str] | None = None
) -> list[Problem]:
    """A problem at each marker that names no section; the build and `make check` both ask.
    `quotes` are the passages of data/pages.yaml (None while the data cannot be read: any
    quotes-<id> marker is then let through, the data's problems being reported)."""
    problems = []
    for match in MARKER.finditer(markdown):
        name = match.group(1)
        if name.startswith(QUOTES_PREFIX) and (quotes is None or name.removeprefix(QUOTES_PREFIX) in quotes):
            continue
        if name not in SECTIONS:
            before = markdown[: match.start()]
            line = before.count("\n") + first_line
            column = len(before) - before.rfind("\n")
            known = ", ".join([*sorted(SECTIONS), *(QUOTES_PREFIX + key for key in sorted(quotes or ()))])
            problems.append(
                Problem(
                    path, line, column, f'"<!-- data: {match.group(1)} -->" names no section (known sections: {known})'
                )
            )
    return problems


def fill_sections(
    markdown: str, dataset: Dataset, language: str, path: str, first_line: int = 1, nonce: str | None = None
) -> str:
    """Replaces each marker; an unknown name raises a DataError pointing at the marker. With a
    nonce, each section is placed between the comments of markup.generated_markers (what the
    page's sanitizer leaves as it is)."""
    if problems := marker_problems(markdown, path, first_line, dataset.page_evidence):
        raise DataError(problems)

    def section(match: re.Match) -> str:
        name = match.group(1)
        if name in SECTIONS:
            text = SECTIONS[name](dataset, language)
        else:
            evidence = dataset.page_evidence[name.removeprefix(QUOTES_PREFIX)]
            text = evidence_disclosure(evidence, dataset.labels, language, "", load_publication(), with_claims=False)
        if not nonce:
            return text
        start, end = generated_markers(nonce)
        return f"{start}\n\n{text}\n\n{end}"

    return MARKER.sub(section, markdown)
