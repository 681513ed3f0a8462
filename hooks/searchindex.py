"""Replaces the i18n plugin's quadratic de-duplication of the search index (alliance/build/searchindex.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from alliance.build.searchindex import remove_search_duplicates
from hooks.site import i18n


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = i18n(config)
    # The plugin calls this method with the stacked entries of every language, once per build;
    # without MkDocs' search plugin it is never called.
    plugin.reconfigure_search_duplicates = lambda entries: remove_search_duplicates(entries, plugin.build_languages)
    return config
