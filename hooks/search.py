"""Each page's entry in the search index (alliance/assembly/search.py), for theme/main.html."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from alliance.assembly.search import search_entry


def on_page_context(context: dict, page, config: MkDocsConfig, nav) -> dict:
    context["search_entry"] = search_entry(page.file.src_uri, page.meta)
    return context
