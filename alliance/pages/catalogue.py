"""The pages of the catalogue of practices: its indexes, the facts under each practice, its export."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from alliance.data.countries import country_name
from alliance.data.dataset import Dataset
from alliance.data.practices import PRACTICES_FOLDER, Practice, practice_file
from alliance.data.schemas import vocabulary
from alliance.localized import Shown, collation_key
from alliance.pages.markup import (
    CONTRIBUTED_END,
    CONTRIBUTED_START,
    city_link,
    front_matter,
    md_text,
    sanitize_contributed,
)
from alliance.pages.sources import (
    absolute_source,
    evidence_disclosure,
    published_evidence,
    source_markdown,
    sources_inline,
)
from alliance.siteconfig import load_publication

INDEX_PAGE = "index.md"  # the catalogue by theme, in content/practices/


def _shown_link(shown: Shown, href: str, fallback_label: str) -> str:
    """A link to a localized text; French shown for want of a translation says so."""
    if shown.is_fallback:
        return f'[{md_text(shown.text)}]({href}){{: lang="{shown.language}" hreflang="{shown.language}" }} <small class="am-fallback-field">({md_text(fallback_label)})</small>'
    return f"[{md_text(shown.text)}]({href})"


def _shown_text(shown: Shown) -> str:
    if shown.is_fallback:
        return f'<span lang="{shown.language}">{md_text(shown.text)}</span>'
    return md_text(shown.text)


def place_text(dataset: Dataset, practice: Practice, language: str) -> str:
    """ "Palerme, Italie", or the country alone for a practice of no single city."""
    country = country_name(practice.country, language)
    if practice.city is None:
        return country
    return f"{dataset.city(practice.city).name.show(language).text}, {country}"


def practice_list(
    dataset: Dataset,
    practices: Iterable[Practice],
    language: str,
    to_practices: str = "",
    show_place: bool = True,
    to_root: str = "../",
) -> str:
    """A Markdown list of practices, each with its summary and sources; `to_practices` leads to
    content/practices/, `to_root` to content/.

    A city page lists dataset.practices_in(...) with to_practices="../practices/" and show_place=False.
    """
    fallback = dataset.labels.ui("fallback-field", language)
    items = sorted(practices, key=lambda p: collation_key(p.title[language]))
    lines = []
    for practice in items:
        link = _shown_link(practice.title.show(language), f"{to_practices}{practice.id}.md", fallback)
        place = f" ({md_text(place_text(dataset, practice, language))})" if show_place else ""
        sources = sources_inline(practice.sources, dataset.labels, language, to_root)
        lines.append(f"- {link}{place} — {_shown_text(practice.summary.show(language))} {sources}")
    return "\n".join(lines) + "\n" if lines else md_text(dataset.labels.ui("practices-none", language)) + "\n"


def render_by_theme(dataset: Dataset, language: str) -> str:
    """The catalogue grouped by the three pillars; a practice of several themes is under each."""
    parts = []
    for theme in vocabulary("theme"):
        label = dataset.labels.term("theme", theme, language).text
        practices = [p for p in dataset.practices if theme in p.themes]
        parts.append(f"## {md_text(label)} {{: #{theme} }}\n\n{practice_list(dataset, practices, language)}")
    return "\n".join(parts)


def render_by_place(dataset: Dataset, language: str) -> str:
    """The catalogue by country, then by city; practices of no single city first in their country."""
    by_country: dict[str, list[Practice]] = defaultdict(list)
    for practice in dataset.practices:
        by_country[practice.country].append(practice)
    parts = []
    for country in sorted(by_country, key=lambda code: collation_key(country_name(code, language))):
        parts.append(f"## {md_text(country_name(country, language))} {{: #country-{country.lower()} }}\n")
        by_city: dict[str | None, list[Practice]] = defaultdict(list)
        for practice in by_country[country]:
            by_city[practice.city].append(practice)
        if None in by_city:
            label = dataset.labels.ui("practices-no-single-city", language)
            parts.append(
                f"### {md_text(label)} {{: #country-{country.lower()}-no-single-city }}\n\n{practice_list(dataset, by_city.pop(None), language, show_place=False)}"
            )
        for city_id in sorted(
            (c for c in by_city if c is not None), key=lambda c: collation_key(dataset.city(c).name[language])
        ):
            heading = city_link(dataset.city(city_id), language, "../")
            parts.append(
                f"### {heading} {{: #city-{city_id} }}\n\n{practice_list(dataset, by_city[city_id], language, show_place=False)}"
            )
    return "\n".join(parts)


def render_facts(dataset: Dataset, practice: Practice, language: str) -> str:
    """What the data says of a practice, in the reader's language, under its text."""
    ui = dataset.labels.ui
    country = md_text(country_name(practice.country, language))
    place = (
        country if practice.city is None else f"{city_link(dataset.city(practice.city), language, '../')}, {country}"
    )
    themes = ", ".join(
        f"[{md_text(dataset.labels.term('theme', theme, language).text)}]({INDEX_PAGE}#{theme})"
        for theme in practice.themes
    )
    facts = [
        f"- {md_text(ui('practices-place', language))} {place}",
        f"- {md_text(ui('practices-theme' if len(practice.themes) == 1 else 'practices-themes', language))} {themes}",
    ]
    if practice.year is not None:
        facts.append(
            f'- {md_text(ui("practices-year", language))} <time datetime="{practice.year:04d}">{practice.year}</time>'
        )
    sources = "\n".join("- " + source_markdown(source, dataset.labels, language, "../") for source in practice.sources)
    quotes = evidence_disclosure(practice.evidence, dataset.labels, language, "../", load_publication())
    return (
        f"## {md_text(ui('practices-facts', language))} {{: #practice-facts }}\n\n" + "\n".join(facts) + "\n\n"
        f"## {md_text(ui('practices-sources', language))} {{: #practice-sources }}\n\n{sources}\n\n{md_text(ui('practices-text-origin', language))}\n\n{quotes}"
    )


def _practice_of(dataset: Dataset, src_uri: str) -> tuple[Practice, str] | None:
    """The practice a file of content/ holds, and the language of its text."""
    folder, _, name = src_uri.rpartition("/")
    named = practice_file(name) if folder == PRACTICES_FOLDER else None
    if named is None:
        return None
    practice = next((p for p in dataset.practices if p.id == named[0]), None)
    return (practice, named[1]) if practice else None


def is_practice(dataset: Dataset, src_uri: str) -> bool:
    """Whether the file of content/ holds a practice's text (in any language)."""
    return _practice_of(dataset, src_uri) is not None


def sanitize_practice_html(dataset: Dataset, src_uri: str, page_html: str) -> str:
    """A page's HTML with a practice's text sanitized (alliance.pages.markup.sanitize_contributed); a
    practice page that lost its markers is sanitized whole."""
    return sanitize_contributed(page_html, whole_if_unmarked=is_practice(dataset, src_uri))


def practice_page(dataset: Dataset, src_uri: str, language: str) -> str | None:
    """The Markdown MkDocs gets for a practice file (None for any other page), in place of the file.

    The front matter is the one alliance.data.practices checked, written back by front_matter, so that
    MkDocs' own reading of the file cannot differ from it.
    """
    found = _practice_of(dataset, src_uri)
    if found is None:
        return None
    practice, text_language = found
    title, summary = practice.title[text_language], practice.summary[text_language]
    facts = render_facts(dataset, practice, language)
    if text_language != language:
        # The page is shown in French for want of a translation; the facts are in the reader's language.
        facts = f'<div lang="{language}" markdown>\n\n{facts}\n</div>\n'
    # The contributor's text is sanitized after rendering between the two markers (hooks/pages.py).
    return (
        front_matter(title, summary)
        + f"# {md_text(title)}\n\n{md_text(summary)}\n{{: .am-lead }}\n\n"
        + f"{CONTRIBUTED_START}\n\n{practice.description[text_language]}\n\n{CONTRIBUTED_END}\n\n{facts}"
    )


def practices_json(dataset: Dataset, languages: tuple[str, ...]) -> dict[str, str]:
    """open-data/practices.json: the catalogue in every language, for reuse. `sources_read` is
    left out: nothing records that the sources were opened on the day it gives."""
    publication = load_publication()
    records = [
        {
            "id": p.id,
            "title": dict(p.title.texts),
            "summary": dict(p.summary.texts),
            "description_markdown": dict(p.description.texts),
            "city": p.city,
            "country": p.country,
            "themes": list(p.themes),
            "year": p.year,
            "sources": [absolute_source(source, publication) for source in p.sources],
            "evidence": published_evidence(p.evidence, publication),
        }
        for p in sorted(dataset.practices, key=lambda p: p.id)
    ]
    return {"practices.json": json.dumps({"practices": records}, ensure_ascii=False, indent=2) + "\n"}
