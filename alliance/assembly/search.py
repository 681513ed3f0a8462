"""The site's search: Pagefind indexes the built pages, one index per `<html lang>`.

Only what a page marks with `data-pagefind-body` is indexed (theme/main.html marks the article
of every page shown in its own language; pages shown in French for want of a translation are
left out of the other languages' indexes, so the French original is found once, in French).
Pages that repeat others say so in their front matter with Material's own key (`search:
{exclude: true}`: the agenda's target pages, the translation status, the search page) and are
left out. Each indexed page carries its title as Pagefind's result title, so that a page comes
first for its own name (SearchEntry).
The reader's browser fetches nothing of it until the search page is opened.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from alliance.data.labels import Labels
from alliance.data.practices import INDEX_PAGES, PRACTICES_FOLDER

# Where the index and Pagefind's own scripts are published, from the root of the site.
SEARCH_BUNDLE = "pagefind"
# The search page of each language, inside that language's root.
SEARCH_PAGE = "search/"


@dataclass(frozen=True)
class SearchEntry:
    """How a page enters the search index: whether it does, and whether its title is its name.

    Every indexed page carries its title as Pagefind's `title` metadata (the result's title,
    searched and boosted by Pagefind). A page whose title is its name (the declaration, a city,
    an agenda year) carries it again as `name` metadata, which Pagefind searches too: it comes
    first for its name, before a practice whose title names the same place ("Barcelona, ciudad
    refugio"). Metadata stays out of the results' excerpts.
    """

    indexed: bool
    named: bool


def search_entry(src_uri: str, meta: Mapping) -> SearchEntry:
    """A page's entry, from its source path (`practices/x.md`) and its front matter."""
    search = meta.get("search")
    excluded = isinstance(search, Mapping) and search.get("exclude") is True
    folder, _, name = src_uri.rpartition("/")
    practice = folder == PRACTICES_FOLDER and name.split(".")[0] not in INDEX_PAGES
    return SearchEntry(indexed=not excluded, named=not practice)


# Pagefind's interface texts that its Default UI shows, in data/labels.yaml as `search-ui-…`
# (`clear_search` is `search-ui-clear-search`); `search_label` is the site's own words.
INTERFACE_TEXTS = (
    "placeholder",
    "clear_search",
    "load_more",
    "zero_results",
    "many_results",
    "one_result",
    "alt_search",
    "search_suggestion",
    "searching",
    "results_label",
    "error_search",
    "input_hint",
    "loading",
)


def interface_translations(labels: Labels, language: str) -> dict[str, str]:
    """Pagefind's `translations` option for a language: its interface in the site's words
    (Pagefind's own French says "Nettoyer" for "Clear", its Portuguese is Brazil's)."""
    texts = {key: labels.ui("search-ui-" + key.replace("_", "-"), language) for key in INTERFACE_TEXTS}
    return texts | {"search_label": labels.ui("search-the-site", language)}


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
