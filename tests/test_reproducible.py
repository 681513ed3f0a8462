"""Dates taken from git or the environment are bounded like dates in data: a commit dated in the
year 10000 (git accepts it) is an unknown date, never a crash of the calendar's stamp."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess

import pytest

from alliance.assembly.reproducible import (
    FALLBACK_EPOCH,
    LATEST_EPOCH,
    bounded_epoch,
    build_day,
    commit_epoch,
    data_epoch,
    source_date_epoch,
)
from alliance.paths import DATA_DIR
from alliance.translations.status import commit_dates, day

YEAR_2024 = 1718454000  # 2024-06-15T12:20:00Z
YEAR_10000 = 253402300800  # 10000-01-01T00:00:00Z


def commit_at(folder, epoch: int, path: str = "data/f.yaml") -> None:
    """A commit dated `epoch` of a new file `path` in the repository in `folder` (made by the first commit)."""
    (folder / path).parent.mkdir(parents=True, exist_ok=True)
    (folder / path).write_text("a: 1\n", encoding="utf-8")
    stamp = f"@{epoch} +0000"
    environment = dict(os.environ, GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
    for command in (
        ["init", "-q"],
        ["add", path],
        ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "x"],
    ):
        subprocess.run(["git", "-C", str(folder), *command], check=True, env=environment)


@pytest.mark.parametrize(("epoch", "known"), [(YEAR_2024, YEAR_2024), (YEAR_10000, None)])
def test_a_commit_dated_past_2099_is_an_unknown_date(tmp_path, epoch, known):
    commit_at(tmp_path, epoch)
    assert commit_epoch(tmp_path) == known
    assert data_epoch({}, tmp_path / "data") == (known or FALLBACK_EPOCH)
    dates = commit_dates(tmp_path, ("data",))
    assert dates == {"data/f.yaml": known or 0}
    assert day(dates["data/f.yaml"]) == ("2024-06-15" if known else "unknown")


@pytest.mark.parametrize(
    ("text", "epoch"),
    [
        ("0", 0),
        ("1718454000\n", YEAR_2024),
        (str(LATEST_EPOCH), LATEST_EPOCH),
        (str(LATEST_EPOCH + 1), None),
        (str(YEAR_10000), None),
        ("9" * 5000, None),  # past Python's limit of digits for int()
        ("-1", None),
        ("１２", None),  # digits, but not ASCII ones
        ("²", None),
        ("", None),
    ],
)
def test_epochs_are_bounded_like_dates_in_data(text, epoch):
    assert bounded_epoch(text) == epoch


def test_the_latest_epoch_is_the_last_second_of_the_latest_year_of_data():
    schema = json.loads((DATA_DIR / "schemas" / "actions.schema.json").read_text(encoding="utf-8"))
    latest_year = max(
        node["maximum"] for node in _walk(schema) if isinstance(node, dict) and node.get("minimum") == 1900
    )
    assert dt.datetime.fromtimestamp(LATEST_EPOCH, dt.UTC) == dt.datetime(
        latest_year, 12, 31, 23, 59, 59, tzinfo=dt.UTC
    )


def _walk(node):
    yield node
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    for child in children:
        yield from _walk(child)


@pytest.mark.parametrize("given", [str(YEAR_10000), "9" * 5000])
def test_a_source_date_past_2099_is_not_the_build_day(given):
    assert build_day({"SOURCE_DATE_EPOCH": given}) == dt.datetime.now(dt.UTC).date()
    assert data_epoch({"SOURCE_DATE_EPOCH": given}, DATA_DIR.parent / "no-such-folder") == FALLBACK_EPOCH


@pytest.fixture
def far_from_utc(monkeypatch):
    """A local time zone whose date differs from UTC's now: 12 hours behind before noon UTC, 13 ahead after."""
    import time

    zone = "Etc/GMT+12" if dt.datetime.now(dt.UTC).hour < 12 else "Etc/GMT-13"
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    yield zone
    monkeypatch.undo()
    time.tzset()


def test_the_build_day_is_utcs_whatever_the_machines_time_zone(far_from_utc):
    assert dt.datetime.now().date() != dt.datetime.now(dt.UTC).date(), f"{far_from_utc} does not differ"
    assert build_day({}) == dt.datetime.now(dt.UTC).date()
    # 2024-06-15T00:30:00Z: the 14th twelve hours behind UTC, the 15th in UTC
    assert build_day({"SOURCE_DATE_EPOCH": "1718411400"}) == dt.date(2024, 6, 15)


def test_the_data_epoch_is_the_last_commit_of_the_data_not_of_the_repository(tmp_path):
    commit_at(tmp_path, YEAR_2024)
    commit_at(tmp_path, YEAR_2024 + 86400, "README.md")
    assert commit_epoch(tmp_path) == YEAR_2024 + 86400
    assert data_epoch({"SOURCE_DATE_EPOCH": "0"}, tmp_path / "data") == YEAR_2024


def test_without_git_the_data_epoch_is_the_source_date_given(tmp_path):
    assert data_epoch({"SOURCE_DATE_EPOCH": str(YEAR_2024)}, tmp_path) == YEAR_2024
    assert data_epoch({}, tmp_path) == FALLBACK_EPOCH


def test_a_build_uses_the_source_date_given_else_the_commits_time(tmp_path):
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "12"}, tmp_path) == "12"
    assert source_date_epoch({}, tmp_path) is None  # no git here
    commit_at(tmp_path, YEAR_2024)
    assert source_date_epoch({"SOURCE_DATE_EPOCH": ""}, tmp_path) == str(YEAR_2024)
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "12"}, tmp_path) == "12"
