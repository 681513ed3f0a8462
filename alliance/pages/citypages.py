"""A page for every city in every language, and the list of all cities grouped by country.

The city pages are generated into content/cities/ (alliance/assembly/generated.py); the list is the data
section `city-list` of the map page, the accessible alternative to the map that works without
JavaScript.
"""

from __future__ import annotations

from itertools import groupby

from babel.lists import format_list
from babel.numbers import format_decimal

from alliance.data.cities import City
from alliance.data.countries import country_name
from alliance.data.dataset import Dataset
from alliance.data.schemas import vocabulary
from alliance.localized import collation_key, localized_name
from alliance.pages.catalogue import practice_list
from alliance.pages.dates import format_when
from alliance.pages.markup import front_matter, html_text, in_sentence, md_shown, md_text
from alliance.pages.sources import evidence_disclosure, source_markdown, sources_inline
from alliance.pages.timeline import status_in_text
from alliance.siteconfig import load_publication

CITIES_FOLDER = "cities"
# The id of the heading above the city list on the map page (content/map*.md): the map document
# links it for readers without JavaScript.
CITY_LIST_ANCHOR = "city-list"


def city_pages(dataset: Dataset, languages: tuple[str, ...]) -> dict[str, str]:
    """{`lisbon.md`, `lisbon.en.md`, ...: Markdown} for the generated folder cities/."""
    return {
        localized_name(city.id, language): city_page(dataset, city, language)
        for city in dataset.cities
        for language in languages
    }


def city_page(dataset: Dataset, city: City, language: str) -> str:
    ui = _ui(dataset, language)
    country = country_name(city.country, language)
    parts = [
        front_matter(city.name[language], city_description(dataset, city, language))
        + f"# {md_text(city.name[language])}\n",
        md_text(ui("map-city-country", country=country)) + "\n",
    ]
    if city.note is not None:
        parts.append(md_shown(city.note.show(language), ui("fallback-field")) + "\n")
    parts.append(
        f"## {md_text(ui('map-city-roles'))}\n\n"
        + "".join(f"- {role}\n" for role in role_labels(dataset, city, language))
    )
    parts.append(actions_section(dataset, city, language))
    parts.append(practices_section(dataset, city, language))
    parts.append(
        f"## {md_text(ui('map-city-sources'))}\n\n"
        + "".join(f"- {source_markdown(source, dataset.labels, language, '../')}\n" for source in city.sources)
        + "\n"
        + evidence_disclosure(city.evidence, dataset.labels, language, "../", load_publication())
    )
    if city.position is not None:
        latitude, longitude = city.position
        position = (
            f"- {md_text(ui('map-latitude', value=_decimal(latitude, language)))}\n"
            f"- {md_text(ui('map-longitude', value=_decimal(longitude, language)))}\n"
        )
    else:
        # No source gives the place's position: it is listed, not mapped, and says why.
        assert city.unmapped  # a city has its coordinates or says why not (cities.schema.json)
        position = md_shown(city.unmapped.show(language), ui("fallback-field")) + "\n"
    parts.append(f"## {md_text(ui('map-city-coordinates'))}\n\n{position}")
    parts.append(f"[{md_text(ui('map-city-back'))}](../map.md)\n")
    return "\n".join(part for part in parts if part)


def city_description(dataset: Dataset, city: City, language: str) -> str:
    """ "Lisbonne (Portugal) : ville hôte … et territoire pilote.": the city's name, country and
    roles, which read inside the sentence."""
    roles = format_list(
        [
            in_sentence(dataset.labels.term("role", role, language)).text
            for role in vocabulary("role")
            if role in city.roles
        ],
        locale=language,
    )
    return dataset.labels.ui(
        "page-description-city",
        language,
        name=city.name[language],
        country=country_name(city.country, language),
        roles=roles,
    )


def actions_section(dataset: Dataset, city: City, language: str) -> str:
    """The actions of the agenda that take place in the city, in chronological order."""
    ui = _ui(dataset, language)
    fallback = ui("fallback-field")
    lines = []
    for action in dataset.actions_in(city.id):
        when = format_when(action.when, language, dataset.labels)
        if when and action.when.machine:
            date = f' — <time datetime="{html_text(action.when.machine)}">{md_text(when)}</time>'
        else:
            date = f" — {md_text(when)}" if when else ""
        title = f"[{md_shown(action.title.show(language), fallback)}](../agenda/index.md#{action.id})"
        sources = sources_inline(action.sources, dataset.labels, language, "../")
        lines.append(f"- {title}{date} {status_in_text(action, dataset, language)} {sources}\n")
    body = "".join(lines) if lines else md_text(ui("map-city-no-actions")) + "\n"
    return f"## {md_text(ui('map-city-actions'))}\n\n{body}"


def practices_section(dataset: Dataset, city: City, language: str) -> str:
    """The practices of the catalogue that take place in the city."""
    practices = dataset.practices_in(city.id)
    body = practice_list(dataset, practices, language, to_practices="../practices/", show_place=False)
    return f"## {md_text(_ui(dataset, language)('map-city-practices'))}\n\n{body}"


def role_labels(dataset: Dataset, city: City, language: str, *, in_a_line: bool = False) -> list[str]:
    """The city's roles as Markdown, in the order of the schema's list; `in_a_line`: the roles
    after the first read inside the sentence ("Supported the Lisbon meeting; hosted a meeting")."""
    fallback = _ui(dataset, language)("fallback-field")
    roles = [dataset.labels.term("role", role, language) for role in vocabulary("role") if role in city.roles]
    return [md_shown(in_sentence(role) if in_a_line and i else role, fallback) for i, role in enumerate(roles)]


def render_city_list(dataset: Dataset, language: str) -> str:
    """Every city, grouped by country (### headings: place it under a ## heading of a page at
    the root of content/), each linking to its page."""

    def country(city: City) -> str:
        return country_name(city.country, language)

    ordered = sorted(dataset.cities, key=lambda c: (collation_key(country(c)), collation_key(c.name[language])))
    parts = []
    for name, cities in groupby(ordered, key=country):
        items = "".join(
            f"- [{md_text(city.name[language])}]({CITIES_FOLDER}/{city.id}.md) — {'; '.join(role_labels(dataset, city, language, in_a_line=True))} "
            f"{sources_inline(city.sources, dataset.labels, language, '')}\n"
            for city in cities
        )
        parts.append(f"### {md_text(name)}\n\n{items}")
    return "\n".join(parts)


def _decimal(value: float, language: str) -> str:
    return format_decimal(value, format="0.0###", locale=language)


def _ui(dataset: Dataset, language: str):
    return lambda key, **values: dataset.labels.ui(key, language, **values)
