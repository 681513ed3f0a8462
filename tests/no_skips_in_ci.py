"""A pytest plugin: under CI (CI=true), a skipped test fails.

CI is where every check must run: a test that skips there (a missing browser, a missing tool, a
sources folder that is not a git checkout) would pass silently. Elsewhere a skip says what is
missing and the run goes on.
"""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, where every test must run: {reason}"
