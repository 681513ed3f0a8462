"""The site's search: Pagefind indexes the built pages, one index per `<html lang>`.

Only what a page marks with `data-pagefind-body` is indexed (theme/main.html marks the article
of every page shown in its own language; pages shown in French for want of a translation are
left out of the other languages' indexes, so the French original is found once, in French).
The reader's browser fetches nothing of it until the search page is opened.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# Where the index and Pagefind's own scripts are published, from the root of the site.
SEARCH_BUNDLE = "pagefind"
# The search page of each language, inside that language's root.
SEARCH_PAGE = "search/"


class SearchIndexFailed(Exception):
    """Pagefind could not index the site; the message holds what it printed."""


def index_site(site_dir: Path) -> str:
    """Writes the search bundle into site_dir/pagefind/; returns Pagefind's summary."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site_dir),
            "--output-subdir",
            SEARCH_BUNDLE,
            # The headings' permalink signs (¶) are not text of the page.
            "--exclude-selectors",
            ".headerlink",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SearchIndexFailed((result.stdout + result.stderr).strip())
    _sort_languages(site_dir / SEARCH_BUNDLE / "pagefind-entry.json")
    return result.stdout


def _sort_languages(entry: Path) -> None:
    """Pagefind lists the languages in the order its threads finished: sorted, two builds of one
    commit are byte-identical (the other files are named by their content)."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
