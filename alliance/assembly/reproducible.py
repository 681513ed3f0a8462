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
    stamp = result.stdout.strip()
    return int(stamp) if result.returncode == 0 and stamp.isdigit() else None


def source_date_epoch(environment: dict[str, str], folder: Path) -> str | None:
    """The SOURCE_DATE_EPOCH a build should use: the one given, else the commit's time."""
    if environment.get("SOURCE_DATE_EPOCH"):
        return environment["SOURCE_DATE_EPOCH"]
    epoch = commit_epoch(folder)
    return None if epoch is None else str(epoch)


def build_day(environment: Mapping[str, str]) -> dt.date:
    """The day a build speaks for (what is "next" in the agenda): SOURCE_DATE_EPOCH's, which
    hooks/reproducible.py sets to the commit's time, else the clock's; in UTC."""
    epoch = environment.get("SOURCE_DATE_EPOCH", "")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    return moment.date()


def data_epoch(environment: dict[str, str], data_dir: Path) -> int:
    """When the data last changed: the time of the last commit of `data_dir`; without git, the
    SOURCE_DATE_EPOCH given; else FALLBACK_EPOCH."""
    epoch = commit_epoch(data_dir, ".")
    if epoch is not None:
        return epoch
    given = environment.get("SOURCE_DATE_EPOCH", "")
    return int(given) if given.isdigit() else FALLBACK_EPOCH


@cache
def data_changed_at(data_dir: Path = DATA_DIR) -> dt.datetime:
    """data_epoch as a UTC time, asked of git once per process (every language's feed uses it)."""
    return dt.datetime.fromtimestamp(data_epoch(dict(os.environ), data_dir), dt.UTC)
