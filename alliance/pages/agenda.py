"""The agenda's generated files: its pages (agenda/) and its exports (open-data/)."""

from __future__ import annotations

import json

from alliance.assembly.reproducible import data_changed_at
from alliance.data.actions import Action
from alliance.data.dataset import Dataset
from alliance.exports.calendar import agenda_feed
from alliance.localized import ORIGINAL_LANGUAGE, localized_name
from alliance.pages.sources import absolute_source, published_evidence
from alliance.pages.timeline import by_year, render_agenda, render_target, render_year, targets_in_use
from alliance.siteconfig import Publication, load_publication


def feed_name(language: str) -> str:
    return localized_name("agenda", language, "ics")


def agenda_pages(dataset: Dataset, languages: tuple[str, ...]) -> dict[str, str]:
    """agenda/index.md, a page per year (2023.md) and per target (institutions.md), per language."""
    pages = {}
    for language in languages:
        pages[localized_name("index", language)] = render_agenda(dataset, language, feed_name(language))
        for year in by_year(dataset.actions):
            pages[localized_name(str(year), language)] = render_year(dataset, language, year)
        for target in targets_in_use(dataset):
            pages[localized_name(target, language)] = render_target(dataset, language, target)
    return pages


def action_record(action: Action, publication: Publication) -> dict:
    """Every field of an action, every language of its texts, dates in ISO 8601, sources as
    absolute addresses."""
    when = action.when
    return {
        "id": action.id,
        "title": dict(action.title.texts),
        "summary": dict(action.summary.texts),
        "when": {
            "precision": when.precision,
            "start": when.start.isoformat() if when.start else None,
            "end": when.end.isoformat() if when.end else None,
        },
        "place": {"city": action.city} if action.city else {"region": action.region},
        "targets": list(action.targets),
        "status": action.status,
        "sources": [absolute_source(source, publication) for source in action.sources],
        "evidence": published_evidence(action.evidence, publication),
    }


def actions_json(dataset: Dataset, publication: Publication) -> str:
    return (
        json.dumps({"actions": [action_record(a, publication) for a in dataset.actions]}, ensure_ascii=False, indent=2)
        + "\n"
    )


def agenda_exports(dataset: Dataset, languages: tuple[str, ...]) -> dict[str, str]:
    """open-data/actions.json (all languages) and the calendar feed of each language."""
    publication = load_publication()
    stamp = data_changed_at()
    files = {"actions.json": actions_json(dataset, publication)}
    for language in languages:
        files[feed_name(language)] = agenda_feed(dataset, language, publication, ORIGINAL_LANGUAGE, stamp)
    return files
