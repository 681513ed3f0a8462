"""The agenda: dates at their precision in each language, pages, calendar feeds, actions.json."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import markdown
import pytest
from icalendar import Calendar
from mkdocs.utils.meta import get_data

from alliance.assembly.reproducible import data_changed_at
from alliance.data.actions import Action, parse_when
from alliance.data.evidence import Evidence, Source, declaration_source
from alliance.data.labels import Labels
from alliance.data.schemas import vocabulary
from alliance.exports.calendar import agenda_feed, is_event
from alliance.localized import LocalizedText
from alliance.pages.agenda import actions_json, agenda_exports, agenda_pages
from alliance.pages.dates import format_when
from alliance.pages.timeline import entries_description, render_agenda, render_target, render_year, status_in_text
from alliance.pages.typography import typeset_text
from alliance.siteconfig import Publication, load_publication, load_site_config

LANGUAGES = load_site_config().codes
THIN = "\u2009"
HOSTILE = (
    "</script><script>alert(1)</script>",
    "`rm -rf`",
    "${alert(1)}",
    '"><img src=x onerror=alert(1)>',
    "Paris; Lisbon, [link](javascript:alert(1)) *x* {: #evil }\nBEGIN:VEVENT\nUID:injected",
)
PUBLICATION = Publication("https://example.org/site/", {"fr": "fr_FR", "en": "en_GB", "es": "es_ES", "pt": "pt_PT"})
STAMP = dt.datetime(2026, 11, 26, 16, 42, 43, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def dataset(real_dataset):
    return real_dataset


def synthetic(dataset, **fields) -> Action:
    """A made-up action (never in data/), with the fields of a real one unless given."""
    values: dict[str, Any] = {
        "id": "synthetic",
        "title": LocalizedText.from_data({"fr": "Titre", "en": "Title"}),
        "summary": LocalizedText.from_data({"fr": "Résumé", "en": "Summary"}),
        "when": parse_when("2023-06-15"),
        "city": "lisbon",
        "region": None,
        "targets": ("institutions",),
        "status": "planned",
        "evidence": (Evidence(("summary",), declaration_source(4), "Les 15 et 16 juin 2023", {}),),
    }
    values.update(fields)
    return Action(**values)


def with_actions(dataset, *actions):
    return dataclasses.replace(dataset, actions=tuple(actions))


DATES = [
    (
        "2023-06-15",
        {"fr": "15 juin 2023", "en": "15 June 2023", "es": "15 de junio de 2023", "pt": "15 de junho de 2023"},
    ),
    (
        "2023-06-15/2023-06-16",
        {
            "fr": "15–16 juin 2023",
            "en": "15–16 June 2023",  # closed between two numbers, as the declaration writes it
            "es": "15–16 de junio de 2023",
            "pt": "15–16 de junho de 2023",
        },
    ),
    (
        "2023-01-30/2023-02-02",
        {
            "fr": f"30 janvier{THIN}–{THIN}2 février 2023",
            "en": f"30 January{THIN}–{THIN}2 February 2023",
            "es": f"30 de enero{THIN}–{THIN}2 de febrero de 2023",
            "pt": f"30 de janeiro{THIN}–{THIN}2 de fevereiro de 2023",
        },
    ),
    (
        "2023-12-30/2024-01-02",
        {
            "fr": f"30 décembre 2023{THIN}–{THIN}2 janvier 2024",
            "en": f"30 December 2023{THIN}–{THIN}2 January 2024",
            "es": f"30 de diciembre de 2023{THIN}–{THIN}2 de enero de 2024",
            "pt": f"30 de dezembro de 2023{THIN}–{THIN}2 de janeiro de 2024",
        },
    ),
    ("2023-11", {"fr": "novembre 2023", "en": "November 2023", "es": "noviembre de 2023", "pt": "novembro de 2023"}),
    ("2024", {"fr": "2024", "en": "2024", "es": "2024", "pt": "2024"}),
    ("yearly", {"fr": "chaque année", "en": "every year", "es": "cada año", "pt": "todos os anos"}),
    (None, {"fr": None, "en": None, "es": None, "pt": None}),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("value, expected", DATES, ids=[str(value) for value, _ in DATES])
def test_dates_in_words_at_their_precision(dataset, value, expected, language):
    assert format_when(parse_when(value), language, dataset.labels) == expected[language]


@pytest.mark.parametrize(
    "value, machine",
    [("2024", "2024"), ("2023-11", "2023-11"), ("2023-06-15", "2023-06-15"), ("2023-06-15/2023-06-16", "2023-06-15")],
)
def test_entry_carries_the_machine_date_at_its_precision(dataset, value, machine):
    page = render_agenda(with_actions(dataset, synthetic(dataset, when=parse_when(value))), "en", "agenda.en.ics")
    assert f'<time datetime="{machine}">' in page


def test_agenda_groups_by_year_and_keeps_undated_apart(dataset):
    page = render_agenda(dataset, "fr", "agenda.ics")
    headings = re.findall(r"^## (.*)$", page, flags=re.M)
    assert headings[:3] == [
        "[2019](2019.md) { #year-2019 }",
        "[2023](2023.md) { #year-2023 }",
        "[2024](2024.md) { #year-2024 }",
    ]
    assert headings[3].startswith("Actions récurrentes et en continu")
    undated = page.split("{ #agenda-undated }")[1]
    for action in dataset.actions:
        assert (f"{{ #{action.id} }}" in undated) == (not action.when.is_dated)
    dated = [action.id for action in dataset.actions if action.when.is_dated]
    assert [i for i in re.findall(r"\{ #([a-z0-9-]+) \}", page) if i in dated] == dated


def test_agenda_names_what_the_feed_leaves_out(dataset):
    page = render_agenda(dataset, "fr", "agenda.ics")
    subscribe = page.split("{ #agenda-subscribe }")[1]
    assert r"[Calendrier de l'agenda, en français \(iCalendar, \.ics\)](../open-data/agenda.ics)" in subscribe
    assert "Hors du calendrier : [Le continent africain à l'honneur](#africa-2024)" in subscribe


def test_statuses_are_words_with_a_class(dataset):
    page = render_agenda(dataset, "pt", "agenda.pt.ics")
    assert '<span class="am-status am-status-to-be-confirmed">A confirmar</span>' in page
    assert '<span class="am-status am-status-held">Realizado</span>' in page
    assert '<p class="am-when">Todos os anos</p>' in page


def test_year_pages_link_to_their_neighbours(dataset):
    page = render_year(dataset, "es", 2023)
    assert "[Toda la agenda](index.md) · [Año anterior: 2019](2019.md) · [Año siguiente: 2024](2024.md)" in page
    assert "{ #strasbourg-2023 }" in page and "{ #paris-2019 }" not in page and "{ #africa-2024 }" not in page
    last = render_year(dataset, "en", 2024)
    assert "Previous year: 2023" in last and "Next year" not in last


def test_target_pages_hold_exactly_their_actions(dataset):
    page = render_target(dataset, "en", "public-opinion")
    for action in dataset.actions:
        assert (f"{{ #{action.id} }}" in page) == ("public-opinion" in action.targets)


def test_pages_exist_for_every_language_year_and_target(dataset):
    pages = agenda_pages(dataset, LANGUAGES)
    for stem in ("index", "2019", "2023", "2024", "institutions", "public-opinion", "territories"):
        assert {f"{stem}.md", f"{stem}.en.md", f"{stem}.es.md", f"{stem}.pt.md"} <= set(pages)


def test_the_place_links_to_the_city_page(dataset):
    page = render_agenda(with_actions(dataset, synthetic(dataset)), "pt", "agenda.pt.ics")
    assert '<dd markdown="span">[Lisboa](../cities/lisbon.md), Portugal</dd>' in page


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def to_html(page: str) -> TagCollector:
    collector = TagCollector()
    body, _ = get_data(page)  # the front matter, read apart as MkDocs reads it
    collector.feed(markdown.markdown(body, extensions=["md_in_html", "attr_list", "toc", "tables"]))
    return collector


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_strings_are_inert_in_pages(dataset, hostile):
    action = synthetic(
        dataset,
        id="hostile",
        title=LocalizedText.from_data({"fr": hostile}),
        summary=LocalizedText.from_data({"fr": hostile, "en": hostile}),
        evidence=(
            Evidence(
                ("summary",),
                Source("hostile", f"https://example.org/{hostile.split()[0]}", hostile, hostile, "fr"),
                hostile,
                {"en": hostile},
            ),
        ),
    )
    data = with_actions(dataset, action)
    for page in (
        render_agenda(data, "en", "agenda.en.ics"),
        render_year(data, "en", 2023),
        render_target(data, "en", "institutions"),
    ):
        # A description holding the hostile title is still one string, read as such (a target
        # page, which repeats the year pages, is also left out of the search).
        assert set(get_data(page)[1]) - {"search"} == {"title", "description"}
        html = to_html(page)
        tags = {tag for tag, _ in html.tags}
        assert not tags & {"script", "img"}
        assert all(not re.match(r"\s*javascript:", attrs.get("href") or "") for _, attrs in html.tags)
        assert all("onerror" not in attrs for _, attrs in html.tags)
        assert [attrs.get("id") for _, attrs in html.tags].count("evil") == 0
        text = "".join(html.text)
        assert " ".join(hostile.split()) in " ".join(text.split())


def events(feed: str) -> dict[str, object]:
    return {str(event["UID"]): event for event in Calendar.from_ical(feed).walk("VEVENT")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_feed_holds_exactly_the_actions_with_known_days(dataset, language):
    feed = agenda_exports(dataset, LANGUAGES)["agenda.ics" if language == "fr" else f"agenda.{language}.ics"]
    found = events(feed)
    expected = {f"{a.id}@alliance-migrations": a for a in dataset.actions if a.when.precision in ("day", "range")}
    assert set(found) == set(expected)
    assert "africa-2024@alliance-migrations" not in found
    for uid, action in expected.items():
        event = found[uid]
        assert event.decoded("DTSTART") == action.when.start
        assert event.decoded("DTEND") == action.when.end + dt.timedelta(days=1)
        assert str(event["SUMMARY"]) == action.title[language]
        # When the entry was made (RFC 5545): the data's last commit, the same for every event.
        assert event.decoded("DTSTAMP") == data_changed_at()


def test_feed_event_details(dataset):
    event = events(agenda_feed(dataset, "en", PUBLICATION, "fr", STAMP))["strasbourg-2023@alliance-migrations"]
    assert event.decoded("DTSTAMP") == STAMP
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (dt.date(2023, 6, 15), dt.date(2023, 6, 17))
    assert str(event["LOCATION"]) == "Strasbourg, France"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["URL"]) == "https://example.org/site/en/agenda/#strasbourg-2023"
    description = str(event["DESCRIPTION"])
    assert "https://example.org/site/en/declaration/#p4" in description
    assert "https://www.emmaus-international.org/fr/news/" in description
    tentative = events(agenda_feed(dataset, "fr", PUBLICATION, "fr", STAMP))["sao-paulo-2023@alliance-migrations"]
    assert str(tentative["STATUS"]) == "TENTATIVE"
    assert "https://example.org/site/declaration/#p4" in str(tentative["DESCRIPTION"])


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_strings_round_trip_through_the_feed(dataset, hostile):
    action = synthetic(
        dataset,
        title=LocalizedText.from_data({"fr": hostile, "en": hostile}),
        summary=LocalizedText.from_data({"fr": hostile}),
    )
    feed = agenda_feed(with_actions(dataset, action), "en", PUBLICATION, "fr", STAMP)
    (event,) = Calendar.from_ical(feed).walk("VEVENT")
    # Its words, in English typography (curly quotes) or French for the untranslated summary.
    assert str(event["SUMMARY"]) == typeset_text(hostile, "en")
    assert str(event["DESCRIPTION"]).startswith(typeset_text(hostile, "fr"))
    assert str(event["UID"]) == "synthetic@alliance-migrations"


@pytest.mark.parametrize(
    "language, status",
    [("fr", "Statut\u00a0: Prévu"), ("en", "Status: Planned")],
)
def test_the_feed_prose_follows_its_language_typography_and_leaves_addresses_alone(dataset, language, status):
    action = synthetic(
        dataset,
        title=LocalizedText.from_data({"fr": "Rencontre « Accueil » ?", "en": 'The "Welcome" meeting'}),
        summary=LocalizedText.from_data({"fr": "Résumé : oui", "en": "It's a summary"}),
    )
    (event,) = Calendar.from_ical(agenda_feed(with_actions(dataset, action), language, PUBLICATION, "fr", STAMP)).walk(
        "VEVENT"
    )
    expected = {"fr": "Rencontre «\u202fAccueil\u202f»\u202f?", "en": "The \u201cWelcome\u201d meeting"}
    assert str(event["SUMMARY"]) == expected[language]
    description = str(event["DESCRIPTION"])
    assert status in description and "https://" in description
    assert all(" " not in line and "\u202f" not in line for line in description.splitlines() if "://" in line)


def test_untranslated_title_is_marked_french_in_the_feed(dataset):
    action = synthetic(dataset, title=LocalizedText.from_data({"fr": "Titre"}))
    (event,) = Calendar.from_ical(agenda_feed(with_actions(dataset, action), "pt", PUBLICATION, "fr", STAMP)).walk(
        "VEVENT"
    )
    assert event["SUMMARY"].params["LANGUAGE"] == "fr"


@pytest.mark.parametrize(
    "value, dated",
    [
        ("2023-06-15", True),
        ("2023-06-15/2023-06-16", True),
        ("2023-06", False),
        ("2024", False),
        ("yearly", False),
        (None, False),
    ],
)
def test_only_known_days_become_events(dataset, value, dated):
    assert is_event(synthetic(dataset, when=parse_when(value))) is dated


def test_actions_json_holds_every_action_and_field(dataset):
    hostile = synthetic(dataset, title=LocalizedText.from_data({"fr": HOSTILE[0], "en": HOSTILE[3]}))
    records = json.loads(actions_json(with_actions(dataset, *dataset.actions, hostile), PUBLICATION))["actions"]
    assert [r["id"] for r in records] == [a.id for a in dataset.actions] + ["synthetic"]
    assert records[-1]["title"] == {"fr": HOSTILE[0], "en": HOSTILE[3]}
    strasbourg = next(r for r in records if r["id"] == "strasbourg-2023")
    assert strasbourg["when"] == {"precision": "range", "start": "2023-06-15", "end": "2023-06-16"}
    assert strasbourg["place"] == {"city": "strasbourg"}
    assert set(strasbourg) == {"id", "title", "summary", "when", "place", "targets", "status", "sources", "evidence"}
    # Each quote with its source's address, its language and the site's translations.
    quote = strasbourg["evidence"][0]
    assert quote["source"].endswith("/declaration/#p4") and quote["language"] == "fr"
    assert set(quote["translation"]) == {"en", "es", "pt"}


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])


def parse_links(path: Path) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def test_every_link_of_the_built_agenda_resolves(built_site):
    pages = sorted(built_site.glob("**/agenda/**/index.html"))
    assert len(pages) == 4 * 7
    for page in pages:
        # A generated page has no file in the repository, hence no "edit this page" link.
        assert 'rel="edit"' not in page.read_text(encoding="utf-8")
        base = "/" + page.relative_to(built_site).as_posix()
        for link in parse_links(page).links:
            parts = urlsplit(urljoin(base, link))
            if parts.scheme or parts.netloc:
                continue
            target = built_site / unquote(parts.path).lstrip("/")
            if parts.path.endswith("/"):
                target = target / "index.html"
            assert target.is_file(), f"{base}: {link} points to no file"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in parse_links(target).ids, f"{base}: {link} points to no anchor"


@pytest.mark.parametrize(
    "prefix, name",
    [
        ("", "Agenda de l'Alliance Migrations"),
        ("en/", "Alliance Migrations agenda"),
        ("es/", "Agenda de la Alianza Migraciones"),
        ("pt/", "Agenda da Aliança Migrações"),
    ],
)
def test_built_feeds_sit_in_each_language(built_site, prefix, name):
    calendar = Calendar.from_ical((built_site / prefix / "open-data" / "agenda.ics").read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == name
    html = (built_site / prefix / "agenda" / "index.html").read_text(encoding="utf-8")
    assert 'href="../open-data/agenda.ics"' in html


def test_untranslated_summary_says_so_in_the_feed(dataset):
    action = synthetic(dataset, summary=LocalizedText.from_data({"fr": "Résumé"}))
    (event,) = Calendar.from_ical(agenda_feed(with_actions(dataset, action), "en", PUBLICATION, "fr", STAMP)).walk(
        "VEVENT"
    )
    assert str(event["DESCRIPTION"]).startswith("Résumé (in French, not translated yet)\n\n")
    (event,) = Calendar.from_ical(agenda_feed(with_actions(dataset, action), "fr", PUBLICATION, "fr", STAMP)).walk(
        "VEVENT"
    )
    assert str(event["DESCRIPTION"]).startswith("Résumé\n\n")


@pytest.mark.parametrize(
    "language, expected",
    [
        ("fr", "(statut : tenu)"),
        ("en", "(status: held)"),
        ("es", "(estado: celebrado)"),
        ("pt", "(estado: realizado)"),
    ],
)
def test_a_status_after_a_title_agrees_with_the_word_status_not_the_title(dataset, language, expected):
    """ "Deuxième rencontre … (Tenu)" gave a feminine noun a masculine word; the word now follows
    "statut"/"estado", in lower case, whatever noun comes before."""

    def shown(action: Action) -> str:
        return "".join(to_html(status_in_text(action, dataset, language)).text).strip()

    lisbon = next(action for action in dataset.actions if action.id == "lisbon-2023")
    assert shown(lisbon) == expected
    for status in vocabulary("status"):
        word = shown(dataclasses.replace(lisbon, status=status)).partition(":")[2].strip(" )")
        assert word and word[0] == word[0].lower(), (language, status, word)


# The English feed of three actions, written by hand: a single day (its DTEND the next day,
# DTEND being exclusive), days across a year boundary with an untranslated title, and a month
# (no day known: left out). Categories and status in English, the place in English.
EXPECTED_FEED = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Alliance Migrations//Agenda//EN
CALSCALE:GREGORIAN
NAME:Alliance Migrations agenda
X-WR-CALNAME:Alliance Migrations agenda
BEGIN:VEVENT
SUMMARY:Title
DTSTART;VALUE=DATE:20230615
DTEND;VALUE=DATE:20230616
DTSTAMP:20261126T164243Z
UID:one-day@alliance-migrations
CATEGORIES:National and international institutions
DESCRIPTION:Summary\\n\\nStatus: Held\\n\\nSources:\\nhttps://example.org/site/
 en/declaration/#p4
LOCATION:Lisbon\\, Portugal
STATUS:CONFIRMED
URL:https://example.org/site/en/agenda/#one-day
END:VEVENT
BEGIN:VEVENT
SUMMARY;LANGUAGE=fr:Réveillon
DTSTART;VALUE=DATE:20231230
DTEND;VALUE=DATE:20240103
DTSTAMP:20261126T164243Z
UID:new-year@alliance-migrations
DESCRIPTION:Summary\\n\\nStatus: Planned\\n\\nSources:\\nhttps://example.org/si
 te/en/declaration/#p4
LOCATION:Palermo\\, Italy
STATUS:TENTATIVE
URL:https://example.org/site/en/agenda/#new-year
END:VEVENT
END:VCALENDAR
"""


def new_year(dataset) -> Action:
    """Days across the end of a year, titled in French only, in a city of another country, with no target."""
    return synthetic(
        dataset,
        id="new-year",
        when=parse_when("2023-12-30/2024-01-02"),
        title=LocalizedText.from_data({"fr": "Réveillon"}),
        city="palermo",
        targets=(),
    )


def test_the_english_feed_is_exactly_what_a_calendar_reads(dataset):
    actions = (
        synthetic(dataset, id="one-day", status="held"),
        new_year(dataset),
        synthetic(dataset, id="a-month", when=parse_when("2023-06")),
    )
    feed = agenda_feed(with_actions(dataset, *actions), "en", PUBLICATION, "fr", STAMP)
    assert feed == EXPECTED_FEED.replace("\n", "\r\n")


# The French feed of one action, written by hand: two days across the end of February of a leap
# year (DTEND on 2 March), two sources in their order, the French typography of the title, the
# summary and the labels (no-break spaces), the place and the categories in French.
EXPECTED_FRENCH_FEED = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Alliance Migrations//Agenda//FR
CALSCALE:GREGORIAN
NAME:Agenda de l'Alliance Migrations
X-WR-CALNAME:Agenda de l'Alliance Migrations
BEGIN:VEVENT
SUMMARY:Rencontre «\u202fAccueil\u202f»\u202f?
DTSTART;VALUE=DATE:20240228
DTEND;VALUE=DATE:20240302
DTSTAMP:20261126T164243Z
UID:leap-day@alliance-migrations
CATEGORIES:Institutions nationales et internationales,Territoires
DESCRIPTION:Résumé\u00a0: deux jours\\n\\nStatut\u00a0: À confirmer\\n\\nSources\u00a0:
 \\nhttps://example.org/site/declaration/#p4\\nhttps://example.org/report
LOCATION:Lisbonne\\, Portugal
STATUS:TENTATIVE
URL:https://example.org/site/agenda/#leap-day
END:VEVENT
END:VCALENDAR
"""


def test_the_french_feed_is_exactly_what_a_calendar_reads(dataset):
    report = Source("report", "https://example.org/report", "Rapport", "Ville", "fr")
    action = synthetic(
        dataset,
        id="leap-day",
        when=parse_when("2024-02-28/2024-03-01"),
        title=LocalizedText.from_data({"fr": "Rencontre « Accueil » ?"}),
        summary=LocalizedText.from_data({"fr": "Résumé : deux jours"}),
        targets=("institutions", "territories"),
        status="to-be-confirmed",
        evidence=(
            Evidence(("summary",), declaration_source(4), "Les 15 et 16 juin 2023", {}),
            Evidence(("status",), report, "Deux jours", {}),
        ),
    )
    feed = agenda_feed(with_actions(dataset, action), "fr", PUBLICATION, "fr", STAMP)
    assert feed == EXPECTED_FRENCH_FEED.replace("\n", "\r\n")


def test_the_spanish_feed_describes_an_event_in_spanish(dataset):
    (event,) = Calendar.from_ical(
        agenda_feed(with_actions(dataset, synthetic(dataset)), "es", PUBLICATION, "fr", STAMP)
    ).walk("VEVENT")
    # The summary has no Spanish text: it is the French one, and says so.
    assert str(event["DESCRIPTION"]) == (
        "Résumé (en francés, aún sin traducir)\n\nEstado: Previsto\n\nFuentes:\nhttps://example.org/site/es/declaration/#p4"
    )
    assert str(event["LOCATION"]) == "Lisboa, Portugal"


def test_a_place_in_the_english_feed_has_english_apostrophes(dataset):
    """The place is prose like the rest: "Val d'Aosta" takes the English apostrophe."""
    aosta = dataclasses.replace(
        dataset.city("lisbon"), name=LocalizedText.from_data({"fr": "Val d'Aoste", "en": "Val d'Aosta"})
    )
    cities = tuple(aosta if city.id == "lisbon" else city for city in dataset.cities)
    dataset = dataclasses.replace(with_actions(dataset, synthetic(dataset)), cities=cities)
    (event,) = Calendar.from_ical(agenda_feed(dataset, "en", PUBLICATION, "fr", STAMP)).walk("VEVENT")
    assert str(event["LOCATION"]) == "Val d\u2019Aosta, Portugal"


def year_fixture(dataset):
    """A year before, a single day, days across the end of the year (filed under the year they
    start), and a month of the next year."""
    return with_actions(
        dataset,
        synthetic(dataset, id="last-year", when=parse_when("2022-05-01")),
        synthetic(dataset, id="one-day", status="held"),
        new_year(dataset),
        synthetic(dataset, id="a-month", when=parse_when("2024-06"), region="europe", city=None),
    )


ENTRY_EVIDENCE = """<details class="am-evidence" markdown="1">
<summary>What the sources say</summary>

<figure class="am-quote" markdown="1">
<blockquote cite="https://alliance-migrations.github.io/site/en/declaration/#p4" lang="fr"><p>Les 15 et 16 juin 2023</p></blockquote>
<figcaption markdown="span">— [Lisbon declaration, paragraph 4](../declaration.md#p4) · Supports: the summary</figcaption>
</figure>

</details>
"""

# The English page of 2023, written by hand.
EXPECTED_YEAR_PAGE = f"""---
title: Agenda 2023
description: 'Agenda 2023: Title (15 June 2023) and Réveillon (30 December 2023{THIN}–{THIN}2 January 2024)'
---

# Agenda 2023

<nav class="am-agenda-years" aria-label="Years of the agenda" markdown="block">
[The whole agenda](index.md) · [Previous year: 2022](2022.md) · [Next year: 2024](2024.md)
</nav>

<ol class="am-timeline" markdown="block">
<li class="am-action am-status-held" markdown="block">
## Title {{ #one-day }}

<p class="am-when"><time datetime="2023-06-15">15 June 2023</time></p>

Summary

<dl class="am-action-facts" markdown="block">
<dt>Place</dt>
<dd markdown="span">[Lisbon](../cities/lisbon.md), Portugal</dd>
<dt>Targets</dt>
<dd markdown="span">[National and international institutions](institutions.md)</dd>
<dt>Status</dt>
<dd><span class="am-status am-status-held">Held</span></dd>
<dt>Sources</dt>
<dd markdown="span">[Lisbon declaration, paragraph 4](../declaration.md#p4)</dd>
</dl>

{ENTRY_EVIDENCE}
</li>
<li class="am-action am-status-planned" markdown="block">
## <span lang="fr">Réveillon</span> <small class="am-fallback-field">(in French, not translated yet)</small> {{ #new-year }}

<p class="am-when"><time datetime="2023-12-30">30 December 2023{THIN}–{THIN}2 January 2024</time></p>

Summary

<dl class="am-action-facts" markdown="block">
<dt>Place</dt>
<dd markdown="span">[Palermo](../cities/palermo.md), Italy</dd>
<dt>Status</dt>
<dd><span class="am-status am-status-planned">Planned</span></dd>
<dt>Sources</dt>
<dd markdown="span">[Lisbon declaration, paragraph 4](../declaration.md#p4)</dd>
</dl>

{ENTRY_EVIDENCE}
</li>
</ol>
"""

# The French page of 2024: a month (its machine date a month), a region for a place, no next year.
EXPECTED_LAST_YEAR_PAGE = """---
title: Agenda 2024
description: 'Agenda 2024 : Titre (juin 2024)'
---

# Agenda 2024

<nav class="am-agenda-years" aria-label="Années de l&amp;#x27;agenda" markdown="block">
[Tout l'agenda](index.md) · [Année précédente : 2023](2023.md)
</nav>

<ol class="am-timeline" markdown="block">
<li class="am-action am-status-planned" markdown="block">
## Titre { #a-month }

<p class="am-when"><time datetime="2024-06">Juin 2024</time></p>

Résumé

<dl class="am-action-facts" markdown="block">
<dt>Lieu</dt>
<dd markdown="span">Europe</dd>
<dt>Cibles</dt>
<dd markdown="span">[Institutions nationales et internationales](institutions.md)</dd>
<dt>Statut</dt>
<dd><span class="am-status am-status-planned">Prévu</span></dd>
<dt>Sources</dt>
<dd markdown="span">[Déclaration de Lisbonne, paragraphe 4](../declaration.md#p4)</dd>
</dl>

<details class="am-evidence" markdown="1">
<summary>Ce que disent les sources</summary>

<figure class="am-quote" markdown="1">
<blockquote cite="https://alliance-migrations.github.io/site/declaration/#p4" lang="fr"><p>Les 15 et 16 juin 2023</p></blockquote>
<figcaption markdown="span">— [Déclaration de Lisbonne, paragraphe 4](../declaration.md#p4) · Appuie : le résumé</figcaption>
</figure>

</details>

</li>
</ol>
"""


def test_a_year_page_is_exactly_its_actions_by_the_year_they_start(dataset):
    assert render_year(year_fixture(dataset), "en", 2023) == EXPECTED_YEAR_PAGE


def test_the_last_year_page_is_exactly_its_actions_without_a_next_year(dataset):
    assert render_year(year_fixture(dataset), "fr", 2024) == EXPECTED_LAST_YEAR_PAGE


def test_the_agenda_names_a_month_and_a_year_as_left_out_of_the_feed_and_nothing_else(dataset):
    fixture = year_fixture(dataset)
    fixture = with_actions(fixture, *fixture.actions, synthetic(dataset, id="a-year", when=parse_when("2025")))
    subscribe = render_agenda(fixture, "en", "agenda.en.ics").split("{ #agenda-subscribe }")[1]
    left_out = next(line for line in subscribe.splitlines() if line.startswith("Not in the calendar"))
    assert left_out == "Not in the calendar: [Title](#a-month) · [Title](#a-year)"


# actions.json of a single day in a city and a yearly entry of a region, written by hand: accents
# as they are, an unknown day as null, the declaration's paragraph at its absolute address.
EXPECTED_ACTIONS_JSON = """{
  "actions": [
    {
      "id": "one-day",
      "title": {
        "fr": "Titre",
        "en": "Title"
      },
      "summary": {
        "fr": "Résumé",
        "en": "Summary"
      },
      "when": {
        "precision": "day",
        "start": "2023-06-15",
        "end": "2023-06-15"
      },
      "place": {
        "city": "lisbon"
      },
      "targets": [
        "institutions"
      ],
      "status": "held",
      "sources": [
        "https://example.org/site/declaration/#p4"
      ],
      "evidence": [
        {
          "claims": [
            "summary"
          ],
          "source": "https://example.org/site/declaration/#p4",
          "quote": "Les 15 et 16 juin 2023",
          "language": "fr",
          "translation": {}
        }
      ]
    },
    {
      "id": "every-year",
      "title": {
        "fr": "Titre"
      },
      "summary": {
        "fr": "Résumé"
      },
      "when": {
        "precision": "yearly",
        "start": null,
        "end": null
      },
      "place": {
        "region": "network"
      },
      "targets": [],
      "status": "recurring",
      "sources": [],
      "evidence": []
    }
  ]
}
"""


def test_actions_json_is_exactly_every_field_of_each_action(dataset):
    actions = (
        synthetic(dataset, id="one-day", status="held"),
        synthetic(
            dataset,
            id="every-year",
            title=LocalizedText.from_data({"fr": "Titre"}),
            summary=LocalizedText.from_data({"fr": "Résumé"}),
            when=parse_when("yearly"),
            city=None,
            region="network",
            targets=(),
            status="recurring",
            evidence=(),
        ),
    )
    assert actions_json(with_actions(dataset, *actions), PUBLICATION) == EXPECTED_ACTIONS_JSON


def test_the_agenda_has_a_page_per_year_and_target_in_use_in_each_language(dataset):
    pages = agenda_pages(year_fixture(dataset), ("fr", "en"))
    assert sorted(pages) == [
        "2022.en.md",
        "2022.md",
        "2023.en.md",
        "2023.md",
        "2024.en.md",
        "2024.md",
        "index.en.md",
        "index.md",
        "institutions.en.md",
        "institutions.md",
    ]
    assert pages["2023.en.md"] == EXPECTED_YEAR_PAGE
    assert "](../open-data/agenda.en.ics)" in pages["index.en.md"]
    assert "](../open-data/agenda.ics)" in pages["index.md"]
    assert pages["institutions.en.md"].startswith("---\ntitle: National and international institutions\n")


def test_the_exports_are_the_actions_and_a_feed_per_language_linking_the_pages_of_its_language(dataset):
    fixture = with_actions(dataset, synthetic(dataset, id="one-day"))
    files = agenda_exports(fixture, ("fr", "en"))
    assert sorted(files) == ["actions.json", "agenda.en.ics", "agenda.ics"]
    assert json.loads(files["actions.json"])["actions"][0]["id"] == "one-day"
    site = load_publication().site_url
    assert str(events(files["agenda.ics"])["one-day@alliance-migrations"]["URL"]) == f"{site}agenda/#one-day"
    assert str(events(files["agenda.en.ics"])["one-day@alliance-migrations"]["URL"]) == f"{site}en/agenda/#one-day"


# The English page of a target, written by hand: only the actions aimed at it, by the year they
# start, then the recurring ones; left out of search (the year pages hold the same entries).
EXPECTED_TARGET_PAGE = """---
title: Territories
description: 'Territories: Title (June 2024) and Title (every year)'
search:
  exclude: true
---

# Territories

The actions of the common agenda aimed at this target, in chronological order\\.

[The whole agenda](index.md)

## [2024](2024.md) { #year-2024 }

<ol class="am-timeline" markdown="block">
<li class="am-action am-status-planned" markdown="block">
### Title { #a-month }

<p class="am-when"><time datetime="2024-06">June 2024</time></p>

Summary

<dl class="am-action-facts" markdown="block">
<dt>Place</dt>
<dd markdown="span">Europe</dd>
<dt>Targets</dt>
<dd markdown="span">[Territories](territories.md)</dd>
<dt>Status</dt>
<dd><span class="am-status am-status-planned">Planned</span></dd>
<dt>Sources</dt>
<dd markdown="span"></dd>
</dl>


</li>
</ol>

## Recurring and ongoing actions { #agenda-undated }

<ol class="am-timeline" markdown="block">
<li class="am-action am-status-recurring" markdown="block">
### Title { #every-year }

<p class="am-when">Every year</p>

Summary

<dl class="am-action-facts" markdown="block">
<dt>Place</dt>
<dd markdown="span">[Lisbon](../cities/lisbon.md), Portugal</dd>
<dt>Targets</dt>
<dd markdown="span">[National and international institutions](institutions.md), [Territories](territories.md)</dd>
<dt>Status</dt>
<dd><span class="am-status am-status-recurring">Every year</span></dd>
<dt>Sources</dt>
<dd markdown="span"></dd>
</dl>


</li>
</ol>
"""


def agenda_fixture(dataset):
    """A day in a city, a month in a region, a yearly entry: no evidence, to keep the text short."""
    return with_actions(
        dataset,
        synthetic(dataset, id="one-day", status="held", evidence=()),
        synthetic(
            dataset,
            id="a-month",
            when=parse_when("2024-06"),
            region="europe",
            city=None,
            targets=("territories",),
            evidence=(),
        ),
        synthetic(
            dataset,
            id="every-year",
            when=parse_when("yearly"),
            status="recurring",
            targets=("institutions", "territories"),
            evidence=(),
        ),
    )


def test_a_target_page_is_exactly_the_actions_aimed_at_it(dataset):
    fixture = agenda_fixture(dataset)
    assert render_target(fixture, "en", "territories") == EXPECTED_TARGET_PAGE


def test_a_region_is_the_place_of_a_feed_event_in_the_feed_language(dataset):
    action = synthetic(dataset, region="latin-america", city=None)
    (event,) = Calendar.from_ical(agenda_feed(with_actions(dataset, action), "es", PUBLICATION, "fr", STAMP)).walk(
        "VEVENT"
    )
    assert str(event["LOCATION"]) == "América Latina"


def titled(dataset, action_id: str, length: int) -> Action:
    return synthetic(dataset, id=action_id, title=LocalizedText.from_data({"fr": "t" * length, "en": "x" * length}))


def test_a_description_lists_whole_entries_up_to_300_characters(dataset):
    day = " (15 June 2023)"
    # 132 + 15 + " and " + 133 + 15: exactly 300 characters, kept whole.
    exactly = (titled(dataset, "a", 132), titled(dataset, "b", 133))
    assert entries_description(exactly, dataset, "en") == f"{'x' * 132}{day} and {'x' * 133}{day}"
    # One character more: the second entry is left out, and the cut is shown.
    over = (titled(dataset, "a", 132), titled(dataset, "b", 134))
    assert entries_description(over, dataset, "en") == f"{'x' * 132}{day}, …"
    # Three of 115 characters: the first two, then the cut.
    three = tuple(titled(dataset, name, 100) for name in "abc")
    assert entries_description(three, dataset, "en") == f"{'x' * 100}{day}, {'x' * 100}{day}, …"
    # A single entry is kept whole, however long.
    assert entries_description((titled(dataset, "a", 400),), dataset, "en") == f"{'x' * 400}{day}"
    assert entries_description((), dataset, "en") == ""
    undated = synthetic(dataset, when=parse_when(None))
    assert entries_description((undated,), dataset, "fr") == "Titre"


def french_only(dataset, kind: str):
    """The dataset with the labels of `kind` (status, target...) not translated yet."""
    entries = dict(dataset.labels.entries)
    entries[kind] = {key: LocalizedText.from_data({"fr": text["fr"]}) for key, text in entries[kind].items()}
    return dataclasses.replace(dataset, labels=Labels(entries))


def test_an_untranslated_status_or_target_says_so_in_english(dataset):
    fallback = '<small class="am-fallback-field">(in French, not translated yet)</small>'
    action = synthetic(dataset)
    shown = status_in_text(action, french_only(with_actions(dataset, action), "status"), "en")
    assert shown == f'(status: <span lang="fr">prévu</span> {fallback})'
    page = render_target(french_only(with_actions(dataset, action), "target"), "en", "institutions")
    assert f'\n# <span lang="fr">Institutions nationales et internationales</span> {fallback}\n' in page


def one_entry(action_id: str, status: str, when: str, place: str, targets: str, status_word: str) -> str:
    return f"""<li class="am-action am-status-{status}" markdown="block">
### Title {{ #{action_id} }}

<p class="am-when">{when}</p>

Summary

<dl class="am-action-facts" markdown="block">
<dt>Place</dt>
<dd markdown="span">{place}</dd>
<dt>Targets</dt>
<dd markdown="span">{targets}</dd>
<dt>Status</dt>
<dd><span class="am-status am-status-{status}">{status_word}</span></dd>
<dt>Sources</dt>
<dd markdown="span"></dd>
</dl>


</li>"""


# The English agenda page, written by hand: its ways to browse (years, targets in use), the years,
# the recurring entries, the feed and what it leaves out (the month, not the yearly entry, which
# the sentence before names), the open data.
EXPECTED_AGENDA_PAGE = f"""---
title: Agenda
description: The meetings of the Alliance Migrations and the common actions of the Lisbon declaration, in chronological order. Each entry gives its sources; what is not confirmed is marked as such.
---

# Agenda

The meetings of the Alliance Migrations and the common actions of the Lisbon declaration, in chronological order\\. Each entry gives its sources; what is not confirmed is marked as such\\.

By year: [2023](2023.md) · [2024](2024.md)
{{: .am-agenda-years }}

By target: [National and international institutions](institutions.md) · [Territories](territories.md)
{{: .am-agenda-targets }}

## [2023](2023.md) {{ #year-2023 }}

<ol class="am-timeline" markdown="block">
{one_entry("one-day", "held", '<time datetime="2023-06-15">15 June 2023</time>', "[Lisbon](../cities/lisbon.md), Portugal", "[National and international institutions](institutions.md)", "Held")}
</ol>

## [2024](2024.md) {{ #year-2024 }}

<ol class="am-timeline" markdown="block">
{one_entry("a-month", "planned", '<time datetime="2024-06">June 2024</time>', "Europe", "[Territories](territories.md)", "Planned")}
</ol>

## Recurring and ongoing actions {{ #agenda-undated }}

<ol class="am-timeline" markdown="block">
{one_entry("every-year", "recurring", "Every year", "[Lisbon](../cities/lisbon.md), Portugal", "[National and international institutions](institutions.md), [Territories](territories.md)", "Every year")}
</ol>

## Subscribe to the calendar {{ #agenda-subscribe }}

[Agenda calendar, in English \\(iCalendar, \\.ics\\)](../open-data/agenda.en.ics)

To follow the agenda in your calendar application \\(Thunderbird, Outlook, Google Calendar, Apple Calendar…\\), copy this link's address and add it as a calendar "from URL" or "subscription": the application will keep it up to date\\. You can also download the file and import it once\\.

The calendar holds only the actions whose days are known\\. Actions dated only by a month or a year, recurring actions and undated ones are left out, so as not to invent a date\\.

Not in the calendar: [Title](#a-month)

[The agenda's data in every language \\(JSON\\)](../open-data/actions.json)
"""


def test_the_agenda_page_is_exactly_its_ways_to_browse_its_entries_and_its_feed(dataset):
    assert render_agenda(agenda_fixture(dataset), "en", "agenda.en.ics") == EXPECTED_AGENDA_PAGE


def test_without_undated_entries_the_agenda_has_no_recurring_section(dataset):
    fixture = agenda_fixture(dataset)
    page = render_agenda(with_actions(fixture, *fixture.actions[:2]), "en", "agenda.en.ics")
    assert "agenda-undated" not in page and "#a-month" in page


def test_the_first_year_page_links_only_the_next_year(dataset):
    page = render_year(year_fixture(dataset), "en", 2022)
    assert "\n[The whole agenda](index.md) · [Next year: 2023](2023.md)\n" in page


def test_a_description_lists_entries_as_its_language_lists_them(dataset):
    two = (synthetic(dataset), synthetic(dataset, id="a-month", when=parse_when("2024-06")))
    assert entries_description(two, dataset, "fr") == "Titre (15 juin 2023) et Titre (juin 2024)"
    assert entries_description(two, dataset, "pt") == "Titre (15 de junho de 2023) e Titre (junho de 2024)"


def test_an_untranslated_title_left_out_of_the_feed_says_so(dataset):
    action = synthetic(
        dataset, id="a-month", when=parse_when("2024-06"), title=LocalizedText.from_data({"fr": "Titre"})
    )
    page = render_agenda(with_actions(dataset, action), "en", "agenda.en.ics")
    fallback = '<small class="am-fallback-field">(in French, not translated yet)</small>'
    assert f'\nNot in the calendar: [<span lang="fr">Titre</span> {fallback}](#a-month)\n' in page


def test_an_entry_with_untranslated_labels_says_so_in_english(dataset):
    fallback = '<small class="am-fallback-field">(in French, not translated yet)</small>'
    fixture = with_actions(dataset, synthetic(dataset, region="europe", city=None))
    for kind in ("status", "target", "region"):
        fixture = french_only(fixture, kind)
    page = render_year(fixture, "en", 2023)
    assert f'<dd markdown="span"><span lang="fr">Europe</span> {fallback}</dd>' in page
    assert (
        f'<dd markdown="span">[<span lang="fr">Institutions nationales et internationales</span> {fallback}](institutions.md)</dd>'
        in page
    )
    assert f'<span class="am-status am-status-planned"><span lang="fr">Prévu</span> {fallback}</span>' in page


def test_an_entry_lists_its_sources_and_its_labels_in_spanish(dataset):
    report = Source("report", "https://example.org/report", "Rapport", "Ville", "fr")
    two_sources = (
        Evidence(("summary",), declaration_source(4), "Les 15 et 16 juin 2023", {}),
        Evidence(("status",), report, "Deux jours", {}),
    )
    page = render_year(with_actions(dataset, synthetic(dataset, evidence=two_sources)), "es", 2023)
    assert "<dt>Fuentes</dt>" in page
    assert (
        '<dd markdown="span">[Declaración de Lisboa, párrafo 4](../declaration.md#p4); '
        '<a href="https://example.org/report" hreflang="fr">Ville, <cite lang="fr">Rapport</cite></a></dd>'
    ) in page
