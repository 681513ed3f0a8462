"""`make check`: every rule the build enforces before it writes anything, in one run
(alliance.assembly.sitecheck.check_site, which the build calls too).

Prints every problem as `file:line:column: message` and exits 1, or prints the summary of what
the data documents and exits 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from alliance.assembly.sitecheck import check_site
from alliance.data.dataset import CACHE_DIR
from alliance.data.problems import DataError
from alliance.paths import CONTENT_DIR, DATA_DIR, ROOT
from alliance.siteconfig import load_site_config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (holding content/, data/, theme/)")
    args = parser.parse_args(argv)
    data_dir, content_dir = (
        (args.root / "data", args.root / "content") if args.root != ROOT else (DATA_DIR, CONTENT_DIR)
    )
    try:
        dataset = check_site(load_site_config().codes, args.root, data_dir, content_dir, cache_dir=CACHE_DIR)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    except (RecursionError, MemoryError) as error:
        print(f"{args.root.name}: the check stopped on {type(error).__name__}: please report it", file=sys.stderr)
        return 1
    print(
        f"Data valid: {len(dataset.cities)} cities, {len(dataset.actions)} actions, {len(dataset.practices)} practices."
    )
    print(dataset.coverage.summary())
    print("Pages: every page, translation and link follows the rules of the build.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
