"""Checks data/ alone, as the build does: `make check` (or `python -m scripts.check_data`).

Prints every problem as `file:line:column: message` and exits 1, or prints the summary of what
the data documents and exits 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from alliance.data.dataset import CACHE_DIR, load_dataset
from alliance.data.problems import DataError
from alliance.paths import DATA_DIR
from alliance.siteconfig import load_site_config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="folder holding cities.yaml and actions.yaml")
    args = parser.parse_args(argv)
    try:
        dataset = load_dataset(load_site_config().codes, args.data_dir, cache_dir=CACHE_DIR)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Data valid: {len(dataset.cities)} cities, {len(dataset.actions)} actions.")
    print(dataset.coverage.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
