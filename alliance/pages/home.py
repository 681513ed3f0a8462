"""The home page's sections, built from the data: the declared figures, an entry to the map, the
agenda's next and latest entries and one practice per pillar (content/index*.md places them).

Every fact links its sources where it stands. Links are relative to content/ (the home page).
"""

from __future__ import annotations

import datetime as dt
import os

from alliance.assembly.reproducible import build_day
from alliance.data.actions import Action
from alliance.data.dataset import Dataset
from alliance.data.evidence import Source
from alliance.data.schemas import vocabulary
from alliance.pages.catalogue import practice_list
from alliance.pages.citypages import CITIES_FOLDER
from alliance.pages.dates import format_day, format_when_alone
from alliance.pages.markers import marker_svg
from alliance.pages.markup import html_text, md_shown, md_text
from alliance.pages.sources import sources_inline
from alliance.pages.timeline import place_text, status_in_text, targets_in_use

# How many places a role lists on the home page before "and N more"; the map lists them all.
PLACES_PER_ROLE = 4
# How many entries of the agenda the home page shows ahead and behind the build's day.
AGENDA_ENTRIES = 2
# Pages the sections link to, relative to content/.
MAP_PAGE = "map.md"
PRACTICES_INDEX = "practices/index.md"
AGENDA_INDEX = "agenda/index.md"


# The one theme that is not a pillar of the declaration: the home page shows the three pillars.
NOT_A_PILLAR = "political-commitment"


def _sources(dataset: Dataset, sources: tuple[Source, ...], language: str) -> str:
    return sources_inline(sources, dataset.labels, language, "")


def render_figures(dataset: Dataset, language: str) -> str:
    """The figures the declaration states, large, with their sources."""
    declared = dataset.declared
    figures = (
        ("home-figure-participants", declared.participants_more_than),
        ("home-figure-cities", declared.cities),
        ("home-figure-countries", declared.countries),
    )
    items = "\n".join(
        f'<li markdown="span">{dataset.labels.ui_markup(key, language, md_text, count=f"<strong>{number}</strong>")}</li>'
        for key, number in figures
    )
    return (
        f'<ul class="am-figures" markdown="block">\n{items}\n</ul>\n\n'
        f"{_sources(dataset, declared.sources, language)}\n"
        "{: .am-figures-source }\n"
    )


def render_map_entry(dataset: Dataset, language: str) -> str:
    """The roles the sources give the places, each with its marker's shape and its places, then
    the way to the map."""
    fallback = dataset.labels.ui("fallback-field", language)
    lines = []
    for role in vocabulary("role"):
        cities = [city for city in dataset.cities if role in city.roles]
        if not cities:
            continue
        # "and 1 more" would take the room of the name itself: the list is cut from two more on.
        shown = cities if len(cities) <= PLACES_PER_ROLE + 1 else cities[:PLACES_PER_ROLE]
        # Each place with its sources, as everywhere a record is shown (the role is theirs to state).
        names = ", ".join(
            f"[{md_text(city.name[language])}]({CITIES_FOLDER}/{city.id}.md) {_sources(dataset, city.sources, language)}"
            for city in shown
        )
        if len(shown) < len(cities):
            names += " " + dataset.labels.ui_markup(
                "home-map-more", language, md_text, count=str(len(cities) - PLACES_PER_ROLE)
            )
        label = md_shown(dataset.labels.term("role", role, language), fallback)
        entry = dataset.labels.ui_markup("home-map-role", language, md_text, role=label, places=names)
        lines.append(f'<li markdown="span">{marker_svg(role)} <span>{entry}</span></li>')
    link = dataset.labels.ui_markup("home-map-link", language, md_text, count=str(len(dataset.cities)))
    roles = '<ul class="am-map-entry" markdown="block">\n' + "\n".join(lines) + "\n</ul>\n\n" if lines else ""
    return f"{roles}[{link}]({MAP_PAGE}){{: .md-button .md-button--primary }}\n"


def agenda_glance(actions: tuple[Action, ...], today: dt.date) -> tuple[list[Action], list[Action], list[Action]]:
    """(next, latest, yearly): the dated entries not over by `today` (soonest first), the last
    ones over (latest first), and the entries that recur every year without a known day."""
    # A dated entry has its last day (the same as its first for a single day).
    dated = [(action, action.when.end) for action in actions if action.when.end is not None]
    coming = [action for action, end in dated if end >= today][:AGENDA_ENTRIES]
    past = [action for action, end in dated if end < today][::-1][:AGENDA_ENTRIES]
    yearly = [action for action in actions if action.when.precision == "yearly"]
    return coming, past, yearly


def _entry(dataset: Dataset, action: Action, language: str) -> str:
    labels = dataset.labels
    fallback = labels.ui("fallback-field", language)
    # The date starts the entry: "Every year — Welcome Week".
    when = format_when_alone(action.when, language, labels)
    assert when  # the home page lists the dated and the yearly entries: each has its date in words
    # Inside a list item's inline HTML Markdown still reads links and emphasis: escaped for both.
    date = f'<time datetime="{action.when.machine}">{md_text(when)}</time>' if action.when.machine else md_text(when)
    title = md_shown(action.title.show(language), fallback)
    return (
        f'- <span class="am-when">{date}</span> — [{title}]({AGENDA_INDEX}#{action.id}), '
        f"{md_text(place_text(action, dataset, language))} {status_in_text(action, dataset, language)} {_sources(dataset, action.sources, language)}"
    )


def render_agenda_glance(dataset: Dataset, language: str, today: dt.date | None = None) -> str:
    """The next and the latest entries of the agenda, as of the build's day (stated on the page:
    the site is as current as its last build), with their dates as precise as the data."""
    today = today or build_day(os.environ)
    ui = lambda key: dataset.labels.ui(key, language)  # noqa: E731
    coming, past, yearly = agenda_glance(dataset.actions, today)
    day = f'<time datetime="{today.isoformat()}">{html_text(format_day(today, language))}</time>'
    parts = [dataset.labels.ui_markup("home-agenda-as-of", language, md_text, date=day) + "\n"]
    parts.append(f"### {md_text(ui('home-agenda-next'))}\n")
    if not coming:
        # The yearly entries have no date, ahead or behind: the sentence leads to them rather than
        # saying that nothing is coming and then listing them.
        parts.append(md_text(ui("home-agenda-only-yearly" if yearly else "home-agenda-no-date-ahead")) + "\n")
    if coming or yearly:
        parts.append("\n".join(_entry(dataset, action, language) for action in coming + yearly) + "\n")
    if past:
        parts.append(f"### {md_text(ui('home-agenda-latest'))}\n")
        parts.append("\n".join(_entry(dataset, action, language) for action in past) + "\n")
    targets = " · ".join(
        f"[{md_text(dataset.labels.term('target', target, language).text)}](agenda/{target}.md)"
        for target in targets_in_use(dataset)
    )
    if targets:
        parts.append(f"{md_text(ui('agenda-by-target'))} {targets}\n")
    parts.append(f"[{md_text(ui('agenda-whole'))}]({AGENDA_INDEX})\n")
    return "\n".join(parts)


def render_pillars(dataset: Dataset, language: str) -> str:
    """The three pillars of the network's practices (the themes), each with its latest practice."""
    parts = []
    shown: set[str] = set()
    for theme in (theme for theme in vocabulary("theme") if theme != NOT_A_PILLAR):
        # The most recent practice of the theme not shown yet (by year, then id: the same every build).
        practices = sorted(
            (p for p in dataset.practices if theme in p.themes and p.id not in shown),
            key=lambda p: (-(p.year or 0), p.id),
        )
        shown.update(p.id for p in practices[:1])
        label = dataset.labels.term("theme", theme, language).text
        heading = f"### [{md_text(label)}]({PRACTICES_INDEX}#{theme})\n"
        parts.append(
            heading + "\n" + practice_list(dataset, practices[:1], language, to_practices="practices/", to_root="")
        )
    return "\n".join(parts)
