"""Reproducible builds: the date a build writes (sitemap <lastmod>) is the commit's, not the clock's."""

from __future__ import annotations

import subprocess
from pathlib import Path


def commit_epoch(folder: Path) -> int | None:
    """The commit time of HEAD in seconds since the epoch, or None outside a git checkout."""
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "log", "-1", "--format=%ct"],
            capture_output=True, text=True, timeout=30,
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
