"""Under CI=true a skip is a failure (tests/no_skips_in_ci.py); elsewhere it stays a skip."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from alliance.paths import ROOT

SKIPPING = """
import pytest

def test_skipped_inside():
    pytest.skip("no browser here")

@pytest.mark.skip(reason="marked")
def test_marked():
    pass

@pytest.mark.xfail(reason="known", strict=True)
def test_expected_failure():
    assert False
"""


@pytest.mark.parametrize(
    "ci, exit_code, summary",
    [
        # A skip mark acts before the test runs: it becomes an error of its set-up.
        ("true", 1, "1 failed, 1 xfailed, 1 error"),
        ("", 0, "2 skipped, 1 xfailed"),
    ],
)
def test_a_skip_fails_only_in_ci(tmp_path, ci, exit_code, summary):
    (tmp_path / "test_skipping.py").write_text(SKIPPING, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.no_skips_in_ci", "-p", "no:cacheprovider", "-q", str(tmp_path)],
        cwd=tmp_path,
        env=dict(os.environ, CI=ci, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == exit_code, result.stdout
    assert summary in result.stdout
    if ci:
        assert "skipped under CI=true, where every test must run: Skipped: no browser here" in result.stdout
