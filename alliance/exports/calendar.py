"""The agenda as an iCalendar feed per language (RFC 5545), written by the icalendar library.

Only actions whose days are known become events: an all-day event for "2024" or "June 2023"
would invent a date. Nothing depends on the day of the build: each event's DTSTAMP is the
first day of the event itself, so two builds of the same data give the same files.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from alliance.data.actions import Action
from alliance.data.dataset import Dataset
from alliance.siteconfig import Publication
from alliance.pages.sources import DECLARATION_SOURCE
from alliance.pages.timeline import place_text

UID_DOMAIN = "alliance-migrations"
# RFC 5545 STATUS of a VEVENT: only an action that took place is certain.
EVENT_STATUS = {"held": "CONFIRMED"}


def is_event(action: Action) -> bool:
    return action.when.precision in ("day", "range")


def absolute_source(source: str, language: str, publication: Publication, default_language: str) -> str:
    """`declaration#p4` as the address of that paragraph on the site, in the feed's language."""
    if match := DECLARATION_SOURCE.match(source):
        return publication.page_url(language, default_language, f"declaration/#p{match[1]}")
    return source


def _description(action: Action, dataset: Dataset, language: str, publication: Publication, default_language: str) -> str:
    labels = dataset.labels
    sources = "\n".join(absolute_source(s, language, publication, default_language) for s in action.sources)
    summary = action.summary.show(language)
    # Plain text cannot mark a language: a French summary says that it is not translated yet.
    fallback = f" ({labels.ui('fallback-field', language)})" if summary.is_fallback else ""
    return "\n\n".join([
        summary.text + fallback,
        f"{labels.ui('agenda-status', language)}: {labels.term('status', action.status, language).text}",
        f"{labels.ui('agenda-sources', language)}:\n{sources}",
    ])


def _event(action: Action, dataset: Dataset, language: str, publication: Publication, default_language: str) -> Event:
    event = Event()
    event.add("uid", f"{action.id}@{UID_DOMAIN}")
    start = action.when.start
    event.add("dtstamp", dt.datetime(start.year, start.month, start.day, tzinfo=dt.timezone.utc))
    event.add("dtstart", start)
    # All-day events end on the day after the last one (DTEND is exclusive).
    event.add("dtend", action.when.end + dt.timedelta(days=1))
    title = action.title.show(language)
    # A title shown in French for want of a translation says so to the calendar application.
    event.add("summary", title.text, parameters={"LANGUAGE": title.language} if title.is_fallback else None)
    event.add("location", place_text(action, dataset, language))
    event.add("description", _description(action, dataset, language, publication, default_language))
    event.add("status", EVENT_STATUS.get(action.status, "TENTATIVE"))
    if action.targets:
        event.add("categories", [dataset.labels.term("target", t, language).text for t in action.targets])
    event.add("url", publication.page_url(language, default_language, f"agenda/#{action.id}"))
    return event


def agenda_feed(dataset: Dataset, language: str, publication: Publication, default_language: str) -> str:
    """The feed of every action with known days, in `language`."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Alliance Migrations//Agenda//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = dataset.labels.ui("agenda-feed-name", language)
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    for action in dataset.actions:
        if is_event(action):
            calendar.add_component(_event(action, dataset, language, publication, default_language))
    return calendar.to_ical().decode("utf-8")
