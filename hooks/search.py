"""Each page's entry in the search index, and the search page's interface texts
(alliance/assembly/search.py), for theme/main.html and theme/search-page.html."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from alliance.assembly.search import interface_translations, search_entry
from hooks.site import current_language, dataset

SEARCH_TEMPLATE = "search-page.html"


def on_page_context(context: dict, page, config: MkDocsConfig, nav) -> dict:
    context["search_entry"] = search_entry(page.file.src_uri, page.meta)
    if page.meta.get("template") == SEARCH_TEMPLATE:
        context["search_translations"] = interface_translations(dataset(config).labels, current_language(config))
    return context
