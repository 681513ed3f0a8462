"""The key pages of the site: the ones the reader-facing quality checks open in every language.

The one list: the accessibility, keyboard, privacy and weight checks (tests/quality/) and the
benchmark (scripts/bench.py) all read KEY_PAGES.
"""

from __future__ import annotations

from dataclasses import dataclass

from alliance.localized import language_prefix


@dataclass(frozen=True)
class KeyPage:
    name: str
    # The page's address inside a language's root: "" for the home page, "declaration/" ...
    path: str
    # CSS selectors of controls the keyboard must reach on this page, besides the language
    # switcher and the navigation that every page has (a city list, a filter form ...).
    keyboard_reachable: tuple[str, ...] = ()
    # Gzip bytes of everything the browser fetches to show the page on a first visit (issue 12):
    # frames, fonts, scripts' fetches included, the map's tiles (another host) excluded.
    budget: int = 100_000
    # Gzip bytes of the site's own CSS and JavaScript the page loads and does not use once shown
    # (Lighthouse's "unused CSS" and "unused JavaScript", estimated as it does: a file's gzip size
    # times its unused share; alliance/builtsite/unused.py). Material's sheets are trimmed to the
    # site's rules (alliance/assembly/styles.py): what is left unused is for other pages or other
    # screen widths.
    unused_css_budget: int = 8_000
    unused_js_budget: int = 2_000


# A page of text loads no script but a few lines of the site's own (issue 23): its HTML, Material's
# styles trimmed to the site's rules, site.css and site.js. 21-28 kB today; issue 23 asked for 45 kB
# at most, and the budget keeps most of what the trim won.
TEXT_PAGE_BUDGET = 35_000

KEY_PAGES: tuple[KeyPage, ...] = (
    KeyPage("home", "", budget=TEXT_PAGE_BUDGET),
    KeyPage("declaration", "declaration/", budget=TEXT_PAGE_BUDGET),
    KeyPage("about", "about/", budget=TEXT_PAGE_BUDGET),
    # The map page with its map document and everything both load.
    # Leaflet and its cluster plugin come whole, for one map: most of what the map leaves unused.
    KeyPage(
        "map",
        "map/",
        keyboard_reachable=('article a[href*="cities/"]',),
        budget=130_000,
        unused_css_budget=11_000,
        unused_js_budget=35_000,
    ),
    KeyPage("agenda", "agenda/", budget=TEXT_PAGE_BUDGET),
    KeyPage("city", "cities/lisbon/", budget=TEXT_PAGE_BUDGET),
    KeyPage("practice", "practices/palermo-charter/", budget=TEXT_PAGE_BUDGET),
    # Before any query: Pagefind's interface, not yet its engine nor its index.
    KeyPage(
        "search",
        "search/",
        keyboard_reachable=(".pagefind-ui__search-input",),
        unused_css_budget=11_000,
        unused_js_budget=12_000,
    ),
)


def page_address(page: KeyPage, language: str, default_language: str) -> str:
    """Its address relative to the site's root: the default language has no prefix."""
    return language_prefix(language, default_language) + page.path
