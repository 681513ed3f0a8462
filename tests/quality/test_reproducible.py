"""Two builds of the same commit are byte-identical: what is published can be rebuilt and checked."""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import shutil
import subprocess

import pytest

from alliance.assembly.reproducible import FALLBACK_EPOCH, commit_epoch, data_epoch, source_date_epoch
from alliance.paths import ROOT
from tests.conftest import build_site

# Files allowed to differ between two builds, with the reason. hooks/reproducible.py dates the
# sitemap from the commit (SOURCE_DATE_EPOCH), so none is needed today.
ALLOWED_DIFFERENCES: dict[str, str] = {}


def differences(first, second) -> list[str]:
    found = []
    files = {p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()}
    others = {p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()}
    found += [f"only in the first build: {name}" for name in sorted(files - others)]
    found += [f"only in the second build: {name}" for name in sorted(others - files)]
    found += [
        f"differs: {name}"
        for name in sorted(files & others)
        if name not in ALLOWED_DIFFERENCES and not filecmp.cmp(first / name, second / name, shallow=False)
    ]
    return found


# What a copy of the project needs to build; the Python and Node packages are shared.
_NOT_COPIED = shutil.ignore_patterns(
    ".venv", "node_modules", "site", "site.tmp", "mutants", ".cache", ".pytest_cache", ".hypothesis", "__pycache__"
)


def test_a_build_elsewhere_at_another_time_is_byte_identical(built_site, tmp_path):
    """The same commit built in another folder, years later, in another time zone, locale and hash
    seed gives the same bytes: nothing published depends on the clock or the machine."""
    if not shutil.which("faketime"):
        pytest.skip("faketime is not installed (Debian: apt-get install faketime)")
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(ROOT, elsewhere, ignore=_NOT_COPIED)
    (elsewhere / "node_modules").symlink_to(ROOT / "node_modules")
    result = build_site(
        tmp_path / "again",
        elsewhere / "mkdocs.yml",
        wrapper=("faketime", "2031-03-04 05:06:07"),
        TZ="Pacific/Kiritimati",
        LC_ALL="C.UTF-8",
        LANG="C.UTF-8",
        PYTHONHASHSEED="4321",
    )
    assert result.returncode == 0, result.stderr
    assert (
        "2031"
        in subprocess.run(
            ["faketime", "2031-03-04 05:06:07", "date", "+%Y"], capture_output=True, text=True, check=False
        ).stdout
    )
    assert not differences(built_site, tmp_path / "again")


def test_sitemap_is_dated_by_the_commit_not_the_clock(built_site):
    epoch = source_date_epoch(dict(os.environ), ROOT)
    if epoch is None:
        pytest.skip("the sources are not a git checkout: the build is dated by the clock")
    day = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>" in sitemap and sitemap.count("<lastmod>") == sitemap.count(f"<lastmod>{day}</lastmod>")


def git(folder, *args, **env):
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=dict(os.environ, **env))


def commit(folder, message: str, stamp: str) -> None:
    """A commit dated `stamp` (ISO 8601), by a test author."""
    git(
        folder,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.org",
        "commit",
        "-qm",
        message,
        GIT_COMMITTER_DATE=stamp,
        GIT_AUTHOR_DATE=stamp,
    )


def test_source_date_epoch_is_the_commit_time(tmp_path):
    assert commit_epoch(tmp_path) is None
    git(tmp_path, "init", "-q")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    git(tmp_path, "add", "file")
    stamp = "2023-01-27T12:00:00+00:00"
    commit(tmp_path, "x", stamp)
    expected = int(dt.datetime.fromisoformat(stamp).timestamp())
    assert commit_epoch(tmp_path) == expected
    assert source_date_epoch({}, tmp_path) == str(expected)
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "0"}, tmp_path) == "0"
    assert source_date_epoch({}, tmp_path / "no-repository") is None


def test_calendar_stamp_is_the_data_commit_then_source_date_epoch_then_a_fixed_day(tmp_path):
    data = tmp_path / "data"
    assert data_epoch({}, data) == FALLBACK_EPOCH
    assert data_epoch({"SOURCE_DATE_EPOCH": "1700000000"}, data) == 1700000000
    git(tmp_path, "init", "-q")
    data.mkdir()
    for name, stamp in (("data/actions.yaml", "2023-01-27T12:00:00+00:00"), ("README.md", "2024-05-01T08:00:00+00:00")):
        (tmp_path / name).write_text("x", encoding="utf-8")
        git(tmp_path, "add", name)
        commit(tmp_path, name, stamp)
    # A later commit elsewhere does not change when the data was last changed.
    expected = int(dt.datetime.fromisoformat("2023-01-27T12:00:00+00:00").timestamp())
    assert data_epoch({"SOURCE_DATE_EPOCH": "1700000000"}, data) == expected
