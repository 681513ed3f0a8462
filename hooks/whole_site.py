"""Work on the whole built site, once every language is built: the 404 pages in each language,
the search index, Material's unused scripts left out, then the Content-Security-Policy of every
page, from its final HTML (alliance/assembly/)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from alliance.assembly.csp import secure_site
from alliance.assembly.material import drop_material_scripts
from alliance.assembly.notfound import portable_not_found
from alliance.assembly.search import SearchIndexFailed, index_site
from alliance.localized import language_prefix
from alliance.pages.alternates import base_path
from hooks.site import NOT_FOUND_PAGES, i18n, languages

log = logging.getLogger("mkdocs.hooks.whole_site")


# After the i18n plugin's post-build (-100), which builds the other languages from its own
# post-build: each of those builds runs this too, while the plugin says it is building.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    plugin = i18n(config)
    if plugin.building:
        return
    site = Path(config.site_dir)
    default = plugin.default_language
    others = tuple(language for language in languages(config) if language != default)
    base = base_path(config.site_url or "/")
    for language, page in NOT_FOUND_PAGES.items():
        target = site / language_prefix(language, default) / "404.html"
        target.write_text(
            portable_not_found(page, base, others, chooses_language=language == default), encoding="utf-8"
        )
    NOT_FOUND_PAGES.clear()
    drop_material_scripts(site)
    try:
        summary = index_site(site)
    except SearchIndexFailed as error:
        raise PluginError(f"The search index could not be built:\n{error}") from None
    # Last: the policy hashes the inline scripts of the HTML as every step above left it.
    secured = secure_site(site)
    log.info(f"Content-Security-Policy: {secured} HTML files")
    log.info(
        "Search index: "
        + " ".join(line.strip() for line in summary.splitlines() if "Indexed" in line or "language" in line.lower())[
            :300
        ]
    )
