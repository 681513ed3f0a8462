"""Shared fixtures: one strict build of the whole site per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from alliance.paths import ROOT
from alliance.siteconfig import load_site_config


@pytest.fixture(scope="session")
def site_config():
    return load_site_config()


# The generator `make build` uses (the Makefile exports it): mkdocs, or its continuation properdocs.
GENERATOR = os.environ.get("GENERATOR", "mkdocs")


def build_site(target: Path, config_file: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    """Runs `mkdocs build --strict` (or `properdocs build --strict`) as `make build` does, into `target`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", GENERATOR, "build", "--strict", "--config-file", str(config_file), "--site-dir", str(target)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    result = build_site(target)
    if result.returncode != 0:
        pytest.fail(f"the strict build failed:\n{result.stdout}\n{result.stderr}")
    return target
