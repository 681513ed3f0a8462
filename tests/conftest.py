"""Shared fixtures: one strict build of the whole site per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from alliance.paths import ROOT
from alliance.siteconfig import load_site_config

pytest_plugins = ["tests.no_skips_in_ci"]


@pytest.fixture(scope="session")
def site_config():
    return load_site_config()


# The generator `make build` uses (the Makefile exports it): mkdocs, or its continuation properdocs.
GENERATOR = os.environ.get("GENERATOR", "mkdocs")


def build_site(target: Path, config_file: Path = ROOT / "mkdocs.yml", wrapper: tuple[str, ...] = (), **environment: str) -> subprocess.CompletedProcess:
    """Runs `mkdocs build --strict` (or `properdocs build --strict`) as `make build` does, into `target`,
    from the configuration's folder; `wrapper` runs it under another command (faketime), `environment`
    adds variables."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **environment)
    return subprocess.run(
        [*wrapper, sys.executable, "-m", GENERATOR, "build", "--strict", "--config-file", str(config_file), "--site-dir", str(target)],
        cwd=config_file.parent, env=env, capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    result = build_site(target)
    if result.returncode != 0:
        pytest.fail(f"the strict build failed:\n{result.stdout}\n{result.stderr}")
    return target


# Fixtures and helpers that build the whole site (seconds each); see pytest_collection_modifyitems.
_SITE_BUILDING = {"built_site", "site", "site_server", "visit", "browser"}


def pytest_collection_modifyitems(items) -> None:
    # Tests of a built site are marked `site_build`, so that a quick run (`make mutate` runs the unit
    # tests against each mutant) can leave them out with `-m "not site_build"`.
    for item in items:
        module = getattr(item, "module", None)
        if _SITE_BUILDING & set(getattr(item, "fixturenames", ())) or getattr(module, "build_site", None) is build_site:
            item.add_marker(pytest.mark.site_build)
