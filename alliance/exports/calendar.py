"""The agenda as an iCalendar feed per language (RFC 5545), written by the icalendar library.

Only actions whose days are known become events: an all-day event for "2024" or "June 2023"
would invent a date. Nothing depends on the day of the build: DTSTAMP, when the entry was made
(RFC 5545), is the time of the data's last commit (alliance.assembly.reproducible.data_changed_at),
so two builds of the same data give the same files.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event, vText

from alliance.data.actions import Action
from alliance.data.dataset import Dataset
from alliance.pages.sources import absolute_source
from alliance.pages.timeline import place_text
from alliance.pages.typography import typeset_text, with_colon
from alliance.siteconfig import Publication

UID_DOMAIN = "alliance-migrations"
# RFC 5545 STATUS of a VEVENT: only an action that took place is certain.
EVENT_STATUS = {"held": "CONFIRMED"}


def is_event(action: Action) -> bool:
    return action.when.precision in ("day", "range")


def _description(action: Action, dataset: Dataset, language: str, publication: Publication) -> str:
    labels = dataset.labels
    # The declaration's paragraph in the feed's language.
    sources = "\n".join(absolute_source(s, publication, language) for s in action.sources)
    summary = action.summary.show(language)
    # Plain text cannot mark a language: a French summary says that it is not translated yet.
    fallback = f" ({labels.ui('fallback-field', language)})" if summary.is_fallback else ""
    # The prose in its language's typography, as on the pages; the addresses as they are.
    return "\n\n".join(
        [
            typeset_text(summary.text, summary.language) + typeset_text(fallback, language),
            typeset_text(
                f"{with_colon(labels.ui('agenda-status', language), language)} "
                + labels.term("status", action.status, language).text,
                language,
            ),
            typeset_text(with_colon(labels.ui("agenda-sources", language), language), language) + f"\n{sources}",
        ]
    )


def _event(
    action: Action, dataset: Dataset, language: str, publication: Publication, default_language: str, stamp: dt.datetime
) -> Event:
    event = Event()
    event.add("uid", f"{action.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    start, end = action.when.start, action.when.end
    assert start and end, "only dated actions are events (is_event)"
    event.add("dtstart", start)
    # All-day events end on the day after the last one (DTEND is exclusive).
    event.add("dtend", end + dt.timedelta(days=1))
    title = action.title.show(language)
    # A title shown in French for want of a translation says so to the calendar application.
    event.add(
        "summary",
        typeset_text(title.text, title.language),
        parameters={"LANGUAGE": title.language} if title.is_fallback else {},
    )
    event.add("location", typeset_text(place_text(action, dataset, language), language))
    event.add("description", _description(action, dataset, language, publication))
    event.add("status", EVENT_STATUS.get(action.status, "TENTATIVE"))
    if action.targets:
        event.add("categories", [dataset.labels.term("target", t, language).text for t in action.targets])
    event.add("url", publication.page_url(language, default_language, f"agenda/#{action.id}"))
    return event


def agenda_feed(
    dataset: Dataset, language: str, publication: Publication, default_language: str, stamp: dt.datetime
) -> str:
    """The feed of every action with known days, in `language`; `stamp` is every event's DTSTAMP."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Alliance Migrations//Agenda//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # As text values (escaped); icalendar would write NAME and X-WR-CALNAME as they are.
    name = vText(dataset.labels.ui("agenda-feed-name", language))
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    for action in dataset.actions:
        if is_event(action):
            calendar.add_component(_event(action, dataset, language, publication, default_language, stamp))
    return calendar.to_ical().decode("utf-8")
