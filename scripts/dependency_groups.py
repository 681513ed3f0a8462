"""Prints the requirements of pyproject.toml's dependency groups named on the command line, one a
line, for pip-compile (`make lock`): pip-tools reads `[project]` but not `[dependency-groups]`."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def group_requirements(names: list[str]) -> list[str]:
    groups = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["dependency-groups"]
    return [requirement for name in names for requirement in groups[name]]


if __name__ == "__main__":
    print("\n".join(group_requirements(sys.argv[1:])))
