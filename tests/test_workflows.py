"""The GitHub workflows and Dependabot's settings pass zizmor (actions pinned to commits, no
template injection, no needless permission, a cooldown before updates), as `make lint` runs it."""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from alliance.data.yamlload import load_yaml
from alliance.paths import ROOT
from scripts.mutation_score import mutant_prefix

ZIZMOR = [str(Path(sys.executable).with_name("zizmor")), "--offline", "--collect=workflows", "--collect=dependabot"]


def run_zizmor(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*ZIZMOR, str(folder)], cwd=ROOT, capture_output=True, text=True, check=False)


def test_the_workflows_pass_zizmor():
    # .github/, as `make lint` reads it: elsewhere (node_modules/ in `make mutate`'s copy, which has
    # no .gitignore) zizmor would read the packages' own workflows.
    result = run_zizmor(ROOT / ".github")
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_reports_an_action_on_a_tag(tmp_path):
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    shutil.copy(ROOT / ".github" / "workflows" / "site.yml", workflows / "site.yml")
    text = (workflows / "site.yml").read_text(encoding="utf-8")
    on_a_tag, count = re.subn(r"(uses: [\w./-]+)@[0-9a-f]{40}[^\n]*", r"\1@main", text, count=1)
    assert count == 1
    (workflows / "site.yml").write_text(on_a_tag, encoding="utf-8")
    result = run_zizmor(tmp_path)
    assert result.returncode != 0 and "unpinned-uses" in result.stdout, result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit_with_its_release_named():
    # zizmor wants the commit; the comment is what Dependabot updates and a reader checks.
    for workflow in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        for number, line in enumerate(workflow.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"\s*(- )?uses: (?!\./)", line):
                assert re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$", line), (
                    f"{workflow.name}:{number}: {line.strip()}"
                )


def mutated_modules() -> list[str]:
    """The files of [tool.mutmut] only_mutate in pyproject.toml."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]["only_mutate"]


@pytest.mark.repository  # reads the tree
def test_every_module_of_the_logic_is_mutated():
    """A new module of alliance/ joins `make mutate` with its tests, every survivor killed or explained."""
    modules = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "alliance").rglob("*.py"))
    assert sorted(mutated_modules()) == [m for m in modules if not m.endswith("/__init__.py")]


@pytest.mark.repository  # compares two settings files
def test_the_mutation_workflow_runs_when_a_mutated_module_changes():
    mutated = mutated_modules()
    workflow = load_yaml(ROOT / ".github" / "workflows" / "mutation.yml").data
    paths = workflow["on"]["pull_request"]["paths"]
    assert len(mutated) >= 10
    assert sorted(p for p in paths if p.startswith("alliance/")) == sorted(mutated)
    assert {"tests/**", "pyproject.toml"} <= set(paths)


@pytest.mark.repository  # compares two settings files
def test_each_mutated_module_is_in_one_part_of_the_mutation_matrix():
    parts = load_yaml(ROOT / ".github" / "workflows" / "mutation.yml").data["jobs"]["mutate"]["strategy"]["matrix"]
    patterns = [part.split() for part in parts["part"]]
    prefixes = [mutant_prefix(module) for module in mutated_modules()]
    for prefix in prefixes:
        # The names of a function's mutants and of a method's (`make mutate MUTANTS=...` selects by name).
        for name in (f"{prefix}x_f__mutmut_1", f"{prefix}xǁCǁf__mutmut_1"):
            holding = [i for i, part in enumerate(patterns) if any(fnmatch.fnmatchcase(name, p) for p in part)]
            assert len(holding) == 1, f"{prefix} is in parts {holding}"
    for part in patterns:
        for pattern in part:
            assert any(fnmatch.fnmatchcase(f"{prefix}x_f", pattern) for prefix in prefixes), pattern


def workflow_jobs() -> list[tuple[str, dict]]:
    return [
        (f"{path.name}: {name}", job)
        for path in sorted((ROOT / ".github" / "workflows").glob("*.yml"))
        for name, job in load_yaml(path).data["jobs"].items()
    ]


def test_every_workflow_checks_out_with_one_release_of_checkout():
    refs = {
        step["uses"]
        for _, job in workflow_jobs()
        for step in job.get("steps", ())
        if step.get("uses", "").startswith("actions/checkout@")
    }
    assert len(refs) == 1, refs


def test_every_job_runs_on_a_named_ubuntu_release():
    # ubuntu-latest moves to a new release on GitHub's schedule; .ci/run is tried on the one named.
    assert {name: job["runs-on"] for name, job in workflow_jobs()} == {
        name: "ubuntu-24.04" for name, _ in workflow_jobs()
    }
