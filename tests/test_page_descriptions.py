"""Every page has a description of its own (issue 12.7): a city its name, country and roles, an
agenda page its entries' titles and dates, a practice its summary; escaped for the attribute."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from alliance.localized import language_prefix
from alliance.pages.citypages import city_description
from alliance.pages.mapframe import MAP_FOLDER
from alliance.pages.markup import front_matter, html_text, plain_line
from alliance.pages.typography import typeset_text

HOSTILE = [
    'Fin " onmouseover="alert(1)',
    "a: b # c",
    "---\nx: y",
    "</title><script>alert(1)</script>",
    "l'accueil & « guillemets » {{ jinja }}",
    "séparateur\u2028de ligne",
    "barre \\ oblique",
]


class _Description(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name") == "description":
            self.values.append(attributes.get("content") or "")


def description(page: Path) -> str | None:
    parser = _Description()
    parser.feed(page.read_text(encoding="utf-8"))
    assert len(parser.values) <= 1, page
    return parser.values[0] if parser.values else None


@pytest.mark.parametrize("text", HOSTILE)
def test_front_matter_keeps_any_text_as_one_string(text):
    _, fields, body = front_matter(text, text).split("---\n")
    line = plain_line(text).strip()
    assert yaml.safe_load(fields) == {"title": html_text(line), "description": line}
    assert body == "\n"


def test_every_built_page_has_a_description_of_its_own(built_site):
    pages_by_description: dict[str, list[str]] = {}
    for page in sorted(built_site.rglob("*.html")):
        text = description(page)
        if page.name == "404.html":
            continue  # not-found pages are not indexed (noindex): they keep the site's description
        if text is None:
            # Only the map documents (framed by the map page) have none.
            assert page.parent.name == MAP_FOLDER and page.name != "index.html", page
            continue
        assert text.strip(), page
        pages_by_description.setdefault(text, []).append(page.relative_to(built_site).as_posix())
    shared = {text: pages for text, pages in pages_by_description.items() if len(pages) > 1}
    assert not shared
    assert len(pages_by_description) > 190


def test_generated_pages_describe_their_own_record(built_site, site_config, real_dataset):
    dataset = real_dataset
    for language in site_config.codes:
        folder = built_site / language_prefix(language, site_config.default_language)
        for city in dataset.cities:
            # The description is typeset as the page's text is (French spaces, curly quotes).
            expected = typeset_text(city_description(dataset, city, language), language)
            assert description(folder / "cities" / city.id / "index.html") == expected
        for practice in dataset.practices:
            page = folder / "practices" / practice.id / "index.html"
            assert description(page) == typeset_text(practice.summary[language].strip(), language)
        year = min(action.when.start.year for action in dataset.actions if action.when.is_dated)
        first = next(action for action in dataset.actions if action.when.is_dated and action.when.start.year == year)
        assert first.title[language] in description(folder / "agenda" / str(year) / "index.html")


# Written by hand: each city's name, its country and its roles, in the page's language (a city of
# one role and one of two, joined as each language joins a list).
CITY_DESCRIPTIONS = {
    ("lisbon", "fr"): "Lisbonne (Portugal) : ville hôte de la rencontre de Lisbonne (2023) et territoire pilote.",
    ("lisbon", "en"): "Lisbon (Portugal): host city of the Lisbon meeting (2023) and pilot territory.",
    ("lisbon", "es"): "Lisboa (Portugal): ciudad anfitriona del encuentro de Lisboa (2023) y territorio piloto.",
    ("lisbon", "pt"): "Lisboa (Portugal): cidade anfitriã do encontro de Lisboa (2023) e território piloto.",
    ("palermo", "fr"): "Palerme (Italie) : territoire pilote.",
    ("palermo", "en"): "Palermo (Italy): pilot territory.",
    ("palermo", "es"): "Palermo (Italia): territorio piloto.",
    ("palermo", "pt"): "Palermo (Itália): território piloto.",
}


@pytest.mark.parametrize(("city_id", "language"), CITY_DESCRIPTIONS)
def test_a_city_is_described_exactly_in_its_pages_language(city_id, language, real_dataset):
    dataset = real_dataset
    city = next(city for city in dataset.cities if city.id == city_id)
    assert city_description(dataset, city, language) == CITY_DESCRIPTIONS[city_id, language]
