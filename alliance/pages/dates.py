"""Dates written for readers in each language, at the precision of the data (CLDR via Babel).

The site writes each language's regional variety (mkdocs.yml extra.og_locale: en_GB, pt_PT).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from babel import Locale
from babel.dates import format_skeleton, match_skeleton, parse_pattern

from alliance.data.actions import When
from alliance.data.labels import Labels
from alliance.siteconfig import load_publication


@cache
def date_locale(language: str) -> Locale:
    """The regional variety the site writes (mkdocs.yml extra.og_locale): en_GB, pt_PT."""
    return Locale.parse(load_publication().regional_locales.get(language, language))


def _full_month(pattern: str) -> str:
    # CLDR has few "MMMM" interval patterns; its rule is to widen the matched skeleton's field.
    return re.sub(r"(?<!M)MMM(?!M)", "MMMM", pattern)


@cache
def _day_range_patterns(language: str) -> dict:
    """For each field that differs (year, month, day), the patterns of the range's two ends."""
    locale = date_locale(language)
    intervals = locale.interval_formats[match_skeleton("yMMMMd", locale.interval_formats)]
    return {field: tuple(parse_pattern(_full_month(pattern)) for pattern in intervals[field]) for field in "yMd"}


def format_day_range(start: dt.date, end: dt.date, language: str) -> str:
    """ "15–16 juin 2023", "15–16 June 2023", "30 June – 1 July 2023": the locale's interval
    pattern, months in full."""
    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    first, last = _day_range_patterns(language)[field]
    text = first.apply(start, date_locale(language)) + last.apply(end, date_locale(language))
    # en_GB puts thin spaces around the dash even between two numbers; the site's English texts,
    # like every other language's, close it there ("26–27 January 2023" in the declaration).
    return re.sub(r"(?<=\d)\s–\s(?=\d)", "–", text) if field == "d" else text


def format_when(when: When, language: str, labels: Labels) -> str | None:
    """The date in words at its real precision; None for an undated action."""
    locale = date_locale(language)
    if when.precision == "day":
        return format_skeleton("yMMMMd", when.start, locale=locale)
    if when.precision == "range":
        assert when.start and when.end, "a range has both ends (actions.parse_when)"
        return format_day_range(when.start, when.end, language)
    if when.precision == "month":
        return format_skeleton("yMMMM", when.start, locale=locale)
    if when.precision == "year":
        return format_skeleton("y", when.start, locale=locale)
    if when.precision == "yearly":
        return labels.ui("agenda-yearly", language)
    return None


def format_when_alone(when: When, language: str, labels: Labels) -> str | None:
    """The date in words where it stands alone, at the start of an entry: "Every year", "Novembre 2023"."""
    text = format_when(when, language, labels)
    return text[:1].upper() + text[1:] if text else text


def format_day(day: dt.date, language: str) -> str:
    """ "26 novembre 2026", "26 November 2026"."""
    return format_skeleton("yMMMMd", day, locale=date_locale(language))
