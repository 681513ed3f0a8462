"""The agenda and milestones of the network (data/actions.yaml)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from alliance.data.checks import check_languages, check_text_characters, check_unique_ids, records
from alliance.data.evidence import Evidence, EvidenceContext, Source, build_evidence, check_evidence, evidence_sources
from alliance.data.problems import Problem, did_you_mean
from alliance.data.yamlload import YamlDocument
from alliance.localized import LocalizedText

Precision = Literal["year", "month", "day", "range", "yearly", "undated"]


class DateError(ValueError):
    """A `when` value that has the right form but names no real date."""


@dataclass(frozen=True)
class When:
    """A date at the precision the sources give it."""

    precision: Precision
    start: dt.date | None = None
    end: dt.date | None = None  # last day included

    @property
    def is_dated(self) -> bool:
        return self.start is not None

    @property
    def machine(self) -> str | None:
        """The value of an HTML <time datetime>: as precise as the data, no more."""
        if self.start is None:
            return None
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()

    def sort_key(self) -> tuple:
        # Undated and yearly after every date: none reaches date.max (the schema's years end at 2099).
        return (self.start or dt.date.max, self.end or dt.date.max)


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def parse_when(value: str | int | None) -> When:
    if value is None:
        return When("undated")
    text = str(value)
    if text == "yearly":
        return When("yearly")
    if "/" in text:
        first, last = (_parse_day(part) for part in text.split("/", 1))
        if last < first:
            raise DateError(f"the range ends ({last.isoformat()}) before it starts ({first.isoformat()})")
        if last == first:
            return When("day", first, first)
        return When("range", first, last)
    if _DAY.match(text):
        day = _parse_day(text)
        return When("day", day, day)
    if match := _MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise DateError(f'"{text}": there is no month {month:02d}')
        return When("month", dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))
    if _YEAR.match(text):
        year = int(text)
        return When("year", dt.date(year, 1, 1), dt.date(year, 12, 31))
    raise DateError(f'"{text}" is not a date')


def _parse_day(text: str) -> dt.date:
    match = _DAY.match(text)
    if not match:
        raise DateError(f'"{text}" is not a day of the form 2023-06-15')
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise DateError(f'"{text}" is not a real calendar date') from None


@dataclass(frozen=True)
class Action:
    id: str
    title: LocalizedText
    summary: LocalizedText
    when: When
    city: str | None
    region: str | None
    targets: tuple[str, ...]
    status: str
    evidence: tuple[Evidence, ...]

    @property
    def sources(self) -> tuple[Source, ...]:
        return evidence_sources(self.evidence)


def action_claims(action: Mapping[str, Any]) -> tuple[str, ...]:
    """The claims of an action, each of which needs a quote: its words, status and place, its date
    and targets when given."""
    return ("title", "summary", "status", "place", *(field for field in ("when", "targets") if field in action))


def build_actions(data: dict[str, Any], sources: Mapping[str, Source]) -> tuple[Action, ...]:
    """Typed records from data that passed check_actions, in chronological order."""
    actions = tuple(
        Action(
            id=a["id"],
            title=LocalizedText.from_data(a["title"]),
            summary=LocalizedText.from_data(a["summary"]),
            when=parse_when(a.get("when")),
            city=a["place"].get("city"),
            region=a["place"].get("region"),
            targets=tuple(a.get("targets", ())),
            status=a["status"],
            evidence=build_evidence(a["evidence"], sources),
        )
        for a in data.get("actions") or ()
    )
    return tuple(sorted(actions, key=lambda a: (a.when.sort_key(), a.id)))


def check_actions(
    doc: YamlDocument, city_ids: set[str] | None, languages: tuple[str, ...], context: EvidenceContext
) -> Iterator[Problem]:
    """Checks the schema cannot express; tolerant of values the schema already rejected."""
    yield from check_unique_ids(doc, "actions")
    for i, action in records(doc, "actions"):
        for field in ("title", "summary"):
            yield from check_languages(doc, ("actions", i, field), action.get(field), languages)
            yield from check_text_characters(doc, ("actions", i, field), action.get(field))
        claims = action_claims(action)
        yield from check_evidence(doc, ("actions", i, "evidence"), action.get("evidence"), claims, claims, context)
        place = action.get("place")
        if (
            city_ids is not None
            and isinstance(place, dict)
            and isinstance(place.get("city"), str)
            and place["city"] not in city_ids
        ):
            city = place["city"]
            hint = did_you_mean(city, sorted(city_ids))
            yield doc.problem(("actions", i, "place", "city"), f'no city has the id "{city}" in data/cities.yaml{hint}')
        yield from _check_when(doc, i, action)


def _check_when(doc: YamlDocument, i: int, action: dict) -> Iterator[Problem]:
    raw = action.get("when")
    if not (raw is None or isinstance(raw, (str, int))) or isinstance(raw, bool):
        return  # the schema reports the type
    try:
        when = parse_when(raw)
    except DateError as error:
        if isinstance(raw, str) and re.match(r"^\d{4}", raw):
            yield doc.problem(("actions", i, "when"), str(error))
        return
    status = action.get("status")
    if status == "recurring" and when.precision != "yearly":
        yield doc.problem(("actions", i, "when"), 'a recurring action takes place every year: write "when: yearly"')
    if status == "held" and not when.is_dated:
        yield doc.problem(("actions", i, "when"), 'a held action needs its date in "when" (at least the year)')
