"""Two builds of the same commit are byte-identical: what is published can be rebuilt and checked."""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import subprocess

import pytest

from alliance.paths import ROOT
from alliance.build.reproducible import commit_epoch, source_date_epoch
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
        f"differs: {name}" for name in sorted(files & others)
        if name not in ALLOWED_DIFFERENCES and not filecmp.cmp(first / name, second / name, shallow=False)
    ]
    return found


def test_two_builds_are_byte_identical(built_site, tmp_path):
    result = build_site(tmp_path / "again")
    assert result.returncode == 0, result.stderr
    assert not differences(built_site, tmp_path / "again")


def test_sitemap_is_dated_by_the_commit_not_the_clock(built_site):
    epoch = source_date_epoch(dict(os.environ), ROOT)
    if epoch is None:
        pytest.skip("the sources are not a git checkout: the build is dated by the clock")
    day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>" in sitemap and sitemap.count("<lastmod>") == sitemap.count(f"<lastmod>{day}</lastmod>")


def git(folder, *args, **env):
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=dict(os.environ, **env))


def test_source_date_epoch_is_the_commit_time(tmp_path):
    assert commit_epoch(tmp_path) is None
    git(tmp_path, "init", "-q")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    git(tmp_path, "add", "file")
    stamp = "2023-01-27T12:00:00+00:00"
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x",
        GIT_COMMITTER_DATE=stamp, GIT_AUTHOR_DATE=stamp)
    expected = int(dt.datetime.fromisoformat(stamp).timestamp())
    assert commit_epoch(tmp_path) == expected
    assert source_date_epoch({}, tmp_path) == str(expected)
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "0"}, tmp_path) == "0"
    assert source_date_epoch({}, tmp_path / "no-repository") is None
