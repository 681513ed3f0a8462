"""Prints the mutation score of each module after `mutmut run` (`make mutate`), and the survivors.

A surviving mutant is a change of the code that no test notices: each one is either killed by a
new test or listed in tests/mutation/equivalent.txt with the reason it changes nothing a reader
or a contributor can see. Exits 1 while a survivor is neither.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

from alliance.paths import ROOT

MUTANTS = ROOT / "mutants"
EQUIVALENT = ROOT / "tests" / "mutation" / "equivalent.txt"
# A mutant no test reaches survives too.
SURVIVED = ("survived", "no tests")


def equivalent_mutants(path: Path = EQUIVALENT) -> dict[str, str]:
    """`name  # reason` lines: the mutants that change no behaviour, with why."""
    listed = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, _, reason = line.partition("#")
        if name.strip():
            listed[name.strip()] = reason.strip()
    return listed


def mutant_prefix(module: str) -> str:
    """How the names of a module's mutants start: "alliance/pages/home.py" gives "alliance.pages.home."."""
    return module.removesuffix(".py").replace("/", ".") + "."


def statuses(mutants: Path = MUTANTS) -> dict[str, dict[str, str]]:
    """{module file: {mutant name: status}} from mutmut's .meta files."""
    return {
        str(meta.relative_to(mutants).with_suffix("")): {
            name: status_by_exit_code[code]
            for name, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items()
        }
        for meta in sorted(mutants.rglob("*.py.meta"))
    }


def report(by_module: dict[str, dict[str, str]], equivalent: dict[str, str]) -> tuple[list[str], list[str]]:
    """The table's lines, and the survivors nobody explained."""
    lines = [f"{'module':<36} {'mutants':>7} {'killed':>7} {'equiv.':>7} {'survived':>8} {'score':>6}"]
    unexplained = []
    for module, mutants in by_module.items():
        survivors = [name for name, status in mutants.items() if status in SURVIVED]
        counts = Counter(
            "equivalent" if name in equivalent and name in survivors else status for name, status in mutants.items()
        )
        unexplained += [name for name in survivors if name not in equivalent]
        relevant = len(mutants) - counts["equivalent"] - counts["not checked"]
        killed = counts["killed"] + counts["timeout"] + counts["caught by type check"]
        score = f"{100 * killed / relevant:.0f} %" if relevant else "—"
        survived = counts["survived"] + counts["no tests"]
        lines.append(f"{module:<36} {len(mutants):>7} {killed:>7} {counts['equivalent']:>7} {survived:>8} {score:>6}")
        if counts["not checked"] or counts["no tests"]:
            lines.append(f"    {counts['not checked']} not checked, {counts['no tests']} reached by no test")
    return lines, unexplained


def stale(by_module: dict[str, dict[str, str]], equivalent: dict[str, str]) -> list[str]:
    """Listed mutants of the modules that were run that no longer survive, or no longer exist:
    after a change of their function, their name may be another mutant's, so the list is brought
    up to date before it explains anything. A mutant not checked (a module, or a part of the
    matrix, that was not run) waits for its next run."""
    status = {name: state for mutants in by_module.values() for name, state in mutants.items()}
    run = tuple(mutant_prefix(module) for module in by_module)
    return [name for name in equivalent if name.startswith(run) and status.get(name) not in ("not checked", *SURVIVED)]


def main() -> int:
    # A module none of whose mutants was checked belongs to another part (`make mutate MUTANTS=...`).
    by_module = {module: mutants for module, mutants in statuses().items() if set(mutants.values()) != {"not checked"}}
    if not by_module:
        print("No mutation results: run `make mutate`.", file=sys.stderr)
        return 1
    equivalent = equivalent_mutants()
    lines, unexplained = report(by_module, equivalent)
    print("\n".join(lines))
    listed = EQUIVALENT.relative_to(ROOT)
    if unexplained:
        print(
            f"\n{len(unexplained)} surviving mutants, neither killed by a test nor listed as equivalent in "
            f"{listed} (see each with `.venv/bin/mutmut show NAME`):"
        )
        print("\n".join(f"  {name}" for name in unexplained))
    if gone := stale(by_module, equivalent):
        print(
            f"\n{len(gone)} mutants listed in {listed} no longer survive: remove them, and check the others of their functions:"
        )
        print("\n".join(f"  {name}" for name in gone))
    return 1 if unexplained or gone else 0


if __name__ == "__main__":
    sys.exit(main())
