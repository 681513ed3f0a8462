"""Shared fixtures: one strict build of the whole site per test run, shared by the xdist workers."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import settings

from alliance.paths import ROOT
from alliance.siteconfig import load_site_config

pytest_plugins = ["tests.no_skips_in_ci"]

# The fuzz tests (marked fuzz: a whole data load per example) try FUZZ_EXAMPLES inputs each in
# `make test`, which runs on every pull request, and the profile's many in the weekly job
# (.github/workflows/mutation.yml: `pytest -m fuzz --hypothesis-profile=weekly`).
FUZZ_EXAMPLES = 30
settings.register_profile("weekly", settings.get_profile(settings.get_current_profile_name()), max_examples=1_000)


def fuzz_settings(**options) -> settings:
    """A fuzz test's settings: FUZZ_EXAMPLES examples, or the weekly profile's when it is loaded."""
    if settings.get_current_profile_name() != "weekly":
        options.setdefault("max_examples", FUZZ_EXAMPLES)
    return settings(**options)


_QUALITY_REPORT = "quality report"


@pytest.fixture
def quality_report(request) -> Iterator[list[str]]:
    """Lines printed after the test run (tests/quality/): findings that do not fail, and measured figures."""
    lines: list[str] = []
    yield lines
    # Carried by the test's teardown report, from an xdist worker to the process that prints.
    request.node.user_properties.extend((_QUALITY_REPORT, line) for line in lines)


# Here rather than in tests/quality/: under xdist the process that prints reads only this conftest.
def pytest_terminal_summary(terminalreporter, config) -> None:
    reports = [
        report
        for kept in terminalreporter.stats.values()
        for report in kept
        if getattr(report, "when", None) == "teardown"
    ]
    lines = [
        value
        for report in sorted(reports, key=lambda r: r.nodeid)
        for name, value in report.user_properties
        if name == _QUALITY_REPORT
    ]
    if lines:
        terminalreporter.section("reader-facing quality report")
        for line in lines:
            terminalreporter.line(line)
    _print_cpu(terminalreporter, config)


def cpu_seconds(who: int = resource.RUSAGE_CHILDREN) -> float:
    """User and system CPU seconds of the children waited for (by default) or of this process."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _print_cpu(terminalreporter, config) -> None:
    """The run's CPU (this process and every process it waited for: the xdist workers, which waited
    for their builds and browsers) beside the CPU of the run's one full build: printed, never asserted
    (issue 25's figure; the wall time varies with the machine's load far more)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    run = cpu_seconds(resource.RUSAGE_SELF) + cpu_seconds()
    line = f"CPU of the run: {run:.0f} s (user + system)"
    record = Path(config._tmp_path_factory.getbasetemp()) / "shared-site" / "build.json"
    if record.is_file() and (build := json.loads(record.read_text(encoding="utf-8")).get("cpu_seconds")):
        line += f"; of its one full build: {build:.1f} s; ratio {run / build:.0f}"
    terminalreporter.section("CPU")
    terminalreporter.line(line)


@pytest.fixture(scope="session")
def site_config():
    return load_site_config()


@pytest.fixture(scope="session")
def real_dataset(site_config):
    """The real data, loaded once per session (once per xdist worker, and again in each run of
    `make mutate`, unlike a cache of the process): a frozen record, which the tests only read."""
    from alliance.data.dataset import load_dataset

    return load_dataset(site_config.codes)


# The generator `make build` uses (the Makefile exports it): mkdocs, or its continuation properdocs.
GENERATOR = os.environ.get("GENERATOR", "mkdocs")


def build_site(
    target: Path, config_file: Path = ROOT / "mkdocs.yml", wrapper: tuple[str, ...] = (), **environment: str
) -> subprocess.CompletedProcess:
    """Runs `mkdocs build --strict` (or `properdocs build --strict`) as `make build` does, into `target`,
    from the configuration's folder; `wrapper` runs it under another command (faketime), `environment`
    adds variables."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **environment)
    return subprocess.run(
        [
            *wrapper,
            sys.executable,
            "-m",
            GENERATOR,
            "build",
            "--strict",
            "--config-file",
            str(config_file),
            "--site-dir",
            str(target),
        ],
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@dataclass(frozen=True)
class SharedBuild:
    site: Path
    returncode: int
    output: str  # what the build printed


def run_folder(tmp_path_factory, name: str) -> Path:
    """A folder of the whole test run, the same for all its xdist workers."""
    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker has its own base folder; their parent is the run's.
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / name
    folder.mkdir(exist_ok=True)
    return folder


def shared_build(
    tmp_path_factory, name: str, build: Callable[[Path, Path], subprocess.CompletedProcess]
) -> SharedBuild:
    """`build(work_folder, site_folder)` run once per test run, by whichever xdist worker needs it
    first; the other workers wait for it and read the same site (pytest-xdist's own advice)."""
    folder = run_folder(tmp_path_factory, f"shared-{name}")
    record = folder / "build.json"
    with FileLock(f"{folder}.lock"):
        if not record.is_file():
            start = cpu_seconds()
            result = build(folder, folder / "site")
            done = {"returncode": result.returncode, "output": result.stdout + result.stderr}
            record.write_text(json.dumps(done | {"cpu_seconds": cpu_seconds() - start}), encoding="utf-8")
    done = json.loads(record.read_text(encoding="utf-8"))
    return SharedBuild(folder / "site", done["returncode"], done["output"])


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> SharedBuild:
    """The run's one strict build of the real sources, with what it printed."""
    return shared_build(tmp_path_factory, "site", lambda folder, site: build_site(site))


@pytest.fixture(scope="session")
def built_site(site_build: SharedBuild) -> Path:
    build = site_build
    if build.returncode != 0:
        pytest.fail(f"the strict build failed:\n{build.output}")
    return build.site


def copy_project(destination: Path) -> Path:
    """A copy of the site's sources to change or break without touching the real ones (builds of
    the real sources run beside it); returns its mkdocs.yml. The generated folders of content/
    are left out: the copy's build writes its own."""
    from alliance.assembly.generated import generated_folders

    skipped = generated_folders()
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    for folder in ("content", "data", "theme", "hooks"):
        shutil.copytree(
            ROOT / folder,
            destination / folder,
            ignore=lambda parent, names: [
                n for n in names if n == "__pycache__" or (Path(parent) == ROOT / "content" and n in skipped)
            ],
        )
    return destination / "mkdocs.yml"


# Fixtures and helpers that build the whole site (seconds each); see pytest_collection_modifyitems.
_SITE_BUILDING = {"site_build", "built_site", "site", "site_server", "visit", "browser"}


def pytest_collection_modifyitems(items) -> None:
    # Tests of a built site are marked `site_build`, so that a quick run (`make mutate` runs the unit
    # tests against each mutant) can leave them out with `-m "not site_build"`.
    for item in items:
        module = getattr(item, "module", None)
        if _SITE_BUILDING & set(getattr(item, "fixturenames", ())) or _builds(getattr(module, "build_site", None)):
            item.add_marker(pytest.mark.site_build)


def _builds(function) -> bool:
    # pytest imports this file as `conftest`, a test module as `tests.conftest`: two copies of build_site.
    return getattr(function, "__code__", None) is not None and function.__code__.co_filename == __file__
