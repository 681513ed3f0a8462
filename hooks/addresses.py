"""Each page's alternates in every language (alliance/pages/alternates.py) and the 404 page's words."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from alliance.pages.alternates import home_alternates, page_alternates, x_default
from hooks.site import NOT_FOUND_PAGES, current_language, dataset, i18n


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


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "404.html":
        plugin = i18n(config)
        languages = ((language.locale, language.name) for language in plugin.config.languages if language.build)
        # Not a page of any language: the switcher leads to each language's home page.
        context["alternates"] = home_alternates(languages, plugin.default_language, config.site_url or "/")
        labels = dataset(config).labels
        language = current_language(config)
        context["not_found"] = {key: labels.ui(f"not-found-{key}", language) for key in ("title", "text", "home")}
    return context


# Each language's 404 page, kept before the i18n plugin's post-build (-100) starts the next
# language's build, which overwrites it.
def on_post_build(config: MkDocsConfig) -> None:
    page = Path(config.site_dir) / "404.html"
    if page.is_file():
        NOT_FOUND_PAGES[current_language(config)] = page.read_text(encoding="utf-8")
