"""Work on the whole built site, once every language is built: the 404 page in every language,
the search index, Material's unused scripts left out and its style sheets trimmed, then the
Content-Security-Policy of every page, from its final HTML (alliance/assembly/)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from alliance.assembly.csp import secure_site
from alliance.assembly.material import drop_material_scripts
from alliance.assembly.notfound import FILE_NAME, NotFoundWords, not_found_page
from alliance.assembly.search import SearchIndexFailed, index_site
from alliance.assembly.styles import StylesTrimFailed, trim_styles
from alliance.pages.typography import typeset
from hooks.site import dataset, i18n

log = logging.getLogger("mkdocs.hooks.whole_site")


# After the i18n plugin's post-build (-100), which builds the other languages from its own
# post-build: each of those builds runs this too, while the plugin says it is building.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    plugin = i18n(config)
    if plugin.building:
        return
    site = Path(config.site_dir)
    labels = dataset(config).labels
    words = tuple(
        NotFoundWords(
            language=language.locale,
            language_name=language.name,
            title=labels.ui("not-found-title", language.locale),
            text=labels.ui("not-found-text", language.locale),
            home=labels.ui("not-found-home", language.locale),
            search=labels.ui("search-the-site", language.locale),
        )
        for language in plugin.config.languages
        if language.build
    )
    # Typeset as every other page (hooks/pages.py): each language's section by its own rules.
    page = typeset(
        not_found_page(config.site_name, config.site_url or "/", words, plugin.default_language),
        plugin.default_language,
    )
    (site / FILE_NAME).write_text(page, encoding="utf-8")
    # Each language's build wrote its own copy beside its pages: only the root one is ever served.
    for word in words:
        if word.language != plugin.default_language:
            (site / word.language / FILE_NAME).unlink(missing_ok=True)
    drop_material_scripts(site)
    try:
        summary = index_site(site)
    except SearchIndexFailed as error:
        raise PluginError(f"The search index could not be built:\n{error}") from None
    # After the search bundle: Pagefind's interface is read for the markup it writes.
    try:
        sheets = trim_styles(site)
    except StylesTrimFailed as error:
        raise PluginError(f"Material's style sheets could not be trimmed:\n{error}") from None
    for sheet in sheets:
        log.info(f"Style sheet {sheet.name}: {sheet.size} bytes, {sheet.trimmed_size} trimmed ({sheet.trimmed_name})")
    # Last: the policy hashes the inline scripts of the HTML as every step above left it.
    secured = secure_site(site)
    log.info(f"Content-Security-Policy: {secured} HTML files")
    log.info(
        "Search index: "
        + " ".join(line.strip() for line in summary.splitlines() if "Indexed" in line or "language" in line.lower())[
            :300
        ]
    )
