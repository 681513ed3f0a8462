"""The search index of the languages built together, without duplicates, in linear time.

mkdocs-static-i18n 1.3.1 stacks the search entries of every language, then removes each entry
of another language that repeats one of the default language's (a page shown in French under
en/ ...): same title and text, its location ending with the default entry's location. Its own
`reconfigure_search_duplicates` compares every pair of entries and removes each duplicate with
`list.remove` (O(n²): 160 s of a 4,220-page build); this gives the same list with a dict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


def remove_search_duplicates(entries: list[dict], languages: Iterable[str]) -> None:
    """Removes in place every entry under a language's folder (`en/...`) whose title and text
    are a default-language entry's and whose location ends with that entry's location."""
    prefixes = tuple(f"{language}/" for language in languages)
    default_locations: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entry in entries:
        if not entry["location"].startswith(prefixes):
            default_locations[entry["title"], entry["text"]].append(entry["location"])

    def duplicated(entry: dict) -> bool:
        location = entry["location"]
        if not location.startswith(prefixes):
            return False
        # Nearly always one location per (title, text): the page shown under each language.
        return any(location.endswith(default) for default in default_locations.get((entry["title"], entry["text"]), ()))

    entries[:] = [entry for entry in entries if not duplicated(entry)]
