"""The agenda as Markdown pages: the whole timeline, a page per year and a page per target.

Every page is in agenda/, so links to other pages of the site are relative to that folder.
Dates are written by CLDR (Babel) at the precision the sources give, never more precise.
"""

from __future__ import annotations

from collections import defaultdict

from babel.lists import format_list

from alliance.data.actions import Action
from alliance.data.countries import country_name
from alliance.data.dataset import Dataset
from alliance.data.schemas import vocabulary
from alliance.pages.dates import format_when, format_when_alone
from alliance.pages.markup import (
    city_link,
    front_matter,
    html_text,
    in_sentence,
    md_in_html_attribute,
    md_shown,
    md_text,
    standing_alone,
)
from alliance.pages.sources import evidence_disclosure, source_markdown
from alliance.siteconfig import load_publication

# Headings of the sections that are not years; action ids are anchors on the same pages.
UNDATED_ANCHOR = "agenda-undated"
SUBSCRIBE_ANCHOR = "agenda-subscribe"


def place_text(action: Action, dataset: Dataset, language: str) -> str:
    """Plain text of the place (feeds): "Paris, France", or the region's label."""
    if action.city:
        city = dataset.city(action.city)
        return f"{city.name[language]}, {country_name(city.country, language)}"
    assert action.region, "an action names its city or its region (actions.schema.json)"
    return dataset.labels.term("region", action.region, language).text


def _place(action: Action, dataset: Dataset, language: str) -> str:
    if action.city:
        city = dataset.city(action.city)
        return f"{city_link(city, language, '../')}, {md_text(country_name(city.country, language))}"
    assert action.region, "an action names its city or its region (actions.schema.json)"
    # A region's label is written as inside a sentence ("the whole network"); here it stands alone.
    region = standing_alone(dataset.labels.term("region", action.region, language))
    return md_shown(region, dataset.labels.ui("fallback-field", language))


def status_in_text(action: Action, dataset: Dataset, language: str) -> str:
    """The status after a title, in Markdown: "(statut : tenu)" fits after any noun, as the
    word agrees with "statut" and is written in lower case inside the sentence."""
    labels = dataset.labels
    status = labels.term("status", action.status, language)
    shown = md_shown(in_sentence(status), labels.ui("fallback-field", language))
    return f"({labels.ui_markup('agenda-status-in-text', language, md_text, status=shown)})"


def render_entry(action: Action, dataset: Dataset, language: str, level: int) -> str:
    """One action as an item of an ordered list, its title a heading of `level`."""
    labels = dataset.labels
    fallback = labels.ui("fallback-field", language)
    status = html_text(action.status)
    lines = [
        f'<li class="am-action am-status-{status}" markdown="block">',
        f"{'#' * level} {md_shown(action.title.show(language), fallback)} {{ #{action.id} }}",
        "",
    ]
    date = format_when_alone(action.when, language, dataset.labels)
    if date and action.when.machine:
        lines += [f'<p class="am-when"><time datetime="{action.when.machine}">{html_text(date)}</time></p>', ""]
    elif date:
        lines += [f'<p class="am-when">{html_text(date)}</p>', ""]
    targets = ", ".join(f"[{md_shown(labels.term('target', t, language), fallback)}]({t}.md)" for t in action.targets)
    # A citation has commas of its own ("Lisbon declaration, paragraph 1"): citations are parted by semicolons.
    sources = "; ".join(source_markdown(source, dataset.labels, language, "../") for source in action.sources)
    lines += [
        md_shown(action.summary.show(language), fallback),
        "",
        '<dl class="am-action-facts" markdown="block">',
        f"<dt>{html_text(labels.ui('agenda-place', language))}</dt>",
        f'<dd markdown="span">{_place(action, dataset, language)}</dd>',
        *(
            [f"<dt>{html_text(labels.ui('agenda-targets', language))}</dt>", f'<dd markdown="span">{targets}</dd>']
            if targets
            else []  # a meeting that no source ties to the agenda's targets
        ),
        f"<dt>{html_text(labels.ui('agenda-status', language))}</dt>",
        f'<dd><span class="am-status am-status-{status}">{md_shown(labels.term("status", action.status, language), fallback)}</span></dd>',
        f"<dt>{html_text(labels.ui('agenda-sources', language))}</dt>",
        f'<dd markdown="span">{sources}</dd>',
        "</dl>",
        "",
        evidence_disclosure(action.evidence, labels, language, "../", load_publication()),
        "</li>",
    ]
    return "\n".join(lines)


def render_list(actions: list[Action], dataset: Dataset, language: str, level: int) -> str:
    items = "\n".join(render_entry(action, dataset, language, level) for action in actions)
    return f'<ol class="am-timeline" markdown="block">\n{items}\n</ol>\n'


def by_year(actions: tuple[Action, ...]) -> dict[int, list[Action]]:
    """Dated actions under the year they start, in chronological order."""
    years: dict[int, list[Action]] = defaultdict(list)
    for action in actions:
        if action.when.start is not None:
            years[action.when.start.year].append(action)
    return dict(sorted(years.items()))


def render_timeline(actions: tuple[Action, ...], dataset: Dataset, language: str) -> str:
    """Sections (h2) per year, each heading linked to its year page, then the undated actions."""
    parts = []
    for year, group in by_year(actions).items():
        parts.append(f"## [{year}]({year}.md) {{ #year-{year} }}\n\n{render_list(group, dataset, language, 3)}")
    undated = [action for action in actions if not action.when.is_dated]
    if undated:
        heading = md_text(dataset.labels.ui("agenda-undated-heading", language))
        parts.append(f"## {heading} {{ #{UNDATED_ANCHOR} }}\n\n{render_list(undated, dataset, language, 3)}")
    return "\n".join(parts)


def _links(label: str, links: list[tuple[str, str]], css_class: str) -> str:
    """A line of links ("By year: 2019 · 2023") as a Markdown paragraph."""
    items = " · ".join(f"[{md_text(text)}]({target})" for text, target in links)
    return f"{md_text(label)} {items}\n{{: .{css_class} }}\n"


def targets_in_use(dataset: Dataset) -> list[str]:
    """The targets that have actions, in the order of the schema's list: each has a page."""
    used = {target for action in dataset.actions for target in action.targets}
    return [target for target in vocabulary("target") if target in used]


# A description lists the page's entries up to about this many characters, whole entries only.
DESCRIPTION_LENGTH = 300


def entries_description(actions: list[Action] | tuple[Action, ...], dataset: Dataset, language: str) -> str:
    """ "Deuxième rencontre … (26–27 janvier 2023), … et …": each entry's title and date, as plain
    text, listed as the language lists things; whole entries up to DESCRIPTION_LENGTH, then "…"."""
    entries = []
    for action in actions:
        date = format_when(action.when, language, dataset.labels)
        entries.append(f"{action.title[language]} ({date})" if date else action.title[language])
    for count in range(len(entries), 0, -1):
        text = format_list(entries[:count], locale=language)
        if len(text) <= DESCRIPTION_LENGTH or count == 1:
            return text if count == len(entries) else ", ".join(entries[:count]) + ", …"
    return ""


def render_agenda(dataset: Dataset, language: str, feed_file: str) -> str:
    """The agenda page: the whole timeline, ways to browse it, and the calendar feed."""
    labels = dataset.labels
    fallback = labels.ui("fallback-field", language)
    years = [(str(year), f"{year}.md") for year in by_year(dataset.actions)]
    targets = [(labels.term("target", t, language).text, f"{t}.md") for t in targets_in_use(dataset)]
    left_out = [a for a in dataset.actions if a.when.precision in ("year", "month")]
    parts = [
        front_matter(labels.ui("agenda-title", language), labels.ui("agenda-intro", language))
        + f"# {md_text(labels.ui('agenda-title', language))}\n",
        f"{md_text(labels.ui('agenda-intro', language))}\n",
        _links(labels.ui("agenda-by-year", language), years, "am-agenda-years"),
        _links(labels.ui("agenda-by-target", language), targets, "am-agenda-targets"),
        render_timeline(dataset.actions, dataset, language),
        f"## {md_text(labels.ui('agenda-subscribe-heading', language))} {{ #{SUBSCRIBE_ANCHOR} }}\n",
        f"[{md_text(labels.ui('agenda-feed-link', language))}](../open-data/{feed_file})\n",
        f"{md_text(labels.ui('agenda-feed-how', language))}\n",
        f"{md_text(labels.ui('agenda-feed-scope', language))}\n",
    ]
    if left_out:
        items = " · ".join(f"[{md_shown(a.title.show(language), fallback)}](#{a.id})" for a in left_out)
        parts.append(f"{md_text(labels.ui('agenda-feed-left-out', language))} {items}\n")
    parts.append(f"[{md_text(labels.ui('agenda-open-data', language))}](../open-data/actions.json)\n")
    return "\n".join(parts)


def render_year(dataset: Dataset, language: str, year: int) -> str:
    """A year's page: its actions, with links to the neighbouring years and the whole agenda."""
    labels = dataset.labels
    actions_by_year = by_year(dataset.actions)
    years = list(actions_by_year)
    position = years.index(year)
    links = [(labels.ui("agenda-whole", language), "index.md")]
    if position > 0:
        links.append(
            (labels.ui("agenda-previous-year", language, year=years[position - 1]), f"{years[position - 1]}.md")
        )
    if position + 1 < len(years):
        links.append((labels.ui("agenda-next-year", language, year=years[position + 1]), f"{years[position + 1]}.md"))
    navigation = " · ".join(f"[{md_text(text)}]({target})" for text, target in links)
    title = labels.ui("agenda-year-title", language, year=year)
    description = labels.ui(
        "page-description-list",
        language,
        heading=title,
        entries=entries_description(actions_by_year[year], dataset, language),
    )
    return "\n".join(
        [
            front_matter(title, description) + f"# {md_text(title)}\n",
            f'<nav class="am-agenda-years" aria-label="{md_in_html_attribute(labels.ui("agenda-years-nav", language))}" markdown="block">\n{navigation}\n</nav>\n',
            render_list(actions_by_year[year], dataset, language, 2),
        ]
    )


def render_target(dataset: Dataset, language: str, target: str) -> str:
    """A target's page: the actions aimed at it, grouped by year like the whole agenda."""
    labels = dataset.labels
    actions = tuple(action for action in dataset.actions if target in action.targets)
    target_label = labels.term("target", target, language).text
    description = labels.ui(
        "page-description-list", language, heading=target_label, entries=entries_description(actions, dataset, language)
    )
    return "\n".join(
        [
            # The year pages already hold these actions: search finds them there.
            front_matter(target_label, description, searched=False)
            + f"# {md_shown(labels.term('target', target, language), labels.ui('fallback-field', language))}\n",
            f"{md_text(labels.ui('agenda-target-intro', language))}\n",
            f"[{md_text(labels.ui('agenda-whole', language))}](index.md)\n",
            render_timeline(actions, dataset, language),
        ]
    )
