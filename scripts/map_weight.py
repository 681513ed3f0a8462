"""Prints what the map page weighs in each language of a built site (gzip-compressed, tiles excluded).

Usage: python -m scripts.map_weight [SITE_DIR]   (default: site/, as `make build` leaves it)
"""

from __future__ import annotations

import sys
from pathlib import Path

from alliance.pageweight import MAP_BUDGET, map_page_path, page_weight
from alliance.paths import ROOT
from alliance.siteconfig import load_site_config


def main(argv: list[str]) -> int:
    site_dir = Path(argv[0]) if argv else ROOT / "site"
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir} holds no built site: run `make build` first", file=sys.stderr)
        return 1
    config = load_site_config()
    for language in config.codes:
        weight = page_weight(site_dir, map_page_path(language, config.default_language))
        print(f"map page ({language}): {weight.total / 1000:.1f} kB gzip-compressed, "
              f"{len(weight.compressed)} files (budget {MAP_BUDGET / 1000:.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
