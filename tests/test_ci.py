"""The CI entry point (.ci/run), the site workflow and the Makefile's commands: each step runs once,
only what is missing is installed (a browser only where none is found), the preview stops when
make is stopped."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from alliance.data.yamlload import load_yaml
from alliance.paths import ROOT
from tests.quality import browser

pytestmark = pytest.mark.repository

CI_RUN = ROOT / ".ci" / "run"
MISSING = ROOT / ".ci" / "missing-packages"
SITE = ROOT / ".github" / "workflows" / "site.yml"


def ci_commands() -> list[str]:
    """The commands of .ci/run and of the site workflow's steps, comments left out."""
    scripts = [CI_RUN.read_text(encoding="utf-8")]
    for job in load_yaml(SITE).data["jobs"].values():
        scripts += [step["run"] for step in job["steps"] if "run" in step]
    return [line.split("#")[0].strip() for text in scripts for line in text.splitlines() if line.split("#")[0].strip()]


def test_ci_runs_the_static_checks_once():
    # `make test` runs `make lint` first.
    assert sum(bool(re.search(r"\bmake (test|lint)\b", line)) for line in ci_commands()) == 1


def test_ci_builds_the_deployed_site_once():
    assert sum("make build LOCK=build" in line for line in ci_commands()) == 1


def test_ci_looks_for_the_browsers_the_tests_drive():
    names = re.search(r"^BROWSER_NAMES=\(([^)]*)\)$", MISSING.read_text(encoding="utf-8"), re.M).group(1).split()
    assert tuple(names) == browser.BROWSER_NAMES


def executable(folder, name):
    path = folder / name
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.mark.parametrize(
    ("on_path", "chromium_variable", "missing"),
    [
        ((), None, ["chromium", "faketime"]),
        (("google-chrome",), None, ["faketime"]),  # GitHub's Ubuntu runners
        (("chromium-browser", "faketime"), None, []),
        (("faketime",), "opt/chrome", []),
        # CHROMIUM names the browser the tests drive: one found on PATH does not replace it.
        (("chromium", "faketime"), "opt/missing", ["chromium"]),
    ],
)
def test_ci_installs_only_what_is_missing(tmp_path, on_path, chromium_variable, missing):
    (tmp_path / "bin").mkdir()
    (tmp_path / "opt").mkdir()
    for name in (*on_path, "../opt/chrome"):
        executable(tmp_path / "bin", name)
    env = {"PATH": str(tmp_path / "bin")}
    if chromium_variable:
        env["CHROMIUM"] = str(tmp_path / chromium_variable)
    result = subprocess.run(["/bin/bash", str(MISSING)], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.split() == missing, result.stderr


def test_the_tests_drive_the_browser_named_then_the_first_found(tmp_path, monkeypatch):
    for name in ("google-chrome", "chromium-browser"):
        executable(tmp_path, name)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CHROMIUM", raising=False)
    assert browser.find_browser() == tmp_path / "chromium-browser"
    monkeypatch.setenv("CHROMIUM", "/opt/chrome/chrome")
    assert str(browser.find_browser()) == "/opt/chrome/chrome"
    monkeypatch.setenv("CHROMIUM", "")
    monkeypatch.setenv("PATH", os.devnull)
    assert browser.find_browser() is None


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "\nState:\tZ" in status.read_text())  # a zombie has stopped


def test_a_signal_to_make_serve_stops_the_server(tmp_path):
    # A stand-in for the generator that records the process that stays to serve.
    server = tmp_path / "mkdocs"
    server.write_text(f"#!/bin/sh\necho $$ > {tmp_path}/pid\nexec sleep 120\n", encoding="utf-8")
    server.chmod(0o755)
    ready = tmp_path / ".ready"
    ready.touch()
    make = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"BIN={tmp_path}", f"READY={ready}", "GENERATOR=mkdocs"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    pid_file = tmp_path / "pid"
    for _ in range(300):
        if pid_file.is_file() and pid_file.read_text().strip():
            break
        time.sleep(0.1)
    pid = int(pid_file.read_text())
    try:
        make.send_signal(signal.SIGTERM)
        make.wait(timeout=30)
        for _ in range(100):
            if not running(pid):
                break
            time.sleep(0.1)
        assert not running(pid), "make stopped, the server it started still runs"
    finally:
        if running(pid):
            os.kill(pid, signal.SIGKILL)


def test_the_node_version_is_named_once_and_allowed_by_the_package():
    major = int((ROOT / ".nvmrc").read_text(encoding="utf-8").strip())
    setups = [
        step
        for path in sorted((ROOT / ".github" / "workflows").glob("*.yml"))
        for job in load_yaml(path).data["jobs"].values()
        for step in job.get("steps", ())
        if step.get("uses", "").startswith("actions/setup-node@")
    ]
    assert setups and all(step["with"].get("node-version-file") == ".nvmrc" for step in setups)
    assert all("node-version" not in step["with"] for step in setups)
    floor = re.fullmatch(r">=(\d+)", json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["engines"]["node"])
    assert int(floor.group(1)) <= major


def tool_commands(lines) -> set[str]:
    """`ruff check`, `mypy`...: each tool, with its subcommand when it has one."""
    return {re.sub(r"^\S*/", "", line.strip()).split(" -")[0].split(" .")[0].strip() for line in lines}


def test_pre_commit_runs_what_make_lint_runs():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^lint: .*\n((?:\t.*\n)+)", makefile, re.M).group(1).splitlines()
    hooks = load_yaml(ROOT / ".pre-commit-config.yaml").data["repos"][0]["hooks"]
    assert tool_commands(hook["entry"] for hook in hooks) == tool_commands(recipe)
    assert tool_commands(recipe) == {"ruff check", "ruff format", "mypy", "deptry", "vulture", "zizmor"}
