"""Synthetic cities for the tests of the map, the city pages and the exports (never in data/)."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

from alliance.data.actions import Action, When
from alliance.data.cities import City
from alliance.data.dataset import Dataset
from alliance.data.evidence import Evidence, Source, declaration_source
from alliance.data.labels import Labels
from alliance.data.schemas import vocabulary
from alliance.localized import LocalizedText
from alliance.pages.citymap import ISLAND_ID
from alliance.siteconfig import load_site_config

LANGUAGES = load_site_config().codes

# Every way a data string could become markup or code where it lands.
HOSTILE = "</script><script>alert(1)</script> ` ${alert(1)} \"><img src=x onerror=alert(1)> \\` '; alert(1)//"


def hostile(tag: str) -> str:
    return f"{tag} {HOSTILE}"


def _localized(tag: str, languages=LANGUAGES) -> LocalizedText:
    return LocalizedText.from_data({language: hostile(f"{tag}-{language}") for language in languages})


def hostile_evidence(tag: str, claims: tuple[str, ...] = ("summary",)) -> tuple[Evidence, ...]:
    """A quote of the declaration and one of a web source whose every text is hostile."""
    source = Source(
        hostile(f"source-{tag}"),
        f'https://example.org/{tag}/"><script>alert(1)</script>',
        hostile(f"title-{tag}"),
        hostile(f"publisher-{tag}"),
        "fr",
    )
    translation = {language: hostile(f"translation-{tag}-{language}") for language in LANGUAGES if language != "fr"}
    return (
        Evidence(claims, declaration_source(2), hostile(f"declaration-quote-{tag}"), translation),
        Evidence(claims, source, hostile(f"quote-{tag}"), translation),
    )


def city(
    city_id: str,
    lat: float,
    lon: float,
    roles: tuple[str, ...],
    name: LocalizedText | None = None,
    country: str | None = None,
    evidence: tuple[Evidence, ...] | None = None,
) -> City:
    return City(
        id=city_id,
        name=name or _localized(f"name-{city_id}"),
        country=country or hostile(f"country-{city_id}"),
        lat=lat,
        lon=lon,
        roles=roles,
        note=LocalizedText.from_data({"fr": hostile(f"note-{city_id}")}),
        evidence=evidence if evidence is not None else hostile_evidence(city_id, tuple(f"role:{r}" for r in roles)),
    )


def hostile_dataset(real: Dataset, cities: tuple[City, ...] | None = None, label=hostile) -> Dataset:
    """Cities whose every text (names, country, note, sources, role and status labels) is hostile,
    over the declared coverage and the labels of `real` (the real data).

    `label` makes the role and status labels (`lambda tag: tag` for plain ones)."""
    cities = (
        cities
        if cities is not None
        else (
            city("first", 38.7, -9.1, ("lisbon-host", "pilot-territory")),
            city("second", -23.5, -46.6, ("announced-host",)),
            city("third", 48.8, 2.3, ("practices-shared", "meeting-host")),
        )
    )
    action = Action(
        id="synthetic-action",
        title=_localized("action-title", ("fr", "en")),
        summary=_localized("action-summary"),
        when=When("range", dt.date(2023, 1, 26), dt.date(2023, 1, 27)),
        city=cities[0].id if cities else None,
        region=None,
        targets=("institutions",),
        status="held",
        evidence=hostile_evidence("action", ("title", "summary", "status", "place", "when", "targets")),
    )
    # Role and status labels only in French: the other languages show them as fallbacks.
    entries = dict(real.labels.entries)

    # A label is a template: its braces are written doubled (make check refuses a lone one).
    def template(text: str) -> LocalizedText:
        return LocalizedText.from_data({"fr": text.replace("{", "{{").replace("}", "}}")})

    entries["role"] = {role: template(label(f"role-{role}")) for role in vocabulary("role")}
    entries["status"] = {s: template(label(f"status-{s}")) for s in vocabulary("status")}
    return Dataset(real.declared, cities, (action,), Labels(entries))


class Markup(HTMLParser):
    """The elements, attributes and text of an HTML fragment or document."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: set[str] = set()
        self.links: list[str] = []
        self.text = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes |= {name for name, _ in attrs}
        self.links += [value for name, value in attrs if name in ("href", "src") and value]

    def handle_data(self, data):
        self.text += data


def as_label(text: str) -> str:
    """A text as data/labels.yaml must write it: a brace shown as it is is doubled (make check
    refuses a lone one), so that only the label's own placeholders are filled."""
    return text.replace("{", "{{").replace("}", "}}")


def map_island(document: str) -> dict:
    """The values a map document gives its script (its JSON data island)."""
    found = re.search(rf'<script type="application/json" id="{ISLAND_ID}">(.*?)</script>', document, re.S)
    assert found, "the map document has no data island"
    return json.loads(found[1])
