"""Reproducible builds: the dates a build writes (sitemap <lastmod>, calendar DTSTAMP) are the
commits', not the clock's."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from alliance.paths import DATA_DIR

# The data's date where git cannot tell it and SOURCE_DATE_EPOCH is not set (a copy of the
# sources without history): the day of the Lisbon declaration, 2023-01-27T00:00:00Z. A fixed
# value keeps two such builds identical; it is documented on the open-data page.
FALLBACK_EPOCH = 1674777600
# Dates from git or the environment are bounded like dates in data (years up to 2099,
# data/schemas/actions.schema.json): git accepts a commit dated in the year 10000, which no
# calendar stamp can write. A date past this is unknown.
LATEST_EPOCH = 4102444799  # 2099-12-31T23:59:59Z


def bounded_epoch(text: str) -> int | None:
    """`text` as seconds since the epoch (1970 to 2099), or None."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(LATEST_EPOCH)):
        return None
    epoch = int(text)
    return epoch if epoch <= LATEST_EPOCH else None


def commit_epoch(folder: Path, *paths: str) -> int | None:
    """The time of the last commit (touching `paths`, if given) in seconds since the epoch, or
    None outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "log", "-1", "--format=%ct", *(["--", *paths] if paths else [])],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return bounded_epoch(result.stdout) if result.returncode == 0 else None


def source_date_epoch(environment: dict[str, str], folder: Path) -> str | None:
    """The SOURCE_DATE_EPOCH a build should use: the one given, else the commit's time."""
    if environment.get("SOURCE_DATE_EPOCH"):
        return environment["SOURCE_DATE_EPOCH"]
    epoch = commit_epoch(folder)
    return None if epoch is None else str(epoch)


def build_day(environment: Mapping[str, str]) -> dt.date:
    """The day a build speaks for (what is "next" in the agenda): SOURCE_DATE_EPOCH's, which
    hooks/reproducible.py sets to the commit's time, else the clock's; in UTC."""
    epoch = bounded_epoch(environment.get("SOURCE_DATE_EPOCH", ""))
    moment = dt.datetime.now(dt.UTC) if epoch is None else dt.datetime.fromtimestamp(epoch, dt.UTC)
    return moment.date()


def data_epoch(environment: dict[str, str], data_dir: Path) -> int:
    """When the data last changed: the time of the last commit of `data_dir`; without git, the
    SOURCE_DATE_EPOCH given; else FALLBACK_EPOCH."""
    epoch = commit_epoch(data_dir, ".")
    if epoch is not None:
        return epoch
    given = bounded_epoch(environment.get("SOURCE_DATE_EPOCH", ""))
    return FALLBACK_EPOCH if given is None else given


@cache
def data_changed_at(data_dir: Path = DATA_DIR) -> dt.datetime:
    """data_epoch as a UTC time, asked of git once per process (every language's feed uses it)."""
    return dt.datetime.fromtimestamp(data_epoch(dict(os.environ), data_dir), dt.UTC)
