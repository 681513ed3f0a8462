"""Dates of the agenda written for readers, in each language, at the precision of the data (CLDR via Babel)."""

from __future__ import annotations

from babel.dates import format_date, format_interval, format_skeleton

from alliance.actions import When


def format_when(when: When, language: str) -> str | None:
    """"15 juin 2023", "26–27 janv. 2023", "novembre 2023", "2024"; None when the data has no date."""
    if when.start is None:
        return None
    if when.precision == "year":
        return str(when.start.year)
    if when.precision == "month":
        return format_skeleton("yMMMM", when.start, locale=language)
    if when.precision == "range":
        return format_interval(when.start, when.end, "yMMMMd", locale=language)
    return format_date(when.start, "long", locale=language)
