"""Each page's alternates in every language (alliance/pages/alternates.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from alliance.pages.alternates import page_alternates, x_default
from hooks.site import i18n


# After the i18n plugin (priority 50) has pointed each language's link at this page's version.
@event_priority(-50)
def on_page_context(context: dict, page, config: MkDocsConfig, nav) -> dict:
    # The plugin sets the attribute `config.extra.alternate` (what Material's templates read), not the key.
    links = (
        (alternate["lang"], alternate["name"], alternate["link"])
        for alternate in getattr(config.extra, "alternate", None) or ()
    )
    alternates = page_alternates(links, config.site_url or "/")
    context["alternates"] = alternates
    context["x_default"] = x_default(alternates, i18n(config).default_language) if alternates else None
    return context
